"""``kg.infer.materialise``: the targeted rules of ``kg build --infer`` add exactly the inverse and symmetric triples
that the ontology declares, once, and keep each in the named graph of the triple it comes from."""

from __future__ import annotations

from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef

from kg.infer import materialise
from kg.ontology import ontology_dir
from kg.vocab import INVERSE_OF, KG, SYMMETRIC_PREDICATES

A, B, C = (URIRef(f"https://example.org/id/entity/{n}") for n in ("a", "b", "c"))


def test_a_canonical_triple_gains_its_inverse() -> None:
    g = Graph()
    g.add((A, KG.acquired, B))
    assert materialise(g) == 1
    assert (B, KG.acquiredBy, A) in g


def test_a_symmetric_triple_gains_its_mirror() -> None:
    g = Graph()
    g.add((A, KG.partnersWith, B))
    assert materialise(g) == 1
    assert (B, KG.partnersWith, A) in g


def test_a_second_run_adds_nothing() -> None:
    g = Graph()
    g.add((A, KG.ceoOf, B))
    g.add((A, KG.competitorOf, C))
    assert materialise(g) == 2
    assert materialise(g) == 0


def test_other_triples_are_left_alone() -> None:
    g = Graph()
    g.add((A, KG.mentionCount, Literal(3)))
    g.add((A, KG.sourceDocument, B))
    assert materialise(g) == 0
    assert len(g) == 2


def test_in_a_dataset_the_implied_triple_stays_in_its_source_graph() -> None:
    ds = Dataset()
    doc = ds.graph(URIRef("https://example.org/id/graph/document/d1"))
    doc.add((A, KG.employeeOf, B))
    assert materialise(ds) == 1
    assert (B, KG.employs, A) in doc


def test_the_rules_are_the_ones_the_ontology_declares() -> None:
    onto = Graph().parse(ontology_dir() / "kg.ttl")
    for canonical, inverse in INVERSE_OF.items():
        assert (KG[canonical], OWL.inverseOf, KG[inverse]) in onto
    for name in SYMMETRIC_PREDICATES:
        assert (KG[name], RDF.type, OWL.SymmetricProperty) in onto
