"""The OWL ontology declares every name kg writes, in French and English, consistently with kg.vocab."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.ontology import ontology_dir
from kg.vocab import (
    ENTITY_TYPES,
    INVERSE_OF,
    KG,
    ONTOLOGY_IRI,
    RELATION_PREDICATES,
    SUPER_PROPERTY,
    SYMMETRIC_PREDICATES,
)

ALL_NAMES = sorted(n for n in KG.__annotations__)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def test_the_ontology_has_a_versioned_iri(onto: Graph) -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in onto
    version = onto.value(ontology, OWL.versionIRI)
    assert version is not None and str(version).startswith(ONTOLOGY_IRI + "/")


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_name_is_declared_with_french_and_english_label_and_comment(onto: Graph, name: str) -> None:
    term = KG[name]
    assert set(onto.objects(term, RDF.type)) & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
        assert {"fr", "en"} <= langs, f"{name} lacks a {prop} in French and English"


def test_entity_classes_are_pairwise_disjoint(onto: Graph) -> None:
    for i, a in enumerate(ENTITY_TYPES):
        for b in ENTITY_TYPES[i + 1:]:
            assert (KG[a], OWL.disjointWith, KG[b]) in onto or (KG[b], OWL.disjointWith, KG[a]) in onto


@pytest.mark.parametrize("name", RELATION_PREDICATES + tuple(INVERSE_OF.values()))
def test_every_relation_has_a_domain_and_a_range(onto: Graph, name: str) -> None:
    assert onto.value(KG[name], RDFS.domain) is not None
    assert onto.value(KG[name], RDFS.range) is not None


def test_symmetry_inverses_and_sub_properties_match_the_vocabulary(onto: Graph) -> None:
    declared_symmetric = {str(s).split("#")[1] for s in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert declared_symmetric == set(SYMMETRIC_PREDICATES)
    for name, inverse in INVERSE_OF.items():
        assert (KG[name], OWL.inverseOf, KG[inverse]) in onto
        assert onto.value(KG[inverse], RDFS.domain) == onto.value(KG[name], RDFS.range) or \
            onto.value(KG[inverse], RDFS.domain) is not None
    for sub, sup in SUPER_PROPERTY.items():
        assert (KG[sub], RDFS.subPropertyOf, KG[sup]) in onto


def test_alignments_point_outside_kg(onto: Graph) -> None:
    """schema.org, W3C ORG, PROV-O and Wikidata are all used."""
    targets = {str(o) for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.narrowMatch, RDFS.subPropertyOf,
                                RDFS.subClassOf) for o in onto.objects(None, p)}
    for ns in ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
               "http://www.wikidata.org/entity/"):
        assert any(t.startswith(ns) for t in targets), ns
    assert (KG.employeeOf, RDFS.subPropertyOf, URIRef("https://schema.org/worksFor")) in onto
    assert (KG.sourceDocument, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#hadPrimarySource")) in onto


def test_the_ontology_holds_no_entity_of_the_corpus(onto: Graph) -> None:
    assert not any(str(s).startswith("https://w3id.org/kg-news/id/") for s in onto.all_nodes())
