"""The build: corpus -> nlp -> extract -> resolve -> graph -> files and store.

``build()`` is the whole job, used by ``kg build`` and by Python users alike. It never holds the corpus: documents
are read one at a time, extractions go to a spool file, resolution keeps names, types and counts
(:class:`kg.resolve.NameTable`), and quads go to sorted runs on disk (:mod:`kg.assemble`), so memory stays flat
from a hundred documents to a hundred thousand. Every output — graph.ttl, graph.trig, graph.html, the exports and
the persistent store ``out/store`` (:mod:`kg.graphstore`) — is staged and switched in together (:mod:`kg.outputs`),
so an interrupted build leaves the previous set of outputs intact, the store with it.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph

from kg import __version__
from kg.assemble import LINE_EXPORTS, GraphFiles, Lifted, entity_triples, metadata_triples
from kg.atomic import atomic_open
from kg.cache import ExtractionCache, pipeline_key
from kg.corpus import DEFAULT_MAX_BYTES, Documents
from kg.engines import make_engine
from kg.extract import DocumentExtraction
from kg.graph import RUN_DEPENDENT, BuildInfo, graph_prefixes
from kg.incremental import FileIndex, GraphPack
from kg.iri import check_base, graph_iri
from kg.model import Document, Entity, Relation, Skipped
from kg.nlp import installed_model_id
from kg.outputs import OutputSet
from kg.passes import DocumentGraphs, Spool, confident_facts, extract_corpus
from kg.resolve import NameTable, relations_from
from kg.resolve.aliases import read_aliases
from kg.serialize import write_dataset
from kg.vocab import DEFAULT_BASE_IRI

#: Above this many triples the page is not written: it would need the whole graph in rdflib (gigabytes) and show
#: more than a browser can draw.
HTML_MAX_TRIPLES = 2_000_000
SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample"
NO_SPACE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO)  # the disk failed the build's writes
WORK = ".work"  # the build's sorted runs and spools, inside its staged output folder (removed before the switch)


class OutputError(OSError):
    """The output folder cannot be created or written."""


class _NothingRead(Exception):
    """Raised inside the build's work folder when no document was read, so the folder goes before the error."""


class WriteError(OutputError):
    """Writing the outputs failed part-way (a full disk, an I/O error); the previous outputs are intact."""


class NothingToBuild(ValueError):
    """No document of the input could be read: nothing is written, so a good previous build stays as it was."""

    def __init__(self, source: Path, skipped: list[Skipped], out: Path) -> None:
        if skipped:
            first = skipped[0]
            more = f", and {len(skipped) - 1} more" if len(skipped) > 1 else ""
            why = f"{len(skipped)} file(s) skipped ({first.path}: {first.reason}{more})"
        else:
            why = "no file in it"
        kept = f"; {out} left as it was" if out.exists() else ""
        super().__init__(f"no document read from {source}: {why}; nothing written{kept}")
        self.skipped = skipped


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
    notes: list[Skipped] = field(default_factory=list)  # files read with a repair (invalid UTF-8 bytes replaced)
    source: Path | None = None  # the folder or file that was read
    quads: int = 0  # in graph.trig
    relation_counts: Counter[str] = field(default_factory=Counter)  # relations by predicate
    store: str = ""  # how out/store was brought up to date: "created", "updated" or "" (none)
    left_out: list[str] = field(default_factory=list)  # what the build chose not to do, and why
    unread: int = 0  # files not read again: unchanged since the last build (kg.incremental.FileIndex)
    graphs_reused: int = 0  # document graphs copied from the last build (kg.incremental.GraphPack)
    _lifted: Callable[[], Iterable[Lifted]] | None = field(default=None, repr=False)
    _relations: list[Relation] | None = field(default=None, repr=False)
    _dataset: Dataset | None = field(default=None, repr=False)
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def relations(self) -> list[Relation]:
        """Every fact with its evidence, sorted (read back from the build's relation log on first use)."""
        if self._relations is None:
            self._relations = relations_from(self._lifted() if self._lifted else ())
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


def check_output_target(out_dir: Path) -> None:
    """``-o README.md``: the output must be a folder, or a path where one can be made."""
    for path in (out_dir, *out_dir.parents):
        if path.exists():
            if not path.is_dir():
                raise OutputError(f"cannot write to output directory {out_dir}: {path} is a file, not a folder "
                                  "(-o names the folder that receives graph.ttl, graph.trig and graph.html)")
            return


