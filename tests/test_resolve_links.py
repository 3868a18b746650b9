"""Resolution (issue 11): one node per real thing, and never one node for two things.

Sentences are made up. Each rule that joins names has a distractor it must leave apart.
"""

from __future__ import annotations

import pytest

from kg.extract import DocumentExtraction
from kg.model import Mention
from kg.resolve import NameTable, name_key
from kg.resolve.aliases import AliasesError, read_aliases
from tests.test_resolve import _entity, _resolve


def _labels(entities) -> set[str]:
    return {e.label for e in entities}


def _same(entities, a: str, b: str) -> bool:
    """Names a and b are labels of one entity."""
    e = _entity(entities, a)
    return b in {e.label, *e.aliases}


# --- one node per real thing ------------------------------------------------------------------------------------

def test_an_organisation_noun_before_the_name_is_not_part_of_it(nlp):
    entities, _ = _resolve(nlp, "Le groupe Avrelle a publié ses comptes.", "Avrelle recrute 200 personnes.")
    assert "Avrelle" in _labels(entities) and "groupe Avrelle" not in _labels(entities)


def test_accents_case_and_hyphens_are_one_name(nlp):
    assert name_key("Saint-Élanor") == name_key("saint elanor") == name_key("SAINT-ELANOR")


def test_honorifics_do_not_split_a_person(nlp):
    entities, _ = _resolve(nlp, "Jacques Aubertin, président du groupe Orvane, a parlé. M. Aubertin a confirmé.")
    e = _entity(entities, "Jacques Aubertin")
    assert e.type == "Person" and len([x for x in entities if "Aubertin" in x.label]) == 1


def test_a_bracketed_acronym_joins_its_expansion(nlp):
    entities, _ = _resolve(nlp, "L'Agence Nordique de Presse (ANP) et Vexalis annoncent un accord. L'ANP diffuse.")
    assert _same(entities, "Agence Nordique de Presse", "ANP")


def test_a_bracketed_short_form_joins_its_name(nlp):
    entities, _ = _resolve(nlp, "Le groupe Metabolic Industries (Metind) lève 10 millions.", "Metind ouvre une usine.")
    assert _same(entities, "Metabolic Industries", "Metind")


def test_a_former_name_joins_the_current_one(nlp):
    entities, _ = _resolve(nlp, "Vexalis, l'ex-Trovia, a été rachetée par le groupe Quentor.",
                           "Trovia avait été fondée en 2009.")
    assert _same(entities, "Vexalis", "Trovia")


def test_a_short_form_without_company_words_joins_the_long_name(nlp):
    entities, _ = _resolve(nlp, "Le fonds Nordvik Capital Partners investit dans la société Brelio.",
                           "Pour Nordvik, le marché reste porteur.")
    assert "Nordvik" in _entity(entities, "Nordvik Capital Partners").aliases


def test_a_trade_word_after_a_short_name_makes_a_short_form(nlp):
    entities, _ = _resolve(nlp, "La société Tarvexo Robotics a levé 12 millions d'euros. Tarvexo vise l'Asie.")
    assert "Tarvexo" in _entity(entities, "Tarvexo Robotics").aliases


def test_a_name_told_in_full_with_a_trade_and_a_company_word_joins_its_short_form(nlp):
    entities, _ = _resolve(nlp, "La société Veronyx Risk Solutions vend des scores. Veronyx n'a pas répondu.")
    assert "Veronyx" in _entity(entities, "Veronyx Risk Solutions").aliases
    entities, _ = _resolve(nlp, "La société Veronyx lance Veronyx Consumer Health, sa division. Veronyx recrute.")
    assert _entity(entities, "Veronyx Consumer Health") is not _entity(entities, "Veronyx")


def test_a_division_word_after_a_short_name_makes_no_short_form(nlp):
    entities, _ = _resolve(nlp, "La société Tarvexo lance Tarvexo Media, sa régie. Tarvexo vise l'Asie.")
    assert _entity(entities, "Tarvexo Media") is not _entity(entities, "Tarvexo")


def test_a_legal_form_is_dropped_into_an_alias(nlp):
    entities, _ = _resolve(nlp, "Le conseil de Valmetrix AG a validé le plan. Valmetrix AG recrute.",
                           "Le constructeur Valmetrix a annoncé ses résultats. Valmetrix recrute.")
    assert _same(entities, "Valmetrix", "Valmetrix AG")


