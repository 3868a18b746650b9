"""People frames, second series: roles stated by an appointing board, a relative « dont » clause, a scope that
makes a branch head rather than the chief executive, and their distractors (negation, imperfect, hypothesis).

Names are invented.
"""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_no, assert_states, read

LEADS = ("Hélène Varsac", "leaderOf", "Quimpex")
CEO = ("Hélène Varsac", "ceoOf", "Quimpex")
WORKS = ("Hélène Varsac", "employeeOf", "Quimpex")

APPOINTED = [
    pytest.param("Le conseil d'administration de la société Quimpex a élu Hélène Varsac présidente non exécutive.",
                 {LEADS}, id="présidente non exécutive is a chair, not an executive"),
    pytest.param("Le conseil de surveillance du groupe Quimpex a nommé vendredi Marc Dorval président du directoire.",
                 {("Marc Dorval", "leaderOf", "Quimpex")}, id="a day between the appointing verb and the name"),
    pytest.param("La société Quimpex a nommé hier Hélène Varsac directrice générale.", {CEO}, id="hier"),
]


@pytest.mark.parametrize(("text", "facts"), APPOINTED)
def test_the_board_that_appoints_names_the_organisation(extract, text, facts):
    assert_states(extract, text, facts)


def test_a_non_executive_chair_is_no_chief_executive(extract):
    text = "Le conseil d'administration de la société Quimpex a élu Hélène Varsac présidente non exécutive."
    assert CEO not in read(extract, text)


def test_not_appointed_by_the_board_is_no_leader(extract):
    assert_no(extract, "Le conseil de la société Quimpex n'a pas élu Hélène Varsac présidente non exécutive.",
              "leaderOf")


DONT = [
    pytest.param("La société Quimpex, dont Hélène Varsac est la directrice générale, a publié ses comptes.", {CEO},
                 id="dont Y est la directrice générale"),
    pytest.param("Marc Dorval a pris la tête du groupe Quimpex, dont Hélène Varsac est désormais la présidente du "
                 "conseil d'administration.", {LEADS, ("Marc Dorval", "leaderOf", "Quimpex")},
                 id="dont Y est désormais la présidente"),
]


@pytest.mark.parametrize(("text", "facts"), DONT)
def test_dont_stands_for_the_organisation_of_the_role(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize(("text", "predicate"), [
    pytest.param("La société Quimpex, dont Hélène Varsac n'est pas la directrice générale, a publié ses comptes.",
                 "ceoOf", id="negated"),
    pytest.param("La société Quimpex, dont Hélène Varsac était la directrice générale, a publié ses comptes.",
                 "ceoOf", id="imperfect: a past role"),
    pytest.param("La société Quimpex, dont Hélène Varsac pourrait devenir la directrice générale, a publié ses "
                 "comptes.", "ceoOf", id="hypothesis"),
    pytest.param("Hélène Varsac était la directrice générale de la société Quimpex.", "ceoOf",
                 id="imperfect copula, no dont"),
])
def test_a_role_in_a_dont_clause_keeps_its_distractors(extract, text, predicate):
    assert_no(extract, text, predicate)


def test_dont_opening_a_list_names_no_relatum(extract):
    text = "Plusieurs groupes, dont Quimpex, ont publié leurs comptes. Hélène Varsac est directrice générale."
    assert not any(p == "ceoOf" for _, p, _ in read(extract, text))


SCOPED = [
    pytest.param("Quimpex, dont Hélène Varsac est la directrice générale en France, domine le marché.", {WORKS},
                 id="directrice générale en France"),
    pytest.param("La société Quimpex recrute. Hélène Varsac, son directeur général pour la zone Europe, s'en "
                 "félicite.", {WORKS}, id="pour la zone"),
]


@pytest.mark.parametrize(("text", "facts"), SCOPED)
def test_a_chief_executive_of_a_country_or_zone_is_an_employee(extract, text, facts):
    got = assert_states(extract, text, facts)
    assert CEO not in got


def test_a_country_inside_the_organisation_name_is_no_scope(extract):
    assert_states(extract, "Hélène Varsac, directrice générale de Quimpex France, a publié les comptes.",
                  {("Hélène Varsac", "ceoOf", "Quimpex France")})
