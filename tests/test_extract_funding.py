"""Funding rounds: investors named after "auprès de" / "mené par", the amount on a FundingRound fact."""

from __future__ import annotations


def test_investors_after_aupres_de_each_invest(extract):
    ex = extract("La start-up Kiwano a levé 8 millions d'euros auprès des fonds Arbor Partners et Celtis Capital "
                 "en juin 2023.", full=True)
    facts = {(r.subject.text, r.predicate, r.object.text): r for r in ex.relations}
    assert ("Arbor Partners", "investedIn", "Kiwano") in facts
    assert ("Celtis Capital", "investedIn", "Kiwano") in facts
    attrs = dict(facts[("Arbor Partners", "investedIn", "Kiwano")].evidence.attributes)
    assert (attrs["fact"], float(attrs["amount"]), attrs["currency"], attrs["date"]) == (
        "FundingRound", 8_000_000, "EUR", "2023-06")


def test_round_led_by_an_investor(extract):
    facts = extract("La société Kiwano a bouclé un tour de table de 5 millions de dollars mené par Arbor Partners.")
    assert ("Arbor Partners", "investedIn", "Kiwano") in facts


def test_a_round_without_named_investors_states_no_investment(extract):
    facts = extract("La société Kiwano a levé 5 millions d'euros pour recruter.")
    assert not any(p == "investedIn" for _, p, _ in facts)


def test_taking_a_stake_is_an_investment(extract):
    assert ("Arbor Partners", "investedIn", "Kiwano") in extract(
        "Le fonds Arbor Partners est entré au capital de la start-up Kiwano, dont il détient désormais 20 %.")
    assert ("Brimex", "investedIn", "Valtor") in extract(
        "Le groupe Brimex a pris une participation de 30 % dans la société Valtor.")
    assert extract("Le groupe Brimex n'a pas pris de participation dans la société Valtor.") == set()


def test_a_share_of_its_capital_is_a_stake_in_the_company_the_possessive_names(extract):
    assert ("Arbor Capital", "investedIn", "Orvane") in extract(
        "La brasserie Orvane exporte au Japon. Arbor Capital détient 18 % de son capital.")
    facts = extract("La start-up Orvane, soutenue par le fonds Arbor Capital, qui détient un quart de son capital, "
                    "recrute vingt ingénieurs.")
    assert ("Arbor Capital", "investedIn", "Orvane") in facts
    assert not any(s == o for s, _, o in facts)


def test_a_contract_won_from_a_client_is_no_funding(extract):
    facts = extract("Forgix décroche un contrat de 120 millions d'euros auprès d'Aeronix.")
    assert ("Aeronix", "investedIn", "Forgix") not in facts
    assert ("Arbor", "investedIn", "Forgix") in extract("Forgix décroche 12 millions d'euros auprès du fonds Arbor.")


def test_those_who_take_part_in_the_round_invest_in_the_company_that_raises(extract):
    facts = extract("La start-up Kubix a levé 12 millions d'euros auprès du fonds Arbor. Bluefix Partners et le fonds "
                    "public Terrix ont participé à l'opération.")
    assert {("Bluefix Partners", "investedIn", "Kubix"), ("Terrix", "investedIn", "Kubix")} <= facts
    facts = extract("La start-up Kubix a levé 12 millions d'euros. Son PDG Paul Tesson a participé au salon Vivix.")
    assert not any(o == "Vivix" or s == "Paul Tesson" for s, p, o in facts if p == "investedIn")


def test_every_holder_of_a_split_capital_is_an_investor(extract):
    facts = extract("La coentreprise Navix Add sera détenue à 51 % par Navix et à 49 % par Dlabix.")
    assert {("Navix", "investedIn", "Navix Add"), ("Dlabix", "investedIn", "Navix Add")} <= facts


def test_agents_repeated_after_par_are_all_agents(extract):
    facts = extract("Brelix a été racheté par Orvix, puis par Kestrix.")
    assert {("Orvix", "acquired", "Brelix"), ("Kestrix", "acquired", "Brelix")} <= facts
