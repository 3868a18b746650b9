"""Who acts on a description: the organisations a definite description that is not a subject cannot stand for.

French names the subject's own things with a possessive (« X a racheté son concurrent »), so a definite description
that is the object or a complement in the subject's clause stands for someone else (« X a lancé une offre sur
l'éditeur lyonnais », « La venue de X va soutenir la croissance de la société »: the target is not X). The
subject's organisation acts too: « Sa patronne, A, a étonné en rachetant 5 % de la banque suisse » (not her own
bank). So does another description the same verb takes: « Ce tour de table rend le fonds belge premier
actionnaire de la pépite lilloise »: the start-up is not the fund. Kept apart from
locate.py and arguments.py, which both need it and are near their size limit.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import kind_of
from kg.extract.reference import ORG, References
from kg.model import Mention

CO_ARGUMENTS = {"obj", "obl", "obl:arg", "obl:mod", "iobj"}


def acting_on(refs: References, i: int) -> tuple[Mention, ...]:
    """The organisations acting on the description at token ``i``: the subject of the verb it depends on (its name,
    the name in its « de X » complement, or what it stands for) and the organisation of a possessive on it."""
    ctx = refs.ctx
    tok = ctx.tokens[i]
    if tok.dep_ in {"nsubj", "nsubj:pass"}:
        return ()
    relative = relative_clause(refs, tok)
    if relative is not None:  # « un tour de table, qui chiffre la pépite à … »: the antecedent acts, if named
        m = ctx.mention(relative.head.i)
        return (m,) if m is not None and kind_of(m) == "Organization" else ()
    subject = refs.clause_subject(i)
    if subject is None:
        return ()
    named = refs.named(subject)
    if named is not None and kind_of(named) != "Organization":
        named = None  # « le géant de Lyon »: the place is not who acts
    m = ctx.mention(subject.i) or named or refs.resolve(subject.i, ORG)
    acting = (m,) if m is not None else ()
    if ctx.lemmas[subject.i] in refs.lex.actor_nouns:  # « La venue du fonds X va soutenir … la société »
        for t in subject.subtree:
            actor = ctx.mention(t.i)
            if actor is not None and kind_of(actor) == "Organization" and actor not in acting:
                acting += (actor,)
    up = tok.head
    while up.i != up.head.i and up.pos_ not in {"VERB", "AUX"}:  # « le concurrent de la société »: an including
        if refs.is_definite(up.i):  # description is someone else
            other = refs.definite(up.i)
            if other is not None and other not in acting:
                acting += (other,)
        up = up.head
    for c in subject.head.children:  # « X rend le fonds belge actionnaire de la pépite »: a co-argument
        if c.i < i and c.dep_ in CO_ARGUMENTS and not any(t.i == i for t in c.subtree) and refs.is_definite(c.i):
            other = refs.definite(c.i)
            if other is not None and other not in acting:
                acting += (other,)
    for c in subject.children:  # « Sa patronne, A, a étonné en rachetant … de la banque »: its organisation
        if c.dep_ == "det" and ctx.words[c.i] in refs.lex.possessives:
            owner = refs.possessive(c.i)
            if owner is not None and owner not in acting:
                acting += (owner,)
    return acting


def relative_clause(refs: References, tok: Token) -> Token | None:
    """The head of the relative clause (« …, qui chiffre la pépite à … ») the token is an argument of, if it is one;
    the tagger often reads its verb as a noun, so the clause subject would be sought beyond it."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.dep_ == "acl:relcl" and any(c.dep_ in {"nsubj", "nsubj:pass"} and refs.ctx.words[c.i] in refs.lex.relatives
                                         for c in t.children):
            return t
        if t.pos_ in {"VERB", "AUX"}:
            return None
    return None
