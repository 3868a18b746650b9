"""SHACL validation of a build against ``ontology/shapes.ttl``: the promises of docs/graph-model.md, checked.

pyshacl validates each named graph of a dataset on its own, but a statement in a document graph points at entities
described in the entities graph; so the data is first merged into one graph, the same union that ``graph.ttl`` holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.export import read_dataset
from kg.ontology import ontology_dir


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, flattened to what a reader needs; ``path`` and ``value`` may be empty."""

    focus: str
    path: str
    message: str
    severity: str
    value: str = ""
    shape: str = ""

    def format(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """Whether the data conforms, and every violation sorted by focus node then path (a stable order to diff)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def format(self) -> str:
        if self.conforms:
            return "conforms: 0 violations"
        lines = [v.format() for v in self.violations]
        lines.append(f"does not conform: {len(self.violations)} violation(s)")
        return "\n".join(lines)


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (``ontology/shapes.ttl`` unless another file is given)."""
    return Graph().parse(path or ontology_dir() / "shapes.ttl", format="turtle")


def load_data(path: Path) -> Graph:
    """Read a graph file of any kg output format, or a build folder (its graph.trig, else graph.ttl), as one graph."""
    return union(read_dataset(path))


def union(data: Graph) -> Graph:
    """All triples of all graphs of ``data`` in one graph (a plain graph is returned as it is)."""
    if not isinstance(data, Dataset):
        return data
    g = Graph()
    for prefix, ns in data.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Run the shapes over ``data`` (a Graph or a Dataset, merged first) with pyshacl, without inference."""
    import pyshacl  # slow to import: only when validating

    data = union(data)
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
        advanced=True, allow_warnings=True,
    )
    violations = sorted(_violations(results, data))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _violations(results: Graph, data: Graph) -> list[Violation]:
    def show(node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            try:
                return data.namespace_manager.normalizeUri(node)
            except Exception:  # an IRI no prefix fits
                return f"<{node}>"
        return node.n3(data.namespace_manager)

    out = []
    nested = set(results.objects(None, SH.detail))  # sh:node failures repeat their inner results as details
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if result in nested:
            continue
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        out.append(Violation(
            focus=show(results.value(result, SH.focusNode)),
            path=show(results.value(result, SH.resultPath)) if isinstance(results.value(result, SH.resultPath),
                                                                           URIRef) else "",
            message="; ".join(messages) or "constraint not met",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            value=show(value) if (value := results.value(result, SH.value)) != results.value(
                result, SH.focusNode) else "",
            shape=show(results.value(result, SH.sourceShape)) if isinstance(
                results.value(result, SH.sourceShape), URIRef) else "",
        ))
    return out
