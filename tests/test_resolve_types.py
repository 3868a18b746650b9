"""Types from evidence (issue 11): each construction votes, resolution sums the votes over the corpus.

Sentences are made up; each construction comes with the distractor that must not trigger it.
"""

from __future__ import annotations

from tests.test_resolve import _entity, _resolve


def _type(nlp, label: str, *texts: str) -> str:
    entities, _ = _resolve(nlp, *texts)
    return _entity(entities, label).type


def test_a_role_noun_before_a_name_makes_a_person(nlp):
    assert _type(nlp, "Gaspard Lemoine", "Selon le PDG Gaspard Lemoine, la croissance reprendra.") == "Person"


def test_the_complement_of_a_role_is_an_organisation(nlp):
    text = "Léa Marchal, directrice générale de la Soltéa, confirme l'accord."
    assert _type(nlp, "Soltéa", text) == "Organization"
    assert _type(nlp, "Léa Marchal", text) == "Person"


def test_the_complement_of_a_role_is_not_what_the_role_names(nlp):
    # « le patron de la X »: X is not a person even though « patron » names people
    assert _type(nlp, "Vortelia", "Il succède à Marc Olivo, le patron de la Vortelia, qui a démissionné.") \
        == "Organization"


def test_a_name_in_apposition_after_a_role_is_a_person(nlp):
    assert _type(nlp, "Hugo Varennes", "« Nous irons plus loin », a déclaré Hugo Varennes, le PDG de Kelmora.") \
        == "Person"


def test_the_inverted_subject_of_a_verb_of_saying_is_a_person(nlp):
    assert _type(nlp, "Paulin Ferrandi", "« Nous sommes prêts », a assuré Paulin Ferrandi.") == "Person"


def test_a_lower_case_demonym_before_a_name_makes_a_company(nlp):
    assert _type(nlp, "Quorvex", "Le contrat a été remporté par l'allemand Quorvex face à ses rivaux.") \
        == "Organization"


def test_a_lone_word_spacy_calls_a_place_without_gazetteer_entry_is_a_company(nlp):
    assert _type(nlp, "Syntelio", "La lilloise Syntelio, spécialiste du recrutement, lève 20 millions d'euros.") \
        == "Organization"


def test_a_gazetteer_place_after_a_verb_and_a_preposition_stays_a_place(nlp):
    assert _type(nlp, "Lyon", "La société Valmetrix SAS a été fondée à Lyon en 2012.") == "Place"


def test_an_honorific_makes_a_person(nlp):
    assert _type(nlp, "Durandeau", "M. Durandeau a signé l'accord avec le groupe Orvane.") == "Person"


def test_a_legal_form_makes_an_organisation(nlp):
    assert _type(nlp, "Christophe Valmont SE", "Il dirige désormais Christophe Valmont SE, la holding familiale.") \
        == "Organization"


def test_a_name_holding_a_place_is_not_that_place(nlp):
    entities, _ = _resolve(nlp, "Sophie Martel, directrice générale d'Orvane Italie, présente le plan. "
                                "L'Italie reste son premier marché.")
    assert _entity(entities, "Orvane Italie").type == "Organization"
    assert _entity(entities, "Italie").type == "Place"


def test_a_capital_article_inside_a_sentence_makes_a_title_not_a_place(nlp):
    assert _type(nlp, "Gazette", "Le groupe possède déjà La Gazette et plusieurs chaînes locales.") \
        == "Organization"


def test_coordinated_names_share_their_type(nlp):
    text = "Parmi les signataires figurent Sanvera, Atolis, BMW, Qinetix et Drelmo."
    entities, _ = _resolve(nlp, text)
    assert {_entity(entities, n).type for n in ("Sanvera", "Atolis", "Qinetix")} == {"Organization"}


def test_a_fronted_place_opens_no_list(nlp):
    text = "En Floride, Romain Castel, conducteur d'une berline, affirme avoir été surveillé."
    assert _type(nlp, "Romain Castel", text) == "Person"


def test_a_place_coordinated_after_a_preposition_shares_the_known_place_s_type(nlp):
    assert _type(nlp, "Tordevilla", "Le chantier naval possède deux marinas, à Valence et Tordevilla.") == "Place"
    # the distractor: a fronted place and the comma after it open no list of companies
    text = "En France, Vortelia, Sanvera et Qinetix lancent une offre commune."
    assert {_type(nlp, n, text) for n in ("Vortelia", "Sanvera", "Qinetix")} == {"Organization"}


def test_kinship_nouns_make_people(nlp):
    text = "Octavien Brasko fonde la société Vortex ; son père Henrik conçoit les machines."
    assert _type(nlp, "Henrik", text) == "Person"