def test_a_name_without_its_legal_form_is_an_alias_even_when_the_text_never_writes_it(nlp):
    entities, _ = _resolve(nlp, "La société Brivane a été rachetée par Norvalys SA pour 20 millions d'euros.")
    assert "Norvalys" in _entity(entities, "Norvalys SA").aliases


def test_a_name_two_legal_forms_share_is_nobodys_alias(nlp):
    entities, _ = _resolve(nlp, "Trelvo AG fabrique des voitures. Trelvo SE est la holding du groupe.")
    assert "Trelvo" not in _entity(entities, "Trelvo AG").aliases | _entity(entities, "Trelvo SE").aliases


def test_a_name_two_legal_forms_share_is_the_company_trading_under_it_when_the_other_is_a_holding(nlp):
    entities, _ = _resolve(nlp, "Le patron de Trelvo quitte ses fonctions. Il dirigeait Trelvo AG depuis 2015. "
                                "Au-dessus de l'édifice trône Trelvo SE, la holding des familles fondatrices.")
    assert _same(entities, "Trelvo AG", "Trelvo")
    assert _entity(entities, "Trelvo SE") is not _entity(entities, "Trelvo AG")


def test_a_name_two_legal_forms_share_stays_apart_when_neither_is_a_holding(nlp):
    entities, _ = _resolve(nlp, "Le patron de Trelvo quitte ses fonctions. Il dirigeait Trelvo AG depuis 2015. "
                                "Trelvo SE a publié ses comptes.")
    assert len({id(_entity(entities, n)) for n in ("Trelvo", "Trelvo AG", "Trelvo SE")}) == 3


def test_a_family_holding_is_not_the_group_of_the_same_name(nlp):
    entities, _ = _resolve(nlp, "Le groupe Varmeil poursuit ses emplettes. La holding familiale Varmeil "
                                "Participations apporte 20 millions d'euros.")
    assert _entity(entities, "Varmeil") is not _entity(entities, "Varmeil Participations")
    entities, _ = _resolve(nlp, "Peu connue, la holding Tordal Participations contrôle six sociétés. Tordal détient "
                                "par ailleurs 30 % du motoriste Hydrax.")
    assert _same(entities, "Tordal Participations", "Tordal")  # no group said: the holding told short


def test_a_company_with_a_trade_word_is_a_subsidiary_of_the_group_of_its_name(nlp):
    entities, _ = _resolve(nlp, "Le groupe Varmeil poursuit ses emplettes. L'opération est portée par Varmeil "
                                "Alimentaire SAS, la société d'exploitation du groupe.")
    assert _entity(entities, "Varmeil") is not _entity(entities, "Varmeil Alimentaire SAS")


def test_a_short_name_joins_a_company_told_in_full_but_not_its_country_branch(nlp):
    entities, _ = _resolve(nlp, "La société Quelvan a signé. Quelvan Analytics Inc. recrute. Quelvan Europe BV "
                                "ouvre un bureau. Quelvan grandit.")
    assert _same(entities, "Quelvan", "Quelvan Analytics Inc")
    assert _entity(entities, "Quelvan Europe BV") is not _entity(entities, "Quelvan")


def test_an_acronym_spells_initials_whatever_their_accents(nlp):
    entities, _ = _resolve(nlp, "Le pôle Pôle Écologie Marine, « le PEM » pour ses adhérents, grandit. Le PEM "
                                "compte 210 adhérents.")
    assert _same(entities, "Pôle Écologie Marine", "PEM")


def test_a_company_told_short_in_its_text_is_not_the_person_of_its_family(nlp):
    entities, _ = _resolve(nlp, "Le budget des Cidreries Kervalec change de mains, explique Soazig Kervalec, "
                                "directrice marketing. Kervalec réalise 48 millions d'euros de chiffre d'affaires.")
    assert _same(entities, "Cidreries Kervalec", "Kervalec")
    assert _entity(entities, "Soazig Kervalec").type == "Person"


