"""An office handed to someone (frame leader.office, kg/extract/offices.py): « la présidence de Y revient à X »,
« la direction de Y a été confiée à X », « Z a confié la direction de Y à X »; and what gives no current office.
Names are invented."""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_no, assert_states, read

LEADS = ("Hélène Varsac", "leaderOf", "Quimpex")

OFFICES = [
    pytest.param("La présidence de Quimpex revient à Hélène Varsac.", {LEADS}, id="la présidence revient à"),
    pytest.param("La direction de la société Quimpex a été confiée à Hélène Varsac.", {LEADS},
                 id="la direction a été confiée à"),
    pytest.param("La direction opérationnelle de Quimpex a été confiée à l'Italienne Hélène Varsac, nommée directrice "
                 "générale.", {LEADS}, id="direction opérationnelle, described recipient"),
    pytest.param("En juin, la société Brimex a confié la direction de Quimpex à Hélène Varsac.", {LEADS},
                 id="Z a confié la direction de Y à X"),
]


@pytest.mark.parametrize(("text", "facts"), OFFICES)
def test_an_office_given_to_someone_makes_them_its_leader(extract, text, facts):
    assert_states(extract, text, facts)


NO_OFFICE = [
    pytest.param("La présidence de Quimpex pourrait revenir à Hélène Varsac.", id="pourrait revenir"),
    pytest.param("La présidence de Quimpex ne reviendra pas à Hélène Varsac.", id="negation"),
    pytest.param("La présidence de Quimpex reviendra à Hélène Varsac en 2026.", id="future"),
    pytest.param("L'ancienne direction de Quimpex avait été confiée à Hélène Varsac.", id="l'ancienne direction"),
    pytest.param("La direction marketing de Quimpex a été confiée à Hélène Varsac.", id="a department, no lead"),
    pytest.param("La direction de Quimpex a confié à Hélène Varsac un nouveau dossier.",
                 id="the office noun gives, it is not given"),
]


@pytest.mark.parametrize("text", NO_OFFICE)
def test_a_possible_future_past_or_lesser_office_gives_no_leader(extract, text):
    assert_no(extract, text, "leaderOf")


# ----- « Y, dirigée par X »: the name right before the comma is what X runs (kg/extract/participles.py) -----

APPOSED_PARTICIPLES = [
    pytest.param("Face à la concurrence, Brimex mise sur sa propre plateforme, Quimpex, dirigée par Hélène Varsac.",
                 {LEADS}, id="the nearest name, not the sentence's first"),
    pytest.param("La société Brimex développe Quimpex, sa régie omnicanale, pilotée par Hélène Varsac.", {LEADS},
                 id="Y, sa régie, pilotée par X"),
    pytest.param("L'éditeur rejoindra la division jeux vidéo de Quimpex, dirigée par Hélène Varsac.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="a division's head works for the parent"),
]


@pytest.mark.parametrize(("text", "facts"), APPOSED_PARTICIPLES)
def test_an_apposed_participle_describes_the_name_before_its_comma(extract, text, facts):
    assert_states(extract, text, facts)


def test_a_division_head_does_not_lead_the_parent(extract):
    assert_no(extract, "L'éditeur rejoindra la division jeux vidéo de Quimpex, dirigée par Hélène Varsac.",
              "leaderOf")


def test_the_parent_of_a_nearer_name_is_not_led(extract):
    got = read(extract, "Face à la concurrence, Brimex mise sur sa propre plateforme, Quimpex, dirigée par Hélène "
                        "Varsac.")
    assert ("Hélène Varsac", "leaderOf", "Brimex") not in got


def test_a_role_kept_until_a_future_event_is_current(extract):
    assert_states(extract, "Hélène Varsac restera directrice générale de Quimpex jusqu'à la finalisation.",
                  {("Hélène Varsac", "ceoOf", "Quimpex")})


# ----- « préside » (a form the lemmatizer keeps) and « il » after « le nouveau patron » -----

PRESIDES = [
    pytest.param("Hélène Varsac, qui préside à la fois Quimpex et la société Brimex, a parlé.",
                 {LEADS, ("Hélène Varsac", "leaderOf", "Brimex")}, id="qui préside à la fois A et B"),
    pytest.param("Hélène Varsac préside en outre le conseil d'administration de la société Quimpex.", {LEADS},
                 id="préside le conseil d'administration de Y"),
    pytest.param("Hélène Varsac a été nommée à la tête de Brimex. La nouvelle patronne pilotait la vente. Elle "
                 "préside aussi Quimpex.", {LEADS}, id="elle after la nouvelle patronne"),
]


@pytest.mark.parametrize(("text", "facts"), PRESIDES)
def test_presiding_makes_a_leader(extract, text, facts):
    assert_states(extract, text, facts)


def test_no_longer_presiding_is_no_leader(extract):
    assert_no(extract, "Hélène Varsac ne préside plus Quimpex.", "leaderOf")


# ----- chief … officer titles (employee.role nouns) -----

CHIEF_OFFICERS = [
    pytest.param("Hélène Varsac est aujourd'hui chief commercial officer chez Quimpex.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="chief commercial officer chez Y"),
    pytest.param("Hélène Varsac, vice-présidente exécutive et chief digital officer de Quimpex, a parlé.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="coordinated with another title"),
]


@pytest.mark.parametrize(("text", "facts"), CHIEF_OFFICERS)
def test_chief_officer_titles_are_jobs(extract, text, facts):
    assert_states(extract, text, facts)


def test_a_former_chief_officer_is_no_employee(extract):
    assert_no(extract, "Hélène Varsac, l'ancienne chief commercial officer de Quimpex, a parlé.", "employeeOf")
