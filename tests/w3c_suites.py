"""The W3C RDF test suites vendored under ``tests/w3c/`` (see its README): read their manifests.

Only the positive tests are vendored (syntax and evaluation): each names an input file kg's writer must reproduce.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

W3C = Path(__file__).parent / "w3c"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
RDFT = "http://www.w3.org/ns/rdftest#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# suite folder -> (positive test types, input format, the base IRI the suite's tests are run with)
SUITES: dict[str, tuple[tuple[str, ...], ox.RdfFormat, str]] = {
    "turtle": (("TestTurtlePositiveSyntax", "TestTurtleEval"), ox.RdfFormat.TURTLE,
               "http://www.w3.org/2013/TurtleTests/"),
    "trig": (("TestTrigPositiveSyntax", "TestTrigEval"), ox.RdfFormat.TRIG, "http://www.w3.org/2013/TriGTests/"),
    "ntriples": (("TestNTriplesPositiveSyntax",), ox.RdfFormat.N_TRIPLES, "http://www.w3.org/2013/N-TriplesTests/"),
    "nquads": (("TestNQuadsPositiveSyntax",), ox.RdfFormat.N_QUADS, "http://www.w3.org/2013/N-QuadsTests/"),
}


@dataclass(frozen=True)
class W3CTest:
    suite: str
    name: str
    action: Path
    result: Path | None  # the expected N-Triples / N-Quads of an evaluation test
    format: ox.RdfFormat
    base: str

    def __str__(self) -> str:
        return f"{self.suite}/{self.name}"


def positive_tests() -> list[W3CTest]:
    tests: list[W3CTest] = []
    for suite, (kinds, fmt, base) in SUITES.items():
        folder = W3C / suite
        manifest = ox.Dataset(ox.parse(path=folder / "manifest.ttl", base_iri=base + "manifest.ttl"))
        wanted = {ox.NamedNode(RDFT + kind) for kind in kinds}
        for q in manifest.quads_for_predicate(ox.NamedNode(RDF_TYPE)):
            if q.object not in wanted:
                continue
            values = {p.predicate.value: p.object for p in manifest.quads_for_subject(q.subject)}
            name = values[MF + "name"].value
            action = folder / values[MF + "action"].value.rsplit("/", 1)[-1]
            result = values.get(MF + "result")
            tests.append(W3CTest(suite, name, action, folder / result.value.rsplit("/", 1)[-1] if result else None,
                                 fmt, base + action.name))
    return sorted(tests, key=str)
