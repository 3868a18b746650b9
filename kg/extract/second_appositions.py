"""A second apposition to the same name, after a time adverb: « X, ancien directeur de Y, aujourd'hui chief
commercial officer chez Z ». The title after « aujourd'hui » / « désormais » stands beside no name of its own: its
holder is the name the first apposition (a past role, which gives no fact of its own) is set off from. Kept apart
from roles.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.context import DocContext, kind_of
from kg.extract.readers import Reader
from kg.model import Mention


def now_apposed(ctx: DocContext, reader: Reader, first: int, start: int,
                past_phrases: tuple[str, ...] = ()) -> list[Mention]:
    """The holder of the title starting at ``first`` when « , <adverb> » opens it right after a person's name or
    after an earlier apposition."""
    if first - 3 <= start or ctx.tokens[first - 1].pos_ != "ADV" or ctx.words[first - 2] != ",":
        return []
    if ctx.words[first - 1] in past_phrases:
        return []  # « X, alors directeur général de Y »: a past role
    before = ctx.mention(first - 3)
    if before is not None and kind_of(before) == "Person":  # « avec X, aujourd'hui directeur technique »
        return [before]
    j = first - 3
    while j > start and ctx.words[j] != "," and "Fin" not in ctx.verb_forms[j]:
        j -= 1
    if j <= start or ctx.words[j] != ",":
        return []
    return reader.names_before(j, start)[-1:]
