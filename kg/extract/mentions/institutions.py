"""Institutional names: a head written with a capital (« Agence », « Autorité », « École », « Forum ») runs on over
the lower-case words that complete it (« Agence spatiale canadienne », « Caisse des dépôts et consignations »,
« Fondation pour l'habitat durable », « École des compagnons du Rhône »), also where spaCy stopped inside it. And
a name the acronym after it spells (« le Bureau national des entreprises (BNE) »), wherever its head is known.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.cues import first_names, fold, name_cues
from kg.extract.mentions.tokens import ARTICLES, DE_WORDS, capital_article, is_break, opens_sentence

SMALL_WORDS = {"de", "du", "des", "d'", "d", "la", "le", "les", "l'", "l", "et", "pour", "a", "en", "sur", "aux", "au"}
MAX_EXPANSION = 10  # words of a name an acronym in brackets can spell
TIME_NOUNS = {"an", "annee", "mois", "semaine", "jour", "journee", "soir", "matin", "trimestre", "semestre",
              "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier", "mars",
              "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}


def complement_end(doc: Doc, j: int, titled: bool = False) -> int:
    """The end of the lower-case words that complete an institutional head: "spatiale européenne",
    "de la concurrence", "des dépôts et consignations", "de football professionnel", "pour l'habitat durable".
    A capitalised word after « du », « de la », « des » ends it (« des éleveurs de l'Aubrac », « du Rhône »); one
    after a bare « de » is where the institution sits, not its name, except in a title a capital article opens
    (``titled``: « Le Pétrin d'Aurèle », « Les Vignerons de Sauveterre ») where no person's full name follows
    (« Le Courrier de Jean Dupont » is his)."""
    first, end, had_de = j, j, False
    while j < len(doc) and j - first < 9:
        t = doc[j]
        # « des compagnons bâtisseurs »: a noun in apposition to the complement's noun
        apposed = had_de and j == end and t.pos_ == "NOUN" and fold(t.lemma_) not in TIME_NOUNS
        if (t.pos_ == "ADJ" or apposed) and t.text.islower() and t.text.isalpha():
            j += 1
            end = j
            continue
        k = j + 1
        word = fold(t.text)
        if word in DE_WORDS or word == "pour" or (word == "et" and had_de):
            coordinated = word == "et"
            if coordinated and k < len(doc) and fold(doc[k].text) in DE_WORDS:
                k += 1  # « ... prudentiel et de résolution »
                coordinated = False
            article = k < len(doc) and fold(doc[k].text) in ARTICLES
            if article and coordinated:
                break  # « la Fondation X et l'association Y »: a second name
            k += article
            if k < len(doc) and doc[k].pos_ in {"NOUN", "PROPN"} and doc[k].text.islower() and doc[k].text.isalpha() \
                    and fold(doc[k].lemma_) not in TIME_NOUNS:
                j = end = k + 1
                had_de = True
                continue
            if k < len(doc) and (article or word in {"du", "des"} or (titled and not _full_name(doc, k))) \
                    and doc[k].text[:1].isupper() and doc[k].pos_ in {"PROPN", "NOUN", "X"} and not is_break(doc[k]):
                return k + 1
        break
    return end


def _full_name(doc: Doc, k: int) -> bool:
    """A given name and a capitalised word from token k (« Jean Dupont »): a person's name."""
    return k + 1 < len(doc) and fold(doc[k].text) in first_names() and doc[k + 1].text[:1].isupper()


def titled_head(doc: Doc, i: int) -> bool:
    """An institutional head written with a capital inside a sentence, or a word after a capital article."""
    return doc[i].text[:1].isupper() and (
        (fold(doc[i].text) in name_cues().institution_heads and not opens_sentence(doc[i]))
        or (i > 0 and capital_article(doc[i - 1])))


def institution_end(doc: Doc, start: int, end: int) -> int:
    """Run an institutional head ("Agence", "Autorité") or a title opened by a capital article mid-sentence
    ("La Française") on over its lower-case complement; other names keep their end."""
    first = start
    while first < end and fold(doc[first].text) in ARTICLES:
        first += 1
    if first >= end or not titled_head(doc, first):
        return end
    full = complement_end(doc, first + 1, titled=first > 0 and capital_article(doc[first - 1]))
    return full if full >= end else end  # the NER span stopped inside the name, or already holds more


def expanded_acronyms(doc: Doc) -> list[tuple[int, int, str, None]]:  # (source "expansion": kept whole)
    """« le Bureau national des entreprises (BNE) », « Fonds stratégique numérique (FSN) »: the words before an
    acronym in brackets whose initials spell it, from a capitalised word (small words skipped), as a name; NER often
    misses a name whose head it does not know."""
    out: list[tuple[int, int, str, None]] = []
    for p in range(1, len(doc) - 2):
        short = doc[p + 1].text
        if doc[p].text != "(" or doc[p + 2].text != ")" or not (short.isupper() and short.isalpha() and
                                                                2 <= len(short) <= 6):
            continue
        letters = ""
        for s in range(p - 1, max(-1, p - 1 - MAX_EXPANSION), -1):
            word = fold(doc[s].text)
            if (is_break(doc[s]) and word not in SMALL_WORDS) or doc[s].text in {",", ";", ":", "»", "«"}:
                break  # (« en », « pour » link two names, but not inside the words an acronym spells)
            if word not in SMALL_WORDS:
                letters = "".join(w[0] for w in re.split(r"[-'’]+", word) if w) + letters
            if letters == fold(short) and doc[s].text[:1].isupper() and s < p - 1:
                out.append((s, p, "expansion", None))
                break
            if len(letters) >= len(short):
                break
    return out
