"""What kind of thing a mention is, as the frame engine asks it: the type its votes favour, and whether it may fill a
slot of the allowed types."""

from __future__ import annotations

from kg.extract.cues import first_names, fold, place_cues
from kg.model import Mention

WEAK_SOURCES = {"ner:MISC", "ner:LOC", "ner:PER", "caps", "lower"}  # names no noun or cue typed
GIVEN_NAME = 1.5  # the vote a lone given name gets from a person the text names in full


def kind_of(m: Mention) -> str:
    """The type a mention's own votes favour (kept per set of votes: readers ask it of every name they pass)."""
    kind = _KINDS.get(m.type_votes)
    if kind is None:
        if len(_KINDS) >= KINDS_KEPT:
            _KINDS.clear()
        kind = _KINDS[m.type_votes] = max(m.type_votes, key=lambda kv: (kv[1], kv[0] == "Organization"))[0] \
            if m.type_votes else "Organization"
    return kind


_KINDS: dict[tuple[tuple[str, float], ...], str] = {}
KINDS_KEPT = 100_000


def fits(m: Mention, allowed: frozenset[str]) -> bool:
    """Whether a mention can fill a slot of the allowed types.

    spaCy's French NER types many company names as persons or places, and the frame is evidence of its own: the
    subject of « a racheté » is an organisation. So a slot for an organisation takes any name but a place the
    gazetteer knows, a full personal name (first name and surname, nothing that marks a company), or a thing the
    votes never call an organisation; a slot for a person takes a multi-word name with a vote for a person; a slot
    for a product takes a name only NER typed, weakly (« lancer Kobix, un bras robotisé »: the launch says it).
    """
    kind = kind_of(m)
    if kind in allowed:
        return True
    votes = dict(m.type_votes)
    if "Organization" in allowed:
        if kind == "Place":
            return fold(m.text) not in place_cues().places and votes.get("Place", 0.0) < 2.0
        if kind == "Person":
            return (" " not in m.text.strip() and not familiar(m, votes)) or votes.get("Organization", 0.0) > 0
        return votes.get("Organization", 0.0) > 0
    if "Person" in allowed and kind == "Organization":
        return votes.get("Person", 0.0) > 0 and " " in m.text.strip()
    if "Product" in allowed and m.source in WEAK_SOURCES and fold(m.text) not in place_cues().places:
        return max(votes.values(), default=0.0) < 1.0  # « lancer Kobix, un bras robotisé »: NER's guess alone
    if "Place" in allowed:
        return fold(m.text) in place_cues().places
    return False


def familiar(m: Mention, votes: dict[str, float]) -> bool:
    """« Ingrid connaît nos clients » after « Ingrid Solberg »: a lone given name the text gives a person in full
    (:data:`GIVEN_NAME`, cast in kg.extract.mentions.votes) is that person named familiarly, no company."""
    return votes.get("Person", 0.0) >= GIVEN_NAME and fold(m.text) in first_names()
