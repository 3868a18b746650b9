"""``kg query OUT 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'`` answers from the count the build kept.

Every build counts its store's default graph once and writes the number beside the store (``kg-counts.json``);
exactly the queries whose answer is that number are answered from it, in the same words and format as Oxigraph's
scan, and only on the very database that was counted. Everything else, near misses included, is Oxigraph's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.cli import main
from kg.graphstore import MANIFEST, find_store, store_dir
from kg.query import KnowledgeGraph, _run
from kg.results import SOLUTION_FORMATS
from kg.storecount import COUNTS, count_variable, verified_triples
from tests.conftest import SEEDS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

ANSWERED = {  # query -> its result variable
    COUNT: "n",
    "select (count(*) as ?n) where { ?s ?p ?o }": "n",
    "SELECT (COUNT(*) AS ?total) { ?s ?p ?o . }": "total",
    "SELECT (COUNT(?p) AS ?n) WHERE { ?s ?p ?o }": "n",
    "SELECT (COUNT($o) AS $n) WHERE { $s $p ?o }": "n",
    "# how big is it?\nSELECT(COUNT(*)AS?n)WHERE{?s?p?o}\n": "n",
    "PREFIX ex: <http://example.org/> PREFIX : <urn:x:>\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }": "n",
}

NEAR_MISSES = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?o }",  # a bound term
    "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:partnersWith ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) }",
    "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT DISTINCT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?o ?q ?r }",  # two patterns
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o ; ?q ?r }",
    "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } LIMIT 0",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } OFFSET 1",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?s ?o }",  # not three distinct variables
    "SELECT (COUNT(?x) AS ?n) WHERE { ?s ?p ?o }",  # counts a variable the pattern never binds: 0
    "SELECT (COUNT(*) AS ?s) WHERE { ?s ?p ?o }",
    "SELECT (SUM(1) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) FROM <urn:g> WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } VALUES ?s { <urn:x> }",
    "ASK { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }  # fine\rLIMIT 0",  # a comment that ends at a lone CR
    "BASE <http://example.org/> SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "PREFIX ex: <relative> SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",  # Oxigraph refuses it: so do we
    "PREFIX ex.: <http://example.org/> SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) Aſ ?n) WHERE { ?s ?p ?o }",  # upper-cases to AS, yet no keyword
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } ORDER BY ?n",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } HAVING (?n > 0)",
]


@pytest.mark.parametrize("sparql", ANSWERED)
def test_the_queries_that_only_count_every_triple_are_recognised(sparql: str) -> None:
    assert count_variable(sparql) == ANSWERED[sparql]


@pytest.mark.parametrize("sparql", NEAR_MISSES)
def test_near_misses_are_left_to_oxigraph(sparql: str) -> None:
    assert count_variable(sparql) is None


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, seed_cache: Path) -> Path:
    """A real build of the seed corpus with its store (the parse cache copied from ``seed_cache``)."""
    folder = tmp_path_factory.mktemp("counted") / "out"
    folder.mkdir()
    shutil.copytree(seed_cache / ".kg-cache", folder / ".kg-cache")
    assert kg.build(SEEDS, folder, html=False, progress=False).store == "created"
    return folder


def scanned(out: Path, sparql: str) -> kg.query.Result:
    """What Oxigraph answers on the build's store, reading every triple (as ``kg query`` did before)."""
    return _run(ox.Store.read_only(str(store_dir(out))), sparql, union=False, timeout=None, max_rows=None)


def kept_count(out: Path) -> int:
    return json.loads((store_dir(out) / COUNTS).read_text(encoding="utf-8"))["triples"]


def test_a_build_keeps_the_count_of_its_default_graph(out: Path) -> None:
    assert kept_count(out) == int(scanned(out, COUNT).rows[0][0].value)
    assert kept_count(out) == len(KnowledgeGraph.open(out / "graph.ttl"))
    assert verified_triples(store_dir(out)) == kept_count(out)


