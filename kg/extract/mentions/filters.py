"""What is not a name, though it looks like one: a generic word, a legal form alone, a job title, initials, a
speaker label in an interview, a people (« les Allemands »), a participle capitalised because it opens a sentence.
:func:`keep` is asked of every cleaned candidate :mod:`.spans` yields.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.cues import entity_cues, fold, name_cues, place_cues
from kg.extract.mentions.tokens import line_start, opens_sentence

INITIALS = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?\.?$")
BLANKS = re.compile(r"\s+")
ORDINAL = re.compile(r"^[IVXLCDM]+(?:e|er|re|ème|eme)$")  # "XIIIe arrondissement"


def clean_text(span: Span) -> str:
    text = span.text.strip().strip("\"'“”«»‘’.,;:")
    return BLANKS.sub(" ", text)


def _is_speaker_label(span: Span) -> bool:
    """``INf. :`` or ``A.G. :`` opening an interview line: a speaker's initials, not an entity."""
    doc = span.doc  # (a colon in the next two tokens, spaces or not: the test asked of every name comes first)
    if not any(doc[k].text == ":" for k in range(span.end, min(span.end + 2, len(doc)))):
        return False
    return line_start(span[0]) and (len(span.text) <= 4 or "." in span.text)


def _demonym_noun(text: str) -> bool:
    """"les Allemands", "un Français", "franco-espagnole": a people or a nationality, not an entity."""
    demonyms = place_cues().demonyms
    parts = fold(text).split("-")
    return " " not in text and fold(text) not in place_cues().places and parts[-1] in demonyms and all(
        p.endswith("o") for p in parts[:-1])


def _opening_participle(span: Span) -> bool:
    """« Dirigée par X, la société … », « Installée à Grenoble, … »: a participle opening a sentence is capitalised
    only because it opens it."""
    tok = span[0]
    return len(span) == 1 and tok.pos_ in {"VERB", "AUX"} and "Part" in tok.morph.get("VerbForm") \
        and opens_sentence(tok)


def _opening_infinitive(span: Span) -> bool:
    """« « Sortir de la Bourse nous permet … » »: an infinitive capitalised because it opens a sentence or a
    quotation, a finite verb after it, is the subject of a clause, not a name (« la campagne « Manger mieux » »
    has no verb after it)."""
    tok, doc = span[0], span.doc
    after_quote = tok.i > 0 and doc[tok.i - 1].text in {"«", '"', "“"}
    if tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm") or not (opens_sentence(tok) or after_quote):
        return False
    return any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm")
               for t in doc[span.end : min(len(doc), span.end + 4)] if not t.is_punct)


def keep(span: Span, text: str) -> bool:
    """Whether a cleaned span is a name: not a generic word, a legal form alone (« une SA »), a job title,
    initials or a speaker label."""
    cues = entity_cues()
    folded = fold(text)
    if len(text) < 2 or not any(c.isalpha() for c in text) or text in name_cues().legal_forms:
        return False
    if folded in cues.not_names or folded in name_cues().common_words or INITIALS.match(text.replace(" ", "")):
        return False
    if _is_speaker_label(span) or ORDINAL.match(text) or _demonym_noun(text) or _opening_participle(span) \
            or _opening_infinitive(span):
        return False
    words = [fold(t.text) for t in span]
    titles = sum(1 for w in words if w in cues.title_words)
    return not (titles and titles * 2 >= len(words))
