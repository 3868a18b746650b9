"""kg query and the query engine, specified on the hand-written graph tests/fixtures/mini.ttl."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg.cli import UsageError, main
from kg.query import KnowledgeGraph, SparqlSyntaxError, normalize_name

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"
PEOPLE = "SELECT ?p ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open(MINI)


def test_opens_a_file_and_predeclares_the_ontology_prefixes(graph: KnowledgeGraph) -> None:
    result = graph.query(PEOPLE)
    assert result.kind == "select"
    assert result.variables == ["p", "name"]
    assert result.column("name") == ["Jeanne Martin", "Paul Durand"]
    assert result.records()[0] == {"p": "https://w3id.org/kg-news/id/entity/jeanne-martin", "name": "Jeanne Martin"}


def test_opens_an_output_folder_through_its_graph_ttl(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "graph.ttl")
    assert len(KnowledgeGraph.open(tmp_path)) == len(KnowledgeGraph.open(MINI))


def test_a_trig_file_is_queried_as_the_union_of_its_named_graphs(tmp_path: Path) -> None:
    trig = tmp_path / "graph.trig"
    trig.write_text(
        "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n"
        "<urn:g1> { <urn:a> a kg:Person . }\n<urn:g2> { <urn:b> a kg:Person . }\n",
        encoding="utf-8",
    )
    assert len(KnowledgeGraph.open(tmp_path).query("SELECT ?p WHERE { ?p a kg:Person }")) == 2


def test_missing_path_or_folder_without_graph_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        KnowledgeGraph.open(tmp_path / "nope")
    with pytest.raises(UsageError, match=r"no graph\.ttl"):
        KnowledgeGraph.open(tmp_path)


def test_numbers_come_back_as_numbers(graph: KnowledgeGraph) -> None:
    result = graph.query("SELECT ?a ?c WHERE { ?f kg:amount ?a OPTIONAL { ?f kg:currency ?c } } ORDER BY ?a")
    assert result.column("a") == [30000000.0, 200000000.0]


def test_ask_and_construct(graph: KnowledgeGraph) -> None:
    assert graph.query("ASK { ?x kg:ceoOf ?y }").boolean is True
    triples = graph.query("CONSTRUCT { ?x kg:ceoOf ?y } WHERE { ?x kg:ceoOf ?y }")
    assert triples.kind == "graph" and len(triples) == 1


def test_syntax_error_reports_line_and_column(graph: KnowledgeGraph) -> None:
    with pytest.raises(SparqlSyntaxError) as info:
        graph.query("SELECT ?x\nWHERE {\n  ?x a kg:Person\n  FILTER(\n}")
    assert info.value.line == 5
    assert info.value.column is not None and info.value.column >= 1
    assert f"line 5, column {info.value.column}" in str(info.value)


def test_unknown_prefix_is_a_syntax_error(graph: KnowledgeGraph) -> None:
    with pytest.raises(SparqlSyntaxError, match="line 1"):
        graph.query("SELECT * WHERE { ?x nope:thing ?y }")


def test_row_cap_truncates(graph: KnowledgeGraph) -> None:
    result = graph.query("SELECT * WHERE { ?s ?p ?o }", max_rows=5)
    assert len(result) == 5 and result.truncated


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Éditions Lumière", "editions lumiere"), ("  ACME   Inc ", "acme inc"), ("Çà", "ca")],
)
def test_names_match_without_accents_case_or_extra_spaces(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


def test_resolve_finds_entities_by_any_label_or_iri(graph: KnowledgeGraph) -> None:
    acme = "https://w3id.org/kg-news/id/entity/acme"
    assert graph.resolve("acme inc") == [acme]  # an altLabel
    assert graph.resolve("EDITIONS LUMIERE") == ["https://w3id.org/kg-news/id/entity/editions-lumiere"]
    assert graph.resolve(f"<{acme}>") == [acme]
    assert graph.resolve(acme) == [acme]
    assert graph.resolve("kgr:entity/acme") == [acme]
    with pytest.raises(UsageError, match="did you mean: acme"):
        graph.resolve("acmee")


# ---- the command line


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_an_aligned_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "query", str(MINI), PEOPLE)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["p", "name"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].index("Jeanne Martin") == lines[0].index("name")
    assert lines[-1] == "(2 rows)"


def test_cli_reads_the_query_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(PEOPLE, encoding="utf-8")
    code, out, _ = run_cli(capsys, "query", str(MINI), "-f", str(rq), "--format", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["p", "name"],
        ["https://w3id.org/kg-news/id/entity/jeanne-martin", "Jeanne Martin"],
        ["https://w3id.org/kg-news/id/entity/paul-durand", "Paul Durand"],
    ]


def test_cli_json_is_sparql_results_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "query", str(MINI), PEOPLE, "--format", "json")
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["p", "name"]
    first = doc["results"]["bindings"][0]
    assert first["p"] == {"type": "uri", "value": "https://w3id.org/kg-news/id/entity/jeanne-martin"}
    assert first["name"] == {"type": "literal", "value": "Jeanne Martin", "xml:lang": "fr"}


def test_cli_tsv_writes_terms_in_turtle_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "query", str(MINI), PEOPLE, "--format", "tsv")
    lines = out.splitlines()
    assert lines[0] == "?p\t?name"
    assert lines[1] == '<https://w3id.org/kg-news/id/entity/jeanne-martin>\t"Jeanne Martin"@fr'


def test_cli_xml_is_sparql_results_xml(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "query", str(MINI), PEOPLE, "--format", "xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(out)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["p", "name"]
    assert len(root.findall("r:results/r:result", ns)) == 2


def test_cli_construct_prints_turtle_that_parses_back(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "query", str(MINI), "CONSTRUCT WHERE { ?x kg:ceoOf ?y }", "--format", "turtle")
    assert code == 0
    assert "@prefix kg:" in out
    assert len(KnowledgeGraph.from_turtle(out)) == 1


def test_cli_json_on_a_construct_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "query", str(MINI), "CONSTRUCT WHERE { ?x kg:ceoOf ?y }", "--format", "json")
    assert code == 2 and "RDF" in err


def test_cli_syntax_error_exits_2_with_line_and_column_and_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "query", str(MINI), "SELECT ?x WHERE {\n ?x ?y \n}")
    assert code == 2
    assert out == ""
    assert "line 3, column" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_cli_needs_exactly_one_query(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "query", str(MINI))
    assert code == 2 and "either" in err
