"""The bundled questions on the real seed build: expected rows from ../shared/eval/seeds.relations.tsv.

These need the extractors of ``kg build``; while a build holds no relation statement at all they skip, saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import KnowledgeGraph, normalize_name


@pytest.fixture(scope="module")
def seed(seed_build: Path) -> KnowledgeGraph:
    graph = KnowledgeGraph.open(seed_build)
    if not graph.query("ASK { ?s a kg:RelationStatement }").boolean:
        pytest.skip("the seed build has no relation statements yet (extractors not merged)")
    return graph


def names(graph: KnowledgeGraph, question: str, arg: str | None, column: str) -> set[str]:
    return {normalize_name(str(v)) for v in graph.ask(question, arg).column(column) if v is not None}


def records(graph: KnowledgeGraph, question: str, arg: str | None = None) -> list[dict]:
    return graph.ask(question, arg).records()


def norm(record: dict, key: str) -> str:
    return normalize_name(str(record.get(key, "")))


def test_partners_of_twitter(seed: KnowledgeGraph) -> None:
    assert {"wpp", "publicis", "starcom mediavest", "vivatech"} <= names(seed, "partners", "Twitter", "partner")


def test_partners_match_names_without_case_or_accents(seed: KnowledgeGraph) -> None:
    assert "twitter" in names(seed, "partners", "twitter", "partner") | names(seed, "partners", "WPP", "partner")


def test_who_buys_or_uses_whose_data(seed: KnowledgeGraph) -> None:
    flows = {(norm(r, "user"), r["relation"], norm(r, "provider")) for r in records(seed, "data")}
    assert ("datasift", "buys", "twitter") in flows
    assert ("wpp", "twitter") in {(u, p) for u, _, p in flows}


def test_people_and_their_roles_at_twitter(seed: KnowledgeGraph) -> None:
    people = {(norm(r, "person"), r["relation"]) for r in records(seed, "people", "Twitter")}
    assert {("evan williams", "founderOf"), ("biz stone", "founderOf")} <= people
    assert ("evan williams", "ceoOf") in people or ("evan williams", "leaderOf") in people
    assert {("adam bain", "employeeOf"), ("ali jafari", "employeeOf")} <= people


def test_people_at_gartner_with_the_role(seed: KnowledgeGraph) -> None:
    rows = records(seed, "people", "Gartner")
    assert any(norm(r, "person") == "jeffrey mann" and r["relation"] == "employeeOf" for r in rows)
    assert any("research vice president" in norm(r, "role") for r in rows)


def test_acquisition_offers_and_their_status(seed: KnowledgeGraph) -> None:
    offers = records(seed, "offers", "Twitter")
    facebook = [r for r in offers if norm(r, "bidder") == "facebook" and norm(r, "target") == "twitter"]
    assert facebook, offers
    assert any(r.get("status") == "declined" for r in facebook)


def test_deals_with_amounts(seed: KnowledgeGraph) -> None:
    deals = records(seed, "deals", "Twitter")
    offer = [r for r in deals if r["kind"] == "AcquisitionOffer" and norm(r, "from") == "facebook"]
    assert offer, deals
    assert offer[0].get("amount") == 500_000_000 and offer[0].get("currency") == "USD"


@pytest.mark.xfail(strict=False, reason="funding-round facts depend on the deal extractor on main")
def test_deals_include_the_funding_round(seed: KnowledgeGraph) -> None:
    rounds = [r for r in records(seed, "deals") if r["kind"] == "FundingRound"]
    assert any(r.get("amount") == 35_000_000 and r.get("currency") == "USD" for r in rounds), rounds


def test_most_connected_organizations_start_with_twitter(seed: KnowledgeGraph) -> None:
    ranked = records(seed, "most-connected")
    assert norm(ranked[0], "organization") == "twitter"
    assert ranked[0]["neighbours"] >= 8


def test_every_fact_about_twitter_has_its_sentence(seed: KnowledgeGraph) -> None:
    facts = records(seed, "facts-about", "Twitter")
    wpp = [f for f in facts if f["predicate"] == "partnersWith" and "wpp" in {norm(f, "subject"), norm(f, "object")}]
    assert wpp and all("WPP" in f["sentence"] and f["document"].startswith("000_") for f in wpp)
    assert all(f.get("sentence") and f.get("document") and f.get("rule") for f in facts)


def test_facts_asserted_by_one_document(seed: KnowledgeGraph) -> None:
    single = {(norm(r, "subject"), r["predicate"], norm(r, "object")) for r in records(seed, "single-source")}
    assert ("datasift", "buysDataFrom", "twitter") in single
    assert ("jeffrey mann", "employeeOf", "gartner") in single