def test_a_fund_named_with_an_event_word_is_a_fund(nlp):
    entities, _ = _resolve(nlp, "Le fonds Forum Capital Partenaires investit. Brelvigne est détenu par Forum Capital.")
    assert _same(entities, "Forum Capital Partenaires", "Forum Capital")


def test_a_company_named_after_its_founder_answers_to_the_surname(nlp):
    entities, _ = _resolve(nlp, "Entrée chez Varnier en 2001, Claire Dumas est nommée directrice générale de "
                                "Christian Varnier Couture.")
    assert _same(entities, "Christian Varnier Couture", "Varnier")


def test_the_surname_of_a_founder_who_is_a_person_stays_with_the_person(nlp):
    entities, _ = _resolve(nlp, "Le couturier Christian Varnier a fondé sa maison en 1946. Varnier a ouvert une "
                                "boutique.")
    assert _entity(entities, "Varnier").type == "Person"


def test_a_company_named_after_a_place_and_told_short_in_its_text_is_the_company(nlp):
    entities, _ = _resolve(nlp, "Jean Armand est PDG de Cantal Robotics. Le rachat de Strahlen par Cantal lui permet "
                                "de doubler son chiffre d'affaires. La banque a conseillé Cantal.")
    assert _same(entities, "Cantal Robotics", "Cantal")
    entities, _ = _resolve(nlp, "Jean Armand est PDG de Cantal Robotics. Le groupe est installé dans le Cantal.")
    assert _entity(entities, "Cantal").type == "Place"  # where the words around it place it


def test_a_gazetteer_alias_joins_its_place(nlp):
    entities, _ = _resolve(nlp, "La fintech investit en France.", "Elle ouvre trois bureaux dans l'Hexagone.")
    assert "Hexagone" in _entity(entities, "France").aliases


def test_a_lone_surname_joins_the_one_person_of_the_document(nlp):
    entities, _ = _resolve(nlp, "Selon Clara Vendrell, présidente de la société Orvane, tout va bien. "
                                "Vendrell a confirmé la nouvelle.")
    assert "Vendrell" in _entity(entities, "Clara Vendrell").aliases


def test_a_lone_given_name_joins_the_one_person_it_opens_in_the_document(nlp):
    entities, _ = _resolve(nlp, "La société Orvane a nommé Ingrid Vasseur directrice générale. « Ingrid connaît nos "
                                "clients », souligne le président. La société compte parmi ses clients Air Lunel.")
    assert "Ingrid" in _entity(entities, "Ingrid Vasseur").aliases
    assert _entity(entities, "Air Lunel").type == "Organization"


def test_a_given_name_two_people_open_joins_neither(nlp):
    entities, _ = _resolve(nlp, "Ingrid Vasseur et Ingrid Morlan ont fondé Orvane. "
                                "« Ingrid a raison », dit Paul Tesson.")
    assert "Ingrid" not in _entity(entities, "Ingrid Vasseur").aliases
    assert "Ingrid" not in _entity(entities, "Ingrid Morlan").aliases


def _mention(doc: str, start: int, text: str, source: str, kind: str, weight: float) -> Mention:
    return Mention(doc, start, start + len(text), text, ((kind, weight),), source)


def test_a_lone_surname_ner_took_for_a_company_is_the_person_of_its_document():
    # « Octave Vrelik … L'histoire de Vrelik [NER: ORG] … il [Vrelik] fonde Tarvio »: the NER guess and the
    # reference that copied it are the person's; « le groupe Jorvald » is evidence of its own and stands.
    vrelik = DocumentExtraction("d0", (
        _mention("d0", 0, "Octave Vrelik", "ner:PER", "Person", 2.5),
        _mention("d0", 40, "Vrelik", "ner:ORG", "Organization", 1.0),
        _mention("d0", 90, "Vrelik", "reference", "Organization", 1.0)), ())
    jorvald = DocumentExtraction("d1", (
        _mention("d1", 0, "Martin Jorvald", "ner:PER", "Person", 2.5),
        _mention("d1", 30, "Jorvald", "type-noun", "Organization", 2.0)), ())
    table = NameTable()
    table.add(vrelik)
    table.add(jorvald)
    resolution = table.resolve()
    assert resolution.group_of["vrelik"] == "octave vrelik"
    assert resolution.group_of["jorvald"] == "jorvald"


