"""Recognition and boundaries of names (issue 11): what counts as a name, and where it starts and ends.

Every sentence is made up for the test; each item has its distractor (what must not become a name, or must not be
cut or glued).
"""

from __future__ import annotations


def _names(extract, text: str) -> list[str]:
    return [m.text for m in extract(text, full=True).mentions]


# --- recognition beyond the NER model ---------------------------------------------------------------------------

def test_a_quoted_name_after_an_organisation_noun_is_one_name(extract):
    names = _names(extract, "Le projet est porté par l'association « Sourire aux lèvres » depuis 2019.")
    assert "Sourire aux lèvres" in names


def test_a_quoted_name_after_an_event_noun_keeps_its_lower_case_words(extract):
    names = _names(extract, "Les lauréats du hackathon national « Cartes ouvertes pour tous » ont été primés.")
    assert "Cartes ouvertes pour tous" in names


def test_a_quoted_title_after_an_article_is_one_name_typed_by_its_apposition(extract):
    mentions = extract("La start-up publie le « Palmarès des villes vertes », une étude menée avec l'Ifop.",
                       full=True).mentions
    title = next(m for m in mentions if m.text == "Palmarès des villes vertes")
    assert max(title.type_votes, key=lambda v: v[1])[0] == "CreativeWork"
    assert _names(extract, "Le patron évoque le « Nous irons plus loin » de son fondateur.") == []  # a quotation


def test_a_quoted_name_after_a_noun_and_a_comma_is_one_name(extract):
    assert "Vivre mieux" in _names(extract, "Il lance sa campagne, « Vivre mieux », en mai.")


def test_an_unknown_capitalised_word_inside_a_sentence_is_a_name_whatever_its_tag(extract):
    # spaCy tags the invented « Hostix » NOUN (lemma « hosti »), after a description noun it has no type for
    names = _names(extract, "Orvane n'a pas racheté le petit hébergeur lillois Hostix, faute d'accord.")
    assert "Hostix" in names
    assert "Bourse" not in _names(extract, "Orvane est cotée en Bourse depuis 2021.")


def test_the_words_an_acronym_in_brackets_spells_are_one_name(extract):
    names = _names(extract, "Orvane est membre du Collectif des studios de création d'entreprises (CSCE).")
    assert "Collectif des studios de création d'entreprises" in names
    names = _names(extract, "Orvane utilise les données du Bureau national des sociétés (BNS) depuis 2020.")
    assert "Bureau national des sociétés" in names
    names = _names(extract, "Orvane a signé avec l'Observatoire de recherche en énergie marine (OREM).")
    assert "Observatoire de recherche en énergie marine" in names  # « en » links nothing here
    # initials that do not spell it: no name is made of the words before
    names = _names(extract, "Orvane a présenté ses résultats trimestriels (TVA) mardi.")
    assert not any("résultats" in n for n in names)


def test_a_lower_case_brand_after_a_type_noun_is_a_name(extract):
    names = _names(extract, "Kravix a annoncé le rachat de la start-up plivo, fondée en 2021. Les clients de plivo "
                            "resteront servis.")
    assert names.count("plivo") == 2
    # a known lower-case word after the noun is no name
    assert _names(extract, "La start-up lyonnaise Kravix et la plateforme collaborative recrutent.") == ["Kravix"]


def test_a_lower_case_brand_a_type_noun_describes_is_a_name(extract):
    assert "quibi" in _names(extract, "Elle annonce le rachat de quibi, une jeune pousse lilloise de livraison.")
    assert "vardo" in _names(extract, "Elle imprime les fixations de la marque d'équipement nautique vardo.")
    # a lower-case word no noun describes is no name
    assert _names(extract, "Elle annonce le rachat de quibi, pour un montant tenu secret.") == []


def test_a_name_after_a_type_noun_and_its_complement_is_a_name(extract):
    # « vidéo » is tagged X, not NOUN: the complement of the type noun still leads to it
    assert "Kravlo" in _names(extract, "Le studio de jeux vidéo Kravlo a levé 10 millions d'euros.")


