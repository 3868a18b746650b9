"""People frames (ontology/frames/people.toml): who runs, founded, works for or sits in an organisation, however
French arranges the role, and the roles that are over, not yet begun, denied or only possible.

Names are invented; rows marked as gaps are constructions the engine does not read yet (strict xfail, trace quoted).
"""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_no, assert_states, gap, key, read

CEO = ("Hélène Varsac", "ceoOf", "Quimpex")
LEADS = ("Hélène Varsac", "leaderOf", "Quimpex")
FOUNDED = ("Hélène Varsac", "founderOf", "Quimpex")

ROLES = [
    pytest.param("Hélène Varsac, PDG de Quimpex, a présenté les résultats.", {CEO}, id="apposition"),
    pytest.param("Hélène Varsac (PDG de Quimpex) a présenté les résultats.", {CEO}, id="parentheses"),
    pytest.param("Le PDG de Quimpex, Hélène Varsac, a présenté les résultats.", {CEO}, id="title before the name"),
    pytest.param("Hélène Varsac est la PDG de Quimpex.", {CEO}, id="copula"),
    pytest.param("Hélène Varsac a été nommée directrice générale de Quimpex.", {CEO}, id="a été nommée"),
    pytest.param("La société Quimpex a nommé Hélène Varsac directrice générale.", {CEO}, id="Y a nommé X"),
    pytest.param("Hélène Varsac, présidente de Quimpex, a présenté les résultats.", {LEADS}, id="présidente"),
    pytest.param("Hélène Varsac a été nommée présidente de la société Quimpex.", {LEADS}, id="nommée présidente"),
    pytest.param("Hélène Varsac, fondatrice et PDG de Quimpex, a présenté les résultats.", {CEO, FOUNDED},
                 id="two coordinated roles"),
    pytest.param("Hélène Varsac, PDG des sociétés Quimpex et Velnor, a présenté les résultats.",
                 {CEO, ("Hélène Varsac", "ceoOf", "Velnor")}, id="one role of two organisations"),
]

LEADERSHIP = [
    pytest.param("Hélène Varsac prend les commandes de la société Quimpex.", {LEADS}, id="prendre les commandes de"),
    pytest.param("Hélène Varsac est à la tête de Quimpex depuis 2019.", {LEADS}, id="être à la tête de"),
    pytest.param("Hélène Varsac a été nommée à la tête de la société Quimpex.", {LEADS}, id="nommée à la tête de"),
    pytest.param("Hélène Varsac dirige la société Quimpex.", {LEADS}, id="diriger"),
    pytest.param("Hélène Varsac, qui dirige la société Quimpex, a présenté les résultats.", {LEADS},
                 id="relative clause"),
    pytest.param("Dirigée par Hélène Varsac, la société Quimpex fabrique des vélos.", {LEADS},
                 id="fronted participle"),
    pytest.param("Hélène Varsac a succédé à Marc Dorlan à la tête de la société Quimpex.", {LEADS},
                 id="succéder à Z à la tête de Y"),
    pytest.param("Hélène Varsac remplace Marc Dorlan à la tête de la société Quimpex.", {LEADS},
                 id="remplacer Z à la tête de Y"),
    pytest.param("Hélène Varsac succède à Marc Dorlan comme PDG de la société Quimpex.", {CEO},
                 id="succéder à Z comme PDG"),
    pytest.param("Hélène Varsac remplace Marc Dorlan au poste de PDG de la société Quimpex.", {CEO},
                 id="remplacer Z au poste de PDG"),
]

FOUNDERS = [
    pytest.param("Hélène Varsac, cofondatrice de Quimpex, a présenté les résultats.", {FOUNDED}, id="apposition"),
    pytest.param("Hélène Varsac et Marc Dorlan, cofondateurs de Quimpex, ont présenté les résultats.",
                 {FOUNDED, ("Marc Dorlan", "founderOf", "Quimpex")}, id="coordinated holders"),
    pytest.param("Hélène Varsac a fondé la société Quimpex en 2015.", {FOUNDED}, id="active verb"),
    pytest.param("Hélène Varsac et Marc Dorlan ont fondé la société Quimpex.",
                 {FOUNDED, ("Marc Dorlan", "founderOf", "Quimpex")}, id="coordinated subjects"),
    pytest.param("La société Quimpex a été fondée par Hélène Varsac.", {FOUNDED}, id="passive"),
    pytest.param("Fondée en 2015 par Hélène Varsac et Marc Dorlan, la société Quimpex emploie 40 personnes.",
                 {FOUNDED, ("Marc Dorlan", "founderOf", "Quimpex")}, id="fronted participle"),
]

