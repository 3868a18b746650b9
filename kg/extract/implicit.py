"""The organisation a person's role is of when the text does not say it: « ajoute X, cofondateur et co-CEO. »,
« souligne X, l'autre cofondateur », « son frère X, cofondateur, prend en charge la R&D ».

News names the company once and then gives its people's titles bare. A bare singular title standing beside its
holder is read as a title of the one organisation its sentence names, or, when the sentence names none, of the one
the section or the text is clearly about (named at least three times and twice as often as any other; a quotation's
« nous » is not enough, it may speak for a product). A sentence naming two organisations or more leaves the title
without one. Likewise the investors listed after a round (« Y a levé 8 M€. Parmi les investisseurs figurent A et
B »): a role frame with the slot ``round_topic`` reads them as investors in the text's organisation when the
sentence or one of the two before it speaks of a round. Kept apart from engine.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.arguments import Arguments
from kg.extract.complements import NONE, Found
from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Frame, Lexicon
from kg.extract.modality import governing_verb, modal, negated, verb_read_as_noun
from kg.extract.requirements import after_round
from kg.model import Mention

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


def round_org(ctx: DocContext, lex: Lexicon, args: Arguments, frame: Frame, a: int,
              holders: tuple[Mention, ...]) -> Found:
    """The organisation whose round the role at token ``a`` is part of (the text's), for a frame with the slot
    ``round_topic``, when a round was just spoken of."""
    if "round_topic" not in (*frame.subject, *frame.object) or not after_round(ctx, lex, ctx.sent_start[a]):
        return NONE
    return args.topic(a, holders)


def of_it(ctx: DocContext, a: int) -> bool:
    """« qui en est le PDG », « il en devient le président »: « en » before the verb of the role at token ``a``
    stands for the organisation named before."""
    start, _ = ctx.sentence(a)
    k = a - 1
    while k > start and ctx.tokens[k].pos_ in {"DET", "ADV", "ADJ"}:
        k -= 1
    return k > start and ctx.tokens[k].pos_ in {"AUX", "VERB"} and ctx.words[k - 1] == "en"


OWNED_ROLES = {"subsidiaryOf", "investedIn"}  # what « Y détient l'équipementier X » can say of X


def having_subject(ctx: DocContext, lex: Lexicon, args: Arguments, frame: Frame, a: int) -> Found:
    """The subject of the verb of having the role at token ``a`` is the object of: « Y compte 22 membres, dont A »,
    « le tour réunit A et B ». A verb of owning (« Y détient l'équipementier X ») says only that Y owns X: it gives
    no relatum to a role of another relation (X supplies no one here)."""
    gov = governing_verb(ctx, a)
    gov = gov if gov is not None and ctx.lemmas[gov.i] in lex.having_verbs else \
        verb_read_as_noun(ctx, a, lex.having_verbs)
    if gov is None or negated(ctx, gov.i, lex) or modal(ctx, gov.i, lex) or (
            ctx.lemmas[gov.i] in lex.owning_verbs and frame.predicate not in OWNED_ROLES):
        return NONE
    return args.subject(gov, frozenset({"Organization"}))
