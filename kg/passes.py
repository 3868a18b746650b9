"""The two passes of a build over its documents, neither holding the corpus.

1. :func:`extract_corpus` reads every document once, in corpus order, and hands over each extraction once: cached
   ones as their document is read, the others when the engine has parsed them. Resolution takes each into its
   :class:`kg.resolve.NameTable`; the :class:`Spool` keeps, on disk, what the second pass needs of it.
2. :class:`DocumentGraphs` turns each document, once the entities are known, into its named graph (or copies the
   graph an earlier build made from the same inputs, :class:`kg.incremental.GraphPack`).
"""

from __future__ import annotations

import json
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.assemble import GraphFiles, Lifted, document_triples
from kg.cache import ExtractionCache, document_key
from kg.codec import decode, encode
from kg.corpus import DEFAULT_MAX_BYTES, DocumentRef, Documents, corpus_files, iter_documents
from kg.engines import Engine
from kg.extract import DocumentExtraction
from kg.incremental import FileIndex, GraphPack, fingerprint
from kg.iri import graph_iri
from kg.model import Document, Skipped, noisy_or
from kg.progress import progress_bar
from kg.resolve import Resolution
from kg.spool import RecordSpool

# Characters of the texts to parse kept from the reading pass for the engine, which reads the others again from
# disk (about 8 MB at most): reading, decoding and cleaning a text twice cost a few percent of a build's own work,
# and a big corpus is still not held.
HELD_CHARS = 4_000_000


@dataclass
class CorpusRun:
    """What reading and extracting a corpus gave: where each document is, its cache key and length, what was
    skipped or read with a repair, the cache's help."""

    refs: list[DocumentRef] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)  # characters of each document's text
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)
    hits: int = 0
    misses: int = 0


def extract_corpus(
    source: Path,
    *,
    engine: Engine,
    cache: ExtractionCache | None,
    on_document: Callable[[Document], None],
    on_extraction: Callable[[DocumentExtraction, str | None, int, bytes], None],
    index: FileIndex | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    follow_links: bool = False,
    progress: bool | None = None,
) -> CorpusRun:
    """Read every document once, in corpus order (``on_document``), and hand over every extraction once with the
    document's cache key, text length and, for one parsed now, its encoding as cached (``on_extraction``; ``b""``
    for one the cache gave or with no cache). ``index`` answers for files unchanged since the last
    build, unread. Symbolic links out of ``source`` are skipped unless ``follow_links``. Misses are parsed by
    ``engine`` after the reading pass (it reads them again from disk, in order, but for the first :data:`HELD_CHARS`
    characters of their texts, kept from the reading pass); resolution does not depend on the order extractions
    come in.
    """
    run = CorpusRun()
    misses: list[int] = []
    held: dict[int, Document] = {}  # by position among the misses
    held_chars = 0
    files = list(corpus_files(source, follow_links))
    with progress_bar(len(files), progress) as bar:
        reader = index.read if index and index.folder is not None else None
        for item in iter_documents(source, max_bytes, files, language=language, read=reader, notes=run.notes):
            if isinstance(item, Skipped):
                run.skipped.append(item)
                bar.update(1)
                continue
            ref = DocumentRef(source / item.path if source.is_dir() else source, item.path, item.doc_id,
                              item.language, max_bytes)
            key = None
            text_read = True  # (not a document the file index answered for with a blank text)
            if cache is not None:
                key = index.key_of(item) if index else document_key(item)
                if key is None:  # remembered under another id: read it after all
                    item = ref.read()
                    key = document_key(item)
                elif index and index.answered_unread(item):
                    text_read = False
                if index:
                    index.record(item, key)
            run.refs.append(ref)
            run.keys.append(key)
            run.lengths.append(len(item.text))
            on_document(item)
            ex = cache.get_key(key, item.doc_id, len(item.text)) if cache is not None and key is not None else None
            if ex is None:
                if text_read and held_chars + len(item.text) <= HELD_CHARS:
                    held[len(misses)] = item
                    held_chars += len(item.text)
                misses.append(len(run.refs) - 1)
                continue
            on_extraction(ex, key, len(item.text), b"")
            bar.update(1)
        run.hits = len(run.refs) - len(misses)
        run.misses = len(misses)
        # (no spaCy if all were cached)
        parsed = engine(Documents([run.refs[i] for i in misses], held)) if misses else iter(())
        for i, ex in zip(misses, parsed, strict=True):
            ref = run.refs[i]
            if ex.doc_id != ref.doc_id:
                raise RuntimeError(f"engine returned {ex.doc_id} for {ref.doc_id}")
            key = run.keys[i]
            body = cache.put_key(key, ex) if cache is not None and key is not None else b""
            on_extraction(ex, key, run.lengths[i], body)
            bar.update(1)
    return run


