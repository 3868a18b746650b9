"""Titles next to a person's name: appositions, "chez", "X, <fonction>, Y", titles before the name."""

from __future__ import annotations


def test_cofounder_and_ceo_gives_two_facts(extract):
    facts = extract("Lucie Armand, co-fondatrice et CEO de Kestrel, a présenté les résultats.")
    assert ("Lucie Armand", "founderOf", "Kestrel") in facts
    assert ("Lucie Armand", "ceoOf", "Kestrel") in facts


def test_vice_president_chez_is_an_employee_with_a_role(extract):
    ex = extract("« Le marché change vite », explique Hugo Ferrand, vice-président chez Orvane.", full=True)
    [fact] = [r for r in ex.relations if r.predicate == "employeeOf"]
    assert (fact.subject.text, fact.object.text) == ("Hugo Ferrand", "Orvane")
    assert dict(fact.evidence.attributes)["role"] == "vice-président"


def test_function_between_commas_then_the_company(extract):
    facts = extract("Selon Nadia Roux, Head of Sales Europe, Kestrel, les ventes progressent.")
    assert ("Nadia Roux", "employeeOf", "Kestrel") in facts


def test_title_before_the_name(extract):
    facts = extract("a déclaré Marc Olivier, le cofondateur de Kestrel.")
    assert ("Marc Olivier", "founderOf", "Kestrel") in facts


def test_a_quotation_after_the_title_is_not_its_organisation(extract):
    facts = extract("Pour Hugo Ferrand, à la tête du groupe, « la croissance de Kestrel est impressionnante ».")
    assert not any(o == "Kestrel" for _, _, o in facts)


def test_chair_is_a_leader(extract):
    facts = extract("Paul Vidal, président de Kestrel, a confirmé l'information.")
    assert ("Paul Vidal", "leaderOf", "Kestrel") in facts


def test_appointment_verb_gives_the_title(extract):
    ex = extract("Marie Lenoir a été nommée directrice générale de la banque Orvane, a annoncé le groupe.", full=True)
    [fact] = [r for r in ex.relations if r.predicate == "ceoOf"]
    assert (fact.subject.text, fact.object.text) == ("Marie Lenoir", "Orvane")
    assert dict(fact.evidence.attributes)["role"] == "directrice générale"


def test_negated_or_possible_appointment_states_nothing(extract):
    assert extract("Marie Lenoir n'a pas été nommée directrice générale de la banque Orvane.") == set()
    assert extract("Marie Lenoir pourrait devenir présidente de Kestrel.") == set()
