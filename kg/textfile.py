"""Reading one file: the text of a document, decoded, its markup and page furniture blanked, its id and title.

A file that cannot be used is a :class:`~kg.model.Skipped` with a one-line reason (empty, binary, undecodable, too
large, unreadable, unsupported): :mod:`kg.corpus` reads a whole folder with these and goes on.

Cleaning never moves a character: what is not article text (markup, page furniture) is replaced by spaces of the
same length, so every offset kg reports is an offset into the decoded file.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import unicodedata
from pathlib import Path

from kg.model import Document, Skipped
from kg.ontology import load_toml

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MAX_BYTES = 2_000_000  # "2 MB" in the help and in the message: decimal megabytes, as --max-file-size
TITLE_MAX_CHARS = 200
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")


def read_document(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | Skipped:
    """Read one file into a :class:`Document`, or say in one line why it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES))
        return Skipped(rel, f"unsupported file type '{suffix or '(none)'}' (kg reads {kinds})")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(rel, f"too large: {megabytes(size, above=max_bytes)} MB, over the {megabytes(max_bytes)} MB "
                                "limit (--max-file-size)")
        raw = path.read_bytes()
    except OSError as exc:
        return Skipped(rel, f"unreadable: {exc.strerror or exc}")
    if not raw.strip():
        return Skipped(rel, "empty file")
    if bom_encoding(raw) is None and looks_binary(raw):  # UTF-16/32 text is full of NUL bytes: read by its BOM
        return Skipped(rel, "binary file (not text)")
    decoded = decode(raw)
    if decoded is None:
        return Skipped(rel, "cannot decode as UTF-8, UTF-16, UTF-32, cp1252 or latin-1")
    text, encoding = decoded
    if suffix in {".md", ".markdown"}:
        text = blank_markdown(text)
    elif suffix in {".html", ".htm"}:
        text = blank_html(text)
    text = blank_furniture(text)
    if not text.strip():
        return Skipped(rel, "no article text left after removing page furniture")
    return Document(
        doc_id=document_id(rel),
        path=rel,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        title=first_line(text),
    )


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control characters, mean this is not a text file."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
REPAIRED = " repaired"  # suffix of Document.encoding while reading: "utf-8 3 repaired" (see kg.corpus.repaired)


def bom_encoding(raw: bytes) -> str | None:
    return next((name for bom, name in BOMS if raw.startswith(bom)), None)


def _readable(text: str) -> bool:
    if text.replace("\n", "").replace("\t", "").isprintable():  # the usual case, decided in C
        return True
    printable = sum(1 for c in text if c.isprintable() or c in "\n\t")
    return printable >= 0.95 * len(text)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes) -> tuple[str, str] | None:
    """Decode by byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8, else cp1252, else latin-1; ``None`` if the
    result is not readable text.

    A UTF-8 file with a few stray invalid bytes stays UTF-8 (each bad byte becomes U+FFFD, and the encoding says
    ``"utf-8 N repaired"``): decoding it all as cp1252 would turn every accented letter into two (« HÃ© »).
    It counts as UTF-8 when it has at least as many valid multi-byte characters as invalid bytes.
    """
    by_bom = bom_encoding(raw)
    if by_bom is not None:
        try:
            text = raw.decode(by_bom)
        except UnicodeDecodeError:
            return None
        text = _normalise_newlines(text.lstrip("\ufeff"))
        return (text, by_bom.removesuffix("-sig")) if _readable(text) else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - raw.count("\ufffd".encode())
        multibyte = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
        if 0 < bad <= multibyte:
            text = _normalise_newlines(text)
            return (text, f"utf-8 {bad}{REPAIRED}") if _readable(text) else None
    else:
        text = _normalise_newlines(text)
        return (text, "utf-8") if _readable(text) else None
    for encoding in FALLBACK_ENCODINGS[1:]:
        try:
            text = _normalise_newlines(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
        if _readable(text):
            return text, encoding
    return None


def document_id(rel: str) -> str:
    """A stable, IRI-safe id from the relative path: ``news/003 Télécom.txt`` -> ``news-003-Telecom``."""
    stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_stem).strip("-.") or "doc"


