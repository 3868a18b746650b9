"""The name that opens a sentence, as the subject its main verb lost in the parse.

« X, l'entité data du groupe Y, qui commercialise les données de A et B, s'associe à Z »: after a long apposition
and a relative clause the parser often leaves the main verb without a subject. When the sentence opens on a name
followed by a comma, and the verb's group comes right after the comma that closes the incise, that name is the
subject. A description right after that comma stands for the name too (:meth:`Arguments.names_of`). Kept apart
from arguments.py, which is at its size limit.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext
from kg.model import Mention


def opening_name(ctx: DocContext, start: int) -> Mention | None:
    """The name the sentence starting at ``start`` opens on (after its determiners), when a comma follows it."""
    k = start
    while k < len(ctx.tokens) and ctx.pos[k] == "DET":
        k += 1
    m = ctx.mention(k) if k < len(ctx.tokens) else None
    if m is None:
        return None
    end = ctx.bounds(m)[1]
    return m if end < len(ctx.tokens) and ctx.words[end] == "," else None


def opening_subject(ctx: DocContext, head: Token, verb_start: int) -> Mention | None:
    """The name opening the sentence of ``head`` (the main verb, its group starting at ``verb_start``), when an
    incise set off by commas stands between them; else None."""
    start, _ = ctx.sentence(head.i)
    if head.dep_ != "ROOT" or head.pos_ not in {"VERB", "AUX"} or verb_start - 1 <= start \
            or ctx.words[verb_start - 1] != ",":
        return None
    m = opening_name(ctx, start)
    return m if m is not None and ctx.bounds(m)[1] < verb_start - 1 else None
