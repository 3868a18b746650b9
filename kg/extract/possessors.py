"""Whose a role is when a determiner says it: « sa filiale », « nos clients », and two ways French points back to
an earlier possessor: a demonstrative (« Nos clients veulent … Parmi ces clients figurent A et B ») and « en »
before a copula (« X en est aujourd'hui le PDG »). Kept apart from roles.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.reference import References

DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
COPULAS = {"etre", "devenir", "rester", "demeurer"}


def possessive_of(ctx: DocContext, lex: Lexicon, refs: References, a: int, first: int, recall: bool = False) -> int:
    """The possessive before the role noun at ``a``, past its adjectives, not before token ``first`` (else -1);
    with ``recall``, also the possessive a demonstrative recalls (:func:`possessive_recalled`) or the « en » of
    « en est (aujourd'hui) le PDG », which :meth:`References.possessive` resolves alike."""
    p = a - 1
    while p >= first and (ctx.tokens[p].pos_ == "ADJ" or ctx.words[p] in lex.fillers):
        p -= 1
    if recall and p >= first and ctx.words[p] in DEMONSTRATIVES:
        return possessive_recalled(ctx, lex, refs, a, first)
    if recall and p - 1 > first and ctx.words[p] in {"le", "la", "l'"}:
        k = p - 1
        while k > first and ctx.tokens[k].pos_ == "ADV":
            k -= 1
        if ctx.lemmas[k] in COPULAS and ctx.words[k - 1] == "en":
            return k - 1
    return p if p >= first and (ctx.words[p] in lex.possessives or refs.is_we(p)) else -1


def possessive_recalled(ctx: DocContext, lex: Lexicon, refs: References, a: int, start: int) -> int:
    """« ces clients » at ``a`` are the ones the same noun named with a possessive in this sentence (starting at
    ``start``) or the two before; that possessive says whose (else -1)."""
    first = start
    for _ in range(2):
        if first > 0:
            first = ctx.sentence(first - 1)[0]
    for k in range(a - 1, first - 1, -1):
        if ctx.lemmas[k] == ctx.lemmas[a] and ctx.words[k - 1] not in DEMONSTRATIVES:
            return possessive_of(ctx, lex, refs, k, first)
    return -1