WORK = [
    pytest.param("Hélène Varsac, directrice marketing de Quimpex, a présenté les résultats.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="a job title"),
    pytest.param("Marc Dorlan, directeur général adjoint de Quimpex, a présenté les résultats.",
                 {("Marc Dorlan", "employeeOf", "Quimpex")}, id="a deputy is an employee"),
    pytest.param("Hélène Varsac travaille chez Quimpex depuis 2010.", {("Hélène Varsac", "employeeOf", "Quimpex")},
                 id="travailler chez"),
    pytest.param("Hélène Varsac a rejoint Quimpex en 2020.", {("Hélène Varsac", "employeeOf", "Quimpex")},
                 id="rejoindre"),
    pytest.param("Hélène Varsac, ancienne de la société Velnor, rejoint le cabinet Quimpex.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="a present read as a participle after an incise"),
    pytest.param("Marc Dorlan, associé chez Quimpex Partners, a piloté l'opération.",
                 {("Marc Dorlan", "employeeOf", "Quimpex Partners")}, id="a participle title before chez"),
    pytest.param("Hélène Varsac, associée de Quimpex à Paris, a mené l'opération.",
                 {("Hélène Varsac", "employeeOf", "Quimpex")}, id="a participle title in apposition before de"),
    pytest.param("Hélène Varsac est membre du conseil d'administration de Quimpex.",
                 {("Hélène Varsac", "memberOf", "Quimpex")}, id="board member"),
]


@pytest.mark.parametrize(("text", "facts"), ROLES)
def test_a_role_noun_links_its_holder_to_the_organisation(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize(("text", "facts"), LEADERSHIP)
def test_a_leading_verb_makes_its_subject_the_leader(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize(("text", "facts"), FOUNDERS)
def test_founders_are_read_from_nouns_verbs_and_participles(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize(("text", "facts"), WORK)
def test_jobs_and_seats_are_employment_and_membership(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize("text", [
    "Hélène Varsac succède à Marc Dorlan à la tête de la société Quimpex.",
    "Hélène Varsac remplace Marc Dorlan comme PDG de la société Quimpex.",
])
def test_the_one_succeeded_is_no_longer_the_leader(extract, text):
    got = read(extract, text)
    assert not [f for f in got if f[0] == "Marc Dorlan" and f[1] in {"leaderOf", "ceoOf"}], sorted(got)


@pytest.mark.parametrize("text", [
    "Hélène Varsac ne succédera pas à Marc Dorlan à la tête de la société Quimpex.",
    "Hélène Varsac pourrait remplacer Marc Dorlan comme PDG de la société Quimpex.",
])
def test_a_denied_or_possible_succession_gives_nobody_the_office(extract, text):
    got = read(extract, text)
    assert not [f for f in got if f[1] in {"leaderOf", "ceoOf"}], sorted(got)


def test_the_role_of_the_one_succeeded_in_apposition_is_still_theirs(extract):
    got = read(extract, "Hélène Varsac succède à Marc Dorlan, le patron de la société Quimpex, à la présidence de "
                        "la fédération Brivo.")
    assert ("Marc Dorlan", "leaderOf", "Quimpex") in got


@pytest.mark.parametrize(("text", "fact"), [
    pytest.param("Hélène Varsac a été nommée au poste de PDG de la société Quimpex.", CEO, id="nommée au poste de"),
    pytest.param("La société Quimpex a nommé Hélène Varsac au poste de PDG.", CEO, id="Y a nommé X au poste de"),
    pytest.param("La société Quimpex a recruté Hélène Varsac comme directrice marketing.",
                 ("Hélène Varsac", "employeeOf", "Quimpex"), id="Y a recruté X comme"),
    pytest.param("La société Quimpex a recruté Hélène Varsac en tant que directrice financière.",
                 ("Hélène Varsac", "employeeOf", "Quimpex"), id="Y a recruté X en tant que"),
])
def test_words_between_a_person_and_the_role_given_them(extract, text, fact):
    assert_states(extract, text, {fact})


def test_a_role_not_given_is_no_fact(extract):
    assert_no(extract, "La société Quimpex n'a pas nommé Hélène Varsac au poste de PDG.", "ceoOf")


def test_a_company_chosen_as_an_agency_is_no_subsidiary(extract):
    assert_no(extract, "La société Quimpex a choisi la société Brivo comme agence.", "subsidiaryOf")


def test_a_deputy_is_not_the_chief_executive(extract):
    got = read(extract, "Marc Dorlan, directeur général adjoint de Quimpex, a présenté les résultats.")
    assert ("Marc Dorlan", "ceoOf", "Quimpex") not in got


def test_the_role_is_kept_on_the_fact(extract):
    got = assert_states(extract, "Hélène Varsac, PDG de Quimpex, a présenté les résultats.", {CEO})
    assert dict(got[CEO].evidence.attributes)["role"] == "PDG"


NOT_CURRENT_ROLES = [
    pytest.param("La société Quimpex, associée de Velnor dans la coentreprise, investit.", "employeeOf",
                 id="an organisation associée de Y is no employee"),
    pytest.param("Hélène Varsac, l'ancienne PDG de Quimpex, a présenté les résultats.", "ceoOf", id="l'ancienne PDG"),
    pytest.param("L'ancien PDG de Quimpex, Marc Dorlan, a présenté les résultats.", "ceoOf", id="l'ancien PDG de Y, X"),
    pytest.param("Marc Dorlan, ex-directeur général de Quimpex, a présenté les résultats.", "ceoOf", id="ex-directeur"),
    pytest.param("Marc Dorlan, ancien président de la société Quimpex, a présenté les résultats.", "leaderOf",
                 id="ancien président"),
    pytest.param("Marc Dorlan, qui dirigeait la société Quimpex jusqu'en 2020, a présenté les résultats.",
                 "leaderOf", id="qui dirigeait jusqu'en 2020"),
    pytest.param("Marc Dorlan, qui a dirigé Quimpex jusqu'en 2020, a présenté les résultats.", "leaderOf",
                 id="qui a dirigé jusqu'en 2020"),
    pytest.param("Marc Dorlan a été PDG de Quimpex jusqu'en 2020.", "ceoOf", id="a été PDG jusqu'en 2020"),
    pytest.param("Marc Dorlan a été PDG de Quimpex jusqu'à 2019.", "ceoOf", id="jusqu'à a year"),
    pytest.param("La société Brimex développe Quimpex, dirigée jusqu'en 2020 par Marc Dorlan.", "leaderOf",
                 id="participle dirigée jusqu'en 2020"),
    pytest.param("Marc Dorlan, le futur PDG de Quimpex, a présenté les résultats.", "ceoOf", id="le futur PDG"),
    gap("Marc Dorlan deviendra PDG de Quimpex en janvier.", "ceoOf", id="deviendra PDG",
        reason="ceo.role 'PDG' 1 fact(s) (copula): the future tense of the copula is read as a current role"),
    gap("Marc Dorlan prendra la tête de la société Quimpex en janvier.", "leaderOf", id="prendra la tête de",
        reason="leader.head 'prendra la tête de' 1 fact(s): the future tense is read as a current role"),
    pytest.param("Marc Dorlan avait dirigé la société Quimpex avant de créer son cabinet.", "leaderOf",
                 id="pluperfect of a leading verb"),
    pytest.param("La société Velnor recrute. Auparavant, Marc Dorlan avait présidé la société Quimpex.", "leaderOf",
                 id="auparavant and the pluperfect"),
    pytest.param("Marc Dorlan n'est pas le PDG de Quimpex.", "ceoOf", id="negation"),
    pytest.param("Marc Dorlan pourrait devenir PDG de Quimpex.", "ceoOf", id="pourrait devenir"),
    pytest.param("Marc Dorlan a quitté la direction de Quimpex.", "leaderOf", id="a quitté la direction"),
]


@pytest.mark.parametrize(("text", "predicate"), NOT_CURRENT_ROLES)
def test_a_past_future_denied_or_possible_role_is_no_current_fact(extract, text, predicate):
    assert_no(extract, text, predicate)


# ----- constructions added with the frames' second pass -----

COMPANIONS_AND_CHAINS = [
    pytest.param("Avec Hélène Varsac et Marc Dorlan, nous avons fondé la société Quimpex en 2001.",
                 {("Hélène Varsac", "founderOf", "Quimpex"), ("Marc Dorlan", "founderOf", "Quimpex")},
                 id="avec A et B, nous avons fondé Y"),
    pytest.param("En 2005, Hélène Varsac fonde la société Quimpex avec Marc Dorlan.",
                 {("Hélène Varsac", "founderOf", "Quimpex"), ("Marc Dorlan", "founderOf", "Quimpex")},
                 id="fonde Y avec B (a present tense the lemmatizer misreads)"),
    pytest.param("L'histoire de Hélène Varsac tient du roman. Née à Lille, elle débarque à Paris. Diplômée, elle est "
                 "embauchée chez Brontal, qu'elle quitte vite. En 1999, elle fonde la société Quimpex.",
                 {("Hélène Varsac", "founderOf", "Quimpex")}, id="the same « elle » sentence after sentence"),
    pytest.param("Cofondatrice de Quimpex en 1995, Hélène Varsac quitte le groupe.",
                 {("Hélène Varsac", "founderOf", "Quimpex")}, id="a fronted role opening the sentence"),
    pytest.param("Marc Dorlan, fondateur de Quimpex et président de Brontal, part.",
                 {("Marc Dorlan", "founderOf", "Quimpex"), ("Marc Dorlan", "leaderOf", "Brontal")},
                 id="two coordinated roles share their holder"),
    pytest.param("Le congrès de Brontal a désigné Paul Varsac et Julie Morel, la présidente de la société Velnor, pour "
                 "siéger au comité.", {("Julie Morel", "leaderOf", "Velnor")},
                 id="a singular role in apposition to the last of two names"),
    pytest.param("Paul Varsac et Julie Morel, les cofondateurs de la société Velnor, ont levé 3 millions d'euros.",
                 {("Paul Varsac", "founderOf", "Velnor"), ("Julie Morel", "founderOf", "Velnor")},
                 id="a plural role in apposition to both"),
]

COMPANION_DISTRACTORS = [
    pytest.param("Hélène Varsac a fondé la société Quimpex avec le soutien de Brontal.",
                 ("Brontal", "founderOf", "Quimpex"), id="avec le soutien de: no co-founder"),
    pytest.param("L'histoire de Hélène Varsac tient du roman. Elle est embauchée chez Brontal. En 1999, elle fonde la "
                 "société Quimpex.", ("Brontal", "founderOf", "Quimpex"), id="« elle » is not the employer"),
    pytest.param("Le congrès de Brontal a désigné Paul Varsac et Julie Morel, la présidente de la société Velnor, pour "
                 "siéger au comité.", ("Paul Varsac", "leaderOf", "Velnor"),
                 id="« A et B, la présidente de Y »: one role, the name next to it"),
]


@pytest.mark.parametrize(("text", "facts"), COMPANIONS_AND_CHAINS)
def test_companions_pronoun_chains_and_opening_roles(extract, text, facts):
    assert_states(extract, text, facts)


@pytest.mark.parametrize(("text", "fact"), COMPANION_DISTRACTORS)
def test_companions_and_chains_do_not_overreach(extract, text, fact):
    assert key(fact) not in read(extract, text)


AFFILIATIONS = [
    pytest.param("Le bureau réunit Marc Dorlan (Velnor), Hélène Varsac (Quimpex Group) et d'autres.",
                 {("Marc Dorlan", "employeeOf", "Velnor"), ("Hélène Varsac", "employeeOf", "Quimpex Group")},
                 id="a person, then an organisation alone in parentheses"),
]


@pytest.mark.parametrize(("text", "facts"), AFFILIATIONS)
def test_an_organisation_in_parentheses_after_a_person_is_where_they_work(extract, text, facts):
    assert_states(extract, text, facts)


def test_parentheses_with_more_than_a_name_say_nothing_of_an_employer(extract):
    assert_no(extract, "Marc Dorlan (né en 1960 à Lille) dirige la société Velnor depuis peu.", "employeeOf")


ELECTED = [
    pytest.param("Réélu en mars à la présidence de la société Quimpex, Marc Dorlan lance un plan.",
                 {("Marc Dorlan", "leaderOf", "Quimpex")}, id="fronted réélu à la présidence de"),
    pytest.param("Hélène Varsac a été élue à la présidence de la société Quimpex.",
                 {("Hélène Varsac", "leaderOf", "Quimpex")}, id="élue à la présidence de"),
]


@pytest.mark.parametrize(("text", "facts"), ELECTED)
def test_elected_to_the_chair_leads(extract, text, facts):
    assert_states(extract, text, facts)


def test_not_reelected_to_the_chair_is_no_leader(extract):
    assert_no(extract, "Marc Dorlan n'a pas été réélu à la présidence de la société Quimpex.", "leaderOf")


def test_a_participle_on_a_description_leads_what_the_description_stands_for(extract):
    text = "Le laboratoire Quimpex publie ses comptes. Le groupe dirigé par Marc Dorlan voit ses ventes progresser."
    assert_states(extract, text, {("Marc Dorlan", "leaderOf", "Quimpex")})


def test_en_in_a_relative_clause_is_the_organisation_of_the_sentence(extract):
    text = ("La start-up Quimpex lève des fonds. Ses cofondateurs, Marc Dorlan, qui en est le PDG, et Hélène Varsac, "
            "sont ingénieurs.")
    assert_states(extract, text, {("Marc Dorlan", "ceoOf", "Quimpex")})


def test_a_participle_after_an_apposed_description_describes_the_name(extract):
    text = "Le groupe Brontal développe la société Velnor, sa régie publicitaire, pilotée par Hélène Varsac."
    assert_states(extract, text, {("Hélène Varsac", "leaderOf", "Velnor")})


def test_appointed_to_the_head_of_with_the_name_inside_the_phrase(extract):
    assert_states(extract, "Le conseil a nommé Marc Dorlan à la présidence de la société Quimpex.",
                  {("Marc Dorlan", "leaderOf", "Quimpex")})


@pytest.mark.parametrize("text", [
    pytest.param("Le conseil n'a pas nommé Marc Dorlan à la tête de la société Quimpex.", id="not appointed"),
    pytest.param("Marc Dorlan pourrait être nommé à la tête de la société Quimpex.", id="might be appointed"),
])
def test_a_verbless_phrase_after_a_negated_or_modal_verb_is_no_leader(extract, text):
    assert_no(extract, text, "leaderOf")


def test_a_fronted_phrase_keeps_its_fact_when_the_main_verb_is_negated(extract):
    facts = read(extract, "Face à la société Brontal, la société Quimpex n'entend pas renoncer au marché.")
    assert any(p == "competitorOf" for _, p, _ in facts)


def test_an_opening_participle_the_tagger_took_for_a_name_still_founds(extract):
    text = ("À propos de Quimpex\nCréée en 2016 par Marc Dorlan et Hélène Varsac, Quimpex, marque commerciale de "
            "la société Astrido, est la néobanque de référence des artisans.")
    assert_states(extract, text, {("Marc Dorlan", "founderOf", "Quimpex"), ("Hélène Varsac", "founderOf", "Quimpex")})


def test_the_chairman_of_y_sitting_on_a_board_is_a_person_not_y(extract):
    text = ("Le conseil de la société Brontal a élu Marc Dorlan président. Le nouveau président de Brontal siège par "
            "ailleurs au conseil d'administration de la société Quimpex.")
    facts = read(extract, text)
    assert ("Brontal", "memberOf", "Quimpex") not in facts
    assert ("Marc Dorlan", "memberOf", "Quimpex") in facts


def test_a_relative_clause_inside_a_list_of_holders(extract):
    text = ("La start-up Quimpex lève des fonds. Ses cofondateurs, Marc Dorlan, qui en est le PDG, et Hélène Varsac, "
            "sont ingénieurs.")
    assert_states(extract, text, {("Marc Dorlan", "founderOf", "Quimpex"), ("Hélène Varsac", "founderOf", "Quimpex")})


def test_a_person_opening_the_text_before_le_pdg_et_fondateur_holds_both_roles(extract):
    assert_states(extract, "Marc Dorlan, le PDG et fondateur de Quimpex, est optimiste.",
                  {("Marc Dorlan", "ceoOf", "Quimpex"), ("Marc Dorlan", "founderOf", "Quimpex")})


@pytest.mark.parametrize("text", [
    "Hélène Varsac a dirigé la société Quimpex de 2010 à 2018.",
    "Hélène Varsac, présidente de Quimpex entre 2015 et 2019, a rejoint Brivo.",
])
def test_a_role_over_a_span_of_years_is_past(extract, text):
    assert_no(extract, text, "leaderOf")


def test_a_person_at_the_origin_of_a_company_founded_it(extract):
    assert ("Sophie Marchal", "founderOf", "Kelbrix") in extract(
        "Sophie Marchal, à l'origine de la start-up Kelbrix, a quitté le groupe.")
    facts = extract("Sophie Marchal est à l'origine de la société Kelbrix.")
    assert ("Sophie Marchal", "founderOf", "Kelbrix") in facts


def test_being_at_the_origin_of_a_complaint_or_denied_founds_nothing(extract):
    facts = extract("L'association Veritas, à l'origine de la plainte contre le groupe Novatra, se félicite.")
    assert not any(p == "founderOf" for _, p, _ in facts)
    facts = extract("Sophie Marchal n'est pas à l'origine de la société Kelbrix.")
    assert not any(p == "founderOf" for _, p, _ in facts)


def test_a_relative_clause_the_parser_hangs_as_a_complement_keeps_its_antecedent(extract):
    facts = extract("Le groupe Novatra possède la société Fenwey, qu'il a rachetée en 2018.")
    assert ("Novatra", "acquired", "Fenwey") in facts
    facts = extract("Le groupe Novatra a vendu la société Fenwey, qu'il n'avait jamais rachetée.")
    assert ("Novatra", "acquired", "Fenwey") not in facts


def test_a_pluperfect_join_or_founding_is_still_a_fact(extract):
    founded = read(extract, "Marc Dorlan avait fondé la société Quimpex en 2010.")
    joined = read(extract, "Marc Dorlan avait rejoint la société Quimpex en 2010.")
    assert ("Marc Dorlan", "founderOf", "Quimpex") in founded
    assert ("Marc Dorlan", "employeeOf", "Quimpex") in joined


def test_a_title_after_now_beside_a_name_is_that_person_s(extract):
    facts = extract("La société Kestrel vend des vélos. Elle recrute Hugo Lambrecht, aujourd'hui directeur technique "
                    "de Norvane.")
    assert ("Hugo Lambrecht", "employeeOf", "Norvane") in facts


def test_a_title_after_then_beside_a_name_is_a_past_one(extract):
    facts = extract("La société Kestrel vend des vélos. Elle recrute Hugo Lambrecht, alors directeur technique de "
                    "Norvane.")
    assert not any(o == "Norvane" for _, _, o in facts)


def test_en_before_a_copula_and_a_title_is_the_organisation_spoken_of(extract):
    facts = extract("Le groupe Tarlane vend des pneus. Paul Garnier en est le président depuis 2019.")
    assert ("Paul Garnier", "leaderOf", "Tarlane") in facts


def test_founders_named_after_a_description_of_them(extract):
    facts = extract("Fondée en 2020 par trois docteurs en robotique, Chloé Marny, Théo Varenne et Anil Desmet, la "
                    "société Novix conçoit des bras robotisés.")
    assert {(p, "founderOf", "Novix") for p in ("Chloé Marny", "Théo Varenne", "Anil Desmet")} <= facts
    facts = extract("La société Novix a été fondée par deux anciens ingénieurs de Tarlane, Chloé Marny et "
                    "Théo Varenne.")
    assert {("Chloé Marny", "founderOf", "Novix"), ("Théo Varenne", "founderOf", "Novix")} <= facts
    assert ("Chloé Marny", "founderOf", "Tarlane") not in facts


def test_a_description_whose_number_disagrees_with_the_names_after_it_does_not_introduce_them(extract):
    facts = extract("La société Novix a été fondée par un ancien ingénieur, Chloé Marny et Théo Varenne l'ont "
                    "rejointe.")
    assert ("Théo Varenne", "founderOf", "Novix") not in facts
