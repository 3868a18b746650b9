"""Mention finding: names cut at breaks, typed by the words around them, repeated names found again."""

from __future__ import annotations

from kg.extract.context import kind_of


def _mentions(extract, text):
    return {m.text: kind_of(m) for m in extract(text, full=True).mentions}


def test_a_type_noun_types_the_name(extract):
    assert _mentions(extract, "Le cabinet d'étude Vexor prévoit une hausse.")["Vexor"] == "Organization"


def test_a_mention_keeps_the_noun_that_describes_it(extract):
    nouns = {m.text: m.noun for m in extract("Trelvo SE, la holding des familles, vote contre. La start-up "
                                             "Quillo recrute.", full=True).mentions}
    assert (nouns["Trelvo SE"], nouns["Quillo"]) == ("holding", "start-up")


def test_a_list_after_a_typed_noun_types_each_member(extract):
    kinds = _mentions(extract, "Des plateformes telles que Quillo, Parlo ou Vistagram attirent les marques.")
    assert {kinds["Quillo"], kinds["Parlo"], kinds["Vistagram"]} == {"Product"}


def test_a_drug_or_a_vehicle_is_a_product(extract):
    kinds = _mentions(extract, "Le médicament Velnorix et la voiture Quimpa Zest sortent en mai.")
    assert (kinds["Velnorix"], kinds["Quimpa Zest"]) == ("Product", "Product")


def test_a_launch_participle_with_its_maker_types_the_product_by_its_noun(extract):
    facts = {(r.subject.text, r.predicate, r.object.text)
             for r in extract("Mis au point par Quimpex Bio, le médicament Velnorix retarde la maladie.",
                              full=True).relations}
    assert ("Quimpex Bio", "launched", "Velnorix") in facts


def test_a_name_missed_in_a_caption_is_found_from_its_other_mentions(extract):
    text = "Le groupe Orvane publie ses comptes.\n\nPhoto Orvane - archives\n"
    starts = [m.start for m in extract(text, full=True).mentions if m.text == "Orvane"]
    assert len(starts) == 2


def test_agency_and_campaign_are_cut_apart(extract):
    names = _mentions(extract, "• Kestrel Lyon #MerciLesAbeilles pour l'association Ruchers Unis")
    assert "Kestrel Lyon" in names and "#MerciLesAbeilles" in names and "Ruchers Unis" in names


def test_speaker_initials_are_not_entities(extract):
    text = "Orvane : nous avons lancé un programme.\nJ.P. : c'est une compétition.\nJ.P. : merci."
    assert "J.P." not in _mentions(extract, text)


def test_place_names_from_the_gazetteer(extract):
    assert _mentions(extract, "La société Kestrel ouvre un bureau à Montréal.")["Montréal"] == "Place"


def test_a_name_ending_in_a_model_number_is_a_product_unless_a_noun_says_otherwise(extract):
    kinds = _mentions(extract, "Une troisième génération, le Quimbo 3, est attendue. Le match passe sur France 2.")
    assert (kinds["Quimbo 3"], kinds["France 2"]) == ("Product", "Organization")
    assert _mentions(extract, "La société organise son colloque « Usine 4.0 » en mai.")["Usine 4.0"] == "Event"


def test_a_trade_word_in_a_name_makes_it_a_company(extract):
    kinds = _mentions(extract, "Son vélo est fabriqué à Taïwan par Quanzhi Bikes et vendu par Orvane Distribution.")
    assert (kinds["Quanzhi Bikes"], kinds["Orvane Distribution"]) == ("Organization", "Organization")


def test_a_models_code_is_a_product_not_an_acronym(extract):
    kinds = _mentions(extract, "La sonde vedette de la start-up, la VR-40, mesure l'humidité. Le groupe TVF recrute.")
    assert (kinds["VR-40"], kinds["TVF"]) == ("Product", "Organization")


def test_a_radio_is_a_company(extract):
    assert _mentions(extract, "Le groupe possède la radio Vague 44 depuis 2010.")["Vague 44"] == "Organization"


def test_people_listed_after_a_noun_and_its_complement_stay_people(extract):
    kinds = _mentions(extract, "Le club a été fondé par deux anciennes joueuses du club, Léa Morvel et Inès "
                               "Darcourt.")
    assert (kinds["Léa Morvel"], kinds["Inès Darcourt"]) == ("Person", "Person")
    kinds = _mentions(extract, "Des enseignes comme Orvane ou Quimpex recrutent.")
    assert (kinds["Orvane"], kinds["Quimpex"]) == ("Organization", "Organization")


def test_a_quoted_title_is_no_persons_name(extract):
    kinds = _mentions(extract, "L'assureur lance une garantie paramétrique, baptisée « Moisson Sûre », en mai.")
    assert kinds["Moisson Sûre"] != "Person"
