"""What a build remembers for the next one, so adding a document to a big corpus costs little more than parsing it.

Parsing is most of a full build; once it is cached, what a rebuild still pays per document is reading the file (to
know whether it changed) and writing its graph again. Two records, kept beside the extractions in the build cache
folder (so they go with it, and with every change of pipeline key), remove both for documents that did not change:

* :class:`FileIndex` (``files.index``): for every file, its stat (size, modification and change times, inode) and
  what reading it gave (the document's cache key and metadata, or why it was skipped). A file whose stat is the
  same is not read again; like ``make`` or ``git``, kg trusts the file system's times (``--no-cache`` reads all).
* :class:`GraphPack` (``graphs.index`` and the pack file it names): each document's named graph as sorted lines
  (:class:`kg.assemble.GraphLines`), compressed, under a fingerprint of everything that graph depends on: its
  extraction, the entity ids of the names it uses (resolution is global: a new document can rename an entity), the
  base IRI, ``--infer`` and the code that writes graphs. An unchanged document's graph is copied, not rebuilt.

Both are only hints: a missing, damaged or stale record means the document is read, or its graph made, again.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from functools import cache
from pathlib import Path

from kg.assemble import GraphLines
from kg.cache import document_key
from kg.corpus import read_one
from kg.model import Document, Skipped

FILES = "files.index"  # JSON; not .json, which names extraction entries
PACK_INDEX = "graphs.index"
_PACKAGE = Path(__file__).resolve().parent
# Code whose change changes a document's graph text (extraction code is in the pipeline key already).
_GRAPH_CODE = ("assemble.py", "graph.py", "infer.py", "iri.py", "serialize.py", "vocab.py", "resolve")


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class FileIndex:
    """File stats -> what reading the file gave, from the last build (``folder`` None: remember nothing).

    :meth:`read` is a :data:`kg.corpus.Reader`: it answers for an unchanged file from memory and reads the others.
    """

    def __init__(self, folder: Path | None, max_bytes: int, language: str | None = None) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.language = language
        old = _read_json(folder / FILES) if folder is not None else {}
        same = old.get("max_bytes") == max_bytes and old.get("language") == language
        self._old: dict[str, list] = old.get("files", {}) if same else {}
        self._new: dict[str, list] = {}
        self._known: dict[str, tuple[str, str]] = {}  # path -> (doc_id, key) of documents answered unread
        self.unread = 0

    def read(self, file: Path, rel: str) -> tuple[Document | Skipped, str | None]:
        """What reading ``file`` gives (and its text's hash): remembered if its stat is unchanged, a document's
        text then blank (only its length is known; its key comes from :meth:`key_of`)."""
        try:
            stat = _stat(file)
        except OSError:
            stat = None
        entry = self._old.get(rel) if stat is not None else None
        if not entry or entry[:4] != stat:
            result, text_hash = read_one(file, rel, self.max_bytes, self.language)
            if stat is not None:
                self._new[rel] = [*stat, *_outcome(result, text_hash)]
            return result, text_hash
        self._new[rel] = entry
        self.unread += 1
        kind, text_hash = entry[4], entry[5]
        if kind == "skip":
            return Skipped(rel, entry[6]), text_hash
        doc_id, key, sha256, encoding, title, language, chars = entry[6:13]
        self._known[rel] = (doc_id, key)
        return Document(doc_id, rel, " " * chars, sha256, encoding, title, language), text_hash

    def answered_unread(self, doc: Document) -> bool:
        """Whether ``doc`` is one :meth:`read` answered for from memory (its text blank)."""
        return doc.path in self._known

    def key_of(self, doc: Document) -> str | None:
        """The cache key of ``doc``; None for a document answered unread whose id changed (read it then)."""
        known = self._known.get(doc.path)
        if known is None:
            return document_key(doc)
        return known[1] if known[0] == doc.doc_id else None

    def record(self, doc: Document, key: str) -> None:
        """Remember a read document's cache key (under the id it was read with)."""
        entry = self._new.get(doc.path)
        if entry is not None and entry[4] == "doc" and entry[6] == doc.doc_id:
            entry[7] = key

    def save(self) -> None:
        """Remember this build's files for the next one; a cache folder that cannot be written remembers nothing."""
        if self.folder is None:
            return
        files = {rel: entry for rel, entry in self._new.items() if entry[4] == "skip" or entry[7]}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_json(self.folder / FILES, {"max_bytes": self.max_bytes, "language": self.language, "files": files})
        except OSError:
            pass  # only a hint: the next build reads every file


def _outcome(result: Document | Skipped, text_hash: str | None) -> list:
    if isinstance(result, Skipped):
        return ["skip", text_hash, result.reason]
    return ["doc", text_hash, result.doc_id, "", result.sha256, result.encoding, result.title, result.language,
            len(result.text)]


@cache
def graph_code() -> str:
    """A hash of the code that turns an extraction into graph text."""
    h = hashlib.sha256()
    for name in _GRAPH_CODE:
        path = _PACKAGE / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.relative_to(_PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def fingerprint(options: str, key: str, entity_ids: list[tuple[str, str | None]]) -> str:
    """What a document's graph depends on: build options, its cache key, the entity id of each name it uses."""
    h = hashlib.sha256(f"{graph_code()}\0{options}\0{key}\0".encode())
    h.update(json.dumps(entity_ids, ensure_ascii=False).encode())
    return h.hexdigest()[:32]


class GraphPack:
    """Documents' graphs from the last build, by document id and fingerprint, and the new pack being written.

    Each build writes a new pack file (``graphs-<token>.pack``), then the index naming it, then deletes the old
    pack: after a crash the index names a complete pack, old or new.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        old = _read_json(folder / PACK_INDEX)
        self._old_index: dict[str, list] = old.get("graphs", {})
        self._old_name = str(old.get("pack", ""))
        try:
            self._old = open(folder / self._old_name, "rb") if self._old_name else None  # noqa: SIM115
        except OSError:
            self._old, self._old_index = None, {}
        self._new_name = f"graphs-{os.urandom(6).hex()}.pack"
        self._new = open(folder / self._new_name, "wb")  # noqa: SIM115 (closed by save/close)
        self._new_index: dict[str, list] = {}
        self.reused = 0

    def get(self, doc_id: str, fp: str) -> tuple[bytes, GraphLines, list[tuple[str, str, str]]] | None:
        """The packed record, graph and facts of ``doc_id`` if it was made from the same inputs."""
        entry = self._old_index.get(doc_id)
        if entry is None or entry[0] != fp or self._old is None:
            return None
        self._old.seek(entry[1])
        data = self._old.read(entry[2])
        try:
            lines, used, union_used, facts = json.loads(zlib.decompress(data))
        except (zlib.error, ValueError):
            return None
        self.reused += 1
        return data, GraphLines(lines, used, union_used), [tuple(f) for f in facts]

    @staticmethod
    def pack(graph: GraphLines, facts: list[tuple[str, str, str]]) -> bytes:
        record = [graph.lines, graph.used, graph.union_used, facts]
        return zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"), 1)

    def put(self, doc_id: str, fp: str, data: bytes) -> None:
        self._new_index[doc_id] = [fp, self._new.tell(), len(data)]
        self._new.write(data)

    @classmethod
    def open(cls, folder: Path) -> GraphPack | None:
        """The pack in ``folder``, or None when the folder cannot be written (then every graph is made)."""
        try:
            return cls(folder)
        except OSError:
            return None

    def save(self) -> None:
        """Make the new pack the one the next build reads (if it cannot be written, the next build makes graphs)."""
        self._close()
        try:
            _write_json(self.folder / PACK_INDEX, {"pack": self._new_name, "graphs": self._new_index})
        except OSError:
            self.discard()
            return
        for stale in self.folder.glob("graphs-*.pack"):
            if stale.name != self._new_name:
                stale.unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget the new pack (the build failed): the old one stays."""
        self._close()
        (self.folder / self._new_name).unlink(missing_ok=True)

    def _close(self) -> None:
        if self._old is not None:
            self._old.close()
        self._new.close()
