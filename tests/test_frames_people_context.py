"""People frames, third series: roles read with the help of their context — who of several names a singular
title stands beside, the organisation a role is of when the sentence names several, and their distractors.

Names are invented.
"""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_states, read

LEADS = ("Hélène Varsac", "leaderOf", "Quimpex")
CEO = ("Hélène Varsac", "ceoOf", "Quimpex")
WORKS = ("Hélène Varsac", "employeeOf", "Quimpex")


def test_a_singular_title_after_two_names_is_the_second_ones(extract):
    text = ("Le congrès a désigné Marc Dorlan et Hélène Varsac, la présidente du directoire de Quimpex, pour siéger "
            "au comité.")
    facts = assert_states(extract, text, {LEADS})
    assert ("Marc Dorlan", "leaderOf", "Quimpex") not in facts


def test_a_plural_title_after_two_names_is_both(extract):
    assert_states(extract, "Marc Dorlan et Hélène Varsac, cofondateurs de Quimpex, ont parlé.",
                  {("Hélène Varsac", "founderOf", "Quimpex"), ("Marc Dorlan", "founderOf", "Quimpex")})


def test_a_title_without_organisation_in_a_later_clause_is_not_of_the_first_clause_organisation(extract):
    text = ("Marc Dorlan restera directeur général de Quimpex jusqu'à la finalisation, puis l'éditeur rejoindra la "
            "division logiciels de la société Velnor, sous l'autorité de la PDG Hélène Varsac.")
    facts = assert_states(extract, text, {("Marc Dorlan", "ceoOf", "Quimpex")})
    assert CEO not in facts


def test_an_executive_chair_leads_and_is_no_chief_executive(extract):
    facts = assert_states(extract, "Hélène Varsac, présidente exécutive de Quimpex, a présenté les résultats.", {LEADS})
    assert CEO not in facts


def test_an_opening_role_coordinated_with_a_second_one_belongs_to_the_subject(extract):
    text = ("Portrait de l'entrepreneuse\n\nCofondatrice de Quimpex en 1995 et présidente exécutive de la société "
            "Velnor, Hélène Varsac a fait de l'agence la première du pays.")
    assert_states(extract, text, {("Hélène Varsac", "founderOf", "Quimpex"), ("Hélène Varsac", "leaderOf", "Velnor")})


def test_a_name_after_a_hyphenated_description_presided_through_its_board(extract):
    text = ("Marc Dorlan dirige la banque Brimex depuis 2020. Il préside en outre le conseil d'administration de "
            "l'assureur-crédit Velnor.")
    assert_states(extract, text, {("Marc Dorlan", "leaderOf", "Velnor")})


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Marc Dorlan est promu directeur général délégué de Louis Brimex Couture.",
                 ("Marc Dorlan", "employeeOf", "Louis Brimex Couture"),
                 id="a deputy chief executive works for a house named after a person"),
    pytest.param("Hélène Varsac a été nommée présidente-directrice générale de Louis Brimex Couture.",
                 ("Hélène Varsac", "ceoOf", "Louis Brimex Couture"), id="a hyphenated title"),
])
def test_what_a_title_is_of_is_an_organisation_even_with_a_first_name(extract, text, fact):
    assert_states(extract, text, {fact})


def test_a_deputy_chief_executive_is_no_chief_executive(extract):
    facts = read(extract, "Marc Dorlan est promu directeur général délégué de la société Quimpex.")
    assert ("Marc Dorlan", "employeeOf", "Quimpex") in facts
    assert ("Marc Dorlan", "ceoOf", "Quimpex") not in facts


def test_a_title_with_its_acronym_in_parentheses_before_the_name(extract):
    text = ("La société Quimpex change de patron. Le poste sera occupé par son Chief Financial Officer (CFO), "
            "Paul Vernat.")
    assert_states(extract, text, {("Paul Vernat", "employeeOf", "Quimpex")})


def test_coordinated_founders_past_an_apposition_to_the_first(extract):
    text = ("La start-up Quimpex lève des fonds. Créée en 2016 à Paris par Marc Dorlan, ancien chercheur clinicien en "
            "hématologie, et Hélène Varsac, docteur en IA appliquée à la biologie, la société a depuis déménagé.")
    assert_states(extract, text, {("Marc Dorlan", "founderOf", "Quimpex"), ("Hélène Varsac", "founderOf", "Quimpex")})


def test_a_possessive_apposition_does_not_open_a_list_of_founders(extract):
    text = "« Nous avons donc créé Quimpex Media, notre filiale commerciale, et Velnor y a investi un milliard. »"
    assert ("Velnor", "founderOf", "Quimpex Media") not in read(extract, text)


DEPARTMENT_HEADS = [
    pytest.param("« C'est une étape », a commenté Hélène Varsac, vice-présidente exécutive chargée de la Médecine "
                 "générale chez Quimpex.", id="a capitalised department before chez Y"),
    pytest.param("Hélène Varsac, directrice des affaires juridiques du groupe Quimpex, a parlé.",
                 id="directrice des affaires juridiques de Y"),
]


@pytest.mark.parametrize("text", DEPARTMENT_HEADS)
def test_the_head_of_a_department_works_for_the_organisation(extract, text):
    facts = assert_states(extract, text, {WORKS})
    assert LEADS not in facts


def test_the_chair_of_a_board_leads_the_organisation(extract):
    facts = assert_states(extract, "Hélène Varsac, présidente du conseil de gérance de Quimpex, a parlé.", {LEADS})
    assert WORKS not in facts


