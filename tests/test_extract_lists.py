"""Lists after a relational noun: clients, subsidiaries; copula forms ("X est une filiale de Y")."""

from __future__ import annotations


def test_possessive_client_list_gives_one_fact_per_client(extract):
    facts = extract("L'agence Kestrel travaille pour de grands comptes. Kestrel et ses clients Orvane, Brimex, "
                    "Valtor ou encore Tiplo ont signé une charte.")
    for client in ("Orvane", "Brimex", "Valtor", "Tiplo"):
        assert (client, "clientOf", "Kestrel") in facts


def test_entities_of_a_group_with_dont(extract):
    facts = extract("L'accord concerne plusieurs entités du groupe Vantor, dont Vantor Media, Ciblex et plusieurs "
                    "enseignes dont Brandly.")
    for sub in ("Vantor Media", "Ciblex", "Brandly"):
        assert (sub, "subsidiaryOf", "Vantor") in facts


def test_copula_subsidiary(extract):
    assert ("Tiplo", "subsidiaryOf", "Quorel") in extract("Tiplo est désormais une filiale de Quorel.")


def test_client_list_owned_by_the_subject(extract):
    facts = extract("L'agence Kestrel compte parmi ses clients Orvane et Brimex.")
    assert ("Orvane", "clientOf", "Kestrel") in facts
    assert ("Brimex", "clientOf", "Kestrel") in facts


def test_relational_noun_in_apposition(extract):
    facts = extract("Valtor, filiale du groupe Brimex, a annoncé la suppression de 200 postes.")
    assert ("Valtor", "subsidiaryOf", "Brimex") in facts


def test_a_list_stops_at_another_preposition(extract):
    facts = extract("La société Kiwano a revendu les données de ses clients à la société Ciblex.")
    assert ("Ciblex", "clientOf", "Kiwano") not in facts
