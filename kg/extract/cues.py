"""Cue lists, read once from ``ontology/cues/*.toml`` into typed, normalised lookups.

Keeping cue words in data files means a linguist can extend kg's coverage without touching code, and the build
cache can tell when they change (:func:`kg.ontology.data_fingerprint`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kg.ontology import load_toml


@lru_cache(maxsize=65536)  # called thousands of times per document on a few hundred distinct words
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes: the key cue lists and names are compared on."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@dataclass(frozen=True)
class EntityCues:
    type_nouns: dict[str, str]
    org_name_words: frozenset[str]
    event_name_words: frozenset[str]
    not_names: frozenset[str]
    title_words: frozenset[str]
    place_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameCues:
    """Cues for the surface form of names (``ontology/cues/names.toml``)."""

    honorifics: frozenset[str]
    legal_forms: frozenset[str]  # case-sensitive
    generic_suffixes: frozenset[str]
    institution_heads: frozenset[str]
    renaming_words: frozenset[str]
    trade_name_phrases: tuple[tuple[str, ...], ...]
    speech_verbs: frozenset[str]
    common_words: frozenset[str]
    family_nouns: frozenset[str] = frozenset()
    generic_prefixes: frozenset[str] = frozenset()
    fund_suffixes: frozenset[str] = frozenset()
    holding_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PlaceCues:
    demonyms: dict[str, str]  # any inflected form (folded) -> canonical place name
    places: dict[str, str]  # folded name or alias -> canonical place name
    kinds: dict[str, str]  # canonical place name -> "country", "city", "region", "state" or "continent"


@cache
def entity_cues() -> EntityCues:
    data = load_toml("cues/entities.toml")
    return EntityCues(
        type_nouns={fold(k): v for k, v in data["type_nouns"].items()},
        org_name_words=frozenset(fold(w) for w in data["org_name_words"]),
        event_name_words=frozenset(fold(w) for w in data.get("event_name_words", [])),
        not_names=frozenset(fold(w) for w in data["not_names"]),
        title_words=frozenset(fold(w) for w in data["title_words"]),
        place_nouns=frozenset(fold(w) for w in data.get("place_nouns", [])),
    )


@cache
def name_cues() -> NameCues:
    data = load_toml("cues/names.toml")

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(key, []))

    return NameCues(
        honorifics=folded("honorifics"),
        legal_forms=frozenset(data.get("legal_forms", [])),
        generic_suffixes=folded("generic_suffixes"),
        institution_heads=folded("institution_heads"),
        renaming_words=folded("renaming_words"),
        trade_name_phrases=tuple(tuple(fold(p).split()) for p in data.get("trade_name_phrases", [])),
        speech_verbs=folded("speech_verbs"),
        common_words=folded("common_words"),
        family_nouns=folded("family_nouns"),
        generic_prefixes=folded("generic_prefixes"),
        fund_suffixes=folded("fund_suffixes"),
        holding_nouns=folded("holding_nouns"),
        group_nouns=folded("group_nouns"),
    )


@cache
def company_tails() -> frozenset[str]:
    """The words that, after a name, only say « a company »: the generic suffixes and the legal forms, folded, with
    and without their final dot (« Inc. », « inc »). Read by the mention finder and by resolution alike."""
    cues = name_cues()
    legal = {fold(w) for w in cues.legal_forms}
    return frozenset(cues.generic_suffixes | legal | {w.rstrip(".") for w in legal})


def _inflections(word: str) -> set[str]:
    """Feminine and plural forms of a French demonym: britannique(s), français(e)(s), californien(ne)(s)."""
    forms = {word, word + "s"}
    if word.endswith("ien") or word.endswith("éen"):
        forms |= {word + "ne", word + "nes"}
    elif word.endswith("s"):
        forms |= {word + "e", word + "es"}
    elif word.endswith("e"):
        pass
    elif word.endswith("c"):
        forms |= {word + "que", word + "ques"}
    elif word.endswith("on"):
        forms |= {word + "ne", word + "nes"}
    else:
        forms |= {word + "e", word + "es"}
    return forms


@cache
def place_cues() -> PlaceCues:
    try:
        data: dict[str, Any] = load_toml("cues/places.toml")
    except FileNotFoundError:
        data = {}
    demonyms: dict[str, str] = {}
    for masc, place in data.get("demonyms", {}).items():
        for form in _inflections(masc):
            demonyms.setdefault(fold(form), place)
    for form, masc in data.get("demonym_forms", {}).items():
        place = data.get("demonyms", {}).get(masc)
        if place:
            demonyms[fold(form)] = place
    places = {fold(name): name for name in data.get("places", {})}
    for alias, name in data.get("place_aliases", {}).items():
        places[fold(alias)] = name
    kinds = {name: str(kind) for name, kind in data.get("places", {}).items()}
    return PlaceCues(demonyms=demonyms, places=places, kinds=kinds)


@cache
def first_names() -> frozenset[str]:
    """Given names, folded (``ontology/cues/first_names.toml``): a name opening on one is most likely a person's."""
    try:
        return frozenset(fold(n) for n in load_toml("cues/first_names.toml").get("first_names", []))
    except FileNotFoundError:
        return frozenset()


@cache
def amount_cues() -> dict[str, Any]:
    """Multipliers, currencies and month names (``ontology/cues/amounts.toml``), read by :mod:`kg.extract.amounts`."""
    return load_toml("cues/amounts.toml")["amounts"]
