"""Reading a frame's argument through a reference to an earlier sentence: pronouns, definite descriptions (« le
groupe », « la société »), and the « nous » of an interviewee or a press release.

A fact read through a reference says so in its rule (``<frame>+reference``) and is less sure than the frame's own
reading of a named argument. Names are invented; gaps are strict xfails quoting the ``kg try`` trace.
"""

from __future__ import annotations

import pytest

from kg.extract.calibration import confidence_of
from kg.extract.frames import load_frames
from tests.frame_cases import assert_states, frame_of, gap, key, read

REFERENCES = [
    pytest.param("La société Brontal fabrique des pompes. Brontal emploie 200 personnes. Il a racheté la société "
                 "Quimpex en 2022.", ("Brontal", "acquired", "Quimpex"), id="il"),
    pytest.param("La start-up Pilvexa vend des capteurs. Elle a levé 6 millions d'euros auprès de Cerbal Capital.",
                 ("Cerbal Capital", "investedIn", "Pilvexa"), id="elle, raising money"),
    pytest.param("La start-up Pilvexa vend des capteurs. Pilvexa recrute. Elle a lancé une application baptisée "
                 "Pédalo.", ("Pilvexa", "launched", "Pédalo"), id="elle, launching"),
    pytest.param("La société Quimpex fabrique des vélos. Elle a été fondée par Hélène Varsac en 2015.",
                 ("Hélène Varsac", "founderOf", "Quimpex"), id="elle, in a passive"),
    pytest.param("Le groupe Brontal fabrique des pompes. Le groupe a racheté la société Quimpex.",
                 ("Brontal", "acquired", "Quimpex"), id="le groupe"),
    pytest.param("La société Quimpex fabrique des vélos. La société a été rachetée par le groupe Brontal.",
                 ("Brontal", "acquired", "Quimpex"), id="la société, in a passive"),
    pytest.param("La Gazette : pourquoi ce choix ?\nMarc Dorlan : chez Pilvexa, nous avons noué un partenariat avec "
                 "la société Velnor.", ("Pilvexa", "partnersWith", "Velnor"), id="chez X, nous in an interview"),
    pytest.param("« Chez Pilvexa, nous utilisons les données de Velnor », explique Marc Dorlan.",
                 ("Pilvexa", "usesDataFrom", "Velnor"), id="chez X, nous in a quote"),
    pytest.param("Marc Dorlan dirige la société Pilvexa. « Nous avons racheté la société Quimpex l'an dernier », "
                 "explique-t-il.", ("Pilvexa", "acquired", "Quimpex"), id="nous of a leader quoted"),
    gap("La jeune pousse Pilvexa vend des capteurs. La jeune pousse a levé 6 millions d'euros auprès du fonds "
        "Cerbal Capital.", ("Cerbal Capital", "investedIn", "Pilvexa"), id="la jeune pousse",
        reason="funding.raise 'levé' no fact: no object (« la jeune pousse » is not resolved)"),
    pytest.param("La start-up Pilvexa vend des capteurs. Pilvexa recrute. La start-up a lancé une application baptisée "
                 "Pédalo.", ("Pilvexa", "launched", "Pédalo"), id="la start-up"),
    pytest.param("Communiqué de presse\nLa société Pilvexa annonce un nouveau service.\nNous avons noué un "
                 "partenariat avec la société Velnor.", ("Pilvexa", "partnersWith", "Velnor"),
                 id="nous of a press release"),
    pytest.param("La société Quimpex fabrique des vélos. Quimpex recrute. Son PDG, Hélène Varsac, vise l'export.",
                 ("Hélène Varsac", "ceoOf", "Quimpex"), id="son PDG in the next sentence"),
    pytest.param("La société Pilvexa change d'échelle. La PME bretonne ouvre une usine financée par le fonds Cerbal "
                 "Capital, qui entre au capital. Fondée en 2017 par Hélène Varsac, l'entreprise fabrique des pièces.",
                 ("Hélène Varsac", "founderOf", "Pilvexa"), id="l'entreprise after la PME, not the fund of a relative"),
    gap("La société Pilvexa vend des capteurs. Nos clients, dont la société Velnor, sont satisfaits.",
        ("Velnor", "clientOf", "Pilvexa"), id="nos clients",
        reason="client.role 'clients' no fact: no relatum (« nos » is not resolved to the organisation)"),
]


@pytest.mark.parametrize(("text", "fact"), REFERENCES)
def test_a_reference_gives_the_fact_with_less_confidence(extract, text, fact):
    got = assert_states(extract, text, {fact})
    evidence = got[fact].evidence
    assert evidence.rule.endswith("+reference"), evidence.rule
    frame = load_frames().by_id[frame_of(evidence.rule)]
    assert evidence.confidence < confidence_of(frame.id, frame.confidence)  # the direct reading, calibrated


