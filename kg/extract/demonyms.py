"""Demonyms: the places a nationality adjective names (« britannique » -> Royaume-Uni, « franco-américain » ->
France and États-Unis). Moved out of roles.py, which is near its size limit; read by :mod:`kg.extract.locate`."""

from __future__ import annotations

from functools import lru_cache

from kg.extract.context import DocContext
from kg.extract.cues import place_cues


def demonym_place(ctx: DocContext, i: int) -> tuple[str, ...]:
    """The places a demonym at token ``i`` names: « britannique » -> Royaume-Uni, « franco-américain » -> both."""
    return places_of(ctx.words[i])


@lru_cache(maxsize=65536)  # asked of every token of every text, on a few thousand distinct words
def places_of(word: str) -> tuple[str, ...]:
    """The places the (folded) demonym ``word`` names, or ()."""
    demonyms = place_cues().demonyms
    if word in demonyms:
        return (demonyms[word],)
    parts = word.split("-")
    if len(parts) == 2 and parts[1] in demonyms:
        first = PREFIXES.get(parts[0])
        return tuple(p for p in (first, demonyms[parts[1]]) if p)
    return ()


# The first half of a compound demonym: « franco-américaine », « germano-britannique ».
PREFIXES = {"franco": "France", "germano": "Allemagne", "anglo": "Royaume-Uni", "italo": "Italie", "sino": "Chine",
            "belgo": "Belgique", "helvetico": "Suisse", "hispano": "Espagne", "americano": "États-Unis",
            "nippo": "Japon", "russo": "Russie", "israelo": "Israël", "luso": "Portugal", "indo": "Inde",
            "canado": "Canada", "suedo": "Suède", "dano": "Danemark", "greco": "Grèce", "turco": "Turquie",
            "austro": "Autriche", "polono": "Pologne", "euro": "Europe"}
