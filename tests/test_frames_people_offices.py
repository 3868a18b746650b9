"""An office handed to someone (frame leader.office, kg/extract/offices.py): « la présidence de Y revient à X »,
« la direction de Y a été confiée à X », « Z a confié la direction de Y à X »; and what gives no current office.
Names are invented."""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_no, assert_states

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