def test_a_pronoun_is_less_sure_than_the_name_it_stands_for(extract):
    named = read(extract, "La société Brontal a racheté la société Quimpex en 2022.")
    pronoun = read(extract, "La société Brontal fabrique des pompes. Brontal emploie 200 personnes. Il a racheté la "
                            "société Quimpex en 2022.")
    fact = ("Brontal", "acquired", "Quimpex")
    assert named[fact].evidence.rule == "acquired.verb"
    assert pronoun[fact].evidence.rule == "acquired.verb+reference"
    assert pronoun[fact].evidence.confidence < named[fact].evidence.confidence


@pytest.mark.xfail(strict=True, reason="ceo.role 'PDG' 1 fact(s) (after) gives Hélène Varsac ceoOf Quimpex "
                   "(rule=ceo.role+reference): « son » in an incise is resolved to the object, not the clause subject")
def test_a_possessive_in_an_incise_is_the_clause_subject(extract):
    got = read(extract, "Le groupe Brontal a racheté la société Quimpex, a annoncé son PDG, Hélène Varsac.")
    assert ("Hélène Varsac", "ceoOf", "Brontal") in got
    assert ("Hélène Varsac", "ceoOf", "Quimpex") not in got


def test_a_sentence_the_parser_cannot_read_still_gives_its_one_name_to_a_possessive(extract):
    text = "La start-up Quimpex grandit. Parmi ses clients figurent la société Velnor, Astrido... et Brontal."
    assert_states(extract, text, {("Velnor", "clientOf", "Quimpex"), ("Brontal", "clientOf", "Quimpex")})


DESCRIBED_PARENTS = [
    pytest.param("Le groupe Brontal a racheté la société Quimpex. Quimpex, la marque phare du groupe, vend des "
                 "vélos.", ("Quimpex", "subsidiaryOf", "Brontal"), id="la marque phare du groupe"),
    pytest.param("Le groupe Brontal vend des pompes. Velnor Ads, la régie du groupe, recrute.",
                 ("Velnor Ads", "subsidiaryOf", "Brontal"), id="la régie du groupe"),
]


@pytest.mark.parametrize(("text", "fact"), DESCRIBED_PARENTS)
def test_the_group_a_brand_belongs_to_is_not_the_brand_itself(extract, text, fact):
    """« X, la marque du groupe »: the name in apposition holds the role, so « le groupe » is another organisation."""
    got = assert_states(extract, text, {fact})
    assert (fact[0], "subsidiaryOf", fact[0]) not in got


def test_a_description_does_not_reach_across_a_contrast(extract):
    text = ("Le groupe Brontal vend des montres. Marc Dorlan dirige Quimpex, tandis que Hélène Varsac dirige Velnor, "
            "autre marque du groupe.")
    got = read(extract, text)
    assert ("Velnor", "subsidiaryOf", "Quimpex") not in got


def test_a_description_counted_in_the_plural_stands_for_no_one_organisation(extract):
    text = ("Le groupe Brontal vend ses réseaux Quimpex et Velnor. L'opération inclut Astrido, la centrale d'achat "
            "des deux réseaux.")
    got = read(extract, text)
    assert not any(f[0] == "Astrido" and f[1] == "subsidiaryOf" for f in got), got


def test_a_verb_between_a_description_and_a_name_does_not_introduce_the_name(extract):
    text = "Le groupe Brontal a racheté Quimpex. Velnor, la marque phare du groupe, recrute."
    assert_states(extract, text, {("Velnor", "subsidiaryOf", "Brontal")})


OBJECT_CONTROL = [
    pytest.param("Le groupe Brimex a convaincu la société Quimpex de transférer son siège à Lyon.",
                 {("Quimpex", "basedIn", "Lyon")}, id="convaincre X de: X moves its seat"),
    pytest.param("La société Quimpex recrute. Le groupe Brimex l'a convaincue de transférer son siège à Lyon.",
                 set(), id="a clitic object: the seat is not the persuader's"),
    pytest.param("Le groupe Brimex a aidé Quimpex à racheter Velnor.", {("Quimpex", "acquired", "Velnor")},
                 id="aider X à: X buys"),
]


@pytest.mark.parametrize(("text", "facts"), OBJECT_CONTROL)
def test_the_object_of_a_control_verb_does_the_infinitive(extract, text, facts):
    got = read(extract, text)
    assert facts <= set(got)
    assert not [f for f in got if f[0] == "Brimex" and f[1] in {"basedIn", "acquired"}]