@pytest.mark.parametrize("fmt", SOLUTION_FORMATS)
def test_the_kept_count_answers_exactly_as_the_scan(out: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    for sparql in ANSWERED:
        assert main(["query", str(out), sparql, "--format", fmt]) == 0
        assert capsys.readouterr().out == scanned(out, sparql).serialize(fmt), sparql


def with_a_false_count(out: Path, tmp_path: Path) -> Path:
    """A copy of the build whose counts file says 1,000 triples more: what answers from it is plain to see."""
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, symlinks=True)
    counts = store_dir(copy) / COUNTS
    data = json.loads(counts.read_text(encoding="utf-8"))
    counts.write_text(json.dumps(data | {"triples": data["triples"] + 1000}), encoding="utf-8")
    return copy


def test_near_misses_are_answered_by_oxigraph_not_the_count(out: Path, tmp_path: Path) -> None:
    copy = with_a_false_count(out, tmp_path)
    graph = KnowledgeGraph.open(copy)
    assert graph.query(COUNT).rows[0][0].value == str(kept_count(out) + 1000)  # the count answers this one
    for sparql in NEAR_MISSES:
        try:
            expected = scanned(copy, sparql)
        except kg.query.SparqlSyntaxError:
            with pytest.raises(kg.query.SparqlSyntaxError):
                graph.query(sparql)
            continue
        got = graph.query(sparql)
        assert (got.kind, got.variables, got.rows, got.boolean) == (
            expected.kind, expected.variables, expected.rows, expected.boolean), sparql
    assert graph.query(COUNT, max_rows=0).rows == [], "a cap of no rows is the scan's to apply"


def test_a_counted_answer_passes_kg_s_checks_as_any_other(out: Path) -> None:
    misspelt = "PREFIX p: <https://w3id.org/kg-news/ontology#partnerWith> " + COUNT  # a term the ontology lacks
    assert count_variable(misspelt) == "n"
    for graph in (KnowledgeGraph.open(out), KnowledgeGraph.open(out / "graph.ttl")):
        with pytest.raises(kg.query.UnknownTerm, match="not in the ontology"):
            graph.query(misspelt)


def test_an_incremental_build_keeps_the_count_right(out: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "ajout.txt").write_text("La société Norvex s'associe à Daltora pour un projet commun.\n",
                                      encoding="utf-8")
    again = tmp_path / "again"
    shutil.copytree(out, again, symlinks=True)
    assert kg.build(corpus, again, html=False, progress=False).store == "updated"
    assert kept_count(again) == int(scanned(again, COUNT).rows[0][0].value) > kept_count(out)
    assert verified_triples(store_dir(again)) == kept_count(again), "counted on the updated store, as it stays"
    assert KnowledgeGraph.open(again).query(COUNT).rows == scanned(again, COUNT).rows


def test_a_count_is_never_used_for_a_database_it_was_not_made_from(out: Path, tmp_path: Path) -> None:
    changed = tmp_path / "changed"
    shutil.copytree(out, changed, symlinks=True)
    store = ox.Store(str(store_dir(changed)))
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.NamedNode("urn:y")))
    store.flush()
    del store
    assert verified_triples(store_dir(changed)) is None
    assert KnowledgeGraph.open(changed).query(COUNT).rows[0][0].value == str(kept_count(out) + 1)

    elsewhere = tmp_path / "elsewhere"  # the same database, moved out of the build it was counted in
    shutil.copytree(store_dir(out), elsewhere)
    assert verified_triples(elsewhere) is None
    assert KnowledgeGraph.open(elsewhere).query(COUNT).rows == scanned(out, COUNT).rows


def test_a_store_made_before_counts_were_kept_still_opens_and_scans(out: Path, tmp_path: Path) -> None:
    older = tmp_path / "older"
    shutil.copytree(out, older, symlinks=True)
    (store_dir(older) / COUNTS).unlink()
    assert find_store(older) == store_dir(older)  # its manifest still says which files it equals
    graph = KnowledgeGraph.open(older)
    assert len(graph) == json.loads((store_dir(older) / MANIFEST).read_text(encoding="utf-8"))["triples"]
    assert graph.query(COUNT).rows == scanned(out, COUNT).rows


def test_kg_query_starts_without_the_build_machinery(out: Path) -> None:
    """spaCy, rdflib, networkx and Dask are a second of start-up that a query on a store never needs."""
    probe = ("import sys; from kg.cli import main; main(['query', sys.argv[1], sys.argv[2], '--format', 'csv']); "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'rdflib', 'networkx', 'dask'}))")
    done = subprocess.run([sys.executable, "-c", probe, str(out), COUNT], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