def test_a_generic_head_before_a_name_says_only_what_kind_of_body_bears_it(nlp):
    entities, _ = _resolve(nlp, "Les enseignes de la galaxie Dorvane et le groupement Les Mousquetaires ont signé. "
                                "Valiuz, l'entité data de l'Association familiale Dorvane, vend les données.",
                           "Le Groupe Quilmet a racheté la société Tiplo. Quilmet emploie 2 000 personnes.")
    assert _same(entities, "Dorvane", "Association familiale Dorvane")
    assert _same(entities, "Quilmet", "Groupe Quilmet")


def test_a_trade_s_house_is_the_name_it_bears(nlp):
    # a headline « X : … » that spaCy reads as a speaker's line does not make the lone name a surname either
    entities, _ = _resolve(nlp, "Laiterie Morvalie : la reprise par Fromageries Belmont n'aura pas lieu\n"
                                "La coopérative Laiterie Morvalie produit du fromage. Morvalie n'est pas isolée.")
    assert _same(entities, "Morvalie", "Laiterie Morvalie")
    assert _entity(entities, "Laiterie Morvalie").type == "Organization"


def test_a_fund_word_makes_a_short_form_where_every_text_naming_it_names_the_fund(nlp):
    entities, _ = _resolve(nlp, "Le fonds Trelmont Ventures a investi dans la société Sorvela. Pour Trelmont, "
                                "c'est un pari.")
    assert "Trelmont" in _entity(entities, "Trelmont Ventures").aliases


def test_a_companys_own_fund_is_not_the_company(nlp):
    entities, _ = _resolve(nlp, "Le groupe Quorvel a racheté la société Tiplo. Quorvel emploie 2 000 personnes.",
                           "Quorvel Ventures, le fonds du groupe, a investi dans Sorvela. Quorvel s'en félicite.")
    assert _entity(entities, "Quorvel Ventures") is not _entity(entities, "Quorvel")


def test_a_foundation_bearing_a_company_name_is_another_body(nlp):
    entities, _ = _resolve(nlp, "La Fondation Quilmet soutient des artistes. Quilmet a racheté la société Tiplo.")
    assert _entity(entities, "Fondation Quilmet") is not _entity(entities, "Quilmet")


# --- never merge ------------------------------------------------------------------------------------------------

def test_a_person_is_never_merged_with_the_company_bearing_their_name(nlp):
    entities, _ = _resolve(nlp, "Martin Jorvald, PDG du groupe Jorvald, a présenté les comptes. "
                                "Le groupe Jorvald emploie 2 000 personnes. Jorvald a racheté la société Tiplo.")
    person = _entity(entities, "Martin Jorvald")
    company = [e for e in entities if e.label == "Jorvald"]
    assert person.type == "Person" and company and company[0].type == "Organization"
    assert company[0] is not person


def test_a_family_is_neither_the_person_nor_the_company_bearing_its_name(nlp):
    entities, _ = _resolve(nlp, "Lucien Varsac dirige le groupe Varsac. La famille Varsac contrôle 60 % du capital. "
                                "Le fonds de la famille Quilmet a investi dans Brivo.")
    family = _entity(entities, "famille Varsac")
    assert family.type == "Organization"
    assert family is not _entity(entities, "Lucien Varsac") and family is not _entity(entities, "Varsac")
    assert _entity(entities, "famille Quilmet").type == "Organization"
    assert not [e for e in entities if e.label == "Quilmet"]


def test_a_family_noun_without_a_determiner_names_no_family(extract):
    names = [m.text for m in extract("Famille Varsac : le clan a tout vendu à Brivo.", full=True).mentions]
    assert "famille Varsac" not in names


def test_a_company_is_never_merged_with_the_place_in_its_name(nlp):
    entities, _ = _resolve(nlp, "Sophie Martel, directrice générale d'Orvane Italie, présente le plan. "
                                "L'Italie reste son premier marché.")
    assert _entity(entities, "Orvane Italie") is not _entity(entities, "Italie")


def test_a_surname_of_two_words_joins_the_full_name(nlp):
    entities, _ = _resolve(nlp, "« Le marché change », souligne Évelyne Morand-Vasseur, présidente de Kelvane. "
                                "Fondée par Morand-Vasseur en 2008, la société recrute. Kelvane vise l'Asie.")
    assert "Morand-Vasseur" in _entity(entities, "Évelyne Morand-Vasseur").aliases


