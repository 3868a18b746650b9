"""The bundled questions on the real seed build: expected rows from ../shared/eval/seeds.relations.tsv.

One test case per expected row, so a row the extractors do not find yet shows up as its own xfail (non-strict,
with the reason) instead of hiding the rows that are found. The queries themselves are specified on the
hand-written graph in test_ask.py; a failure here that is not marked is a query bug or a regression of extraction.
While a build holds no relation statement at all these tests skip, saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import KnowledgeGraph, normalize_name


def not_extracted_yet(what: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=False, reason=f"extraction on main does not find {what} yet")


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


@pytest.mark.parametrize(
    "partner",
    [
        "wpp",
        pytest.param("publicis"),
        pytest.param("starcom mediavest"),
        pytest.param("vivatech"),
    ],
)
def test_partners_of_twitter(seed: KnowledgeGraph, partner: str) -> None:
    assert partner in names(seed, "partners", "Twitter", "partner")


def test_partners_match_names_without_case_or_accents(seed: KnowledgeGraph) -> None:
    assert names(seed, "partners", "tWiTTer", "partner") == names(seed, "partners", "Twitter", "partner")


@pytest.mark.parametrize(
    ("user", "relations", "provider"),
    [
        ("wpp", {"uses", "buys"}, "twitter"),
        pytest.param("datasift", {"buys"}, "twitter"),
    ],
)
def test_who_buys_or_uses_whose_data(seed: KnowledgeGraph, user: str, relations: set[str], provider: str) -> None:
    flows = {(norm(r, "user"), r["relation"], norm(r, "provider")) for r in records(seed, "data")}
    assert any((user, relation, provider) in flows for relation in relations), flows


@pytest.mark.parametrize(
    ("person", "relations"),
    [
        ("adam bain", {"employeeOf"}),
        ("ali jafari", {"employeeOf"}),
        ("biz stone", {"founderOf"}),
        pytest.param("evan williams", {"founderOf"}),
        pytest.param(
            "evan williams", {"ceoOf", "leaderOf"}),
    ],
)
def test_people_and_their_roles_at_twitter(seed: KnowledgeGraph, person: str, relations: set[str]) -> None:
    people = {(norm(r, "person"), r["relation"]) for r in records(seed, "people", "Twitter")}
    assert any((person, relation) in people for relation in relations), people


def test_roles_come_with_the_people(seed: KnowledgeGraph) -> None:
    jafari = [r for r in records(seed, "people", "Twitter") if norm(r, "person") == "ali jafari"]
    assert any("vice president" in norm(r, "role") for r in jafari)


def test_people_at_gartner_with_the_role(seed: KnowledgeGraph) -> None:
    rows = records(seed, "people", "Gartner")
    assert any(norm(r, "person") == "jeffrey mann" and r["relation"] == "employeeOf" for r in rows)
    assert any("research vice president" in norm(r, "role") for r in rows)


def test_acquisition_offers_and_their_status(seed: KnowledgeGraph) -> None:
    offers = records(seed, "offers", "Twitter")
    facebook = [r for r in offers if norm(r, "bidder") == "facebook" and norm(r, "target") == "twitter"]
    assert facebook, offers
    assert any(r.get("status") == "declined" for r in facebook)
    assert any(r.get("amount") == 500_000_000 and r.get("currency") == "USD" for r in facebook)


def test_deals_with_amounts(seed: KnowledgeGraph) -> None:
    deals = records(seed, "deals", "Twitter")
    offer = [r for r in deals if r["kind"] == "AcquisitionOffer" and norm(r, "from") == "facebook"]
    assert offer, deals
    assert offer[0].get("amount") == 500_000_000 and offer[0].get("currency") == "USD"
    assert "500 millions de dollars" in offer[0]["sentence"]


@not_extracted_yet("the funding round of 35 million dollars (003)")
def test_deals_include_the_funding_round(seed: KnowledgeGraph) -> None:
    rounds = [r for r in records(seed, "deals") if r["kind"] == "FundingRound"]
    assert any(r.get("amount") == 35_000_000 and r.get("currency") == "USD" for r in rounds), rounds


def test_most_connected_organizations_start_with_twitter(seed: KnowledgeGraph) -> None:
    ranked = records(seed, "most-connected")
    assert norm(ranked[0], "organization") == "twitter"
    # the gold gives Starcom MediaVest five neighbours (four clients and Twitter) and WPP four: either may be second
    assert norm(ranked[1], "organization") in {"wpp", "starcom mediavest"}


def test_twitter_is_related_to_at_least_eight_entities(seed: KnowledgeGraph) -> None:
    assert records(seed, "most-connected")[0]["neighbours"] >= 8


def test_every_fact_about_twitter_has_its_sentence(seed: KnowledgeGraph) -> None:
    facts = records(seed, "facts-about", "Twitter")
    wpp = [f for f in facts if f["predicate"] == "partnersWith" and "wpp" in {norm(f, "subject"), norm(f, "object")}]
    assert wpp and all("WPP" in f["sentence"] and f["document"].startswith("000_") for f in wpp)
    assert all(f.get("sentence") and f.get("document") and f.get("rule") for f in facts)


@pytest.mark.parametrize(
    "fact",
    [
        ("adam bain", "employeeOf", "twitter"),
        ("facebook", "offeredToAcquire", "twitter"),
        pytest.param(("datasift", "buysDataFrom", "twitter")),
        pytest.param(("jeffrey mann", "employeeOf", "gartner")),
    ],
)
def test_facts_asserted_by_one_document(seed: KnowledgeGraph, fact: tuple[str, str, str]) -> None:
    single = {(norm(r, "subject"), r["predicate"], norm(r, "object")) for r in records(seed, "single-source")}
    assert fact in single
