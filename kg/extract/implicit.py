"""The organisation a person's role is of when the text does not say it: « ajoute X, cofondateur et co-CEO. »,
« souligne X, l'autre cofondateur », « son frère X, cofondateur, prend en charge la R&D ».

News names the company once and then gives its people's titles bare. A bare singular title standing beside its
holder is read as a title of the one organisation its sentence names, or, when the sentence names none, of the one
the section or the text is clearly about (named at least three times and twice as often as any other; a quotation's
« nous » is not enough, it may speak for a product). A sentence naming two organisations or more leaves the title
without one. Kept apart from engine.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.complements import NONE, Found
from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Lexicon

PEOPLE_PREDICATES = {"ceoOf", "leaderOf", "employeeOf", "founderOf"}
# how the holder of a bare title is read (roles.RoleReader.holders): beside it, not through a verb
BESIDE = {"apposition", "after", "fronted"}


def implicit_org(ctx: DocContext, a: int, how: str) -> Found:
    """The organisation the bare title at token ``a`` is of, read off its sentence or the text."""
    if how not in BESIDE or ctx.numbers[a] == "Plur":
        return NONE  # « fondée par quatre ingénieurs : A, B, C et D »: a profession, not a title
    start, end = ctx.sentence(a)
    named = {m.text: m for m in (ctx.mention(k) for k in range(start, end))
             if m is not None and kind_of(m) == "Organization" and m.source != "hashtag"}
    if len(named) == 1:
        return Found(tuple(named.values()), "reference")
    if named:
        return NONE
    topic = ctx.section_topic(a) or ctx.dominant_topic
    return Found((ctx.refer(a, topic),), "reference") if topic is not None else NONE


def other_clause_org(ctx: DocContext, lex: Lexicon, earlier: Found, a: int) -> bool:
    """Another clause (a finite verb, « puis », « tandis que ») naming an organisation other than ``earlier``
    lies between it and token ``a``; a list hanging on the earlier role (« entités du groupe Y, dont A et
    plusieurs enseignes ») does not. Then a bare title at ``a`` does not borrow ``earlier``."""
    k = max(ctx.bounds(m)[1] for m in earlier.mentions)
    names = {m.text for m in earlier.mentions}
    return any("Fin" in ctx.verb_forms[j] or ctx.words[j] in lex.clause_breaks
               for j in range(k, a)) and any(
        m is not None and kind_of(m) == "Organization" and m.text not in names
        for m in (ctx.mention(j) for j in range(k, a)))
