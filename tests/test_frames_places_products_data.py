"""Location, launch and data frames (ontology/frames/location.toml, launch.toml, data.toml): where an organisation is
based, what it launched, whose data it uses or buys, and the sentences that say it is not so.

Names are invented.
"""

from __future__ import annotations

import pytest

from tests.frame_cases import assert_no, assert_states, read

LILLE = ("Quimpex", "basedIn", "Lille")

PLACES = [
    pytest.param("La start-up lyonnaise Quimpex lève des fonds.", {("Quimpex", "basedIn", "Lyon")},
                 id="demonym after a description"),
    pytest.param("Le groupe britannique Quimpex fabrique des vélos.", {("Quimpex", "basedIn", "Royaume-Uni")},
                 id="national demonym"),
    pytest.param("L'allemand Quimpex fabrique des vélos.", {("Quimpex", "basedIn", "Allemagne")},
                 id="demonym as a noun"),
    pytest.param("Les start-up lyonnaises Quimpex et Velnor fabriquent des vélos.",
                 {("Quimpex", "basedIn", "Lyon"), ("Velnor", "basedIn", "Lyon")}, id="plural demonym over a list"),
    pytest.param("Quimpex, filiale française du groupe japonais Velnor, ouvre une usine.",
                 {("Quimpex", "basedIn", "France"), ("Velnor", "basedIn", "Japon")},
                 id="the demonym of a role noun is its holder's, not its complement's"),
    pytest.param("Le groupe Brontal a racheté Quimpex et Velnor, deux start-up lyonnaises.",
                 {("Quimpex", "basedIn", "Lyon"), ("Velnor", "basedIn", "Lyon")},
                 id="plural demonym in apposition after a list"),
    pytest.param("Acquisition de la lyonnaise Quimpex par le groupe Brontal",
                 {("Quimpex", "basedIn", "Lyon"), ("Brontal", "acquired", "Quimpex")}, id="demonym in a headline"),
    pytest.param("La société Quimpex, basée à Lille, fabrique des vélos.", {LILLE}, id="basée à in apposition"),
    pytest.param("Basée à Lille, la société Quimpex fabrique des vélos.", {LILLE}, id="fronted basée à"),
    pytest.param("Quimpex est basée à Lille.", {LILLE}, id="copula basée à"),
    pytest.param("Le siège de Quimpex est à Lille.", {LILLE}, id="le siège de X est à"),
    pytest.param("Le siège social de la société Quimpex se trouve à Lille.", {LILLE}, id="siège social se trouve à"),
    pytest.param("La start-up Quimpex a son siège à Lille.", {LILLE}, id="avoir son siège à"),
    pytest.param("Quimpex s'est installée à Lille.", {LILLE}, id="s'installer à"),
    pytest.param("La société Quimpex, dont le siège est à Lille, fabrique des vélos.", {LILLE},
                 id="dont le siège est à"),
    pytest.param("La société Quimpex, dont le siège social est situé à Lille, fabrique des vélos.", {LILLE},
                 id="dont le siège social est situé à"),
    pytest.param("Le joaillier lyonnais Quimpex ouvre une boutique.", {("Quimpex", "basedIn", "Lyon")},
                 id="any noun, its demonym, a name"),
    pytest.param("Basée à Lille, en France, comme Velnor, l'ACM regroupe 240 clubs.",
                 {("ACM", "basedIn", "Lille"), ("ACM", "basedIn", "France")},
                 id="fronted participle with its own complements, then the main subject"),
    pytest.param("Installée à Lille, en France, comme la société Velnor, l'ACM fédère une centaine de clubs.",
                 {("ACM", "basedIn", "Lille"), ("ACM", "basedIn", "France"), ("Velnor", "basedIn", "Lille")},
                 id="« comme Z » in a fronted participle: Z too"),
    pytest.param("Marc Dorlan a rejoint mardi la société Quimpex à Lille, au siège du groupe.", {LILLE},
                 id="à Y, au siège de X"),
    pytest.param("La société Quimpex recrute. Le géant de Cupertino a annoncé une hausse de ses ventes.",
                 {("Quimpex", "basedIn", "Cupertino")}, id="a city the press names a company by"),
    pytest.param("La société Quimpex SA, de droit luxembourgeois, recrute.",
                 {("Quimpex SA", "basedIn", "Luxembourg")}, id="X, de droit luxembourgeois"),
    pytest.param("Le réseau Quimpex recrute. Cette association d'utilité publique (AUP) de droit belge "
                 "réunit une trentaine de mécènes.", {("Quimpex", "basedIn", "Belgique")},
                 id="a description, an acronym in parentheses, de droit belge"),
    pytest.param("Basée à Lille, l'ACM fédère une centaine de clubs.", {("ACM", "basedIn", "Lille")},
                 id="an opening participle with a capital is no place name"),
    pytest.param("Implantée à Lille depuis 2010, la start-up Quimpex a recruté 20 personnes.", {LILLE},
                 id="fronted implantée with a date"),
    pytest.param("Brimex va racheter Quimpex Group, développeur de parcs éoliens basé à Lille, pour 1 milliard.",
                 {("Quimpex Group", "basedIn", "Lille")}, id="participle on a description apposed to the name"),
    pytest.param("La société Quimpex, fondée en 2012 et aujourd'hui basée à Lille, recrute.", {LILLE},
                 id="second participle of a coordination"),
    pytest.param("La société Quimpex, aujourd'hui basée à Lille, recrute.", {LILLE},
                 id="an adverb between the comma and the participle"),
    pytest.param("Le groupe de presse britannique Quimpex a racheté Velnor.", {("Quimpex", "basedIn", "Royaume-Uni")},
                 id="description noun de noun, demonym, name"),
    pytest.param("Le fonds d'investissement américain Quimpex investit.", {("Quimpex", "basedIn", "États-Unis")},
                 id="description noun d' noun, demonym, name"),
    pytest.param("Le groupe Quimpex a annoncé des résultats. Le groupe britannique a refusé de commenter.",
                 {("Quimpex", "basedIn", "Royaume-Uni")}, id="a definite description with a demonym"),
    pytest.param("Le groupe Quimpex est une société basée à Lille.", {LILLE},
                 id="X est une société basée à (the phrase's participle agreed)"),
    pytest.param("Quimpex, une jeune pousse de Lille, lève des fonds.", {LILLE},
                 id="X, une N de <lieu>: an indefinite description in apposition"),
    pytest.param("Quimpex, équipementier de Lille, recrute.", {LILLE}, id="X, N de <lieu>: a bare description"),
    pytest.param("Le groupe a cédé Quimpex, sa filiale de Lille, à un fonds.", {LILLE},
                 id="X, sa filiale de <lieu>: a possessive description"),
]


@pytest.mark.parametrize(("text", "facts"), PLACES)
def test_an_organisation_is_based_where_its_demonym_or_seat_says(extract, text, facts):
    assert_states(extract, text, facts)


NOT_BASED = [
    pytest.param("Quimpex n'est pas basée à Lille.", id="negation"),
    pytest.param("Quimpex pourrait s'installer à Lille.", id="possible move"),
    pytest.param("La société Quimpex étudie le transfert de son siège social à Lille.", id="a studied move"),
    pytest.param("Quimpex envisage de déménager son siège à Lille", id="a planned move, in a headline"),
    pytest.param("La société Quimpex, dont le siège n'est plus à Lille, fabrique des vélos.", id="dont … n'est plus"),
    pytest.param("Le chanteur lillois Marc Dorlan a rencontré la société Quimpex.", id="a person's demonym"),
    pytest.param("Les opérateurs européens Quimpex et Velnor s'allient.", id="a continent says reach, not a seat"),
    pytest.param("Quimpex, qui a ouvert un bureau à Lille, recrute.", id="an office is not the seat"),
    pytest.param("Le groupe Quimpex a cédé sa filiale italienne.", id="a subsidiary's demonym is not the parent's"),
    pytest.param("Le groupe Quimpex a cédé sa filiale de services italienne.", id="a subsidiary of services"),
    pytest.param("Le groupe Quimpex vise le marché américain et ses clients allemands.", id="a market, clients"),
    pytest.param("Le fonds Quimpex, fondé par Marc Dorlan, a investi en Belgique.",
                 id="a participle's complements end at the next finite verb"),
    pytest.param("Le contrat de Quimpex est soumis au droit belge.", id="a contract under a law"),
    pytest.param("Marc Dorlan a quitté Lille, au siège de Quimpex, il travaille à Lyon.",
                 id="no « à » before the place"),
    pytest.param("Marc Dorlan, de droit belge, conseille Quimpex.", id="a person is no legal entity"),
    pytest.param("Installée en France, la filiale de Quimpex, qui n'est pas basée à Lille, recrute.",
                 id="a denied seat in a relative clause after a fronted participle"),
    pytest.param("Une société de Lille a racheté Quimpex.", id="an indefinite description beside no name"),
]


@pytest.mark.parametrize("text", NOT_BASED)
def test_a_denied_or_possible_seat_is_no_fact(extract, text):
    assert_no(extract, text, "basedIn")


LAUNCH = ("Quimpex", "launched", "Pédalo")

LAUNCHES = [
    pytest.param("La société Quimpex a lancé une application baptisée Pédalo.", {LAUNCH}, id="active with a name"),
    pytest.param("La société Quimpex lance l'application Pédalo.", {LAUNCH}, id="present tense"),
    pytest.param("L'application Pédalo, lancée par Quimpex, compte 10 000 utilisateurs.", {LAUNCH},
                 id="participle in apposition"),
    pytest.param("Quimpex et Velnor ont lancé une application baptisée Pédalo.",
                 {LAUNCH, ("Velnor", "launched", "Pédalo")}, id="coordinated subjects"),
    pytest.param("Quimpex a annoncé le lancement de l'application Pédalo.", {LAUNCH}, id="noun under a support verb"),
    pytest.param("Quimpex a dévoilé le salon Vélorama.", {("Quimpex", "launched", "Vélorama")}, id="dévoiler"),
    pytest.param("La société Quimpex lance sa nouvelle application, baptisée Pédalo.", {LAUNCH},
                 id="a naming participle after a comma"),
    pytest.param("La société Quimpex organise la première édition du salon Vélorama.",
                 {("Quimpex", "launched", "Vélorama")}, id="the first edition of a named event"),
    pytest.param("La société Quimpex a profité du salon pour lancer l'application Pédalo.", {LAUNCH},
                 id="profiter de … pour lancer: a goal carried out"),
    pytest.param("La société Quimpex grandit. Son modèle phare, le Pédalo 2, séduit les livreurs.",
                 {("Quimpex", "launched", "Pédalo 2")}, id="a possessive product noun: son modèle phare, le Y"),
    pytest.param("La sonde vedette de la société Sillor, la QX-40, mesure l'humidité.",
                 {("Sillor", "launched", "QX-40")}, id="a product noun of its maker: la sonde de X, la Y"),
]


@pytest.mark.parametrize(("text", "facts"), LAUNCHES)
def test_a_launch_names_the_organisation_then_the_product(extract, text, facts):
    assert_states(extract, text, facts)


NOT_LAUNCHED = [
    pytest.param("Quimpex n'a pas lancé l'application Pédalo.", id="negation"),
    pytest.param("Quimpex pourrait lancer une application baptisée Pédalo.", id="pourrait"),
    pytest.param("Quimpex envisage de lancer une application baptisée Pédalo.", id="envisage de"),
    pytest.param("Quimpex a renoncé à lancer l'application Pédalo.", id="renounced"),
    pytest.param("Le lancement de l'application Pédalo par Quimpex est prévu.", id="planned"),
    pytest.param("La société Quimpex a levé 5 millions d'euros pour lancer l'application Pédalo.", id="a goal"),
]


@pytest.mark.parametrize("text", NOT_LAUNCHED)
def test_what_is_not_launched_is_no_launch(extract, text):
    assert_no(extract, text, "launched")


USES = ("Quimpex", "usesDataFrom", "Velnor")
BUYS = ("Quimpex", "buysDataFrom", "Velnor")

DATA = [
    pytest.param("La société Quimpex utilise les données de Velnor.", {USES}, id="utiliser les données de"),
    pytest.param("Quimpex exploite les données de la plateforme Velnor.", {USES}, id="exploiter"),
    pytest.param("Quimpex et Astrido utilisent les données de Velnor.",
                 {USES, ("Astrido", "usesDataFrom", "Velnor")}, id="coordinated users"),
    pytest.param("Velnor fournit ses données à Quimpex.", {USES}, id="the supplier as subject"),
    pytest.param("Quimpex achète les données de Velnor.", {BUYS}, id="acheter les données de"),
    pytest.param("Quimpex achète les données de Velnor et Astrido.", {BUYS, ("Quimpex", "buysDataFrom", "Astrido")},
                 id="two sellers"),
    pytest.param("Velnor vend ses données à Quimpex.", {BUYS}, id="the seller as subject"),
    pytest.param("Quimpex paie Velnor pour ses données.", {BUYS}, id="payer pour ses données"),
    pytest.param("La régie Quimpex, qui commercialise les données et les espaces publicitaires de Velnor et "
                 "Astrido, recrute.", {USES, ("Quimpex", "usesDataFrom", "Astrido")},
                 id="commercialiser les données et les espaces de A et B"),
    pytest.param("La société Velnor, qui vend déjà ses données aux notaires et à la banque Quimpex, recrute.", {BUYS},
                 id="a named buyer after a bare one: aux notaires et à la banque Y"),
    pytest.param("La start-up Quimpex achète les données de géolocalisation de l'opérateur Velnor.", {BUYS},
                 id="the owner after a kind of data: les données de géolocalisation de Y"),
    pytest.param("La société Quimpex utilise les données de santé anonymisées de la société Velnor.", {USES},
                 id="the owner after a kind of data and a participle"),
    pytest.param("La société Quimpex exploite les données de navigation fournies par l'opérateur Velnor.", {USES},
                 id="the source after a participle: les données fournies par Y"),
    pytest.param("La société Quimpex achète à l'opérateur télécoms Velnor des statistiques de mobilité.", {BUYS},
                 id="the seller after a trade noun: acheter à l'opérateur télécoms Y des statistiques"),
]


@pytest.mark.parametrize(("text", "facts"), DATA)
def test_data_frames_name_the_user_then_the_source(extract, text, facts):
    got = assert_states(extract, text, facts)
    assert not [f for f in got if f[1] == "acquired"]  # buying data is not buying the company


NOT_DATA = [
    pytest.param("Quimpex n'utilise pas les données de Velnor.", "usesDataFrom", id="negation"),
    pytest.param("Quimpex pourrait acheter les données de Velnor.", "buysDataFrom", id="pourrait"),
    pytest.param("Velnor refuse de vendre ses données à Quimpex.", "buysDataFrom", id="refused sale"),
    pytest.param("Le tour a été souscrit par Quimpex : le fabricant de pompes, basé à Velnorbourg, investit 1 Md.",
                 "buysDataFrom", id="a subscribed round, no data bought"),
    pytest.param("La société Quimpex utilise des données de navigation collectées à Lyon.", "usesDataFrom",
                 id="a place after the kind of data is no source"),
    pytest.param("Quimpex a cessé d'utiliser les données de Velnor.", "usesDataFrom", id="stopped use"),
    pytest.param("La société Quimpex a arrêté d'acheter les données de Velnor.", "buysDataFrom",
                 id="stopped purchase"),
]


@pytest.mark.parametrize(("text", "predicate"), NOT_DATA)
def test_a_denied_possible_or_stopped_data_deal_is_no_fact(extract, text, predicate):
    assert_no(extract, text, predicate)


def test_a_seller_of_its_own_data_uses_no_one_s_data(extract):
    got = read(extract, "Velnor vend ses données à Quimpex.")
    assert not [f for f in got if f[1] == "usesDataFrom" and f[0] == "Velnor"]


def test_a_paid_use_is_a_purchase_and_a_free_one_is_not(extract):
    assert ("Quimpex", "buysDataFrom", "Velnor") not in read(extract, "La société Quimpex utilise les données de "
                                                             "Velnor.")


