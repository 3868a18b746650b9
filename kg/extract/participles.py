"""Where a participle in apposition hangs in the parse, for :meth:`Arguments.modified`.

    « X, fondé en Chine et aujourd'hui basé à Y »   the second participle of a coordination: read as the first
    « X, développeur de parcs basé à Y »             a participle on a description noun in apposition to X
    « Basée à Y, en Suisse, comme Z, X regroupe … »  a fronted participle (advcl): the subject of its governor,
                                                    and its own complements end at the right edge of its subtree
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext
from kg.model import Mention


def first_conjunct(head: Token) -> Token:
    """« fondé en 2012 et aujourd'hui basé à Y »: the participle the one at ``head`` is coordinated with."""
    t = head
    while t.dep_ == "conj" and t.head.i < t.i and t.head.pos_ in {"VERB", "ADJ"}:
        t = t.head
    return t


def apposed_name(ctx: DocContext, head: Token) -> Mention | None:
    """« X, développeur de parcs éoliens basé à Y »: the name the description noun carrying ``head`` is apposed to."""
    noun = head.head
    if head.dep_ not in {"acl", "amod"} or noun.i >= head.i or noun.dep_ != "appos" or noun.head.i >= noun.i:
        return None
    return ctx.mention(noun.head.i)


def governor_subject(head: Token) -> Token | None:
    """« Basée à Y, X est détenue par … »: the subject of the clause a fronted participle depends on."""
    up = head.head
    if head.dep_ != "advcl" or up.i <= head.i:
        return None
    return next((c for c in up.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i > head.right_edge.i), None)
