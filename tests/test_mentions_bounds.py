"""Boundaries of names (issue 11), continued from test_mentions_names.py: what a name runs on over (a model number,
a mistagged foreign word, a place written with « de », a legal form, « & », a surname opened by an article) and
where it stops. Every sentence is made up for the test.
"""

from __future__ import annotations

from tests.test_mentions_names import _names


def test_a_model_number_after_a_name_is_part_of_it_unless_it_counts_something(extract):
    assert "Quimbo 2" in _names(extract, "Plus léger, le Quimbo 2 embarque un moteur central.")
    assert "Quorvex" in _names(extract, "Brelvo a recruté chez Quorvex 3 ingénieurs.")


def test_a_capitalised_foreign_word_spacy_mistags_stays_in_the_name(extract):
    names = _names(extract, "Le loueur de flottes professionnelles Brevity Fleet a commandé 800 exemplaires.")
    assert "Brevity Fleet" in names


def test_a_title_opened_by_a_capital_article_runs_on_over_de_and_a_name(extract):
    names = _names(extract, "Elle a un partenariat avec la chaîne de boulangeries Le Pétrin d'Aurèle, qui lui "
                            "cède ses invendus.")
    assert "Pétrin d'Aurèle" in names
    assert "Jean Dupont" in _names(extract, "Il a racheté Le Courrier de Jean Dupont l'an dernier.")  # his paper


def test_a_run_of_capitals_goes_on_over_a_place_written_with_de(extract):
    names = _names(extract, "Elle a levé 5 millions d'euros auprès du fonds Centre-Val de Loire Amorçage.")
    assert "Centre-Val de Loire Amorçage" in names


def test_a_legal_form_the_ner_left_out_ends_the_name_in_any_case(extract):
    assert "Brenmoor Trust plc" in _names(extract, "Il est détenu par le groupe britannique Brenmoor Trust plc "
                                                   "depuis 2020.")


def test_a_given_name_runs_on_over_a_surname_a_capital_article_opens(extract):
    assert "Antoine Le Gouvic" in _names(extract, "Fondée par Antoine Le Gouvic et Sarah Bellami, la société "
                                                  "grandit.")
    assert "Paul Le" not in " ".join(_names(extract, "Le directeur, Paul, le reçoit à Lyon."))


def test_an_ampersand_between_capitalised_words_stays_in_the_name(extract):
    assert "Poquette & Co" in _names(extract, "Elle livre aussi la société Poquette & Co depuis mai.")


def test_a_place_and_a_word_the_ner_split_are_one_name_after_an_organisation_noun(extract):
    assert "Creuse Amorçage" in _names(extract, "Parmi les actionnaires figure le fonds Creuse Amorçage depuis "
                                                 "2021.")