def test_capitalised_words_opening_a_sentence_are_a_name_when_a_company_word_or_an_acronym_says_so(extract):
    names = _names(extract, "Le fonds est prudent.\nTrelby Harbor Partners mène le tour. Quantum Vask Robotics suit.\n"
                            "Métavol Explorer (Métex) a été racheté. Métex emploie 100 salariés.")
    assert {"Trelby Harbor Partners", "Quantum Vask Robotics", "Métavol Explorer"} <= set(names)


def test_capitalised_words_inside_a_sentence_ending_on_a_company_word_are_a_name(nlp):
    # where spaCy finds nothing there: « Capital » says what the run is
    text = "Parmi les souscripteurs figurent la mutuelle Prévanis et le family office genevois Grisolle Capital."
    assert "Grisolle Capital" in _forced(nlp, text, [(6, 7, "ORG")])


def test_capitalised_common_words_opening_a_sentence_are_no_name(extract):
    # « Agence » is a company word, but « Chaque » opens the sentence
    assert not _names(extract, "Le fonds est prudent.\nChaque Agence reçoit un budget.")


def test_a_participle_opening_a_sentence_is_not_a_name(extract):
    names = _names(extract, "Le fonds est prudent.\nDirigée par Lucas Ferval, son cofondateur, la société Tarvio "
                            "recrute. Installée à Grenoble, la start-up Cryonis aussi.")
    assert "Dirigée" not in names and "Installée" not in names
    assert {"Lucas Ferval", "Tarvio", "Grenoble", "Cryonis"} <= set(names)


def test_a_quotation_is_not_a_name(extract):
    names = _names(extract, "Selon le porte-parole, l'offre « sous-évalue fortement » la société.")
    assert not any("évalue" in n for n in names)


def test_names_with_inner_capitals_or_digits(extract):
    names = _names(extract, "La start-up 3DPrintix a levé des fonds ; le site eBay reste loin devant.")
    assert "3DPrintix" in names and "eBay" in names


def test_an_exclamation_mark_glued_to_a_brand_is_part_of_its_name(extract):
    names = _names(extract, "Les clients de Velnor ou de Quimpo bank! paient moins. Zorvi! a racheté Maxilo.")
    assert "Quimpo bank!" in names and "Zorvi!" in names
    assert "Quimpo" not in names


def test_an_exclamation_mark_that_ends_a_sentence_is_not_part_of_a_name(extract):
    names = _names(extract, "Le groupe a racheté la société Maxilo! Puis il a racheté Pilvexa !")
    assert "Maxilo" in names and "Pilvexa" in names


def test_an_acronym_inside_a_sentence_is_a_name_but_not_a_common_one(extract):
    names = _names(extract, "Les clients du BHX ont reçu un SMS et un IBAN pour payer la TVA.")
    assert "BHX" in names
    assert not {"SMS", "IBAN", "TVA"} & set(names)


def test_two_acronyms_in_a_row_are_one_name(extract):
    names = _names(extract, "La transaction est réalisée à 80 % par KMA TGB et à 20 % par la holding.")
    assert "KMA TGB" in names and "KMA" not in names


def test_a_legal_form_stays_in_the_name(extract):
    assert "Valmetrix SAS" in _names(extract, "La société Valmetrix SAS a été fondée en 2012.")


def test_a_headline_in_capitals_gives_no_names_of_its_own(extract):
    text = "VORTELIA RACHÈTE LE GROUPE OSMANDE\nLe groupe Vortelia a annoncé le rachat d'Osmande lundi."
    names = _names(extract, text)
    assert "VORTELIA RACHÈTE LE GROUPE OSMANDE" not in names and "LE GROUPE OSMANDE" not in names
    assert "Vortelia" in names
    # spaCy's entity may run onto the line break after the headline: still the headline's
    text = "ALLEMAGNE : L'ESSENTIEL DES OPÉRATIONS DE LA SEMAINE\n\nVortelia : Osmande monte à 28 %."
    assert not any("SEMAINE" in n for n in _names(extract, text))


