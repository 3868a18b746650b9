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


def test_members_listed_after_a_colon_and_parmi_eux(extract):
    facts = extract("L'association Orvane compte 22 membres fondateurs, qui en ont signé les statuts : parmi eux, "
                    "Brimex Group, Valtor Group et Tiplo Group.")
    for founder in ("Brimex Group", "Valtor Group", "Tiplo Group"):
        assert (founder, "founderOf", "Orvane") in facts


def test_a_having_verb_read_as_a_noun_takes_the_description_before_it_as_subject(extract):
    # spaCy tags « compte » as a noun here; « cette association » is the subject and stands for Orvane
    facts = extract("L'association Orvane a été lancée en 2020. Créée à Bruxelles, cette association de droit belge "
                    "compte 22 membres : parmi eux, Brimex Group et Valtor Group.")
    assert ("Brimex Group", "memberOf", "Orvane") in facts
    assert ("Valtor Group", "memberOf", "Orvane") in facts
    assert not any(o == "Bruxelles" and p == "memberOf" for _, p, o in facts)


def test_brands_listed_after_a_colon(extract):
    facts = extract("Le groupe Orvane rassemble une dizaine de marques : Brimex, Valtor et Tiplo.")
    for brand in ("Brimex", "Valtor", "Tiplo"):
        assert (brand, "subsidiaryOf", "Orvane") in facts


def test_no_members_yet_is_no_membership(extract):
    facts = extract("L'association Orvane ne compte pas encore de membres : Brimex Group et Valtor Group hésitent.")
    assert not any(p == "memberOf" for _, p, _ in facts)


def test_a_plural_subject_takes_the_members_listed_after_its_clause(extract):
    facts = extract("Plusieurs fonds ont investi dans la société Quimpex, parmi lesquels Brimex Capital et Valtor "
                    "Partners.")
    assert ("Brimex Capital", "investedIn", "Quimpex") in facts
    assert ("Valtor Partners", "investedIn", "Quimpex") in facts


def test_a_trailing_list_belongs_to_a_plural_noun_of_its_gender_after_the_verb(extract):
    # « parmi lesquelles » agrees with « start-up », the object: the funds are not named
    facts = extract("Plusieurs fonds ont investi dans des start-up, parmi lesquelles Brimex et Valtor.")
    assert not any(p == "investedIn" and s in {"Brimex", "Valtor"} for s, p, _ in facts)


def test_a_trailing_list_of_another_gender_is_not_the_subjects(extract):
    facts = extract("Plusieurs fonds ont investi dans la société Quimpex, parmi lesquelles Brimex et Valtor.")
    assert not any(p == "investedIn" for _, p, _ in facts)


def test_names_after_tout_comme_are_more_subjects_not_objects(extract):
    facts = extract("Le groupe Brimex a investi dans la société Quimpex, tout comme Valtor Capital et Tiplo Partners.")
    for investor in ("Brimex", "Valtor Capital", "Tiplo Partners"):
        assert (investor, "investedIn", "Quimpex") in facts
    assert ("Brimex", "investedIn", "Valtor Capital") not in facts


def test_tout_comme_between_subject_and_verb(extract):
    facts = extract("Le groupe Brimex, tout comme Valtor Capital, a investi dans la société Quimpex.")
    assert ("Valtor Capital", "investedIn", "Quimpex") in facts


def test_tout_comme_before_a_preposition_adds_no_subject(extract):
    facts = extract("Le groupe Brimex a investi dans la société Quimpex, tout comme dans la société Valtor.")
    assert not any(s == "Valtor" and p == "investedIn" for s, p, _ in facts)


def test_a_backer_that_puts_money_back_in_invests_in_the_texts_company(extract):
    facts = extract("La société Quimpex a levé 450 millions d'euros. Le suédois Brimex, déjà actionnaire, a remis au "
                    "pot, tout comme Valtor et Tiplo Capital.")
    for investor in ("Brimex", "Valtor", "Tiplo Capital"):
        assert (investor, "investedIn", "Quimpex") in facts


def test_a_possible_parallel_investment_is_no_fact(extract):
    facts = extract("Le groupe Brimex pourrait investir dans la société Quimpex, tout comme Valtor Capital.")
    assert not any(p == "investedIn" for _, p, _ in facts)


def test_a_singular_role_after_a_list_describes_the_name_beside_it(extract):
    facts = extract("Le lyonnais Orvane, le nantais Brelix et Kestra, filiale du groupe Sopral, visent le marché.")
    assert ("Kestra", "subsidiaryOf", "Sopral") in facts
    assert ("Orvane", "subsidiaryOf", "Sopral") not in facts
    assert ("Brelix", "subsidiaryOf", "Sopral") not in facts


def test_a_plural_role_after_a_list_describes_every_name(extract):
    facts = extract("Orvane et Brelix, filiales du groupe Sopral, recrutent des ingénieurs.")
    assert {("Orvane", "subsidiaryOf", "Sopral"), ("Brelix", "subsidiaryOf", "Sopral")} <= facts


def test_a_trade_said_as_an_acronym_is_part_of_the_description_not_the_name(extract):
    assert ("Modix", "subsidiaryOf", "Batinix") in extract("Modix, filiale du groupe de BTP Batinix, recrute.")
    names = [m.text for m in extract("La start-up d'IA Modix a levé 3 millions d'euros.", full=True).mentions]
    assert "Modix" in names and not any(n.startswith("IA") for n in names)


def test_list_items_described_by_a_trade_noun_no_list_knows_are_read(extract):
    facts = extract("Le groupe Altovar compte plusieurs filiales, dont la voilerie Sailrek, le conserveur Océbine et "
                    "le fabricant Naviroc.")
    assert {(n, "subsidiaryOf", "Altovar") for n in ("Sailrek", "Océbine", "Naviroc")} <= set(facts)
