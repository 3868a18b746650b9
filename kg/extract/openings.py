"""The name that opens a sentence, as the subject its main verb lost in the parse.

« X, l'entité data du groupe Y, qui commercialise les données de A et B, s'associe à Z »: after a long apposition
and a relative clause the parser often leaves the main verb without a subject. When the sentence opens on a name
followed by a comma, and the verb's group comes right after the comma that closes the incise, that name is the
subject. A description right after that comma stands for the name too (:meth:`Arguments.names_of`). And when the main
verb has no subject at all, the name before it (past an aside) is what the sentence is about; and a relative
« qui » after « X, filiale de Y, » is X's, not Y's. Kept apart
from arguments.py, which is at its size limit.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext, fits, kind_of
from kg.extract.readers import Reader
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


def opening_pair(ctx: DocContext, start: int) -> list[Mention]:
    """« A et B, deux groupes lyonnais, s'allient »: the two names the sentence starting at ``start`` opens on,
    joined by « et » and followed by a comma; else []."""
    first = _described_name(ctx, start)
    k = ctx.bounds(first)[1] if first is not None else 0
    if first is None or k + 1 >= len(ctx.tokens) or ctx.words[k] != "et":
        return []
    second = _described_name(ctx, k + 1)
    end = ctx.bounds(second)[1] if second is not None else 0
    return [first, second] if second is not None and end < len(ctx.tokens) and ctx.words[end] == "," else []


def _described_name(ctx: DocContext, k: int) -> Mention | None:
    """The name at ``k``, past a determiner and a noun or two (« le groupe X », « la start-up X »)."""
    for j in range(k, min(len(ctx.tokens), k + 4)):
        m = ctx.mention(j)
        if m is not None:
            return m
        if ctx.pos[j] not in {"DET", "NOUN", "PROPN", "ADJ"}:
            return None
    return None


def opening_subject(ctx: DocContext, head: Token, verb_start: int) -> list[Mention]:
    """The name (or the pair of names) opening the sentence of ``head`` (the main verb, its group starting at
    ``verb_start``), when an incise set off by commas stands between them; else []."""
    start, _ = ctx.sentence(head.i)
    if head.dep_ != "ROOT" or head.pos_ not in {"VERB", "AUX"} or verb_start - 1 <= start \
            or ctx.words[verb_start - 1] != ",":
        return []
    m = opening_name(ctx, start)
    names = [m] if m is not None else opening_pair(ctx, start)
    return names if names and ctx.bounds(names[-1])[1] < verb_start - 1 else []


def detached_subject(ctx: DocContext, reader: Reader, s: int, e: int, allowed: frozenset[str],
                     skip: set[str]) -> Mention | None:
    """« En mars, X a accueilli … » parsed with X in apposition to « mars », « X, enfin, n'a pas racheté … »
    parsed with X apart: when the main verb of the sentence [s, e) has no subject, the name just before it (past
    an aside between commas), as what the sentence is about."""
    root = next((t for t in ctx.tokens[s:e] if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
    if root is None or any(c.dep_.startswith("nsubj") for c in root.children):
        return None
    k = root.i
    while k - 1 > s and ctx.tokens[k - 1].pos_ in {"AUX", "ADV"}:
        k -= 1
    if k - 1 > s and ctx.words[k - 1] == ",":  # past an aside: « X, enfin, », « X, de son côté, »
        j = next((j for j in range(k - 2, max(s, k - 6), -1) if ctx.words[j] == ","), None)
        if j is not None and all(ctx.mention(t) is None and ctx.tokens[t].pos_ not in {"VERB", "AUX"}
                                 for t in range(j + 1, k - 1)):
            k = j
    named = [m for m in reader.names_before(k, s) if fits(m, allowed) and m.text not in skip]
    return named[0] if named else None


def apposition_head(ctx: DocContext, m: Mention | None) -> Mention | None:
    """« X, filiale de Y, qui a racheté Z »: when the name a relative pronoun follows (``m``) is the complement of
    an apposition to the organisation X, the clause is X's. (Not « A, directrice générale de Y, qui a levé … »: a
    person's title, and Y raised.)"""
    if m is None:
        return None
    a = ctx.bounds(m)[0]
    start = ctx.sentence(a)[0]
    if a - 2 < start or ctx.words[a - 1] not in {"de", "d'", "du"}:
        return m
    k = a - 1
    while k > start and a - k <= 6 and ctx.mention(k - 1) is None and ctx.words[k - 1] != "," and \
            ctx.tokens[k - 1].pos_ in {"NOUN", "ADJ", "DET", "ADP"}:
        k -= 1
    head = ctx.mention(k - 2) if k - 2 >= start and ctx.words[k - 1] == "," else None
    return head if head is not None and k < a - 1 and kind_of(head) != "Person" else m
