"""Export a build in every standard RDF syntax: Turtle, TriG, N-Triples, N-Quads and JSON-LD.

All formats come from the same :class:`rdflib.Dataset`, so they hold the same facts: the triple formats (ttl, nt)
hold the union of the named graphs without the run-dependent metadata (as ``graph.ttl``, so they are byte-identical
from run to run), the quad formats (trig, nq, jsonld) every named graph. N-Triples/N-Quads lines are sorted,
JSON-LD nodes and values are sorted, and every file is written atomically.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import rdflib
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.atomic import atomic_open
from kg.defaults import EXPORT_FORMATS
from kg.graph import RUN_DEPENDENT, union_graph
from kg.ontology import ontology_dir
from kg.serialize import write_dataset

FORMATS: dict[str, str] = EXPORT_FORMATS  # format -> file it is written to
#: File suffix -> rdflib parser name, for every format kg writes (read back by kg validate, kg load, kg export).
RDF_FORMATS: dict[str, str] = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                               ".jsonld": "json-ld", ".json": "json-ld"}
QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})


def read_dataset(path: Path) -> Dataset:
    """A build folder (its graph.trig, else graph.ttl) or a graph file, as a Dataset (triple files: default graph)."""
    path = Path(path)
    if path.is_dir():
        candidates = [path / "graph.trig", path / "graph.ttl"]
        found = next((p for p in candidates if p.exists()), None)
        if found is None:
            raise FileNotFoundError(f"no graph.trig or graph.ttl in {path}")
        path = found
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown graph format {path.suffix!r} (expected one of {', '.join(sorted(RDF_FORMATS))})")
    ds = Dataset()
    with exact_literals():
        if fmt in QUAD_FORMATS:
            ds.parse(path, format=fmt)
        else:
            ds.graph(DATASET_DEFAULT_GRAPH_ID).parse(path, format=fmt)
    return ds


@contextmanager
def exact_literals() -> Iterator[None]:
    """Parse with rdflib's literal normalisation off: ``"01"^^xsd:integer`` stays that term (normalised it would
    become ``"1"``, another term, and ``kg load`` would put into a store something the build never wrote)."""
    saved = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = saved


@cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context (``ontology/context.jsonld``): short keys for kg's terms, IRIs and datatypes coerced."""
    with open(ontology_dir() / "context.jsonld", encoding="utf-8") as fh:
        return json.load(fh)["@context"]


def _sorted_lines(data: bytes) -> bytes:
    # split on LF only: str.splitlines() would also cut at U+2028, U+0085 or a form feed inside a literal
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _sort_json(value: Any) -> Any:
    """Sort every JSON-LD array by its canonical text, so the bytes do not depend on rdflib's set order."""
    if isinstance(value, dict):  # an @list is ordered data: left as it is
        return {k: (v if k in ("@context", "@list") else _sort_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """The bytes of one format; ``fmt`` among ``ttl trig nt nq jsonld``."""
    if fmt in ("ttl", "trig"):  # kg's own writer: rdflib's Turtle writer changes terms ("1"^^xsd:decimal -> 1.0)
        text = io.StringIO()
        write_dataset(dataset, text, union=fmt == "ttl", skip=RUN_DEPENDENT)
        return text.getvalue().encode("utf-8")
    if fmt == "nt":
        return _sorted_lines(union_graph(dataset).serialize(format="nt", encoding="utf-8"))
    if fmt == "nq":
        return _sorted_lines(dataset.serialize(format="nquads", encoding="utf-8"))
    if fmt == "jsonld":
        context = jsonld_context()
        doc = json.loads(dataset.serialize(format="json-ld", context=context, auto_compact=True))
        if isinstance(doc, list):
            doc = {"@graph": doc}
        body = {k: v for k, v in _sort_json(doc).items() if k != "@context"}
        # the context is embedded, not linked: a reader needs no network to expand the document
        return (json.dumps({"@context": context, **body}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


def write_exports(dataset: Dataset, out_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    """Write each format into ``out_dir`` as ``graph.<ext>``; returns format -> path written."""
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    written: dict[str, Path] = {}
    for fmt in wanted:
        path = Path(out_dir) / FORMATS[fmt]
        with atomic_open(path, "wb") as fh:
            fh.write(serialize(dataset, fmt))
        written[fmt] = path
    return written
