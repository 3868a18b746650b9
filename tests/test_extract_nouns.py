"""Relational nouns: partnerships stated by a noun, with "entre", "avec", possessives and coordinated subjects."""

from __future__ import annotations


def _pair(facts, a, b, pred="partnersWith"):
    return (a, pred, b) in facts or (b, pred, a) in facts


def test_partnership_between_two_companies_in_a_headline(extract):
    facts = extract("Partenariat stratégique entre Orvane et Pilot Analytics\n\nLa banque Orvane et la société "
                    "Pilot Analytics ont signé mardi un accord de dix ans.")
    assert _pair(facts, "Orvane", "Pilot Analytics")
    assert any(r.evidence.rule == "partner.noun" and r.evidence.sentence.start == 0 for r in extract(
        "Partenariat stratégique entre Orvane et Pilot Analytics\n\nLa banque Orvane et la société Pilot Analytics "
        "ont signé mardi un accord de dix ans.", full=True).relations)


def test_coordinated_subjects_announce_a_partnership(extract):
    facts = extract("Le groupe Orvane et la société Kestrel annoncent la signature d'un partenariat mondial.")
    assert _pair(facts, "Orvane", "Kestrel")


def test_en_partenariat_avec_links_the_subject(extract):
    facts = extract("Le groupe Orvane a lancé le concours Cap Data en partenariat avec la société Kestrel.")
    assert _pair(facts, "Orvane", "Kestrel")


def test_fronted_possessive_points_to_the_following_subject(extract):
    facts = extract("Lors de son alliance avec Kestrel, le groupe Orvane avait promis de nouveaux services.")
    assert _pair(facts, "Orvane", "Kestrel")


def test_a_noun_without_a_second_party_states_nothing(extract):
    facts = extract("Le groupe Orvane cherche un partenariat pour se développer en Asie.")
    assert not any(p == "partnersWith" for _, p, _ in facts)
