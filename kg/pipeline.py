"""The build: corpus -> nlp -> extract -> resolve -> graph -> files.

``build()`` is the whole job, used by ``kg build`` and by Python users alike. Outputs are written atomically
(temporary file, then rename), so an interrupted build leaves the previous files intact.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph

from kg import __version__
from kg.atomic import atomic_write_bytes
from kg.corpus import DEFAULT_MAX_BYTES, read_corpus
from kg.extract import DocumentExtraction, extract_document
from kg.graph import BuildInfo, build_dataset, union_graph
from kg.iri import check_base
from kg.model import Document, Entity, Relation, Skipped
from kg.nlp import chunks, load_pipeline, model_id
from kg.render import render_html
from kg.resolve import resolve
from kg.vocab import DEFAULT_BASE_IRI

SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample"


class OutputError(OSError):
    """The output folder cannot be created or written."""


@dataclass
class BuildResult:
    """What a build read, found and wrote."""

    documents: list[Document]
    skipped: list[Skipped]
    entities: list[Entity]
    relations: list[Relation]
    dataset: Dataset
    graph: Graph  # the union graph, as written to graph.ttl
    files: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0


def check_output_dir(out_dir: Path) -> None:
    """Create ``out_dir`` if needed and prove it is writable, before any work is done."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".kg-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to output directory {out_dir}: {exc.strerror or exc}") from exc


def _progress(total: int, enabled: bool | None):
    """A tqdm bar on a terminal; silent when output is not a terminal (CI, pipes) unless asked for."""
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(total=total, unit="doc", disable=not enabled, file=sys.stderr, desc="kg build")


def extract_all(documents: list[Document], model: str | None = None, progress: bool | None = None,
                batch_size: int = 16) -> Iterator[DocumentExtraction]:
    """Parse and extract every document, streaming: no spaCy Doc outlives its extraction."""
    nlp = load_pipeline(model)
    pieces = ((text, (i, start)) for i, d in enumerate(documents) for start, text in chunks(d.text))
    pending: dict[int, list[DocumentExtraction]] = {}
    n_chunks = {i: len(chunks(d.text)) for i, d in enumerate(documents)}
    with _progress(len(documents), progress) as bar:
        for parsed, (i, start) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
            pending.setdefault(i, []).append(extract_document(documents[i], parsed, start))
            if len(pending[i]) == n_chunks[i]:
                parts = pending.pop(i)
                bar.update(1)
                yield DocumentExtraction(
                    documents[i].doc_id,
                    tuple(m for p in parts for m in p.mentions),
                    tuple(r for p in parts for r in p.relations),
                )


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
) -> BuildResult:
    """Build the graph of every document under ``input_path`` (the bundled sample corpus if None) into ``out_dir``.

    With ``infer``, inverse and symmetric triples are materialised (:func:`kg.infer.materialise`).
    Raises ``FileNotFoundError`` for a missing input and :class:`OutputError` for an unwritable output folder;
    unusable files inside the input are skipped and listed in ``BuildResult.skipped``.
    """
    started = time.perf_counter()
    source = Path(input_path) if input_path is not None else SAMPLE_CORPUS
    out = Path(out_dir)
    base = check_base(base_iri)
    if not source.exists():
        raise FileNotFoundError(f"input path does not exist: {source}")
    check_output_dir(out)
    corpus = read_corpus(source, max_bytes=max_file_size)
    nlp = load_pipeline(model)
    extractions = list(extract_all(corpus.documents, model, progress))
    entities, relations = resolve(extractions)
    if min_confidence > 0:
        relations = [r for r in relations if r.confidence >= min_confidence]
    info = BuildInfo(
        processed_at=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        kg_version=__version__,
        spacy_model=model_id(nlp),
    )
    dataset = build_dataset(base, corpus.documents, entities, relations, info)
    if infer:
        from kg.infer import materialise

        materialise(dataset)
    graph = union_graph(dataset, base)
    files = {"ttl": out / "graph.ttl", "trig": out / "graph.trig"}
    atomic_write_bytes(files["ttl"], graph.serialize(format="turtle", encoding="utf-8"))
    atomic_write_bytes(files["trig"], dataset.serialize(format="trig", encoding="utf-8"))
    if html:
        files["html"] = out / "graph.html"
        render_html(graph, files["html"])
    return BuildResult(
        documents=corpus.documents,
        skipped=corpus.skipped,
        entities=entities,
        relations=relations,
        dataset=dataset,
        graph=graph,
        files=files,
        seconds=time.perf_counter() - started,
    )
