"""The build: corpus -> nlp -> extract -> resolve -> graph -> files and store.

``build()`` is the whole job, used by ``kg build`` and by Python users alike. It never holds the corpus: documents
are read one at a time, extractions go to a spool file, resolution keeps names, types and counts
(:class:`kg.resolve.NameTable`), and quads go to sorted runs on disk (:mod:`kg.assemble`), so memory stays flat
from a hundred documents to a hundred thousand. Outputs are written atomically (temporary file, then rename), so
an interrupted build leaves the previous files intact; the persistent store ``out/store`` is updated in a copy that
replaces it in one rename (:mod:`kg.graphstore`).
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from rdflib import Dataset, Graph
from rdflib.term import Node

from kg import __version__
from kg.assemble import LINE_EXPORTS, GraphFiles, Lifted, document_triples, entity_triples, metadata_triples
from kg.atomic import atomic_open
from kg.cache import ExtractionCache, pipeline_key
from kg.codec import decode, encode
from kg.corpus import DEFAULT_MAX_BYTES, DocumentRef, Documents, iter_documents, iter_files
from kg.engines import Engine, make_engine
from kg.extract import DocumentExtraction
from kg.graph import RUN_DEPENDENT, BuildInfo, graph_prefixes
from kg.iri import check_base, graph_iri
from kg.model import Document, Entity, Relation, Skipped, noisy_or
from kg.nlp import load_pipeline, model_id
from kg.progress import progress_bar
from kg.render import render_html
from kg.resolve import NameTable, Resolution, relations_from
from kg.resolve.aliases import read_aliases
from kg.serialize import write_trig, write_turtle
from kg.spool import RecordSpool
from kg.vocab import DEFAULT_BASE_IRI

SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample"


class OutputError(OSError):
    """The output folder cannot be created or written."""


@dataclass
class BuildResult:
    """What a build read, found and wrote.

    Nothing here holds the corpus: ``documents`` reads a document from disk when asked, ``entities`` come without
    their mentions (``Entity.mention_count`` says how many; the graph has them), and ``relations``, ``dataset`` and
    ``graph`` are loaded on first use (from the build's relation log and the files it wrote): cheap for a small build,
    and never paid by ``kg build`` itself.
    """

    documents: Sequence[Document]
    skipped: list[Skipped]
    entities: list[Entity]
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: read, extract, resolve, ...
    cache_hits: int = 0  # documents whose extraction came from the build cache
    cache_misses: int = 0  # documents parsed in this build
    base_iri: str = DEFAULT_BASE_IRI
    quads: int = 0  # in graph.trig
    relation_counts: Counter[str] = field(default_factory=Counter)  # relations by predicate
    store: str = ""  # how out/store was brought up to date: "created", "updated", "unchanged" or "" (none)
    _relation_log: IO[bytes] | None = field(default=None, repr=False)
    _relations: list[Relation] | None = field(default=None, repr=False)
    _dataset: Dataset | None = field(default=None, repr=False)
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def relations(self) -> list[Relation]:
        """Every fact with its evidence, sorted (read back from the build's relation log on first use)."""
        if self._relations is None:
            self._relations = relations_from(_read_log(self._relation_log))
        return self._relations

    @property
    def dataset(self) -> Dataset:
        """graph.trig as an rdflib Dataset (parsed on first use: for small builds)."""
        if self._dataset is None:
            self._dataset = Dataset()
            self._dataset.parse(self.files["trig"], format="trig")
        return self._dataset

    @property
    def graph(self) -> Graph:
        """graph.ttl as an rdflib Graph (parsed on first use: for small builds)."""
        if self._graph is None:
            self._graph = Graph().parse(self.files["ttl"], format="turtle")
        return self._graph


def _read_log(log: IO[bytes] | None) -> Iterator[Lifted]:
    if log is None:
        return
    log.seek(0)
    while True:
        try:
            yield from pickle.load(log)
        except EOFError:
            return


def check_output_dir(out_dir: Path) -> None:
    """Create ``out_dir`` if needed and prove it is writable, before any work is done."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".kg-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to output directory {out_dir}: {exc.strerror or exc}") from exc


@dataclass
class CorpusRun:
    """What reading and extracting a corpus gave: where each document is, what was skipped, the cache's help."""

    refs: list[DocumentRef] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    hits: int = 0
    misses: int = 0


def extract_corpus(
    source: Path,
    *,
    engine: Engine,
    cache: ExtractionCache | None,
    on_document: Callable[[Document], None],
    on_extraction: Callable[[DocumentExtraction], None],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
) -> CorpusRun:
    """Read every document once, in corpus order (``on_document``), and hand over every extraction once
    (``on_extraction``): cached ones as their document is read, the others when ``engine`` has parsed them (it reads
    them again from disk, in order). Nothing is held but the documents' places; resolution does not depend on the
    order extractions come in.
    """
    run = CorpusRun()
    misses: list[DocumentRef] = []
    files = list(iter_files(source))
    with progress_bar(len(files), progress) as bar:
        for item in iter_documents(source, max_bytes, files):
            if isinstance(item, Skipped):
                run.skipped.append(item)
                bar.update(1)
                continue
            ref = DocumentRef(source / item.path if source.is_dir() else source, item.path, item.doc_id, max_bytes)
            run.refs.append(ref)
            on_document(item)
            ex = cache.get(item) if cache is not None else None
            if ex is None:
                misses.append(ref)
                continue
            on_extraction(ex)
            bar.update(1)
        run.hits = len(run.refs) - len(misses)
        run.misses = len(misses)
        for ref, ex in zip(misses, engine(Documents(misses)), strict=True):
            if ex.doc_id != ref.doc_id:
                raise RuntimeError(f"engine returned {ex.doc_id} for {ref.doc_id}")
            if cache is not None:
                cache.put(ref.read(), ex)
            on_extraction(ex)
            bar.update(1)
    return run


def confident_facts(extractions: Iterable[DocumentExtraction], resolution: Resolution,
                    threshold: float) -> set[tuple[str, str, str]]:
    """The facts whose confidence over the whole corpus (:attr:`Relation.confidence`) reaches ``threshold``."""
    evidence: dict[tuple[str, str, str], list[tuple[str, int, int, str, float]]] = defaultdict(list)
    for ex in extractions:
        for s, p, o, ev in resolution.lift(ex):
            evidence[(s, p, o)].append((ev.doc_id, ev.start, ev.end, ev.rule, ev.confidence))
    return {key for key, evs in evidence.items() if noisy_or(e[4] for e in sorted(evs, key=lambda e: e[:4])) >=
            threshold}


def write_graph_files(dataset: Dataset, ttl: Path, trig: Path) -> None:
    """graph.trig (the named graphs) and graph.ttl (their union, less run metadata), written atomically.

    Both come straight from the dataset's quads through :mod:`kg.serialize`; the union is never built as a second
    rdflib graph (the writer merges a triple found in several graphs).
    """
    prefixes = dict(dataset.namespaces())
    default = dataset.default_graph.identifier
    names = [None if g.identifier == default else g.identifier for g in dataset.graphs()]

    def triples_of(name: Node | None) -> Iterator[tuple[Node, Node, Node]]:
        return iter(dataset.default_graph if name is None else dataset.graph(name))

    with atomic_open(trig, "w") as fh:
        write_trig(names, triples_of, prefixes, fh)
    with atomic_open(ttl, "w") as fh:
        write_turtle(((s, p, o) for s, p, o, _g in dataset.quads((None, None, None, None)) if p not in RUN_DEPENDENT),
                     prefixes, fh)


def processed_at() -> str:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds): the build time in the TriG metadata."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build(
    input_path: Path | str | None = None,
    out_dir: Path | str = "out",
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    model: str | None = None,
    min_confidence: float = 0.0,
    max_file_size: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    html: bool = True,
    infer: bool = False,
    exports: Iterable[str] = (),
    workers: int = 1,
    engine: str | None = None,
    scheduler: str | None = None,
    cache: bool = True,
    batch_size: int = 16,
    store: bool = True,
    aliases: Path | str | None = None,
) -> BuildResult:
    """Build the graph of every document under ``input_path`` (the bundled sample corpus if None) into ``out_dir``.

    With ``infer``, inverse and symmetric triples are materialised (:func:`kg.infer.implied`). ``exports``
    names further formats written from the same quads (``nt``, ``nq``, ``jsonld``; see :mod:`kg.export`).
    With ``store`` (the default), ``out_dir/store`` holds the graph in Oxigraph, ready for queries
    (:mod:`kg.graphstore`). Raises ``FileNotFoundError`` for a missing input and :class:`OutputError` for an
    unwritable output folder; unusable files inside the input are skipped and listed in ``BuildResult.skipped``.

    Speed options never change the output: ``workers`` > 1 parses in that many local processes (``engine="process"``,
    the default then); ``engine="dask"`` runs extraction on the Dask cluster at ``scheduler`` (a local one if None);
    ``cache`` keeps each document's extraction under ``out_dir/.kg-cache`` so the next build re-parses only new or
    changed documents. ``BuildResult.timings`` has the seconds spent in each stage.

    ``aliases`` is a user's TSV file of names fixed by hand (:mod:`kg.resolve.aliases`); it is read before any work,
    so a bad file fails fast (:class:`kg.resolve.aliases.AliasesError`, a ``ValueError``).
    """
    started = time.perf_counter()
    source = Path(input_path) if input_path is not None else SAMPLE_CORPUS
    out = Path(out_dir)
    base = check_base(base_iri)
    if not source.exists():
        raise FileNotFoundError(f"input path does not exist: {source}")
    fixed = read_aliases(aliases) if aliases is not None else None
    check_output_dir(out)
    runner = make_engine(engine or ("process" if workers > 1 else "serial"), workers=workers, model=model,
                         batch_size=batch_size, scheduler=scheduler)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    nlp = load_pipeline(model)
    spacy_model = model_id(nlp)
    extraction_cache = None
    if cache:
        extraction_cache = ExtractionCache(out, pipeline_key(spacy_model))
        extraction_cache.drop_stale()
    info = BuildInfo(processed_at=processed_at(), kg_version=__version__, spacy_model=spacy_model)
    lap("load")
    wanted = [f for f in dict.fromkeys(exports) if f not in ("ttl", "trig")]
    files = {"ttl": out / "graph.ttl", "trig": out / "graph.trig"}
    with tempfile.TemporaryDirectory(prefix=".kg-work-", dir=out) as tmp:
        work = Path(tmp)
        graph_files = GraphFiles(work, graph_prefixes(base), wanted)
        table = NameTable(fixed)
        spool = RecordSpool(work / "extractions")
        metadata = graph_iri(base, "metadata")

        def extracted(ex: DocumentExtraction) -> None:
            table.add(ex)
            spool.append(encode(ex))

        corpus = extract_corpus(
            source, engine=runner, cache=extraction_cache, max_bytes=max_file_size, progress=progress,
            on_document=lambda doc: graph_files.add_triples(metadata, metadata_triples(base, doc, info)),
            on_extraction=extracted)
        lap("extract")
        resolution = table.resolve()
        entities = sorted(resolution.entities.values(), key=lambda e: e.entity_id)
        graph_files.add_triples(graph_iri(base, "entities"), entity_triples(base, entities))
        lap("resolve")
        keep = None
        if min_confidence > 0:
            sure = confident_facts((decode(raw) for raw in spool), resolution, min_confidence)
            keep = lambda s, p, o: (s, p, o) in sure  # noqa: E731
        log = tempfile.TemporaryFile(dir=work)  # noqa: SIM115 (nameless: outlives the work folder, closed with the result)
        facts: set[tuple[str, str, str]] = set()
        for raw in spool:
            ex = decode(raw)
            triples, lifted = document_triples(base, ex, resolution, keep, infer)
            graph_files.add_graph(graph_iri(base, f"document/{ex.doc_id}"), triples)
            pickle.dump(lifted, log)
            facts.update((s, p, o) for s, p, o, _ in lifted)
        lap("graph")
        line_exports = {f: out / f"graph.{f}" for f in wanted if f in LINE_EXPORTS}
        parts = graph_files.write(files["trig"], files["ttl"], line_exports)
        files.update(line_exports)
        if "jsonld" in wanted:
            from kg.export import write_exports

            files.update(write_exports(_read_trig(files["trig"]), out, ["jsonld"]))
        lap("write")
        from kg.graphstore import remove_store, update_store

        store_state = ""
        if store:
            store_state = update_store(out, files["trig"], files["ttl"], parts, graph_files.triples)
            lap("store")
        else:
            remove_store(out)
    result = BuildResult(
        documents=Documents(corpus.refs),
        skipped=corpus.skipped,
        entities=entities,
        files=files,
        timings=timings,
        cache_hits=corpus.hits if extraction_cache else 0,
        cache_misses=corpus.misses if extraction_cache else len(corpus.refs),
        base_iri=base,
        quads=graph_files.quads,
        relation_counts=Counter(p for _, p, _ in facts),
        store=store_state,
        _relation_log=log,
    )
    if html:
        files["html"] = out / "graph.html"
        render_html(result.graph, files["html"])
        result.timings["html"] = time.perf_counter() - clock
    result.seconds = time.perf_counter() - started
    return result


def _read_trig(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds
