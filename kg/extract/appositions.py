"""A description noun followed by the name it describes, set off by commas.

« va racheter l'éditeur de A et de B, Y, pour 60 milliards », « a racheté le spécialiste lyonnais du logiciel, Y »:
the names after the description's « de » are its complements; the name after the comma is what the description
(and so the verb's object or subject) stands for. Not « …, Y a confirmé »: a name that opens a new clause. Kept
apart from arguments.py, which is at its size limit.
"""

from __future__ import annotations

from kg.extract.complements import Found
from kg.extract.context import DocContext
from kg.extract.readers import Reader
from kg.model import Mention

DE_WORDS = {"de", "d'", "du", "des"}
AFTER_APPOSITION = {",", ".", "(", ";"}


def described_object(ctx: DocContext, reader: Reader, b: int, found: Found) -> Found:
    """The object read after a trigger ending at ``b``, or the name apposed to the description whose « de »
    complements ``found`` are."""
    first = ctx.bounds(found.mentions[0])[0]
    if b < first - 1 and ctx.words[first - 1] in DE_WORDS:
        m = apposed_after(ctx, reader, first - 2)
        if m is not None:
            return Found((m,), "parse")
    return found


def apposed_after(ctx: DocContext, reader: Reader, k: int) -> Mention | None:
    """The name set off by commas after the description noun at ``k`` and its complements, or None."""
    _, end = ctx.sentence(k)
    if not reader.is_description_noun(k):
        return None
    j = k + 1
    while j < min(end, k + 12) and ctx.words[j] != ",":
        m = ctx.mention(j)
        if m is None and ctx.pos[j] not in {"ADJ", "DET", "NOUN", "ADP", "CCONJ"}:
            return None
        j = ctx.bounds(m)[1] if m is not None else j + 1
    m = ctx.mention(j + 1) if j + 1 < end and ctx.words[j] == "," else None
    if m is None:
        return None
    after = ctx.bounds(m)[1]
    return m if after >= end or ctx.words[after] in AFTER_APPOSITION else None