def test_an_infinitive_opening_a_quoted_clause_is_no_name(extract):
    names = _names(extract, "La holding apporte 25 millions d'euros. « Sortir de la Bourse nous permet ce type "
                            "d'opération », souligne Arnaud Vellard.")
    assert not any(n.startswith("Sortir") for n in names)
    assert "Manger Mieux" in _names(extract, "La campagne « Manger Mieux » démarre.")  # a title, no verb after it


# --- boundaries -------------------------------------------------------------------------------------------------

def test_an_institutional_name_is_not_cut_after_its_head(extract):
    names = _names(extract, "L'Agence spatiale canadienne et l'Autorité des marchés financiers ont donné leur accord.")
    assert "Agence spatiale canadienne" in names and "Autorité des marchés financiers" in names


def test_an_institutional_name_runs_over_a_coordinated_complement(extract):
    names = _names(extract, "Le dossier a été transmis à la Caisse des dépôts et consignations hier.")
    assert "Caisse des dépôts et consignations" in names


def test_an_institutional_name_runs_on_where_ner_stopped_inside_it(extract):
    names = _names(extract, "Deux anciens de l'École nationale du verre et de la céramique ont fondé Kelvra.")
    assert "École nationale du verre et de la céramique" in names


def test_an_institutional_name_ends_on_a_place_after_du_or_de_la(extract):
    names = _names(extract, "Les élèves de l'École des compagnons charpentiers du Morvan feront leurs travaux.")
    assert "École des compagnons charpentiers du Morvan" in names


def test_an_institutional_name_runs_over_pour_but_not_over_a_second_name(extract):
    names = _names(extract, "Parmi ses clients figurent la Fondation pour la forêt durable et l'association Verdal.")
    assert "Fondation pour la forêt durable" in names and "Verdal" in names
    assert not any("association" in n for n in names)


def test_an_event_name_keeps_its_lower_case_complement(extract):
    names = _names(extract, "Brest a accueilli le premier Forum atlantique de l'innovation, organisé par la région.")
    assert "Forum atlantique de l'innovation" in names


def test_a_quoted_title_keeps_its_opening_article(extract):
    names = _names(extract, "L'agence avait signé la célèbre campagne « Le goût du large » pour la marque.")
    assert "Le goût du large" in names


def test_a_surname_with_an_apostrophe_is_not_cut(extract):
    names = _names(extract, "« Nous restons », explique Yann Le Floc'h, directeur général de la conserverie.")
    assert "Yann Le Floc'h" in names


def test_a_capitalised_adjective_inside_a_name_belongs_to_it(extract):
    names = _names(extract, "Le fonds public Territoires Bas Carbone a participé à l'opération.")
    assert "Territoires Bas Carbone" in names


def test_a_technical_term_before_a_name_is_not_part_of_it(extract):
    names = _names(extract, "Le spécialiste brestois de l'impression 3D Vexlab Ouest a créé une coentreprise.")
    assert "Vexlab Ouest" in names and not any(n.startswith("3D") for n in names)


def test_a_generic_word_inside_a_name_stays_but_not_at_its_end(extract):
    names = _names(extract, "Le campus ouvre avec l'université privée Amezrai Business School, à Rabat.")
    assert "Amezrai Business School" in names


def test_an_institutional_complement_the_tagger_reads_as_a_proper_noun_stays(extract):
    names = _names(extract, "Les techniciens seront formés par l'Institut des métiers de la mer, partenaire de Kelvra.")
    assert "Institut des métiers de la mer" in names


def test_the_article_of_a_place_s_name_is_part_of_it(extract):
    names = _names(extract, "La société Kelvra, basée à La Rochelle, ouvre un bureau au Havre et au Mans.")
    assert "La Rochelle" in names and "Rochelle" not in names


