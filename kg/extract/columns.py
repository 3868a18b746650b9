"""Per-token columns of a parsed document whose value depends only on a string of the token (its word, its lemma):
read through ``Doc.to_array`` and kept per string hash across documents.

A text repeats its words and a corpus repeats its vocabulary, so the value of a word is made once per build, and a
document's column costs one dictionary lookup per token: no spaCy Token is made, and no string is folded again
(issue 10: a scan that asked each Token for its lemma and folded it cost more than the readers that use it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.attrs import LEMMA, MORPH, ORTH
from spacy.morphology import Morphology
from spacy.tokens import Doc

from kg.extract.cues import fold

T = TypeVar("T")
MAX_KEPT = 1 << 20  # values a table keeps (a corpus's vocabulary); started again past it


def cached_column(doc: Doc, attr: int, table: dict[int, T], value: Callable[[int], T]) -> list[T]:
    """``value`` of the hash of attribute ``attr`` (``ORTH``, ``LEMMA``) for each token of ``doc``, the values kept
    in ``table`` (one per kind of value, made once: the same hash must always give the same value)."""
    hashes = doc.to_array(attr).tolist() if len(doc) else []
    try:
        return list(map(table.__getitem__, hashes))
    except KeyError:
        if len(table) > MAX_KEPT:
            table.clear()
        for h in set(hashes).difference(table):
            table[h] = value(h)
        return list(map(table.__getitem__, hashes))


_TEXTS: dict[int, str] = {}
_FOLDED: dict[int, str] = {}  # a string's fold, by the string's hash (words and lemmas share the hashes)


def texts(doc: Doc) -> list[str]:
    """Each token's text."""
    strings = doc.vocab.strings
    return cached_column(doc, ORTH, _TEXTS, lambda h: strings[h])


def folded_words(doc: Doc) -> list[str]:
    """Each token's text, folded (:func:`kg.extract.cues.fold`)."""
    strings = doc.vocab.strings
    return cached_column(doc, ORTH, _FOLDED, lambda h: fold(strings[h]))


def folded_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma, folded."""
    strings = doc.vocab.strings
    return cached_column(doc, LEMMA, _FOLDED, lambda h: fold(strings[h]))


_FEATURES: dict[str, dict[int, str]] = {}  # per morphological feature, its value by analysis hash


def morph_feature(doc: Doc, feature: str) -> list[str]:
    """Each token's value of the morphological ``feature`` (« VerbForm », « Mood », « Tense »): « Inf », « Cnd »,
    « Imp,Pres » or "". A test ``"Cnd" in column[i]`` says what ``"Cnd" in token.morph.get("Mood")`` says (no value
    holds another's name), at a lookup per token: ``morph.get`` parses the analysis again at each call (1.5 µs)."""
    table = _FEATURES.get(feature)
    if table is None:
        table = _FEATURES[feature] = {}
    strings = doc.vocab.strings
    return cached_column(doc, MORPH, table,
                         lambda h: Morphology.feats_to_dict(strings[h] if h else "").get(feature, ""))
