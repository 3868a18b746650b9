"""Object control: « Y a persuadé X de transférer son siège »: who does the infinitive is the object, so « son » is X.

:meth:`References.possessive` climbs from a possessive to the subject of its clause; across an infinitive governed by
an object-control verb (lexicon ``object_control``) that subject is the wrong one. Kept apart from reference.py, which
is near its size limit; :meth:`Arguments.subject` does the same for the subject of the infinitive itself.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext
from kg.extract.frames import Lexicon

CONTROLLERS = {"obj", "iobj", "xcomp", "obl:arg"}


def infinitive_controller(ctx: DocContext, lex: Lexicon, inf: Token) -> tuple[bool, Token | None]:
    """Whether an object-control verb governs the infinitive ``inf``, and its object (None for a clitic the parse
    missed)."""
    up = inf.head
    if up.i == inf.i or inf.dep_ != "xcomp" or "Inf" not in ctx.verb_forms[inf.i] or \
            ctx.lemmas[up.i] not in lex.object_control:
        return False, None
    return True, next((c for c in up.children if c.dep_ in CONTROLLERS and c.i < inf.i
                       and c.pos_ in {"PRON", "PROPN", "NOUN", "ADV"}), None)


def object_controller(ctx: DocContext, lex: Lexicon, i: int) -> Token | None:
    """The object that does the infinitive the token ``i`` depends on, when an object-control verb governs that
    infinitive (« l'inciter à transférer son siège »: « l' »)."""
    t = ctx.tokens[i]
    for _ in range(4):
        up = t.head
        if up.i == t.i:
            return None
        if t.pos_ == "VERB" and t.dep_ == "xcomp":
            controlled, obj = infinitive_controller(ctx, lex, t)
            return obj if controlled and obj is not None and obj.i != i else None
        if up.pos_ in {"VERB", "AUX"} and t.dep_ != "xcomp" and any(
                c.dep_ in {"nsubj", "nsubj:pass"} for c in up.children):
            return None
        t = up
    return None
