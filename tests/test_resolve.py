"""Resolution: mentions from many documents become one entity per real-world thing."""

from __future__ import annotations

from kg.extract import extract_document
from kg.model import Document
from kg.resolve import name_key, resolve


def _resolve(nlp, *texts: str):
    extractions = []
    for i, text in enumerate(texts):
        doc = Document(doc_id=f"d{i}", path=f"d{i}.txt", text=text, sha256="", encoding="utf-8", title="")
        extractions.append(extract_document(doc, nlp(text)))
    return resolve(extractions)


def _entity(entities, label):
    found = [e for e in entities if e.label == label or label in e.aliases]
    assert len(found) == 1, f"{label}: {[e.label for e in found]}"
    return found[0]


def test_case_variants_are_one_entity(nlp):
    entities, _ = _resolve(nlp, "La société Ciblex a levé des fonds auprès du fonds Arbor.",
                           "Selon la société CibleX, le marché progresse.")
    e = _entity(entities, "Ciblex")
    assert {e.label, *e.aliases} >= {"Ciblex", "CibleX"}


def test_misspelt_surname_joins_the_full_name(nlp):
    entities, _ = _resolve(nlp, "Pour Bernard Vallaud, président du groupe Orvane, tout va bien.",
                           "Hier, Vallaut a confirmé la nouvelle.")
    e = _entity(entities, "Bernard Vallaud")
    assert e.type == "Person"
    assert "Vallaut" in e.aliases


def test_longer_name_stays_a_different_entity(nlp):
    entities, _ = _resolve(nlp, "L'agence Kestrel Lyon a gagné le prix. L'agence Kestrel Lyon Digital a perdu.")
    labels = {e.label for e in entities}
    assert {"Kestrel Lyon", "Kestrel Lyon Digital"} <= labels


def test_acronym_joins_the_name_it_spells(nlp):
    entities, _ = _resolve(nlp, "Les Jeux Mondiaux de Lyon commencent demain. Les JML attirent la foule.")
    e = _entity(entities, "Jeux Mondiaux de Lyon")
    assert "JML" in e.aliases
    assert e.type == "Event"


def test_name_key_folds_case_accents_and_articles():
    assert name_key("L'Oréal") == name_key("l’oreal") == "oreal"
    assert name_key("Havas Paris") != name_key("Havas Paris Social")


def test_relations_are_lifted_onto_entities_once_with_all_evidence(nlp):
    _, relations = _resolve(nlp, "Le groupe Brimex a racheté la société Valtor.",
                            "Valtor a été rachetée par Brimex en 2020.")
    [rel] = [r for r in relations if r.predicate == "acquired"]
    assert len(rel.evidence) == 2
    assert rel.confidence > max(e.confidence for e in rel.evidence)  # two sentences make it surer


def test_leading_an_organisation_leaves_out_working_for_it_in_the_same_document(nlp):
    _, relations = _resolve(nlp, "Hélène Varsac (Quimpex) : « Nous restons prudents »\n\n"
                                 "Hélène Varsac est la présidente de Quimpex depuis 2019.",
                            "Paul Brandou (Velnor) : « Le marché progresse »\n\nIl parle au nom de Velnor.")
    facts = {(r.subject, r.predicate, r.object) for r in relations}
    assert any(p == "leaderOf" for _, p, _ in facts)
    assert not any(p == "employeeOf" and "varsac" in s for s, p, _ in facts)
    assert any(p == "employeeOf" and "brandou" in s for s, p, _ in facts)  # another document: nothing says more