def test_a_lone_common_noun_with_a_capital_is_not_a_name(extract):
    names = _names(extract, "L'Agence a confirmé la décision. La Commission n'y voit aucun problème.")
    assert "Agence" not in names and "Commission" not in names


def test_two_names_joined_by_and_are_two(extract):
    names = _names(extract, "Le contrat lie Morgan Stanley et Bank of America depuis des années.")
    assert "Morgan Stanley" in names and "Bank of America" in names


def test_two_names_joined_by_english_and_are_two_but_a_name_with_and_inside_is_one(extract):
    names = _names(extract, "Les banques Korvell Stanton and Bank of Elsmere ont conseillé la société Brivane.")
    assert "Korvell Stanton" in names and "Bank of Elsmere" in names
    assert "Korvell Stanton and Co" in _names(extract, "La banque Korvell Stanton and Co a validé le plan.")
    names = _names(extract, "La Food and Drug Administration a validé le traitement du laboratoire Orvane.")
    assert "Food and Drug Administration" in names


def test_a_hyphenated_first_name_is_not_cut(extract):
    names = _names(extract, "Le comité a désigné Jean-Baptiste Orlandi et Karl-Otto Vennemann, le président du club.")
    assert "Karl-Otto Vennemann" in names and "Otto Vennemann" not in names


def test_honorifics_are_stripped(extract):
    names = _names(extract, "M. Durandeau a signé. Mme Lefort-Brun a approuvé. Madame Ivanova aussi.")
    assert {"Durandeau", "Lefort-Brun", "Ivanova"} <= set(names)
    assert not any(n.startswith(("M.", "Mme", "Madame")) for n in names)


def test_a_place_right_after_a_name_ends_that_name(nlp):
    """spaCy often makes "Fantasialand" and "Paris" two names; written without a preposition they are one."""
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.model import Document

    text = "Le parc Fantasialand Paris a mis fin à son partenariat."
    parsed = nlp(text)
    parsed.ents = [Span(parsed, 2, 3, "MISC"), Span(parsed, 3, 4, "LOC")]
    doc = Document(doc_id="t", path="t.txt", text=text, sha256="", encoding="utf-8", title="")
    assert "Fantasialand Paris" in [m.text for m in find_mentions(doc, parsed)]


def test_a_name_is_not_cut_after_its_hyphen_where_ner_stopped(nlp):
    """spaCy sometimes ends a name on its hyphen (« Kelt- » + « Nova »); the compound is then not merged either."""
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.model import Document
    from kg.nlp import merge_hyphens

    text = "Plus tôt dans le mois, Kelt-Nova Interactive avait annoncé le rachat."
    with nlp.select_pipes(disable=["kg_hyphens"]):
        parsed = nlp(text)
    parsed.ents = [Span(parsed, 6, 8, "MISC")]  # « Kelt » « - »
    doc = Document(doc_id="t", path="t.txt", text=text, sha256="", encoding="utf-8", title="")
    names = [m.text for m in find_mentions(doc, merge_hyphens(parsed))]
    assert "Kelt-Nova" in names and "Kelt" not in names


def test_a_legal_form_alone_is_not_a_name(extract):
    names = _names(extract, "Il suffit d'une SA ou d'une AISBL, comme la société Brivane SAS.")
    assert "SA" not in names and "AISBL" not in names and "Brivane SAS" in names


def test_a_city_right_after_an_acronym_is_part_of_the_agency_name(nlp):
    # « KTV » is found as an acronym, not by NER; « Paris » alone after « à » stays a place
    names = _forced(nlp, "Son agence KTV São Paulo a ouvert en 2012 à Paris.", [(3, 5, "LOC"), (10, 11, "LOC")])
    assert "KTV São Paulo" in names and "Paris" in names


def test_a_lower_case_demonym_after_a_place_is_part_of_its_name(nlp):
    names = _forced(nlp, "La biotech du Brabant wallon vaut 3 milliards.", [(3, 4, "LOC")])
    assert "Brabant wallon" in names
    assert "Brabant" in _forced(nlp, "La biotech du Brabant recrute.", [(3, 4, "LOC")])


