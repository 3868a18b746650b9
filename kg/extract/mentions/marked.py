"""Names the text marks rather than capitalises: in quotes after a noun or an article (« l'association "Stop au
Sida" », « le « Palmarès des villes vertes » »), and brands written in lower case that a type noun describes (« la
start-up hopla »). Candidates for :func:`kg.extract.mentions.find_mentions`, like the runs of :mod:`.spans`.
"""

from __future__ import annotations

from spacy.lexeme import Lexeme
from spacy.tokens import Doc

from kg.extract.cues import entity_cues, fold, name_cues
from kg.extract.mentions.nouns import NAMING_WORDS as PARTICIPLES
from kg.extract.mentions.nouns import type_noun
from kg.extract.mentions.tokens import by_lexeme, name_like

Candidate = tuple[int, int, str, str | None]  # token start, end, source, NER label

QUOTES = {"«": "»", '"': '"', "“": "”"}
NAMING_WORDS = PARTICIPLES | {"label", "marque", "nom"}  # before a quoted name


def _is_quote(lex: Lexeme) -> bool:
    return lex.text in QUOTES


QUOTED_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "du", "au", "son", "sa", "leur", "ce", "cette"}


def quoted_names(doc: Doc) -> list[Candidate]:
    """« l'association "Stop au Sida" », « les hackathons « Cartes ouvertes » »: a quoted name after a type noun
    or a naming word is a name, whatever its case inside."""
    out: list[Candidate] = []
    nouns = entity_cues().type_nouns
    for i, quote in enumerate(by_lexeme(doc, _is_quote)):
        if not quote or i + 1 >= len(doc):
            continue
        tok = doc[i]
        close = QUOTES[tok.text]
        k = tok.i - 1
        k -= k > 0 and doc[k].text == "," and fold(doc[k - 1].lemma_) in nouns  # « sa campagne, « X » »
        while k >= 0 and doc[k].pos_ == "ADJ":
            k -= 1
        determined = k >= 0 and fold(doc[k].text) in QUOTED_DETERMINERS  # « le « X du circuit court » »
        if k < 0 or not (fold(doc[k].lemma_) in nouns or fold(doc[k].text) in NAMING_WORDS or determined):
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 12 and doc[j].text != close and "\n" not in doc[j].text:
            j += 1
        if j < len(doc) and doc[j].text == close and j > tok.i + 1 and name_like(doc[tok.i + 1]) and not (
                determined and any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm")
                                   for t in doc[tok.i + 1 : j])):  # (a quotation said, not a title)
            out.append((tok.i + 1, j, "quoted", None))
    return out


def lower_case_names(doc: Doc) -> list[Candidate]:
    """« la start-up hopla », « l'application yuka »: a lower-case word no vector knows, right after a noun that
    types what it names (not a person's), is a brand written in lower case. Later mentions are found as repeats."""
    out: list[Candidate] = []
    nouns = entity_cues().type_nouns
    common = name_cues().common_words | entity_cues().not_names
    for i in range(1, len(doc)):
        tok = doc[i]
        if not (tok.text.islower() and tok.is_alpha and len(tok.text) >= 3 and tok.is_oov) or \
                fold(tok.text) in nouns or fold(tok.text) in common or fold(tok.lemma_) in nouns:
            continue
        if type_noun(doc[i : i + 1]) in {"Organization", "Product"}:  # (also « hopla, une application … »)
            out.append((i, i + 1, "lower", None))
    return out
