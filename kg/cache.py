"""The build cache: each document's extraction, kept under the output folder, so a rebuild re-parses only what changed.

Parsing dominates a build, and a document's extraction is a pure function of its text, its name, the spaCy model,
the cue files and kg's own extraction code. The cache stores the extraction (not the spaCy Doc: a few kB of JSON
instead of a parse) under a key made of all of these:

* the *pipeline key* — kg version, spaCy model id (:func:`kg.nlp.model_id`), cue-file fingerprint
  (:func:`kg.ontology.data_fingerprint`) and a hash of the extraction code — names a folder, so a changed model,
  cue file or kg version starts an empty folder (the old ones are deleted);
* the *document key* — a hash of the document id, path, raw-bytes sha256 and cleaned text — names the entry.

Layout: ``OUT/.kg-cache/<pipeline key>/<2 hex>/<document key>.json``. Entries are written atomically; an entry that
does not validate — unreadable, not JSON, nested too deep, an index out of range or negative, an offset that is not
an integer inside the document, a directory in its place — is a miss, re-parsed and rewritten, so a damaged cache
costs time, never correctness. A cache that cannot be written (``.kg-cache`` is a file, a full disk) means a build
without caching, with one warning.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path

from kg import __version__
from kg.codec import FORMAT, decode, encode
from kg.extract import DocumentExtraction
from kg.model import Document, Evidence, Mention
from kg.ontology import data_fingerprint

CACHE_DIR = ".kg-cache"
_PACKAGE = Path(__file__).resolve().parent
# Code whose change changes what is extracted from a document (resolution and graph writing run on every build).
_EXTRACTION_CODE = ("corpus.py", "textfile.py", "nlp.py", "model.py", "codec.py", "extract")


@cache
def code_fingerprint() -> str:
    """A hash of kg's reading and extraction code, so a development checkout never reuses stale extractions."""
    h = hashlib.sha256()
    for name in _EXTRACTION_CODE:
        path = _PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            h.update(f.relative_to(_PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def pipeline_key(spacy_model_id: str) -> str:
    """What every cached extraction depends on besides the document itself."""
    parts = (f"kg={__version__}", f"format={FORMAT}", f"model={spacy_model_id}", f"data={data_fingerprint()}",
             f"code={code_fingerprint()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def document_key(doc: Document) -> str:
    """What a document's extraction depends on from the document: its id, path, bytes and cleaned text."""
    h = hashlib.sha256()
    for part in (doc.doc_id, doc.path, doc.sha256, doc.language):
        h.update(part.encode())
        h.update(b"\0")
    h.update(doc.text.encode("utf-8"))
    return h.hexdigest()


def _replace_quickly(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: readers see the old entry or the new one, never half.

    Unlike :func:`kg.atomic.atomic_write_bytes` this does not fsync: a cache entry lost in a power cut is only a
    miss (an empty or torn file fails to decode), and an fsync per document would cost more than parsing some of them.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ExtractionCache:
    """Cached extractions of one pipeline key under one output folder."""

    def __init__(self, out_dir: Path, key: str) -> None:
        self.root = Path(out_dir) / CACHE_DIR
        self.folder = self.root / key
        self.hits = 0
        self.misses = 0
        self.writable = True
        self.warning = ""

    def _key_path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc: Document) -> DocumentExtraction | None:
        """The cached extraction of ``doc`` if its entry validates, else None (counted as a hit or a miss)."""
        return self.get_key(document_key(doc), doc.doc_id, len(doc.text))

    def get_key(self, key: str, doc_id: str, length: int) -> DocumentExtraction | None:
        """The cached extraction of the document whose :func:`document_key` is ``key`` (its id ``doc_id``, its text
        ``length`` characters long) if the entry validates, else None."""
        try:
            raw = self._key_path(key).read_bytes()
            ex = decode(raw)
            valid = encode(ex) == raw and _valid(ex, doc_id, length)  # the round trip catches reordered indices
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            valid = False
        if not valid:
            self.misses += 1
            return None
        self.hits += 1
        return ex

    def put(self, doc: Document, ex: DocumentExtraction) -> None:
        """Store ``doc``'s extraction; if the cache cannot be written, warn once and stop caching."""
        self.put_key(document_key(doc), ex)

    def put_key(self, key: str, ex: DocumentExtraction) -> bytes:
        """Store the extraction of the document whose :func:`document_key` is ``key`` (a build knows the key from
        its reading pass: reading the document again only to hash it cost a tenth of a second per 200 documents);
        returns it encoded, so a build that needs it again decodes these bytes rather than reading and checking the
        entry it has just written."""
        data = encode(ex)
        if not self.writable:
            return data
        path = self._key_path(key)
        try:
            if path.is_dir() and not path.is_symlink():  # a folder where an entry belongs: a damaged cache
                shutil.rmtree(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            _replace_quickly(path, data)
        except OSError as exc:
            self.writable = False
            self.warning = f"cannot write the build cache in {self.root}: {exc.strerror or exc}; building without it"
            print(f"kg build: warning: {self.warning}", file=sys.stderr)
        return data

    def drop_stale(self) -> None:
        """Delete the folders of other pipeline keys: their entries can never be used again."""
        if not self.root.is_dir():
            return
        for child in sorted(self.root.iterdir()):
            if child.is_dir() and child != self.folder:
                shutil.rmtree(child, ignore_errors=True)


def _int(value: object, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _text(value: object) -> bool:
    return type(value) is str


def _valid(ex: DocumentExtraction, doc_id: str, n: int) -> bool:
    """Every field of a decoded extraction has its type, and every offset lies inside its document's ``n``
    characters."""

    def mention(m: Mention) -> bool:
        return (m.doc_id == doc_id and _int(m.start, 0, n) and _int(m.end, m.start, n) and _text(m.text)
                and all(_text(k) and type(w) in (int, float) for k, w in m.type_votes) and _text(m.source)
                and type(m.initial) is bool and _text(m.handle) and _text(getattr(m, "same_as", ""))
                and _text(getattr(m, "noun", "")))

    def evidence(e: Evidence) -> bool:
        s = e.sentence
        return (e.doc_id == doc_id and _int(s.start, 0, n) and _int(s.end, s.start, n) and _text(s.text)
                and _int(e.start, 0, n) and _int(e.end, e.start, n) and _text(e.rule)
                and type(e.confidence) in (int, float) and 0 <= e.confidence <= 1
                and all(_text(k) and _text(v) for k, v in e.attributes))

    return ex.doc_id == doc_id and all(mention(m) for m in ex.mentions) and all(
        mention(r.subject) and mention(r.object) and _text(r.predicate) and evidence(r.evidence) for r in ex.relations)
