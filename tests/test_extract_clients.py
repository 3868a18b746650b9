"""Agency and client: "A #Campagne pour B", "le projet présenté par A pour B"."""

from __future__ import annotations


def test_bullet_agency_campaign_for_client(extract):
    facts = extract("Les finalistes :\n• Kestrel Lyon #MerciLesAbeilles pour l'association Ruchers Unis\n")
    assert ("Ruchers Unis", "clientOf", "Kestrel Lyon") in facts


def test_work_presented_by_agency_for_client(extract):
    facts = extract("Le lauréat est le projet #PlusJamaisSeul présenté par Brandly Paris pour la Fondation Orme.")
    assert ("Fondation Orme", "clientOf", "Brandly Paris") in facts


def test_pour_without_a_work_or_agency_marker_is_no_client(extract):
    facts = extract("Le groupe Orvane a payé cher pour la société Kestrel.")
    assert not any(p == "clientOf" for _, p, _ in facts)


def test_these_clients_are_those_a_possessive_named_before(extract):
    facts = extract("La société Quorvane vend des logiciels. « Nos clients veulent tout simuler », dit Paul Garnier, "
                    "son directeur. Parmi ces clients figurent le constructeur naval Atlantor et le groupe Brelane.")
    assert ("Atlantor", "clientOf", "Quorvane") in facts
    assert ("Brelane", "clientOf", "Quorvane") in facts


def test_these_clients_with_no_possessor_named_before_are_nobody_s(extract):
    facts = extract("Le groupe Fenwal a racheté Tilbe. Parmi ces clients figurent Atlantor et Brelane.")
    assert not any(p == "clientOf" for _, p, _ in facts)


def test_an_organisation_ordering_goods_from_another_is_its_client(extract):
    facts = extract("L'opérateur de transport régional Transvia a commandé vingt cars à hydrogène au constructeur "
                    "Girodin.")
    assert ("Transvia", "clientOf", "Girodin") in facts
    assert not any(p == "clientOf" for _, p, _ in extract(
        "La société Brelvo n'a pas commandé de cars au constructeur Girodin."))
