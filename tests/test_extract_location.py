"""Head office: demonyms next to a type noun, and explicit "basé à"."""

from __future__ import annotations


def test_demonym_in_apposition(extract):
    assert ("Ciblex", "basedIn", "Royaume-Uni") in extract(
        "La plateforme a autorisé une entreprise britannique, Ciblex, à utiliser ses archives.")


def test_demonym_after_the_type_noun(extract):
    assert ("Orvane", "basedIn", "Allemagne") in extract("Le groupe allemand Orvane a publié ses résultats.")


def test_city_demonym(extract):
    assert ("Kestrel", "basedIn", "Lyon") in extract("La société lyonnaise Kestrel recrute.")


def test_based_in_a_city(extract):
    assert ("Kestrel", "basedIn", "Lyon") in extract("La société Kestrel, basée à Lyon, a doublé son chiffre.")


def test_a_demonym_on_a_person_is_no_head_office(extract):
    facts = extract("Le chanteur britannique Tom Harlow a rencontré le groupe Orvane.")
    assert not any(p == "basedIn" for _, p, _ in facts)


def test_demonym_before_the_trade_the_description_names(extract):
    assert ("Tavelio", "basedIn", "États-Unis") in extract(
        "Le géant américain de la livraison de repas Tavelio a racheté la société Gorvane.")
    assert ("Sauvix", "basedIn", "Nantes") in extract(
        "L'éditeur nantais de logiciels de sauvegarde Sauvix a levé 5 millions d'euros.")
    assert ("Pomelin", "basedIn", "Vosges") in extract(
        "Le fabricant vosgien de meubles pour enfants Pomelin recrute quarante salariés.")


def test_a_name_after_an_owner_in_the_complement_is_the_owners(extract):
    facts = extract("La filiale française du groupe Orvane a recruté vingt ingénieurs.")
    assert ("Orvane", "basedIn", "France") not in facts
    facts = extract("La filiale française de la société Kestrel a ouvert une usine.")
    assert ("Kestrel", "basedIn", "France") not in facts


def test_a_town_in_parentheses_after_a_company_is_its_seat(extract):
    assert ("Navix", "basedIn", "Lorient") in extract("La start-up Navix (Lorient) a levé 3 millions d'euros.")
    assert not any(p == "basedIn" for _, p, _ in extract("Paul Tesson (Lyon) a pris la parole."))


def test_a_town_set_off_after_a_described_company_is_its_seat(extract):
    assert ("Navix", "basedIn", "Épinal") in extract("Le projet associe la société Navix, à Épinal, et Orvane.")
    facts = extract("La société exploite sept magasins sous l'enseigne Navix, à Angers, Dijon et Reims.")
    assert ("Navix", "basedIn", "Angers") not in facts


def test_a_town_demonym_places_the_name_it_describes(extract):
    assert ("Hydrix", "basedIn", "Tarbes") in extract("Hydrix, une start-up tarbaise, a levé 3 millions d'euros.")


def test_a_demonym_describes_the_list_up_to_a_name_another_demonym_describes(extract):
    facts = extract("Ses investisseurs, le fonds girondin Médix Ventures et le britannique Harrix Capital, "
                    "réalisent un multiple de huit.")
    assert ("Médix Ventures", "basedIn", "Gironde") in facts
    assert ("Harrix Capital", "basedIn", "Royaume-Uni") in facts
    assert ("Harrix Capital", "basedIn", "Gironde") not in facts