def megabytes(size: int, above: int | None = None) -> str:
    """Decimal megabytes for people: ``2000000`` -> ``"2"``, ``2097152`` -> ``"2.097"``. With ``above`` (a limit the
    size exceeds), as many decimals as it takes to read larger than the limit: ``2.01`` over ``2``, never ``2.0``."""
    if above is None:
        return f"{size / 1e6:.3f}".rstrip("0").rstrip(".")
    shown_limit = float(megabytes(above))
    for digits in range(1, 7):
        text = f"{size / 1e6:.{digits}f}"
        if float(text) > shown_limit:
            return text
    return f"{size / 1e6:.6f}"


def first_line(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """The title: the first non-empty line, or its first sentence when the line is a whole paragraph, never cut
    inside a word (a line longer than ``limit`` ends at a word boundary, with an ellipsis)."""
    for line in text.splitlines():
        if line.strip():
            return shorten(" ".join(line.split()), limit)
    return ""


def shorten(line: str, limit: int) -> str:
    """``line`` if it fits in ``limit``; else its first sentence if that fits; else its words up to ``limit``, «…»."""
    if len(line) <= limit:
        return line
    sentence = re.match(r"(.{20,}?[.!?])\s", line[: limit + 1])
    if sentence:
        return sentence.group(1)
    cut = line[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_mark(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def _fold(line: str) -> str:
    line = unicodedata.normalize("NFKD", line.strip().casefold())
    if not line.isascii():  # only non-ASCII characters can be combining marks: look at those alone
        line = _NON_ASCII.sub(_drop_mark, line)
    return re.sub(r"[\s:.!…]+$", "", line.replace("’", "'"))


def blank_furniture(text: str) -> str:
    """Blank lone furniture lines, trailing comment sections and repeated long lines (see ontology/furniture.toml)."""
    rules = load_toml("furniture.toml")
    drop = set(rules["lines"])
    starts = tuple(rules["section_starts"])
    min_repeat = int(rules["repeated_line_min_chars"])
    out: list[str] = []
    seen: set[str] = set()
    cut = False
    for line in text.split("\n"):
        folded = _fold(line)
        if cut or (folded and folded.startswith(starts) and len(folded) < 60):
            cut = True
            out.append(" " * len(line))
        elif folded in drop or (len(folded) >= min_repeat and folded in seen):
            out.append(" " * len(line))
        else:
            out.append(line)
        if len(folded) >= min_repeat:
            seen.add(folded)
    return "\n".join(out)


_MD_PATTERNS = [
    re.compile(r"^```.*?^```", re.S | re.M),  # fenced code
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images
    re.compile(r"^\s{0,3}#{1,6}(?=\s)", re.M),  # heading marks (not hashtags: they have no space after #)
    re.compile(r"^\s{0,3}>\s?", re.M),  # block quotes
    re.compile(r"^\s*[-*+]\s+(?=\S)", re.M),  # list bullets
    re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<!\w)_(?=\w))"),  # emphasis marks
    re.compile(r"<[^>\n]+>"),  # inline html
]
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")


def blank_markdown(text: str) -> str:
    """Turn Markdown into plain text of the same length: marks, URLs and code become spaces."""
    text = _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    for pattern in _MD_PATTERNS:
        text = pattern.sub(_blank, text)
    return text


_HTML_DROP = re.compile(r"<(script|style|nav|footer|header|aside)\b.*?</\1\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def blank_html(text: str) -> str:
    """Turn HTML into plain text of the same length: tags and boilerplate elements become spaces."""
    text = _HTML_DROP.sub(_blank, text)
    text = _HTML_TAG.sub(_blank, text)

    def entity(m: re.Match[str]) -> str:
        char = html.unescape(m.group(0))
        return char.ljust(len(m.group(0))) if len(char) == 1 else m.group(0)

    return _HTML_ENTITY.sub(entity, text)
