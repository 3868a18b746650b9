"""Reading a corpus: find its files, read each (:mod:`kg.textfile`), drop duplicates and foreign texts, name them.

Bad input never stops a build: each file that cannot be used becomes a :class:`~kg.model.Skipped` with a one-line
reason (empty, binary, undecodable, too large, unreadable, unsupported, a link out of the folder, a pipe, a
duplicate, not French), and the run goes on. Documents are read one at a time (:func:`iter_documents`) and a
build keeps only where they are (:class:`Documents`).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import overload

from kg.model import Document, Skipped
from kg.textfile import (
    DEFAULT_MAX_BYTES,
    REPAIRED,
    TEXT_SUFFIXES,
    blank_furniture,
    blank_html,
    blank_markdown,
    decode,
    document_id,
    first_line,
    megabytes,
    read_document,
)

# What callers have imported from kg.corpus since reading one file moved to kg.textfile.
__all__ = [
    "DEFAULT_MAX_BYTES", "TEXT_SUFFIXES", "CorpusReport", "DocumentRef", "Documents", "Reader", "blank_furniture",
    "blank_html", "blank_markdown", "content_hash", "corpus_files", "decode", "document_id", "first_line",
    "iter_documents", "megabytes", "printable_path", "read_corpus", "read_document", "read_one", "repaired", "walk",
    "with_language",
]


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
    """Documents read from disk when asked for, not held: a build's document list costs a few bytes each.

    ``held`` has documents already read, by position: each is given once instead of read again (then dropped)."""

    def __init__(self, refs: Sequence[DocumentRef], held: dict[int, Document] | None = None) -> None:
        self.refs = refs
        self.held = held if held is not None else {}

    def __len__(self) -> int:
        return len(self.refs)

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [self._get(i) for i in range(len(self.refs))[index]]
        return self._get(index if index >= 0 else index + len(self.refs))

    def __iter__(self) -> Iterator[Document]:
        for i in range(len(self.refs)):
            yield self._get(i)

    def _get(self, i: int) -> Document:
        held = self.held.pop(i, None)
        return held if held is not None else self.refs[i].read()


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
