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
