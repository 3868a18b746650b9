"""Who is appointed to take an office, and the organisation a board's office is of.

« Le conseil de Y a désigné X pour prendre la présidence du directoire du groupe »: the leading phrase (« prendre la
présidence de ») has no subject of its own; the person the appointing verb (lexicon ``appointment``) names before
« pour » takes the office. And the office is of the organisation the board (lexicon ``board_nouns``) belongs to: the
name, or what the description stands for, after the board noun and its own complement (« du directoire du groupe »,
« du conseil d'administration de la société Y »). Kept apart from engine.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.complements import NONE, Found
from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Lexicon
from kg.extract.modality import modal, negated
from kg.extract.readers import Reader
from kg.extract.reference import ORG, References
from kg.model import Mention

BOARD_LINKS = {"de", "du", "d'", "des"}


def appointed_for(ctx: DocContext, lex: Lexicon, a: int) -> list[Mention]:
    """« a désigné X pour prendre … » with the phrase at token ``a``: [X], else []."""
    start, _ = ctx.sentence(a)
    k = a - 1
    if k <= start or ctx.words[k] != "pour":
        return []
    m = ctx.mention(k - 1)
    if m is None or kind_of(m) != "Person":
        return []
    v = ctx.bounds(m)[0] - 1
    while v >= start and ctx.tokens[v].pos_ == "ADV":
        v -= 1
    if v < start or ctx.tokens[v].pos_ != "VERB" or ctx.lemmas[v] not in lex.appointment_verbs:
        return []
    return [] if negated(ctx, v, lex) or modal(ctx, v, lex) else [m]  # « n'a pas désigné », « pourrait désigner »


def board_of(ctx: DocContext, reader: Reader, refs: References, lex: Lexicon, b: int) -> Found:
    """The organisation a board named at token ``b`` belongs to (« directoire du groupe », « conseil de Y »)."""
    _, end = ctx.sentence(b)
    if b >= end or ctx.lemmas[b] not in lex.board_nouns or ctx.mention(b) is not None:
        return NONE
    j = b + 1
    while j + 1 < end and ctx.words[j] in BOARD_LINKS and ctx.mention(j + 1) is None and \
            ctx.tokens[j + 1].pos_ == "NOUN" and not reader.is_description_noun(j + 1):
        j += 2  # « conseil d'administration », « conseil de surveillance »
    if j >= end or ctx.words[j] not in BOARD_LINKS:
        return NONE
    names = reader.names_at(j + 1, end)
    if names:
        return Found(tuple(names[:1]), "parse")
    m = refs.within(j + 1, reader.skip_description(j + 1, end), ORG)
    return Found((m,), "reference") if m is not None else NONE
