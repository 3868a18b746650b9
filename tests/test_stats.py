"""kg stats and kg.stats: networkx analytics of the entity graph, on tests/fixtures/mini.ttl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.query import KnowledgeGraph
from kg.stats import compute_stats, entity_graph

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open(MINI)


def test_entity_graph_has_one_node_per_entity_and_one_edge_per_relation(graph: KnowledgeGraph) -> None:
    g = entity_graph(graph)
    assert g.number_of_nodes() == 10
    assert g.number_of_edges() == 11
    acme = "https://w3id.org/kg-news/id/entity/acme"
    assert g.nodes[acme] == {"label": "Acme", "type": "Organization"}
    assert set(g["https://w3id.org/kg-news/id/entity/jeanne-martin"][acme]) == {"ceoOf", "founderOf"}


def test_counts_by_type_and_predicate(graph: KnowledgeGraph) -> None:
    stats = graph.stats()
    assert stats.entities_by_type == {"Organization": 6, "Person": 2, "Place": 1, "Product": 1}
    assert stats.relations_by_predicate["partnersWith"] == 3
    assert sum(stats.relations_by_predicate.values()) == stats.relations == 11


def test_leaders_rank_the_hub_first(graph: KnowledgeGraph) -> None:
    stats = graph.stats(top=3)
    assert [x.label for x in stats.degree_leaders] == ["Acme", "Globex", "Éditions Lumière"]
    assert stats.degree_leaders[0].score == 6
    assert stats.pagerank_leaders[0].label == "Acme"
    assert len(stats.pagerank_leaders) == 3


def test_components_count_the_isolated_entity(graph: KnowledgeGraph) -> None:
    stats = graph.stats()
    assert stats.components == 2
    assert stats.largest_components == [9, 1]
    assert stats.isolated == 1  # Hooli is mentioned but linked to nothing


def test_communities_are_deterministic(graph: KnowledgeGraph) -> None:
    first, second = compute_stats(graph), compute_stats(graph)
    assert first.communities == second.communities
    assert any("Acme" in c for c in first.communities)


def test_cli_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(MINI)]) == 0
    text = capsys.readouterr().out
    assert "Entities by type" in text and "PageRank leaders" in text
    assert main(["stats", str(MINI), "--format", "json", "--top", "2"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["entities"] == 10 and len(doc["degree_leaders"]) == 2