class Spool:
    """What the second pass needs of each extraction, on disk: the document's id, cache key and names, and the
    extraction itself when there is no cache to read it back from, or when it was parsed in this build (its encoding
    is at hand then, and decoding it costs less than reading back and checking the cache entry)."""

    def __init__(self, path: Path, keep_extractions: bool) -> None:
        self.records = RecordSpool(path)
        self.keep_extractions = keep_extractions

    def add(self, ex: DocumentExtraction, key: str | None, length: int, names: list[str], body: bytes = b"") -> None:
        """One extraction; ``body`` is its :func:`kg.codec.encode`, if the caller has it."""
        head = json.dumps([ex.doc_id, key, length, names], ensure_ascii=False).encode("utf-8", "surrogatepass")
        if not body and (self.keep_extractions or key is None):
            body = encode(ex)
        self.records.append(head + b"\t" + body)

    def __iter__(self) -> Iterator[tuple[str, str | None, int, list[str], bytes]]:
        for record in self.records:
            head, _, body = record.partition(b"\t")
            doc_id, key, length, names = json.loads(head)
            yield doc_id, key, length, names, body

    def extractions(self, cache: ExtractionCache | None) -> Iterator[DocumentExtraction]:
        for doc_id, key, length, _names, body in self:
            yield _extraction(doc_id, key, length, body, cache)


def _extraction(doc_id: str, key: str | None, length: int, body: bytes,
                cache: ExtractionCache | None) -> DocumentExtraction:
    if body:
        return decode(body)
    ex = cache.get_key(key, doc_id, length) if cache is not None and key is not None else None
    if ex is None:
        raise RuntimeError(f"the cached extraction of {doc_id} disappeared during the build")
    return ex


def confident_facts(extractions: Iterable[DocumentExtraction], resolution: Resolution,
                    threshold: float) -> set[tuple[str, str, str]]:
    """The facts whose confidence over the whole corpus (:attr:`Relation.confidence`) reaches ``threshold``."""
    evidence: dict[tuple[str, str, str], list[tuple[str, int, int, str, float]]] = defaultdict(list)
    for ex in extractions:
        for s, p, o, ev in resolution.lift(ex):
            evidence[(s, p, o)].append((ev.doc_id, ev.start, ev.end, ev.rule, ev.confidence))
    return {key for key, evs in evidence.items() if noisy_or(e[4] for e in sorted(evs, key=lambda e: e[:4])) >=
            threshold}


class DocumentGraphs:
    """The second pass: each document's named graph into ``files``, made or (with a ``pack``) reused.

    ``facts`` collects the distinct (subject, predicate, object) facts; ``log``, if given, every lifted piece of
    evidence (for ``BuildResult.relations`` when there is no cache to lift them from again).
    """

    def __init__(self, base: str, resolution: Resolution, files: GraphFiles, *,
                 keep: Callable[[str, str, str], bool] | None = None, infer: bool = False,
                 pack: GraphPack | None = None, log: IO[bytes] | None = None) -> None:
        self.base, self.resolution, self.files = base, resolution, files
        self.keep, self.infer, self.pack, self.log = keep, infer, pack, log
        self.options = f"{base}\0infer={infer}"
        self.facts: set[tuple[str, str, str]] = set()

    def add_all(self, spool: Spool, cache: ExtractionCache | None) -> None:
        for doc_id, key, length, names, body in spool:
            self.add(doc_id, key, length, names, body, cache)

    def add(self, doc_id: str, key: str | None, length: int, names: list[str], body: bytes,
            cache: ExtractionCache | None) -> None:
        graph = graph_iri(self.base, f"document/{doc_id}")
        fp = None
        if self.pack is not None and key is not None:
            fp = fingerprint(self.options, key, [(n, self.resolution.entity_id(n)) for n in names])
            found = self.pack.get(doc_id, fp)
            if found is not None:
                data, lines, facts = found
                self.files.add_lines(graph, lines)
                self.facts.update(facts)
                self.pack.put(doc_id, fp, data)
                return
        ex = _extraction(doc_id, key, length, body, cache)
        triples, lifted = document_triples(self.base, ex, self.resolution, self.keep, self.infer)
        lines = self.files.add_graph(graph, triples)
        facts = sorted({(s, p, o) for s, p, o, _ in lifted})
        self.facts.update(facts)
        if self.pack is not None and fp is not None:
            self.pack.put(doc_id, fp, GraphPack.pack(lines, facts))
        if self.log is not None:
            pickle.dump(lifted, self.log)

    def lifted_source(self, corpus: CorpusRun, cache: ExtractionCache | None) -> Callable[[], Iterator[Lifted]]:
        """How ``BuildResult.relations`` gets every lifted piece of evidence later: lifted again from the cache, or
        read back from the log."""
        resolution, keep, log = self.resolution, self.keep, self.log

        def from_cache() -> Iterator[Lifted]:
            for ref, key, length in zip(corpus.refs, corpus.keys, corpus.lengths, strict=True):
                ex = cache.get_key(key, ref.doc_id, length) if cache is not None and key is not None else None
                if ex is not None:
                    yield from (t for t in resolution.lift(ex) if keep is None or keep(t[0], t[1], t[2]))

        def from_log() -> Iterator[Lifted]:
            if log is None:
                return
            log.seek(0)
            while True:
                try:
                    yield from pickle.load(log)
                except EOFError:
                    return

        return from_log if log is not None else from_cache
