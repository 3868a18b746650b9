"""The build: corpus -> nlp -> extract -> resolve -> graph -> files.

``build()`` is the whole job, used by ``kg build`` and by Python users alike. Outputs are staged and switched in
together (:mod:`kg.outputs`), so an interrupted build leaves the previous set of files intact.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph

from kg import __version__
from kg.atomic import atomic_open
from kg.cache import ExtractionCache, pipeline_key
from kg.corpus import DEFAULT_MAX_BYTES, read_corpus
from kg.engines import Engine, make_engine
from kg.extract import DocumentExtraction
from kg.graph import RUN_DEPENDENT, BuildInfo, build_dataset, union_graph
from kg.iri import check_base
from kg.model import Document, Entity, Relation, Skipped
from kg.nlp import installed_model_id
from kg.outputs import OutputSet
from kg.progress import progress_bar
from kg.render import render_html
from kg.resolve import resolve
from kg.resolve.aliases import read_aliases
from kg.serialize import write_dataset
from kg.vocab import DEFAULT_BASE_IRI

SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample"


class OutputError(OSError):
    """The output folder cannot be created or written."""


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
    """What a build read, found and wrote."""

    documents: list[Document]
    skipped: list[Skipped]
    entities: list[Entity]
    relations: list[Relation]
    dataset: Dataset
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: read, extract, resolve, ...
    cache_hits: int = 0  # documents whose extraction came from the build cache
    cache_misses: int = 0  # documents parsed in this build
    base_iri: str = DEFAULT_BASE_IRI
    notes: list[Skipped] = field(default_factory=list)  # files read with a repair (invalid UTF-8 bytes replaced)
    source: Path | None = None  # the folder or file that was read
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def graph(self) -> Graph:
        """The union graph, as written to graph.ttl; made on first use (a second copy of every triple, so a build
        that does not need it, such as ``--no-html``, does not pay its memory)."""
        if self._graph is None:
            self._graph = union_graph(self.dataset)
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


def extract_all(
    documents: list[Document],
    model: str | None = None,
    progress: bool | None = None,
    batch_size: int = 16,
    *,
    engine: Engine | None = None,
    cache: ExtractionCache | None = None,
) -> Iterator[DocumentExtraction]:
    """Every document's extraction, in document order, streaming (no spaCy Doc outlives its extraction).

    Documents found in ``cache`` are read back; the others go to ``engine`` (serial by default) and are added to it.
    The engine is not called when every document is in the cache, so an unchanged rebuild never loads spaCy.
    """
    engine = engine or make_engine("serial", model=model, batch_size=batch_size)
    found: dict[int, DocumentExtraction] = {}
    if cache is not None:
        for i, doc in enumerate(documents):
            ex = cache.get(doc)
            if ex is not None:
                found[i] = ex
    misses = [d for i, d in enumerate(documents) if i not in found]
    fresh = engine(misses) if misses else iter(())
    with progress_bar(len(documents), progress) as bar:
        if found:
            bar.update(len(found))
        for i, doc in enumerate(documents):
            ex = found.pop(i, None)
            if ex is None:
                ex = next(fresh)
                if ex.doc_id != doc.doc_id:
                    raise RuntimeError(f"engine returned {ex.doc_id} for {doc.doc_id}")
                if cache is not None:
                    cache.put(doc, ex)
                bar.update(1)
            yield ex
    for _ in fresh:  # let the engine finish and release its workers
        pass


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
    aliases: Path | str | None = None,
    follow_links: bool = False,
) -> BuildResult:
    """Build the graph of every document under ``input_path`` (the bundled sample corpus if None) into ``out_dir``.

    With ``infer``, inverse and symmetric triples are materialised (:func:`kg.infer.materialise`). ``exports``
    names further formats written from the same dataset (``nt``, ``nq``, ``jsonld``; see :mod:`kg.export`).
    Raises ``FileNotFoundError`` for a missing input, :class:`OutputError` for an output that is a file or cannot
    be written, and :class:`NothingToBuild` when no document could be read (then nothing at all is written).
    Unusable files inside the input are skipped and listed in ``BuildResult.skipped``: duplicates (same text) and
    documents not in French (unless ``language`` forces every document's language, e.g. ``"fr"``).

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
    clock = time.perf_counter()
    corpus = read_corpus(source, max_bytes=max_file_size, language=language, follow_links=follow_links)
    if not corpus.documents:
        raise NothingToBuild(source, corpus.skipped, out)
    check_output_dir(out)
    runner = make_engine(engine or ("process" if workers > 1 else "serial"), workers=workers, model=model,
                         batch_size=batch_size, scheduler=scheduler)
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    lap("read")
    spacy_model = installed_model_id(model)  # from the model's meta.json: spaCy is loaded only to parse
    store = None
    if cache:
        store = ExtractionCache(out, pipeline_key(spacy_model))
        store.drop_stale()
    lap("load")
    extractions = list(extract_all(corpus.documents, model, progress, batch_size, engine=runner, cache=store))
    lap("extract")
    entities, relations = resolve(extractions, fixed)
    del extractions
    if min_confidence > 0:
        relations = [r for r in relations if r.confidence >= min_confidence]
    lap("resolve")
    info = BuildInfo(processed_at=processed_at(), kg_version=__version__, spacy_model=spacy_model)
    dataset = build_dataset(base, corpus.documents, entities, relations, info)
    if infer:
        from kg.infer import materialise

        materialise(dataset)
    lap("graph")
    result = BuildResult(
        documents=corpus.documents,
        skipped=corpus.skipped,
        notes=corpus.notes,
        entities=entities,
        relations=relations,
        dataset=dataset,
        timings=timings,
        cache_hits=store.hits if store else 0,
        cache_misses=store.misses if store else len(corpus.documents),
        base_iri=base,
        source=source,
    )
    try:
        with OutputSet(out) as outputs:  # every output is staged, then all switch in at once (kg.outputs)
            written = {"ttl": "graph.ttl", "trig": "graph.trig"}
            write_graph_files(dataset, outputs.path("graph.ttl"), outputs.path("graph.trig"))
            extra = [f for f in dict.fromkeys(exports) if f not in written]
            if extra:
                from kg.export import write_exports

                written.update({f: p.name for f, p in write_exports(dataset, outputs.staging, extra).items()})
            lap("write")
            if html:
                written["html"] = "graph.html"
                render_html(result.graph, outputs.path("graph.html"))
                timings["html"] = time.perf_counter() - clock
            outputs.commit()
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise WriteError(f"cannot write the outputs into {out}: {exc.strerror or exc}"
                         f"{' (disk full)' if exc.errno == errno.ENOSPC else ''}; the previous outputs are "
                         "unchanged") from exc
    result.files = {kind: out / name for kind, name in written.items()}
    result.seconds = time.perf_counter() - started
    return result
