"""Reading documents: find the files, decode them, blank the page furniture.

Bad input never stops a build: each file that cannot be used becomes a :class:`~kg.model.Skipped` with a one-line
reason (empty, binary, undecodable, too large, unreadable, unsupported), and the run goes on.

Cleaning never moves a character: what is not article text (markup, page furniture) is replaced by spaces of the
same length, so every offset kg reports is an offset into the decoded file.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import overload

from kg.model import Document, Skipped
from kg.ontology import load_toml

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
DEFAULT_MAX_BYTES = 2_000_000  # "2 MB" in the help and in the message: decimal megabytes, as --max-file-size
TITLE_MAX_CHARS = 200
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True)
class CorpusReport:
    """What reading a corpus gave: the documents, the files skipped with their reasons, and the files read with
    a repair worth knowing about (invalid UTF-8 bytes replaced)."""

    documents: list[Document]
    skipped: list[Skipped]
    notes: list[Skipped] = field(default_factory=list)


def printable_path(rel: str) -> str:
    """A path as text that can be printed and written in RDF: bytes of a non-UTF-8 name shown as ``\\xNN``."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def walk(root: Path, follow_links: bool = False) -> Iterator[tuple[Path, str] | Skipped]:
    """Every regular file under ``root`` as (path, relative name), in a stable order, and a :class:`Skipped` for
    each entry that cannot be read, with why: a link out of the input folder (unless ``follow_links``), a link
    loop, a dangling link, a pipe, a device, a socket, an unreadable folder, a name that is not UTF-8.

    Iterative (a folder nested 1,500 deep is no ``RecursionError``); never opens anything but regular files (a
    FIFO would block the build); hidden entries (a name starting with ".") are left out silently, as before.
    """
    root_real = root.resolve()
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                yield Skipped(printable_path(prefix.rstrip("/")), "symbolic link loop (a folder already read)")
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(printable_path(prefix.rstrip("/") or str(folder)),
                          f"unreadable folder: {exc.strerror or exc}")
            continue
        subfolders: list[tuple[Path, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            shown = printable_path(rel)
            path = Path(entry.path)
            if shown != rel:
                yield Skipped(shown, "file name is not valid UTF-8 (rename it to read it)")
                continue
            try:
                if entry.is_symlink():
                    target = path.resolve()
                    if not target.exists():
                        yield Skipped(shown, "dangling symbolic link")
                        continue
                    if not follow_links and not target.is_relative_to(root_real):
                        yield Skipped(shown, "symbolic link out of the input folder (kg build --follow-links reads it)")
                        continue
                mode = path.stat().st_mode
            except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop on resolve()
                yield Skipped(shown, f"unreadable: {getattr(exc, 'strerror', None) or 'symbolic link loop'}")
                continue
            if stat.S_ISDIR(mode):
                subfolders.append((path, rel + "/"))
            elif stat.S_ISREG(mode):
                yield path, rel
            else:
                yield Skipped(shown, f"{_kind(mode)}, not a file")
        stack.extend(reversed(subfolders))


def corpus_files(root: Path, follow_links: bool = False) -> Iterator[tuple[Path, str] | Skipped]:
    """What reading ``root`` goes through, in a stable order: every regular file under a folder (:func:`walk`) as
    (path, relative name) and a :class:`Skipped` for each entry that cannot be read; a file itself; or why ``root``
    is neither (a pipe, a device)."""
    if root.is_dir():
        yield from walk(root, follow_links)
    elif root.is_file():
        yield root, root.name
    else:
        yield Skipped(printable_path(root.name), f"{_kind(root.stat().st_mode)}, not a file")


def read_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, language: str | None = None,
                follow_links: bool = False) -> CorpusReport:
    """Read every usable document under ``root``; raises ``FileNotFoundError`` if ``root`` does not exist.

    The same text under two file names is one source: the first (in path order) is read, the others are skipped as
    duplicates. ``language`` forces every document's language; by default it is detected (:mod:`kg.language`) and
    a document that is not French is skipped with the language it seems to be in. Symbolic links out of ``root``
    are skipped unless ``follow_links`` (see :func:`walk`).
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    notes: list[Skipped] = []
    for item in iter_documents(root, max_bytes, language=language, follow_links=follow_links, notes=notes):
        (skipped if isinstance(item, Skipped) else documents).append(item)
    return CorpusReport(documents, skipped, notes)


#: Reading one file as :func:`iter_documents` does before it compares files: the document (in its language) or why
#: it is not one, and the hash of its text (None when it was not read).
Reader = Callable[[Path, str], tuple["Document | Skipped", str | None]]


def read_one(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES,
             language: str | None = None) -> tuple[Document | Skipped, str | None]:
    """One file as :data:`Reader` says: read, hashed, its language forced or detected (foreign: a Skipped)."""
    result = read_document(path, rel, max_bytes=max_bytes)
    if isinstance(result, Skipped):
        return result, None
    text_hash = content_hash(result.text)
    doc, foreign = with_language(result, language)
    return foreign or doc, text_hash


def repaired(doc: Document) -> tuple[Document, Skipped | None]:
    """A document read with invalid UTF-8 bytes replaced (see :func:`decode`) as plain UTF-8, and a note saying so."""
    if not doc.encoding.endswith(REPAIRED):
        return doc, None
    count = doc.encoding.removesuffix(REPAIRED).split(" ", 1)[1]
    return replace(doc, encoding="utf-8"), Skipped(doc.path, f"{count} invalid UTF-8 byte(s) replaced by U+FFFD")


def iter_documents(root: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                   files: Iterable[tuple[Path, str] | Skipped] | None = None, language: str | None = None,
                   read: Reader | None = None, follow_links: bool = False,
                   notes: list[Skipped] | None = None) -> Iterator[Document | Skipped]:
    """Every file under ``root`` (or ``files``, listed by :func:`corpus_files`) read in turn, as :func:`read_corpus`
    reads them, one in memory at a time. ``read`` may answer for a file without reading it (a build that remembers
    unchanged files, :class:`kg.incremental.FileIndex`); duplicates and ids are decided here, for every file alike.
    Files read with a repair (invalid UTF-8 bytes replaced) are added to ``notes``."""
    if not root.exists():
        raise FileNotFoundError(f"input path does not exist: {root}")
    read = read or (lambda path, rel: read_one(path, rel, max_bytes, language))
    seen_ids: set[str] = set()
    seen_texts: dict[str, str] = {}
    for item in corpus_files(root, follow_links) if files is None else files:
        if isinstance(item, Skipped):
            yield item
            continue
        path, rel = item
        result, text_hash = read(path, rel)
        if text_hash is not None:
            first = seen_texts.setdefault(text_hash, rel)
            if first != rel:
                yield Skipped(rel, f"duplicate: the same text as {first} (one source, read once)")
                continue
        if isinstance(result, Skipped):
            yield result
            continue
        result, repair = repaired(result)
        if repair is not None and notes is not None:
            notes.append(repair)
        doc_id = result.doc_id
        n = 2
        while doc_id in seen_ids:  # "a.txt" and "a.md" in one folder
            doc_id = f"{result.doc_id}-{n}"
            n += 1
        seen_ids.add(doc_id)
        if doc_id != result.doc_id:
            result = replace(result, doc_id=doc_id)
        yield result


@dataclass(frozen=True)
class DocumentRef:
    """Where a document of a corpus is, the id and language it was given: enough to read it again."""

    file: Path
    path: str  # as in Document.path
    doc_id: str
    language: str = "fr"
    max_bytes: int = DEFAULT_MAX_BYTES

    def read(self) -> Document:
        doc = read_document(self.file, self.path, max_bytes=self.max_bytes)
        if isinstance(doc, Skipped):
            raise OSError(f"{self.path} changed while the build ran: {doc.reason}")
        return replace(repaired(doc)[0], doc_id=self.doc_id, language=self.language)


class Documents(Sequence[Document]):
    """Documents read from disk when asked for, not held: a build's document list costs a few bytes each."""

    def __init__(self, refs: Sequence[DocumentRef]) -> None:
        self.refs = refs

    def __len__(self) -> int:
        return len(self.refs)

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [ref.read() for ref in self.refs[index]]
        return self.refs[index].read()

    def __iter__(self) -> Iterator[Document]:
        for ref in self.refs:
            yield ref.read()


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
REPAIRED = " repaired"  # suffix of Document.encoding while reading: "utf-8 3 repaired" (see read_corpus)


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


def content_hash(text: str) -> str:
    """The same article whatever its file name, encoding or line breaks: a hash of its words."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def with_language(doc: Document, forced: str | None) -> tuple[Document, Skipped | None]:
    """The document stamped with its language (``forced``, else detected); a Skipped if it is not French."""
    from kg.language import detect

    if forced:
        return replace(doc, language=forced), None
    guess = detect(doc.text)
    if guess.code in (None, "fr"):
        return doc, None
    return doc, Skipped(doc.path, f"written in {guess.name} ({guess.code}), not French: not read "
                                  "(--lang fr reads it as French)")


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