def test_a_singular_demonym_describes_the_one_name_after_it(extract):
    facts = read(extract, "Le projet réunit le groupe allemand Quimpex, l'espagnol Velnor et la société Brontal.")
    assert ("Quimpex", "basedIn", "Allemagne") in facts and ("Velnor", "basedIn", "Espagne") in facts
    assert not {("Velnor", "basedIn", "Allemagne"), ("Brontal", "basedIn", "Allemagne"),
                ("Brontal", "basedIn", "Espagne")} & set(facts)


def test_a_country_set_after_a_city_is_a_seat_too(extract):
    assert_states(extract, "La société Quimpex, basée à Lyon, en France, fabrique des vélos.",
                  {("Quimpex", "basedIn", "Lyon"), ("Quimpex", "basedIn", "France")})


def test_a_description_of_another_country_is_not_the_named_organisation(extract):
    """« la néobanque britannique X » … « le futur établissement français »: the description is X's new subsidiary."""
    got = read(extract, "La néobanque britannique Quimpex ouvre une filiale. "
                        "Le futur établissement français pourra proposer des crédits.")
    assert ("Quimpex", "basedIn", "Royaume-Uni") in got
    assert ("Quimpex", "basedIn", "France") not in got


def test_a_description_acted_on_by_a_subject_is_not_that_subject(extract):
    """« X a lancé une offre …, valorisant l'éditeur de Cambridge »: the description is the target, not X."""
    got = read(extract, "L'éditeur Velnor conçoit des logiciels. Le groupe Brimex a lancé une offre sur le capital "
                        "qu'il ne possédait pas, valorisant l'éditeur de Cambridge à 9 milliards.")
    assert ("Velnor", "basedIn", "Cambridge") in got
    assert ("Brimex", "basedIn", "Cambridge") not in got
    assert ("Brimex", "basedIn", "Allemagne") not in read(
        extract, "Le groupe Brimex a racheté 9 % du capital de la banque allemande.")


def test_a_person_before_the_comma_is_not_the_described_organisation(extract):
    """« Créée par A et B, la société londonienne … »: the description stands for the organisation named before."""
    got = read(extract, "La néobanque Quimpex ouvre une agence à Lyon. Créée en 2011 par Hélène Varsac et Marc "
                        "Dorlan, la société londonienne refuse toujours de s'introduire en Bourse.")
    assert ("Quimpex", "basedIn", "Londres") in got
    assert not [f for f in got if f[1] == "basedIn" and f[0] in {"Marc Dorlan", "Hélène Varsac"}]


DEMONYM_OF_OTHERS = [
    pytest.param("D'après plusieurs journaux suisses, la société Quimpex prépare une fusion.",
                 id="a fronted « d'après des journaux suisses » before the subject"),
    pytest.param("Selon des journaux britanniques, Quimpex aurait envisagé un rachat.", id="selon, bare name"),
    pytest.param("Velnor a recruté des sociétés suisses et belges comme Quimpex, Brontal ou Astrido.",
                 id="two demonyms over one list: which is which is not said"),
    pytest.param("Velnor a recruté des sociétés suisses et belges, Quimpex et Brontal.",
                 id="two demonyms over a list after a comma"),
]


@pytest.mark.parametrize("text", DEMONYM_OF_OTHERS)
def test_a_demonym_that_describes_someone_else_places_no_name(extract, text):
    assert_no(extract, text, "basedIn")


def test_a_description_acted_on_by_the_subject_s_organisation_is_not_it(extract):
    """« Sa patronne, A, a étonné en rachetant 5 % de la banque suisse »: the bank is not her own."""
    got = read(extract, "La banque milanaise Quimpex possède 12 % de Velnor. Quimpex n'a pas lancé d'offre. Sa "
                        "patronne, Hélène Varsac, a étonné les analystes en rachetant 5 % des actions de la troisième "
                        "banque régionale allemande.")
    assert ("Quimpex", "basedIn", "Milan") in got
    assert ("Quimpex", "basedIn", "Allemagne") not in got