def _forced(nlp, text: str, ents: list[tuple[int, int, str]]) -> list[str]:
    """The names kg finds in ``text`` when spaCy's NER gives exactly ``ents`` (token start, end, label)."""
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.model import Document

    parsed = nlp(text)
    parsed.ents = [Span(parsed, a, b, label) for a, b, label in ents]
    doc = Document(doc_id="t", path="t.txt", text=text, sha256="", encoding="utf-8", title="")
    return [m.text for m in find_mentions(doc, parsed)]


def test_a_country_after_a_one_word_person_ends_a_company_name(nlp):
    names = _forced(nlp, "Takemura France inaugure une usine à Lyon.", [(0, 1, "PER"), (1, 2, "LOC"), (6, 7, "LOC")])
    assert "Takemura France" in names
    assert "Paul Takemura" in _forced(nlp, "Paul Takemura est arrivé en France.", [(0, 2, "PER"), (5, 6, "LOC")])


def test_a_company_word_alone_takes_the_capitalised_word_before_it(nlp):
    names = _forced(nlp, "Agrilio a levé 4 millions auprès de Vinéa Capital.", [(0, 1, "ORG"), (8, 9, "LOC")])
    assert "Vinéa Capital" in names and "Capital" not in names


def test_a_place_after_a_preposition_is_cut_from_the_next_name(extract):
    names = _names(extract, "Lydor a présenté mercredi à Paris Nexaria, une banque en ligne.")
    assert "Nexaria" in names and "Paris Nexaria" not in names


def test_peoples_and_ordinals_are_not_names(extract):
    names = _names(extract, "Les Allemands et les Espagnols préfèrent le XIIIe arrondissement.")
    assert not {"Allemands", "Espagnols", "XIIIe"} & set(names)


def test_a_former_name_is_recorded_on_the_mention(extract):
    mentions = extract("Vexalis, l'ex-Trovia, a été rachetée par le groupe Quentor.", full=True).mentions
    former = [m for m in mentions if m.text == "Trovia"]
    assert former and former[0].same_as == "Vexalis"
    mentions = extract("Le groupe a choisi le cabinet Delvane&Co, simplement appelé Delvane par ses consultants.",
                       full=True).mentions
    called = [m for m in mentions if m.text == "Delvane"]
    assert called and called[0].same_as == "Delvane&Co"


def test_a_bracketed_short_form_is_recorded_on_the_mention(extract):
    mentions = extract("Le principal actionnaire est Metabolic Industries (Metind), entré au capital en 2014.",
                       full=True).mentions
    assert any(m.text == "Metind" and m.same_as == "Metabolic Industries" for m in mentions)


def test_a_person_and_a_bracketed_company_are_not_one_name(extract):
    mentions = extract("Jeanne Orsoni (KTVR) : « Nous préférons créer nos agences. »", full=True).mentions
    assert not any(m.same_as for m in mentions)


# --- handles ----------------------------------------------------------------------------------------------------

def test_a_handle_after_the_platform_of_an_account_is_not_the_platforms(extract):
    mentions = extract("Plus de détails sur le compte Vidstream @orvane_news de la marque.", full=True).mentions
    assert all(m.handle == "" for m in mentions if m.text == "Vidstream")


def test_a_handle_right_after_a_name_is_that_names(extract):
    mentions = extract("Le groupe Orvane @orvane_fr a publié ses comptes.", full=True).mentions
    assert any(m.text == "Orvane" and m.handle == "orvane_fr" for m in mentions)


def test_an_institutional_name_spacy_missed_after_the_article_opening_a_sentence_is_found(nlp):
    # the article opens the sentence, the head after it does not; « École » alone would be a common noun
    text = "L'École supérieure de chimie verte (ESCV) poursuit son expansion."
    names = _forced(nlp, text, [(7, 8, "ORG")])
    assert "École supérieure de chimie verte" in names
    assert "École" not in _forced(nlp, "L'École a fermé ses portes.", [])
