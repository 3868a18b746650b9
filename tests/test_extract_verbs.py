"""Verb rules: "X rachète Y", passives, coordinated subjects, negation and modality."""

from __future__ import annotations


def test_active_acquisition(extract):
    assert ("Brimex", "acquired", "Valtor") in extract("Le groupe Brimex a racheté la société Valtor en 2021.")


def test_passive_acquisition_takes_the_agent_as_buyer(extract):
    facts = extract("La société Valtor a été rachetée par le groupe Brimex.")
    assert ("Brimex", "acquired", "Valtor") in facts
    assert ("Valtor", "acquired", "Brimex") not in facts


def test_acquisition_of_a_described_company(extract):
    assert ("Quorel", "acquired", "Tiplo") in extract("Le groupe Quorel rachète la start-up nantaise Tiplo.")


def test_negated_acquisition_is_not_a_fact(extract):
    facts = extract("Le groupe Brimex n'a pas racheté la société Valtor, contrairement aux rumeurs.")
    assert not any(p == "acquired" for _, p, _ in facts)


def test_possible_acquisition_is_not_a_fact(extract):
    facts = extract("Le groupe Brimex pourrait racheter la société Valtor d'ici la fin de l'année.")
    assert not any(p == "acquired" for _, p, _ in facts)


def test_planned_acquisition_is_not_a_fact(extract):
    facts = extract("Le groupe Brimex envisage de racheter la société Valtor.")
    assert not any(p == "acquired" for _, p, _ in facts)


def test_coordinated_subjects_each_launch_the_product(extract):
    facts = extract("La banque Orvane et la société de conseil Pilot Analytics ont lancé une application "
                    "baptisée Kalima.")
    assert ("Orvane", "launched", "Kalima") in facts
    assert ("Pilot Analytics", "launched", "Kalima") in facts


def test_deal_amount_is_kept_on_the_fact(extract):
    ex = extract("Le groupe Brimex a racheté la société Valtor pour 40 millions d'euros en mars 2022.", full=True)
    [deal] = [r for r in ex.relations if r.predicate == "acquired"]
    attrs = dict(deal.evidence.attributes)
    assert attrs["fact"] == "Deal"
    assert attrs["currency"] == "EUR"
    assert float(attrs["amount"]) == 40_000_000
    assert attrs["date"] == "2022-03"


def test_fronted_participle_describes_the_following_subject(extract):
    facts = extract("Fondée en 2019 par Inès Marchal, la start-up Kiwano développe des outils de paiement.")
    assert ("Inès Marchal", "founderOf", "Kiwano") in facts


def test_completed_nominal_acquisition(extract):
    ex = extract("Le géant américain Nexacorp a finalisé l'acquisition de la société française Valtor pour "
                 "2 milliards d'euros.", full=True)
    [deal] = [r for r in ex.relations if r.predicate == "acquired"]
    assert (deal.subject.text, deal.object.text) == ("Nexacorp", "Valtor")
    assert float(dict(deal.evidence.attributes)["amount"]) == 2_000_000_000


def test_acquisition_noun_with_its_buyer_after_par(extract):
    assert ("Brimex", "acquired", "Valtor") in extract("Le rachat de Valtor par le groupe Brimex inquiète les "
                                                        "syndicats.")


def test_a_project_of_acquisition_is_no_acquisition(extract):
    assert not any(p == "acquired" for _, p, _ in extract(
        "Le groupe Brimex a annoncé son projet de rachat de la société Valtor."))
    assert not any(p == "acquired" for _, p, _ in extract(
        "Le groupe Brimex n'a pas finalisé l'acquisition de la société Valtor."))


def test_an_adverbial_between_the_verb_and_its_objects_is_skipped(extract):
    facts = extract("Paul Arnaud préside à la fois la société Dalvik et le groupe Ostrom Media.")
    assert ("Paul Arnaud", "leaderOf", "Dalvik") in facts
    assert ("Paul Arnaud", "leaderOf", "Ostrom Media") in facts
    facts = extract("Le fonds Arvale a investi à la fois dans Dalvik et dans Ostrom.")
    assert ("Arvale", "investedIn", "Dalvik") in facts
    assert ("Arvale", "investedIn", "Ostrom") in facts


