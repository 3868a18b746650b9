"""Data use and purchase, with the provider named or taken from the text's main organisation."""

from __future__ import annotations


def test_uses_the_data_of_a_named_provider(extract):
    assert ("Orvane", "usesDataFrom", "Kestrel") in extract(
        "Le groupe Orvane utilisera les données de Kestrel pour mieux cibler ses campagnes.")


def test_paid_for_data_is_a_purchase_from_the_main_organisation(extract):
    ex = extract("Kestrel vend ses archives. Kestrel a confirmé la vente. La société Ciblex a expliqué avoir "
                 "récupéré, moyennant finance, une partie des anciens messages.", full=True)
    facts = {(r.subject.text, r.predicate, r.object.text): r for r in ex.relations}
    fact = facts[("Ciblex", "buysDataFrom", "Kestrel")]
    assert fact.evidence.confidence < 0.7  # the provider is inferred, not named in the sentence


def test_an_offer_received_from_a_company_is_no_data_used(extract):
    facts = extract("Le groupe Novatra a reçu une offre de rachat de la part du fonds Arvale.")
    assert not any(p == "usesDataFrom" for _, p, _ in facts)
    facts = extract("Le groupe Novatra reçoit les données de trafic de la part de la société Kelbrix.")
    assert ("Novatra", "usesDataFrom", "Kelbrix") in facts