def test_a_place_complement_of_the_subject_does_not_free_the_subject(extract):
    """« Le géant de Lyon a signé un accord avec la fintech française »: the fintech is not the giant."""
    got = read(extract, "La société Brimex cède Velnor et confie ses contrats à Quimpex. Le géant de Lyon "
                        "a signé en mai un accord avec la fintech française.")
    assert ("Brimex", "basedIn", "France") not in got


ACTED_ON = [
    pytest.param("L'éditeur Quimpex conçoit des logiciels. La venue du fonds Brimex va soutenir la croissance "
                 "de la société, basée à Lille.",
                 ("Quimpex", "basedIn", "Lille"), ("Brimex", "basedIn", "Lille"), id="the coming of X, la société"),
    pytest.param("La pépite Quimpex lève 40 millions. Le tour est mené par le belge Brimex. Ce tour de table rend le "
                 "fonds belge premier actionnaire de la pépite lilloise.",
                 None, ("Brimex", "basedIn", "Lille"), id="two descriptions of one verb"),
    pytest.param("La société Quimpex a bouclé un tour de table de 20 millions d'euros, qui chiffre la pépite "
                 "française à 200 millions.", ("Quimpex", "basedIn", "France"), None,
                 id="a relative clause's own subject, not the main one"),
]


@pytest.mark.parametrize(("text", "fact", "wrong"), ACTED_ON)
def test_a_description_is_not_who_acts_on_it(extract, text, fact, wrong):
    got = read(extract, text)
    assert fact is None or fact in got
    assert wrong not in got


def test_a_place_complement_introduces_no_name_for_later_descriptions(extract):
    """« Le constructeur de Lyon … Le premier constructeur de cycles français »: the description is the
    organisation named since, not the place."""
    got = read(extract, "Le constructeur de Lyon change de cap. La société Quimpex rappelle ses vélos. "
                        "Le premier constructeur de cycles français a précisé lundi avoir corrigé le défaut.")
    assert ("Quimpex", "basedIn", "France") in got


COMPATRIOTS = [
    pytest.param("La société Brimex recrute. La banque italienne a lancé un raid sur sa compatriote Velnor, qui "
                 "le juge hostile.", {("Brimex", "basedIn", "Italie"), ("Velnor", "basedIn", "Italie")},
                 id="a description's compatriot"),
    pytest.param("Le français Quimpex affronte l'allemand Brimex et son compatriote Velnor.",
                 {("Velnor", "basedIn", "Allemagne")}, id="the nearest demonym's compatriot"),
]


@pytest.mark.parametrize(("text", "facts"), COMPATRIOTS)
def test_a_compatriot_shares_the_country(extract, text, facts):
    got = assert_states(extract, text, facts)
    assert ("Velnor", "basedIn", "France") not in got


def test_a_city_makes_no_compatriot(extract):
    got = read(extract, "La banque milanaise Quimpex a lancé un raid sur sa compatriote Velnor.")
    assert ("Velnor", "basedIn", "Milan") not in got


def test_the_buyer_of_resold_data_is_no_source(extract):
    got = read(extract, "La société Velnor commercialise les données de ses clients auprès du groupe Quimpex.")
    assert ("Velnor", "usesDataFrom", "Quimpex") not in got
    assert ("Quimpex", "buysDataFrom", "Velnor") in got


def test_an_organisation_at_the_origin_of_a_product_launched_it(extract):
    facts = extract("Le studio Vektor, à l'origine du jeu Starfall, prépare une suite.")
    assert ("Vektor", "launched", "Starfall") in facts
    assert ("Vektor", "founderOf", "Starfall") not in facts


def test_the_demonym_of_a_subsidiary_does_not_place_its_parent(extract):
    got = read(extract, "Quimpex, filiale française du groupe japonais Velnor, ouvre une usine.")
    assert ("Velnor", "basedIn", "France") not in got


def test_a_move_of_the_seat_that_is_done_places_it(extract):
    assert ("Quimpex", "basedIn", "Lille") in read(extract, "La société Quimpex a déménagé son siège à Lille.")