BOARDS = [
    pytest.param("La société Quimpex change de tête. Réuni jeudi, le conseil d'administration de l'opérateur "
                 "historique a élu Hélène Varsac présidente non exécutive, a annoncé le groupe.",
                 id="the board of a description"),
    pytest.param("Le conseil de surveillance de la banque Quimpex a désigné Hélène Varsac pour prendre la présidence "
                 "du directoire du groupe.", id="désigné X pour prendre la présidence du directoire du groupe"),
]


@pytest.mark.parametrize("text", BOARDS)
def test_the_board_that_appoints_is_of_the_organisation_led(extract, text):
    assert_states(extract, text, {LEADS})


@pytest.mark.parametrize("text", [
    pytest.param("Le conseil de surveillance de la banque Quimpex n'a pas désigné Hélène Varsac pour prendre la "
                 "présidence du directoire du groupe.", id="negation"),
    pytest.param("Le conseil de surveillance de la banque Quimpex pourrait désigner Hélène Varsac pour prendre la "
                 "présidence du directoire du groupe.", id="pourrait"),
])
def test_not_or_maybe_appointed_to_take_the_chair_is_no_leader(extract, text):
    assert LEADS not in read(extract, text)


DEPARTMENTS_LED = [
    pytest.param("Hélène Varsac pilote le marketing des montres de la société Quimpex.", id="pilote le marketing de Y"),
    pytest.param("La benjamine, Hélène Varsac, pilote le marketing des montres de la société Quimpex.",
                 id="a verb after an apposed name, tagged as a noun"),
    pytest.param("Hélène Varsac dirige la division logiciels de la société Quimpex.", id="dirige la division de Y"),
]


@pytest.mark.parametrize("text", DEPARTMENTS_LED)
def test_who_leads_a_department_works_for_the_organisation(extract, text):
    facts = assert_states(extract, text, {WORKS})
    assert LEADS not in facts


def test_a_pilot_title_after_a_name_is_no_leading_verb(extract):
    assert not any(p == "leaderOf" for _, p, _ in read(extract, "Marc Dorlan, pilote de ligne chez Quimpex, vole."))


BARE_TITLES = [
    pytest.param("La start-up Quimpex lève des fonds. Quimpex vend des logiciels. Quimpex recrute. « Notre ambition "
                 "est d'accompagner cette croissance », ajoute Hélène Varsac, cofondatrice et co-CEO.",
                 {CEO, ("Hélène Varsac", "founderOf", "Quimpex")}, id="the organisation the text is about"),
    pytest.param("En 1999, il fonde la société Quimpex avec l'appui des siens : sa sœur Hélène Varsac, cofondatrice, "
                 "prend en charge la recherche.", {("Hélène Varsac", "founderOf", "Quimpex")},
                 id="the one organisation the sentence names"),
]


@pytest.mark.parametrize(("text", "facts"), BARE_TITLES)
def test_a_bare_title_is_of_the_organisation_in_context(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize("text", [
    pytest.param("Quimpex et Velnor signent un accord, précise Hélène Varsac, cofondatrice.", id="two organisations"),
    pytest.param("La start-up Quimpex lève des fonds. Quimpex vend des logiciels. Quimpex recrute des ingénieurs, "
                 "comme Hélène Varsac et Marc Dorlan.", id="a plural profession"),
])
def test_a_bare_title_with_no_clear_organisation_says_nothing(extract, text):
    facts = read(extract, text)
    assert not any(p in {"founderOf", "employeeOf"} for _, p, _ in facts), facts


def test_a_participle_coordinated_with_the_opening_one_describes_the_subject(extract):
    text = ("Basée à Lyon, dans le Rhône, et dirigée par sa fondatrice Hélène Varsac, la société Quimpex doit "
            "renforcer l'offre de Velnor.")
    facts = assert_states(extract, text, {LEADS})
    assert not any(o in {"Rhône", "Velnor"} for _, p, o in facts if p == "leaderOf")


def test_a_coordinated_opening_participle_of_a_past_role_is_no_leader(extract):
    text = ("Basée à Lyon, dans le Rhône, et dirigée jusqu'en 2020 par Hélène Varsac, la société Quimpex doit "
            "renforcer son offre.")
    assert LEADS not in read(extract, text)


def test_a_current_title_after_a_past_one_is_the_same_holders(extract):
    text = ("« Nous avons gagné », raconte Paul Vernat, ancien chief revenue officer de Quimpex, aujourd'hui chief "
            "commercial officer chez Velnor.")
    facts = assert_states(extract, text, {("Paul Vernat", "employeeOf", "Velnor")})
    assert ("Paul Vernat", "employeeOf", "Quimpex") not in facts


def test_il_after_ce_dernier_is_the_last_person_named(extract):
    text = ("Marc Dorlan est devenu directeur général de Brimex, Paul Vernat conservant la présidence. Ce dernier a "
            "trouvé d'autres jeux : il anime une émission. Il a également fondé la société Quimpex, une plateforme.")
    facts = assert_states(extract, text, {("Paul Vernat", "founderOf", "Quimpex")})
    assert ("Marc Dorlan", "founderOf", "Quimpex") not in facts


def test_a_description_with_no_antecedent_is_the_headlines_subject(extract):
    text = ("Quimpex finalise le rachat de Velnor\n\nQuimpex a finalisé l'acquisition de Velnor, une biotech "
            "américaine. Quimpex paiera comptant. « Il s'agit d'une opération stratégique pour Quimpex et Velnor », a "
            "commenté Marc Dorlan, vice-président chez Quimpex. Le groupe dirigé par Hélène Varsac financera "
            "l'acquisition sur sa trésorerie.")
    assert_states(extract, text, {LEADS})
