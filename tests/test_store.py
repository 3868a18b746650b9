"""`kg load` against a real Oxigraph server on 127.0.0.1: the store ends up holding exactly the build.

The server runs with a fresh data directory per test module and ``--union-default-graph``, so that a query without
``GRAPH`` sees every named graph, as a query over ``graph.ttl`` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from tests.oxigraph_server import OXIGRAPH, free_port, oxigraph

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"

# The example query of docs/ontology.md: every relation with its source and confidence.
EXAMPLE_QUERY = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?subject ?predicate ?object ?document ?confidence WHERE {
    ?st a kg:RelationStatement ; rdf:subject ?s ; rdf:predicate ?predicate ; rdf:object ?o ;
        kg:sourceDocument ?document ; kg:confidence ?confidence .
    ?s skos:prefLabel ?subject .
    ?o skos:prefLabel ?object .
}
ORDER BY ?subject ?predicate ?object ?document ?confidence
"""

# The README's example query (kg query predeclares these prefixes; a store needs them written out).
README_QUERY = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n }
"""

pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server binary is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on a free local port with a fresh data directory; yields its base URL."""
    with oxigraph(tmp_path_factory.mktemp("oxigraph-data"), "--union-default-graph") as base:
        yield base


def sparql(base: str, query: str) -> list[dict[str, dict[str, str]]]:
    req = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)["results"]["bindings"]


def counts_in_store(base: str) -> dict[str, int]:
    rows = sparql(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def clear(base: str) -> None:
    req = urllib.request.Request(f"{base}/update", data=urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
                                 method="POST")
    urllib.request.urlopen(req, timeout=30).close()


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=300)


def build_counts(seed_build: Path) -> dict[str, int]:
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    return {str(g.identifier): len(g) for g in ds.graphs() if len(g)}


def value(term: object) -> object:
    """A comparable Python value of a result term (decimals compare by value, not by lexical form)."""
    if isinstance(term, dict):  # SPARQL JSON results
        if term["type"] == "uri":
            return term["value"]
        lit = Literal(term["value"], lang=term.get("xml:lang"),
                      datatype=URIRef(term["datatype"]) if "datatype" in term else None)
        return (lit.toPython(), lit.language)
    if isinstance(term, URIRef):
        return str(term)
    assert isinstance(term, Literal)
    return (term.toPython(), term.language)


def test_load_puts_exactly_the_build_into_the_store(server: str, seed_build: Path) -> None:
    clear(server)
    proc = run_kg("load", str(seed_build), "--endpoint", f"{server}/store")
    assert proc.returncode == 0, proc.stderr
    want = build_counts(seed_build)
    assert counts_in_store(server) == want
    assert f"loaded {sum(want.values())} triples into {len(want)} graph(s)" in proc.stdout


def test_the_store_answers_the_example_query_as_the_build_does(server: str, seed_build: Path) -> None:
    clear(server)
    assert run_kg("load", str(seed_build), "--endpoint", f"{server}/store").returncode == 0
    local = [tuple(value(t) for t in row) for row in Graph().parse(seed_build / "graph.ttl").query(EXAMPLE_QUERY)]
    remote = [tuple(value(r[k]) for k in ("subject", "predicate", "object", "document", "confidence"))
              for r in sparql(server, EXAMPLE_QUERY)]
    assert len(local) > 5
    assert remote == local
    assert all(isinstance(row[4][0], Decimal) for row in remote)


def test_the_store_answers_the_readme_query_as_kg_query_does(server: str, seed_build: Path) -> None:
    from kg.query import KnowledgeGraph  # what `kg query` runs

    clear(server)
    assert run_kg("load", str(seed_build), "--endpoint", f"{server}/store").returncode == 0
    local = sorted(str(r["n"]) for r in KnowledgeGraph.open(seed_build).query(README_QUERY).records())
    remote = sorted(r["n"]["value"] for r in sparql(server, README_QUERY))
    assert len(local) > 3
    assert remote == local


def test_small_chunks_load_the_same_triples(server: str, seed_build: Path) -> None:
    clear(server)
    proc = run_kg("load", str(seed_build), "--endpoint", f"{server}/store", "--chunk-size", "25")
    assert proc.returncode == 0, proc.stderr
    assert counts_in_store(server) == build_counts(seed_build)
    requests = int(proc.stdout.strip().splitlines()[-1].split(" in ")[1].split()[0])
    assert requests > 20


def test_replace_drops_the_target_graph_first(server: str, seed_build: Path) -> None:
    clear(server)
    target = "https://example.org/graph/kg"
    assert run_kg("load", str(FIXTURES / "broken.ttl"), "--endpoint", f"{server}/store", "--graph",
                  target).returncode == 0
    proc = run_kg("load", str(seed_build / "graph.ttl"), "--endpoint", f"{server}/store", "--graph", target,
                  "--replace")
    assert proc.returncode == 0, proc.stderr
    assert counts_in_store(server) == {target: len(Graph().parse(seed_build / "graph.ttl"))}


def test_without_replace_the_graph_keeps_what_it_had(server: str, seed_build: Path) -> None:
    clear(server)
    target = "https://example.org/graph/kg"
    broken = len(Graph().parse(FIXTURES / "broken.ttl"))
    assert run_kg("load", str(FIXTURES / "broken.ttl"), "--endpoint", f"{server}/store", "--graph",
                  target).returncode == 0
    assert run_kg("load", str(seed_build / "graph.ttl"), "--endpoint", f"{server}/store", "--graph",
                  target).returncode == 0
    assert counts_in_store(server)[target] == broken + len(Graph().parse(seed_build / "graph.ttl"))


def test_a_refusing_store_gives_a_clear_error_and_exit_1(server: str, seed_build: Path) -> None:
    proc = run_kg("load", str(seed_build), "--endpoint", f"{server}/no-such-service")
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg load: error: the store refused POST")
    assert "HTTP 404" in proc.stderr and "Traceback" not in proc.stderr


def test_an_unreachable_store_gives_a_clear_error_and_exit_1(seed_build: Path) -> None:
    proc = run_kg("load", str(seed_build), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert proc.returncode == 1
    assert "cannot reach the store" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["--endpoint", "ftp://x/store"],
                                  ["--endpoint", "http://x/s", "--graph", "not an iri"]])
def test_bad_arguments_are_usage_errors(seed_build: Path, args: list[str]) -> None:
    proc = run_kg("load", str(seed_build), *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg load: error:")
