"""The graph page's data and HTML, checked in Python (the browser behaviour is in test_page_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.render import compute_layout, embed_json, page_data, render_html, render_page
from kg.vocab import KG

FIXTURE = Path(__file__).parent / "fixtures" / "small_graph.ttl"
ENT = "https://w3id.org/kg-news/id/entity/"


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    return Graph().parse(FIXTURE)


def _edge(data, source: str, predicate: str, target: str) -> dict:
    index = {node["iri"]: node["id"] for node in data.nodes}
    matches = [e for e in data.edges if (e["from"], e["p"], e["to"]) == (index[ENT + source], predicate,
                                                                           index[ENT + target])]
    assert len(matches) == 1, (source, predicate, target, matches)
    return matches[0]


def test_every_entity_is_a_node_with_its_type_labels_and_aliases(small_graph: Graph) -> None:
    data = page_data(small_graph)
    assert len(data.nodes) == 7
    twitter = next(node for node in data.nodes if node["label"] == "Twitter")
    assert twitter["type"] == "Organization"
    assert twitter["aliases"] == ["Twitter Inc"]
    assert twitter["mentions"] == 5
    assert {node["type"] for node in data.nodes} == {"Organization", "Person", "Place", "Product"}


def test_parallel_relations_stay_two_edges_on_distinct_curves(small_graph: Graph) -> None:
    data = page_data(small_graph)
    partners = _edge(data, "twitter", "partnersWith", "wpp")
    client = _edge(data, "wpp", "clientOf", "twitter")
    assert partners["curve"] != 0 and client["curve"] != 0
    # vis-network curves relative to each edge's direction: opposite directions with the same sign would overlap
    assert partners["curve"] * (1 if partners["from"] < partners["to"] else -1) != \
        client["curve"] * (1 if client["from"] < client["to"] else -1)
    single = _edge(data, "twitter", "launched", "vine")
    assert single["curve"] == 0


def test_symmetric_relations_are_drawn_once_without_direction(small_graph: Graph) -> None:
    graph = Graph()
    for triple in small_graph:
        graph.add(triple)
    graph.add((URIRef(ENT + "wpp"), KG.partnersWith, URIRef(ENT + "twitter")))  # the same fact, other way round
    data = page_data(graph)
    partners = [e for e in data.edges if e["p"] == "partnersWith"]
    assert len(partners) == 1 and partners[0]["sym"] is True
    assert len(data.edges) == 8


def test_an_inferred_inverse_is_not_drawn_beside_its_canonical_triple(small_graph: Graph) -> None:
    graph = Graph()
    for triple in small_graph:
        graph.add(triple)
    graph.add((URIRef(ENT + "twitter"), KG.foundedBy, URIRef(ENT + "jack-dorsey")))
    graph.add((URIRef(ENT + "vine"), KG.launchedBy, URIRef(ENT + "facebook")))  # alone: drawn
    data = page_data(graph)
    assert [e["p"] for e in data.edges].count("foundedBy") == 0
    assert [e["p"] for e in data.edges].count("launchedBy") == 1


def test_edges_carry_every_sentence_with_its_document_and_confidence(small_graph: Graph) -> None:
    data = page_data(small_graph)
    partners = _edge(data, "twitter", "partnersWith", "wpp")
    assert partners["conf"] == 0.85
    assert [e["conf"] for e in partners["ev"]] == [0.85, 0.7]
    files = [data.documents[e["doc"]]["file"] for e in partners["ev"]]
    assert files == ["doc_a.txt", "doc_b.txt"]
    assert partners["ev"][0]["text"] == "Twitter et WPP annoncent un partenariat."
    assert partners["ev"][0]["rule"] == "partnership.coordinated-subjects"
    ceo = _edge(data, "jack-dorsey", "ceoOf", "twitter")
    assert ceo["ev"][0]["role"] == "PDG"


def test_fact_nodes_are_attached_to_their_parties(small_graph: Graph) -> None:
    data = page_data(small_graph)
    kinds = {fact["kind"]: fact for fact in data.facts}
    offer = kinds["AcquisitionOffer"]
    assert offer["amount"] == 500_000_000 and offer["currency"] == "USD" and offer["status"] == "declined"
    assert len(offer["evidence"]) == 1
    assert kinds["Metric"]["count"] == 255_000_000


def test_node_degree_counts_drawn_edges(small_graph: Graph) -> None:
    data = page_data(small_graph)
    twitter = next(node for node in data.nodes if node["label"] == "Twitter")
    assert twitter["degree"] == 8
    assert next(node for node in data.nodes if node["label"] == "Société Générale")["degree"] == 0


def test_embedded_json_cannot_close_the_script_block_and_round_trips() -> None:
    value = {"name": "</script><script>alert(1)</script>", "amp": "&lt; <!-- x", "ls": "a\u2028b\u2029c"}
    text = embed_json(value)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == value


def test_page_has_no_external_reference_and_a_csp_matching_its_scripts(small_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    render_html(small_graph, out)
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*\shref=", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_rendering_is_deterministic(small_graph: Graph, tmp_path: Path) -> None:
    render_html(small_graph, tmp_path / "a.html", layout_threshold=0)
    render_html(small_graph, tmp_path / "b.html", layout_threshold=0)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_document_text_never_appears_as_markup() -> None:
    graph = Graph()
    evil = URIRef(ENT + "evil")
    graph.add((evil, RDF.type, KG.Organization))
    graph.add((evil, SKOS.prefLabel, Literal("</script><script>alert(1)</script>", lang="fr")))
    graph.add((evil, RDFS.label, Literal('<img src=x onerror="alert(1)">', lang="fr")))
    page = render_page(page_data(graph), title='<b>"titre"</b>')
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "<title>&lt;b&gt;&quot;titre&quot;&lt;/b&gt;</title>" in page


def test_big_graphs_start_from_a_python_layout(small_graph: Graph) -> None:
    assert page_data(small_graph).precomputed_layout is False
    data = page_data(small_graph, layout_threshold=3)
    assert data.precomputed_layout is True
    assert all(math.isfinite(node["x"]) and math.isfinite(node["y"]) for node in data.nodes)


def test_layout_places_every_node_apart_and_is_deterministic() -> None:
    # a big component (above the spring-layout core size), a few small ones and isolated nodes
    edges = [(i, (i * 7 + 3) % 1500) for i in range(1500)] + [(i, i + 1) for i in range(1500, 1520)]
    first = compute_layout(1600, edges)
    assert first == compute_layout(1600, edges)
    assert len(first) == 1600 and all(math.isfinite(x) and math.isfinite(y) for x, y in first)
    assert len(set(first)) > 1590