def check_output_dir(out_dir: Path) -> None:
    """Create ``out_dir`` if needed and prove it is writable, before any work is done."""
    check_output_target(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".kg-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to output directory {out_dir}: {exc.strerror or exc}") from exc


def write_graph_files(dataset: Dataset, ttl: Path, trig: Path) -> None:
    """graph.trig (the named graphs) and graph.ttl (their union, less run metadata), written atomically.

    Both come straight from the dataset's quads through :mod:`kg.serialize`; the union is never built as a second
    rdflib graph (the writer merges a triple found in several graphs).
    """
    with atomic_open(trig, "w") as fh:
        write_dataset(dataset, fh)
    with atomic_open(ttl, "w") as fh:
        write_dataset(dataset, fh, union=True, skip=RUN_DEPENDENT)


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
    language: str | None = None,
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
    follow_links: bool = False,
) -> BuildResult:
    """Build the graph of every document under ``input_path`` (the bundled sample corpus if None) into ``out_dir``.

    With ``infer``, inverse and symmetric triples are materialised (:func:`kg.infer.implied`). ``exports``
    names further formats written from the same quads (``nt``, ``nq``, ``jsonld``; see :mod:`kg.export`).
    With ``store`` (the default), ``out_dir/store`` holds the graph in Oxigraph, ready for queries
    (:mod:`kg.graphstore`). Raises ``FileNotFoundError`` for a missing input, :class:`OutputError` for an output
    that is a file or cannot be written, and :class:`NothingToBuild` when no document could be read (then nothing
    at all is written). Unusable files inside the input are skipped and listed in ``BuildResult.skipped``:
    duplicates (same text) and documents not in French (unless ``language`` forces every document's language).

    Speed options never change the output: ``workers`` > 1 parses in that many local processes (``engine="process"``,
    the default then); ``engine="dask"`` runs extraction on the Dask cluster at ``scheduler`` (a local one if None);
    ``cache`` keeps each document's extraction under ``out_dir/.kg-cache`` so the next build re-parses only new or
    changed documents. ``BuildResult.timings`` has the seconds spent in each stage. Symbolic links out of the input
    folder are skipped unless ``follow_links``.

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
    check_output_target(out)
    created = not out.exists()
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

    spacy_model = installed_model_id(model)  # from the model's meta.json: spaCy is loaded only to parse
    extraction_cache = ExtractionCache(out, pipeline_key(spacy_model)) if cache else None
    info = BuildInfo(processed_at=processed_at(), kg_version=__version__, spacy_model=spacy_model)
    lap("load")
    wanted = [f for f in dict.fromkeys(exports) if f not in ("ttl", "trig")]
    writing = False  # from here on, any OSError is the outputs' (before, only a full disk is)
    try:
        # Every output is staged in a new build folder and all switch in at once (kg.outputs); the lock it holds
        # keeps a second build of the same folder (and its cache, file index and graph pack) waiting.
        with OutputSet(out) as outputs:
            work = outputs.path(WORK)  # runs and spools; inside the staged folder, so an interrupted build's go too
            work.mkdir()
            graph_files = GraphFiles(work, graph_prefixes(base), wanted)
            table = NameTable(fixed)
            spool = Spool(work / "extractions", keep_extractions=extraction_cache is None)
            metadata = graph_iri(base, "metadata")
            index = FileIndex(extraction_cache.folder if extraction_cache else None, max_file_size, language)

            def extracted(ex: DocumentExtraction, key: str | None, length: int, body: bytes) -> None:
                if extraction_cache is not None and not extraction_cache.writable:
                    spool.keep_extractions = True  # the cache cannot give them back
                spool.add(ex, key, length, table.add(ex), body)

            corpus = extract_corpus(
                source, engine=runner, cache=extraction_cache, index=index, max_bytes=max_file_size, progress=progress,
                on_document=lambda doc: graph_files.add_triples(metadata, metadata_triples(base, doc, info)),
                language=language, follow_links=follow_links, on_extraction=extracted)
            if not corpus.refs:  # nothing read: nothing written (the staged folder goes with this block)
                raise _NothingRead
            index.save()
            if extraction_cache is not None:
                extraction_cache.drop_stale()
            lap("extract")
            resolution = table.resolve()
            entities = sorted(resolution.entities.values(), key=lambda e: e.entity_id)
            graph_files.add_triples(graph_iri(base, "entities"), entity_triples(base, entities))
            lap("resolve")
            keep = None
            if min_confidence > 0:
                sure = confident_facts(spool.extractions(extraction_cache), resolution, min_confidence)
                keep = lambda s, p, o: (s, p, o) in sure  # noqa: E731
            line_exports = {f: outputs.path(f"graph.{f}") for f in wanted if f in LINE_EXPORTS}
            cached = extraction_cache if extraction_cache is not None and extraction_cache.writable else None
            reuse = cached is not None and keep is None and not line_exports
            pack = GraphPack.open(cached.folder) if reuse and cached else None
            log = None if cached else tempfile.TemporaryFile(dir=work)  # noqa: SIM115 (nameless; the result's)
            graphs = DocumentGraphs(base, resolution, graph_files, keep=keep, infer=infer, pack=pack, log=log)
            try:
                graphs.add_all(spool, extraction_cache)
            except BaseException:
                if pack is not None:
                    pack.discard()
                raise
            lap("graph")
            writing = True
            staged = _write_outputs(outputs, graph_files, line_exports, wanted, store, lap)
            if pack is not None:
                pack.save()
            result = BuildResult(
                documents=Documents(corpus.refs),
                skipped=corpus.skipped,
                notes=corpus.notes,
                entities=entities,
                timings=timings,
                cache_hits=corpus.hits if extraction_cache else 0,
                cache_misses=corpus.misses if extraction_cache else len(corpus.refs),
                base_iri=base,
                source=source,
                quads=graph_files.quads,
                relation_counts=Counter(p for _, p, _ in graphs.facts),
                store=staged.pop("store", ""),
                unread=index.unread,
                graphs_reused=pack.reused if pack is not None else 0,
                _lifted=graphs.lifted_source(corpus, cached),
            )
            if html and graph_files.triples > HTML_MAX_TRIPLES:
                result.left_out.append(
                    f"graph.html not written: {graph_files.triples:,} triples are more than the page shows "
                    f"(over {HTML_MAX_TRIPLES:,}); query out/store, or kg render a CONSTRUCT of a part")
            elif html:
                from kg.render import render_html  # (networkx: loaded only for a page, a tenth of a second)

                result._graph = Graph().parse(outputs.path("graph.ttl"), format="turtle")
                render_html(result._graph, outputs.path("graph.html"))
                staged["html"] = "graph.html"
                lap("html")
            shutil.rmtree(work)
            outputs.commit()
    except OSError as exc:
        if isinstance(exc, OutputError) or not (writing or exc.errno in NO_SPACE):
            raise
        raise WriteError(f"cannot write the outputs into {out}: {exc.strerror or exc}"
                         f"{' (disk full)' if exc.errno == errno.ENOSPC else ''}; the previous outputs are "
                         "unchanged") from exc
    except _NothingRead:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise NothingToBuild(source, corpus.skipped, out) from None
    result.files = {kind: out / name for kind, name in staged.items()}
    result.seconds = time.perf_counter() - started
    return result


def _write_outputs(outputs: OutputSet, graph_files: GraphFiles, line_exports: dict[str, Path], wanted: list[str],
                   store: bool, lap: Callable[[str], None]) -> dict[str, str]:
    """graph.trig, graph.ttl, the exports and (with ``store``) the store, into the staged set: kind -> file name,
    and ``"store"`` -> how the store was made (``"created"`` from the files, ``"updated"`` from the current one)."""
    trig, ttl = outputs.path("graph.trig"), outputs.path("graph.ttl")
    parts = graph_files.write(trig, ttl, line_exports)
    staged = {"ttl": ttl.name, "trig": trig.name} | {kind: path.name for kind, path in line_exports.items()}
    if "jsonld" in wanted:
        from kg.export import write_exports

        staged.update({f: p.name for f, p in write_exports(_read_trig(trig), outputs.staging, ["jsonld"]).items()})
    lap("write")
    if store:
        from kg.graphstore import STORE_DIR, current_store, prepare_store

        staged["store"] = prepare_store(current_store(outputs.out), outputs.path(STORE_DIR), trig, ttl, parts,
                                        graph_files.triples, graph_files.run_file)
        lap("store")
    return staged


def _read_trig(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds
