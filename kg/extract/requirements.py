"""The conditions a frame may require of its sentence or trigger (``requires = [...]`` in a frame file).

A frame states its predicate only where the sentence also says what the frame needs: money for a contribution
(« 8 millions apportés par X »), a passive voice, a payment for a purchase of data, a partner word for a joint
venture, no share after a control verb, a share short of the whole after a buying verb (« a racheté 20 % de Y »),
the object noun of a data frame, or, for a frame that reads its company from the text's topic, no « de Y » naming
the company itself; an object that is a collective (« a rejoint l'alliance Y »); a funding round just spoken of,
for a word as wide as « l'opération ».
"""

from __future__ import annotations

from kg.extract.amounts import find_amounts
from kg.extract.arguments import Arguments
from kg.extract.context import DocContext
from kg.extract.frames import Frame, Lexicon
from kg.extract.readers import LINKS
from kg.extract.triggers import Trigger

SHARES = {"%", "pourcent", "part", "parts", "participation", "actions"}


def unmet(ctx: DocContext, args: Arguments, lex: Lexicon, frame: Frame, t: Trigger, voice: str = "") -> str:
    """The first requirement of ``frame`` the trigger's sentence does not meet, or ""."""
    start, end = ctx.sentence(t.a)
    words = ctx.words[start:end]
    text = f" {' '.join(words)} "
    for req in sorted(frame.requires):
        if req == "money" and not (set(words) & lex.money_words or find_amounts(" ".join(
                tok.text for tok in ctx.tokens[start:end]))):
            return req
        if req == "not_contract" and _contract_object(ctx, lex, t.head):
            return req
        if req == "passive" and voice not in {"passive", "participle"}:
            return req
        if req == "paid" and not (ctx.lemmas[t.head] in {"acheter", "payer", "louer", "acquerir", "souscrire"}
                                  or any(f" {w} " in text for w in lex.paid_words)):
            return req
        if req == "after_round" and not after_round(ctx, lex, start):
            return req
        if req == "joint" and not any(f" {w} " in text for w in lex.joint_words):
            return req
        if req == "agency" and not lex.agency_words & ctx.vocabulary:
            return req
        if req == "given" and not set(ctx.lemmas[start:end]) & lex.given_lemmas:
            return req
        if req in {"share", "no_share"} and (req == "share") != bool(set(ctx.words[t.b: min(end, t.b + 6)]) & SHARES):
            return req  # « Y est détenue à 40 % par X » holds a share, « X détient Y » the whole
        if req == "part" and (not set(ctx.words[t.b: min(end, t.b + 6)]) & SHARES or args.whole_of(t.b).mentions):
            return req  # « a racheté 20 % de Y » buys a stake, « 100 % de Y » the company
        if req == "data_object" and not args.has_object_noun(t.b, frame):
            return req
        if req == "collective_object" and not _object_noun_first(ctx, frame, t.b, end):
            return req
        if req == "no_object_noun" and args.has_object_noun(t.b, frame):
            return req
        if req == "no_complement" and t.b < end and ctx.words[t.b] in LINKS and \
                not (t.b + 1 < end and ctx.tokens[t.b + 1].pos_ == "NUM"):
            return req  # « entré au capital de Y » names its company: the frame with « de » reads it (« de 5 M€ »: no)
    return ""


def after_round(ctx: DocContext, lex: Lexicon, start: int) -> bool:
    """Whether the sentence starting at ``start``, or one of the two before it, speaks of a funding round:
    « L'opération a été menée par X » after « Y a levé 20 millions »."""
    text = f" {' '.join(ctx.words[ctx.sentence_back(start, 2) : ctx.sent_end[start]])} "
    return any(f" {w} " in text for w in lex.round_words)


def _object_noun_first(ctx: DocContext, frame: Frame, b: int, end: int) -> bool:
    """The first noun after the trigger (past determiners and adjectives) is one of the frame's object nouns."""
    k = b
    while k < end and (ctx.tokens[k].pos_ in {"DET", "ADJ", "ADV"} or ctx.words[k] in {"a", "au", "aux"}):
        k += 1  # (« a participé à l'opération », « participe au tour »)
    return k < end and (ctx.lemmas[k] in frame.object_nouns or ctx.words[k] in frame.object_nouns)


def _contract_object(ctx: DocContext, lex: Lexicon, head: int) -> bool:
    """Whether the verb at ``head`` takes a contract or an order (« décroche un contrat de 120 millions »)."""
    tok = ctx.tokens[head]
    if any(c.dep_ == "obj" and ctx.lemmas[c.i] in lex.contract_nouns for c in tok.children):
        return True
    k = head + 1
    while k < min(len(ctx.tokens), head + 4) and ctx.tokens[k].pos_ in {"DET", "ADJ", "ADV", "NUM"}:
        k += 1  # (the object as read off the words, when the parse hangs it elsewhere)
    return k < len(ctx.tokens) and (ctx.lemmas[k] in lex.contract_nouns or ctx.words[k] in lex.contract_nouns)
