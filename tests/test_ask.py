"""kg ask and the bundled questions, on tests/fixtures/mini.ttl (the seed build is in test_ask_seed.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import UsageError, main
from kg.query import KnowledgeGraph
from kg.questions import all_questions, bind_parameter, load_question, question_names

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open(MINI)


def test_the_eight_questions_of_the_issue_are_bundled() -> None:
    assert set(question_names()) == {
        "partners", "data", "people", "deals", "offers", "most-connected", "facts-about", "single-source",
    }


@pytest.mark.parametrize("question", all_questions(), ids=lambda q: q.name)
def test_every_question_is_documented_and_runs_unbound(question, graph: KnowledgeGraph) -> None:
    assert question.title and len(question.description) > 40
    assert graph.query(question.sparql).kind == "select"  # plain SPARQL: kg query -f works too


def test_binding_replaces_the_undef_values_line() -> None:
    text = "SELECT * WHERE {\n  VALUES ?x { UNDEF }\n  ?x ?p ?o }"
    assert "VALUES ?x { <urn:a> <urn:b> }" in bind_parameter(text, "x", ["urn:a", "urn:b"])


def rows(graph: KnowledgeGraph, name: str, arg: str | None, *cols: str) -> list[tuple]:
    return [tuple(r.get(c) for c in cols) for r in graph.ask(name, arg).records()]


def test_partners_reads_both_directions_and_counts_evidence(graph: KnowledgeGraph) -> None:
    assert rows(graph, "partners", "Acme", "partner", "statements", "documents") == [
        ("Globex", 2, 2), ("Initech", 1, 1), ("Éditions Lumière", 1, 1),
    ]
    assert rows(graph, "partners", "éditions LUMIERE", "partner") == [("Acme",)]


def test_data_lists_buyers_and_users(graph: KnowledgeGraph) -> None:
    assert rows(graph, "data", None, "user", "relation", "provider") == [
        ("Globex", "buys", "Acme"), ("Initech", "uses", "Acme"),
    ]
    assert rows(graph, "data", "Initech", "user") == [("Initech",)]


def test_people_with_their_roles(graph: KnowledgeGraph) -> None:
    assert rows(graph, "people", "Globex", "person", "relation", "role") == [
        ("Paul Durand", "employeeOf", "directeur des ventes"),
    ]
    assert ("Jeanne Martin", "ceoOf", "PDG") in rows(graph, "people", "Acme", "person", "relation", "role")


def test_deals_with_amounts_and_dates(graph: KnowledgeGraph) -> None:
    deals = rows(graph, "deals", "Globex", "kind", "from", "to", "amount", "maxAmount", "currency", "date")
    assert deals == [("Deal", "Globex", "Acme", 30000000.0, 50000000.0, "USD", "2022-03")]


def test_offers_with_their_status(graph: KnowledgeGraph) -> None:
    assert rows(graph, "offers", "acme", "bidder", "target", "status", "amount", "currency", "date") == [
        ("Umbrella", "Acme", "declined", 200000000.0, "EUR", "2021"),
    ]


def test_most_connected_ranks_organizations(graph: KnowledgeGraph) -> None:
    ranked = rows(graph, "most-connected", None, "organization", "neighbours")
    assert ranked[0] == ("Acme", 6)
    assert "Hooli" not in [r[0] for r in ranked]


def test_facts_about_gives_each_sentence(graph: KnowledgeGraph) -> None:
    facts = graph.ask("facts-about", "Globex").records()
    assert {(f["subject"], f["predicate"], f["object"], f["document"]) for f in facts} == {
        ("Acme", "partnersWith", "Globex", "doc_a.txt"),
        ("Acme", "partnersWith", "Globex", "doc_b.txt"),
        ("Globex", "buysDataFrom", "Acme", "doc_a.txt"),
        ("Paul Durand", "employeeOf", "Globex", "doc_a.txt"),
    }
    assert all(f["sentence"] and f["rule"] and 0 <= f["confidence"] <= 1 for f in facts)


def test_single_source_skips_facts_two_documents_state(graph: KnowledgeGraph) -> None:
    facts = rows(graph, "single-source", "Globex", "subject", "predicate", "object")
    assert ("Acme", "partnersWith", "Globex") not in facts  # doc_a and doc_b both say it
    assert ("Globex", "buysDataFrom", "Acme") in facts


def test_required_argument_and_unknown_names_are_usage_errors(graph: KnowledgeGraph) -> None:
    with pytest.raises(UsageError, match="needs an entity"):
        graph.ask("partners")
    with pytest.raises(UsageError, match="known questions"):
        load_question("nope")
    with pytest.raises(UsageError, match="takes no argument"):
        graph.ask("most-connected", "Acme")
    with pytest.raises(UsageError, match="no entity is named"):
        graph.ask("partners", "Nobody")


def test_cli_lists_shows_and_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--list"]) == 0
    assert "kg ask partners NAME" in capsys.readouterr().out
    assert main(["ask", "partners", "--show"]) == 0
    assert "VALUES ?x { UNDEF }" in capsys.readouterr().out
    assert main(["ask", "partners", "ACME", "-g", str(MINI), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("Globex,2,2,")
    assert main(["ask", "partners", "-g", str(MINI)]) == 2
    assert "needs an entity" in capsys.readouterr().err