def test_a_place_after_an_organisation_noun_and_de_is_its_seat(nlp):
    assert _type(nlp, "Chatou-le-Pecq", "Le groupe de Chatou-le-Pecq a indiqué que ses discussions avançaient.") \
        == "Place"


def test_a_place_after_a_site_noun_and_de_is_where_the_site_is(nlp):
    assert _type(nlp, "Brenmoutier", "Le distributeur ouvre un magasin dans le quartier de Brenmoutier.") == "Place"
    # no role reaches past the site to the place: she runs the plant, not Sarvillac
    text = "Alice Dorsel, jusqu'ici directrice de l'usine de Sarvillac, prend la tête du groupe."
    assert _type(nlp, "Sarvillac", text) == "Place"


def test_a_type_from_one_weak_vote_has_a_low_confidence(nlp):
    entities, _ = _resolve(nlp, "La société Orvane publie ses comptes. La société Orvane recrute. "
                                "Le partenariat avec Brunelx est annoncé.")
    assert _entity(entities, "Orvane").type_confidence > _entity(entities, "Brunelx").type_confidence


def test_a_type_noun_after_a_possessive_in_apposition_types_the_name(nlp):
    assert _type(nlp, "Zelko", "Le groupe Quimpex a dévoilé Zelko, son nouveau service.") == "Product"
    assert _type(nlp, "Brivo", "Le groupe Quimpex a racheté Brivo, son concurrent.") == "Organization"


def test_a_name_opening_a_line_before_le_and_a_role_is_no_dateline(nlp):
    assert _type(nlp, "Jean Darnac", "Jean Darnac, le PDG et fondateur de Quimpex, est optimiste.") == "Person"
    assert _type(nlp, "Lyon", "Lyon, le 3 mai 2024. La société Quimpex recrute.") == "Place"


def test_a_type_noun_the_tagger_reads_as_a_verb_still_types_the_name_after_a_determiner(nlp):
    # « offre » after « son » is the noun, whatever the tag (spaCy reads « offrir »)
    text = "Le groupe mise sur la start-up Klivane pour muscler son offre Trajo Daily."
    assert _type(nlp, "Trajo Daily", text) == "Product"
    assert _type(nlp, "Klivane", text) == "Organization"


def test_nouns_of_things_companies_make_type_the_name_beside_them(nlp):
    assert _type(nlp, "Velra Cargo", "Le constructeur Brivane a présenté la Velra Cargo, une camionnette électrique.") \
        == "Product"
    assert _type(nlp, "Trenzo Pro", "La jeune pousse lance aussi Trenzo Pro, une version destinée aux artisans.") \
        == "Product"
    assert _type(nlp, "Navelo Marine", "Les deux groupes ont créé une coentreprise, Navelo Marine, à Lorient.") \
        == "Organization"


def test_the_noun_heading_a_chain_of_complements_types_the_name(nlp):
    # « concours de création d'entreprises »: a contest, not a company, even though « entreprise » is nearer
    text = "L'école présente un concours de création d'entreprises, le Défi Ornak, dont la finale aura lieu à Lille."
    assert _type(nlp, "Défi Ornak", text) == "Event"
    # « batteries » is what the specialist recycles, not what Batriva is
    assert _type(nlp, "Batriva", "Le spécialiste du recyclage de batteries Batriva a conclu un accord.") \
        == "Organization"
    # the distractor: « du groupe X » is X's own phrase, whatever the chain before it
    assert _type(nlp, "Brontal", "La société Quimpex a refusé l'offre de rachat du groupe Brontal.") == "Organization"


def test_an_apposition_is_read_next_to_the_name_not_past_another_phrase(nlp):
    # « la filiale française » stands beside « Tarvik France », not beside the person the parse hangs it on
    text = ("Il est remplacé par Corinne Wetzlar, jusqu'ici directrice générale de Tarvik France, "
            "la filiale française du groupe.")
    assert _type(nlp, "Corinne Wetzlar", text) == "Person"


def test_a_lone_surname_of_a_person_of_the_text_is_not_the_place_it_spells(nlp):
    # « Morvan » is a region of the gazetteer and, here, the surname of the person the text names in full
    text = "Inès Morvan dirige la société Kravel. Morvan a créé l'entreprise en 2018 avec deux associés."
    entities, _ = _resolve(nlp, text)
    assert _entity(entities, "Inès Morvan").type == "Person"
    assert all(e.type != "Place" for e in entities if "Morvan" in e.label)
    # the distractor: without that person, the word is the region
    assert _type(nlp, "Morvan", "La société Kravel recrute des techniciens dans le Morvan.") == "Place"


def test_a_quoted_name_after_its_noun_takes_the_noun_s_type_over_words_inside_it(nlp):
    # « & » inside says « a company »; the noun before the quotes says what the name is
    text = "L'ouverture de la conférence « Données & Villes », organisée mardi à Rennes, a réuni 300 élus."
    assert _type(nlp, "Données & Villes", text) == "Event"
    assert _type(nlp, "Bois & Habitat", "Le salon « Bois & Habitat » ouvre ses portes jeudi à Nantes.") == "Event"