def test_two_words_opening_on_a_given_name_are_no_surname(nlp):
    entities, _ = _resolve(nlp, "Jean Pierre Garnier dirige Kelvane.", "Pierre Garnier dirige Tarvexo.")
    assert _entity(entities, "Pierre Garnier") is not _entity(entities, "Jean Pierre Garnier")


def test_a_country_subsidiary_is_not_the_parents_short_form(nlp):
    entities, _ = _resolve(nlp, "Sophie Martel dirige Orvane France. Le groupe Orvane recrute.")
    assert _entity(entities, "Orvane France") is not _entity(entities, "Orvane")


def test_two_institutions_sharing_a_head_noun_stay_two(nlp):
    entities, _ = _resolve(nlp, "L'Agence spatiale canadienne et l'Agence spatiale australienne ont signé.",
                           "L'Agence a ensuite publié un communiqué. Une association locale, l'Association, aussi.")
    labels = _labels(entities)
    assert {"Agence spatiale canadienne", "Agence spatiale australienne"} <= labels
    assert "Agence" not in labels and "Association" not in labels


def test_a_near_miss_surname_does_not_join_a_company(nlp):
    entities, _ = _resolve(nlp, "Roland Busser, PDG du groupe, a parlé.",
                           "Parmi eux, Bosser, Renault, BMW et Michelin ont signé.")
    assert _entity(entities, "Roland Busser") is not _entity(entities, "Bosser")


def test_an_ambiguous_short_form_joins_nothing(nlp):
    entities, _ = _resolve(nlp, "Trelvo AG fabrique des voitures. Trelvo SE est la holding.", "Trelvo recrute.")
    labels = _labels(entities)
    assert {"Trelvo AG", "Trelvo SE", "Trelvo"} <= labels


# --- the user's aliases file ------------------------------------------------------------------------------------

def test_the_aliases_file_renames_retypes_and_drops(tmp_path, nlp):
    from kg.extract import extract_document
    from kg.model import Document
    from kg.resolve import resolve

    path = tmp_path / "aliases.tsv"
    path.write_text("name\tcanonical\ttype\n# fixes\nBrelio\tBrelio Systèmes\tOrganization\n"
                    "Kessa\tKessa\tProduct\nAurore\t\t\n", encoding="utf-8")
    aliases = read_aliases(path)
    text = "Brelio a lancé Kessa. Aurore, la chienne du PDG, a assisté au lancement. Brelio Systèmes recrute."
    doc = Document(doc_id="d", path="d.txt", text=text, sha256="", encoding="utf-8", title="")
    entities, _ = resolve([extract_document(doc, nlp(text))], aliases)
    brelio = _entity(entities, "Brelio Systèmes")
    assert brelio.label == "Brelio Systèmes" and "Brelio" in brelio.aliases
    assert _entity(entities, "Kessa").type == "Product"
    assert not [e for e in entities if e.label == "Aurore"]


@pytest.mark.parametrize("line, message", [("Brelio\tBrelio\tCompany\n", "unknown type"),
                                          ("a\tb\tOrganization\textra\n", "expected name")])
def test_a_bad_aliases_line_is_reported_with_its_line_number(tmp_path, line, message):
    path = tmp_path / "aliases.tsv"
    path.write_text("# header comment\n" + line, encoding="utf-8")
    with pytest.raises(AliasesError, match=rf"aliases.tsv:2: {message}"):
        read_aliases(path)


def test_kg_build_takes_an_aliases_file(tmp_path):
    from kg.cli import main

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le groupe Brelio a racheté la société Tiplo.\n", encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Tiplo\tTiplo Holding\tOrganization\n", encoding="utf-8")
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--no-html", "--quiet",
                 "--aliases", str(aliases)]) == 0
    assert "Tiplo Holding" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_kg_build_reports_a_missing_aliases_file(tmp_path, capsys):
    from kg.cli import main

    code = main(["build", "-o", str(tmp_path / "out"), "--no-html", "--quiet", "--aliases", str(tmp_path / "no.tsv")])
    assert code != 0
    assert "cannot read aliases file" in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()
