"""A second apposition to the same name, after a time adverb: « X, ancien directeur de Y, aujourd'hui chief
commercial officer chez Z ». The title after « aujourd'hui » / « désormais » stands beside no name of its own: its
holder is the name the first apposition (a past role, which gives no fact of its own) is set off from. Kept apart
from roles.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.context import DocContext
from kg.extract.readers import Reader
from kg.model import Mention


def now_apposed(ctx: DocContext, reader: Reader, first: int, start: int) -> list[Mention]:
    """The holder of the title starting at ``first`` when « , <adverb> » opens it after an earlier apposition."""
    if first - 3 <= start or ctx.tokens[first - 1].pos_ != "ADV" or ctx.words[first - 2] != ",":
        return []
    j = first - 3
    while j > start and ctx.words[j] != "," and "Fin" not in ctx.verb_forms[j]:
        j -= 1
    if j <= start or ctx.words[j] != ",":
        return []
    return reader.names_before(j, start)[-1:]