def test_without_an_object_the_subject_does_the_infinitive(extract):
    assert ("Brimex", "basedIn", "Lyon") in read(extract, "Le groupe Brimex a décidé de transférer son siège à Lyon.")


def test_a_sentence_naming_two_organisations_gives_no_description_its_first(extract):
    """« … chez A et chez B », dit-il. L'entreprise estonienne … »: which of the two is not said."""
    got = read(extract, "Le service Quimpex recrute. « Les prix baissent chez Velnor et chez Brontal », dit-il. "
                        "L'entreprise estonienne perd de l'argent.")
    assert not [f for f in got if f[1] == "basedIn" and f[2] == "Estonie" and f[0] in {"Velnor", "Brontal"}]


KIND_CLASHES = [
    pytest.param("L'assureur Brontal s'appuie sur les données fournies par la société Quimpex. La start-up "
                 "toulousaine exploite 12 000 stations.", ("Quimpex", "basedIn", "Toulouse"),
                 ("Brontal", "basedIn", "Toulouse"), id="la start-up is not the insurer"),
    pytest.param("L'opérateur ferroviaire Brontal recrute. Il a choisi la société Quimpex pour équiper ses rames. Le "
                 "fournisseur belge livrera les équipements en 2025.", ("Quimpex", "basedIn", "Belgique"),
                 ("Brontal", "basedIn", "Belgique"), id="le fournisseur is not the operator"),
]


@pytest.mark.parametrize(("text", "fact", "wrong"), KIND_CLASHES)
def test_a_description_does_not_stand_for_a_name_introduced_as_another_kind(extract, text, fact, wrong):
    got = assert_states(extract, text, {fact})
    assert wrong not in got


def test_a_description_of_the_same_kind_or_a_wide_one_still_stands_for_it(extract):
    assert_states(extract, "La fintech Brontal vend des cartes. La start-up lyonnaise emploie 40 personnes.",
                  {("Brontal", "basedIn", "Lyon")})
    assert_states(extract, "L'assureur Brontal vend des contrats. Le groupe lyonnais emploie 400 personnes.",
                  {("Brontal", "basedIn", "Lyon")})


INTERVIEW = ("Entretien avec Hélène Varsac, PDG de la société Pilvexa.\nComment allez-vous ?\nHélène Varsac – Très "
             "bien.\n")


def test_an_interview_answer_names_the_holders_of_its_question_s_role(extract):
    got = read(extract, INTERVIEW + "Qui sont vos concurrents ?\nHélène Varsac – Essentiellement les sociétés Velnor "
                                    "et Quimpex.\n")
    assert {key(("Velnor", "competitorOf", "Pilvexa")), key(("Quimpex", "competitorOf", "Pilvexa"))} <= set(got)


def test_an_interview_answer_names_who_entered_our_capital(extract):
    got = read(extract, INTERVIEW + "Qui vous finance ?\nHélène Varsac – Le fonds Cerbal Capital est entré à notre "
                                    "capital en 2021.\n")
    assert ("Cerbal Capital", "investedIn", "Pilvexa") in got


def test_a_question_outside_an_interview_takes_no_answer(extract):
    got = read(extract, "La société Pilvexa recrute. Qui sont ses concurrents ?\nLes sociétés Velnor et Quimpex.\n")
    assert not [f for f in got if f[1] == "competitorOf"]


def test_a_description_after_a_fronted_participle_is_not_one_of_its_agents(extract):
    got = read(extract, "Le groupe Brontal a racheté Pilvexa, une jeune pousse nantaise. Fondée en 2019 par Hélène "
                        "Varsac et Marc Dorlan, la start-up emploie soixante personnes.")
    assert {("Hélène Varsac", "founderOf", "Pilvexa"), ("Marc Dorlan", "founderOf", "Pilvexa")} <= set(got)
    assert not [f for f in got if f[1] == "founderOf" and f[2] != "Pilvexa"]


KIND_DESCRIPTIONS = [
    pytest.param("La maison Pilvexa ouvre une boutique. Racheté en 2021 par le groupe Ondra, le joaillier a doublé ses "
                 "ventes.", ("Ondra", "acquired", "Pilvexa"), id="le joaillier, after a fronted participle"),
    pytest.param("La société Pilvexa fabrique des moteurs. L'avionneur Ondra a signé un partenariat avec le motoriste.",
                 ("Ondra", "partnersWith", "Pilvexa"), id="le motoriste"),
]


@pytest.mark.parametrize(("text", "fact"), KIND_DESCRIPTIONS)
def test_a_kind_of_firm_is_a_description_of_an_organisation(extract, text, fact):
    assert_states(extract, text, {fact})