def test_a_date_inside_a_two_word_phrase_is_skipped_like_an_adverb(extract):
    assert ("Dalvik", "subsidiaryOf", "Ostrom") in extract("La société Dalvik appartient depuis 2019 au groupe Ostrom.")
    assert ("Paul Arnaud", "leaderOf", "Dalvik") in extract(
        "Paul Arnaud est depuis 2020 à la tête de la société Dalvik.")
    assert not extract("La société Dalvik n'appartient plus depuis 2019 au groupe Ostrom.")


def test_an_adverbial_does_not_lift_a_negation(extract):
    facts = extract("Paul Arnaud ne préside pas à la fois la société Dalvik et le groupe Ostrom Media.")
    assert not any(p == "leaderOf" for _, p, _ in facts)


def test_a_purchase_that_is_only_a_goal_is_not_a_fact(extract):
    for text in ("Le fonds Arvale a proposé 1,5 milliard d'euros pour racheter l'éditeur Lexiweb.",
                 "Le groupe Novatra lève 200 millions d'euros afin d'acquérir la société Kelbrix.",
                 "Pour racheter la société Kelbrix, le groupe Novatra a levé 20 millions d'euros."):
        assert not any(p == "acquired" for _, p, _ in extract(text)), text


def test_an_agreement_to_buy_and_a_purchase_for_a_price_or_a_reason_are_facts(extract):
    for text in ("Le groupe Novatra a conclu un accord de 3 milliards de dollars pour acquérir la société Kelbrix.",
                 "Le groupe Novatra a racheté la société Kelbrix pour 20 millions d'euros.",
                 "Le groupe Novatra a racheté la société Kelbrix pour renforcer son offre."):
        assert ("Novatra", "acquired", "Kelbrix") in extract(text), text


def test_a_time_between_the_verb_and_its_object_is_skipped(extract):
    facts = extract("La néobanque Kelvra franchit les Alpes. La start-up lyonnaise a présenté mercredi Kelvra Go, "
                    "son application de paiement.")
    assert ("Kelvra", "launched", "Kelvra Go") in facts
    assert ("Brimex", "acquired", "Valtor") in extract("Le groupe Brimex a racheté hier la société Valtor.")


def test_a_time_between_a_negated_verb_and_its_object_makes_no_fact(extract):
    facts = extract("Le groupe Brimex n'a pas racheté lundi dernier la société Valtor.")
    assert not any(p == "acquired" for _, p, _ in facts)


def test_taking_the_occasion_to_launch_is_a_launch(extract):
    text = ("La société Quelmar fabrique des robots de soudure. Elle a réuni ses clients à Lyon jeudi. Quelmar en "
            "profite pour dévoiler Tarvo Edge, une version embarquée de son logiciel.")
    assert ("Quelmar", "launched", "Tarvo Edge") in extract(text)


def test_wanting_to_launch_is_no_launch(extract):
    facts = extract("La société Quelmar fabrique des robots. Quelmar lève des fonds pour lancer Tarvo Edge.")
    assert not any(p == "launched" for _, p, _ in facts)


def test_an_adjective_after_a_noun_of_a_phrase_does_not_break_it(extract):
    assert ("Brelvo", "competitorOf", "Quimpex") in extract(
        "La start-up Brelvo, en concurrence frontale avec le groupe Quimpex, recrute.")


def test_a_phrase_without_a_verb_after_a_copula_has_the_copulas_subject(extract):
    assert ("Brelvo", "competitorOf", "Quimpex") in extract(
        "La start-up Brelvo était désormais en concurrence avec le groupe Quimpex.")
    facts = extract("La start-up Brelvo n'est pas en concurrence avec le groupe Quimpex.")
    assert not any(p == "competitorOf" for _, p, _ in facts)