def test_a_type_noun_with_its_adjectives_in_apposition_before_a_quoted_name(nlp):
    text = "Le studio Pixarne a présenté samedi son nouveau jeu, « Orbe Silencieux », attendu sur consoles."
    assert _type(nlp, "Orbe Silencieux", text) == "CreativeWork"


def test_a_name_with_a_digit_is_no_person_s(nlp):
    # spaCy may call « Kub3 » a person; no one's name holds a digit
    assert _type(nlp, "Kelb3", "Fondée en 2020 par deux ingénieurs, Kelb3 assemble des maisons en bois.") \
        != "Person"


def test_a_given_name_says_person_and_two_words_without_one_are_a_weak_guess(nlp):
    """NER's PER on « Trivela Edge » (no given name) weighs as little as on a lone word; a name opening on a given
    name (« Claire Vennot », « Jean-Marie Kerlo », « J. Vennot ») keeps it, and gets a person's vote where NER says
    organisation."""
    from kg.extract.mentions.votes import WEAK_NER, votes

    doc = nlp("Trivela Edge, Claire Vennot, Jean-Marie Kerlo et J. Vennot.")

    def person(a: int, b: int, label: str) -> float:
        return dict(votes(doc[a:b], doc[a:b].text, label, f"ner:{label}")).get("Person", 0.0)

    assert person(0, 2, "PER") == WEAK_NER
    assert person(3, 5, "PER") == 1.0 and person(6, 8, "PER") == 1.0 and person(9, 11, "PER") == 1.0
    assert person(3, 5, "ORG") > 0


def test_an_institution_s_head_inside_its_name_makes_an_organisation(nlp):
    # spaCy may call « Conseil constitutionnel » a place
    assert _type(nlp, "Conseil Constitutionnel", "Le Conseil Constitutionnel a tranché mardi.") == "Organization"


def test_the_subject_after_a_fronted_participle_is_no_apposition_to_its_agent(nlp):
    # « Fondée par X, l'entreprise … »: « l'entreprise » is the sentence's subject, not a description of X
    assert _type(nlp, "Hélène Varsac", "Fondée en 2017 par Hélène Varsac, l'entreprise fabrique des pièces.") \
        == "Person"
    assert _type(nlp, "Marlow Reed", "On connaît Marlow Reed, l'entreprise de conseil de Rennes.") == "Organization"


def test_a_trade_s_house_before_a_name_makes_an_organisation(nlp):
    assert _type(nlp, "Ker Avel", "La brasserie artisanale bretonne Ker Avel a signé avec Distrisol.") \
        == "Organization"
    # the trade itself names people as well: no vote of its own
    assert _type(nlp, "Patrick Vernier", "Le chocolatier Patrick Vernier ouvre une boutique.") == "Person"


def test_a_house_or_a_yard_in_the_name_makes_an_organisation(nlp):
    assert _type(nlp, "Maison Verlaud", "L'agence a gagné le budget du chocolatier Maison Verlaud.") == "Organization"
    assert _type(nlp, "Kervic Yachts", "Sa filiale, le chantier naval Kervic Yachts, recrute.") == "Organization"


def test_goods_in_apposition_make_a_product(nlp):
    assert _type(nlp, "Loc Braz Sunset", "La brasserie lancera cet été Loc Braz Sunset, une bière blanche "
                                         "aromatisée au yuzu.") == "Product"


def test_the_head_of_a_trade_complement_types_the_name_not_its_modifier(nlp):
    assert _type(nlp, "Les Pédales Vives", "Les livraisons seront assurées par la coopérative de coursiers à vélo "
                                           "« Les Pédales Vives », qui travaille déjà pour Orvane.") == "Organization"


def test_a_name_only_ner_typed_that_a_company_launches_is_a_product(nlp):
    assert _type(nlp, "Kobix", "Metix a profité du salon pour lancer Kobix, un bras robotisé capable de soulever "
                                "40 kilos.") == "Product"


def test_a_company_a_group_creates_with_a_type_noun_stays_a_company(nlp):
    assert _type(nlp, "Brelix", "Le groupe Orvane a créé la société Brelix en 2019.") == "Organization"


def test_goods_before_the_name_make_a_product(nlp):
    assert _type(nlp, "Brume Claire", "Son produit phare, le shampoing Brume Claire, se vend bien.") == "Product"


def test_a_department_in_a_name_makes_it_an_organisation_not_a_place(nlp):
    assert _type(nlp, "Loire Horizon", "L'augmentation de capital est souscrite par Loire Horizon, l'actionnaire "
                                       "de référence du groupe.") == "Organization"
