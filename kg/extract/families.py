"""A family is no company: « Y appartient à la famille X », « Y est contrôlé par la famille X » say the family
owns Y (the gold of the development corpus reads « reste contrôlée par la famille X » as an investment), not
that Y is its subsidiary; « la holding de la famille X » is no parent of the family; and a family has no PDG or
staff. So a fact whose organisation side is a family (a name opening on a word of the lexicon's
``[reference] family_words``) becomes the family's investment, or is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.cues import fold
from kg.extract.frames import Lexicon
from kg.model import RelationMention

# the predicates whose object is an organisation a family cannot be (it can invest, found, buy, be a client)
COMPANY_OBJECTS = {"ceoOf", "leaderOf", "employeeOf", "subsidiaryOf", "memberOf", "competitorOf", "partnersWith"}


def family_fact(rm: RelationMention, lex: Lexicon) -> RelationMention | None:
    """``rm``, or the family's investment it says (« Y contrôlé par la famille X »), or None."""
    subject, obj = _family(rm.subject.text, lex), _family(rm.object.text, lex)
    if not (subject or obj):
        return rm
    if rm.predicate == "subsidiaryOf" and obj and not subject:
        return replace(rm, subject=rm.object, predicate="investedIn", object=rm.subject)
    if (obj and rm.predicate in COMPANY_OBJECTS) or (subject and rm.predicate in {"subsidiaryOf", "clientOf"}):
        return None
    return rm


def _family(text: str, lex: Lexicon) -> bool:
    first = fold(text.split(" ", 1)[0])
    return first in lex.family_words and " " in text
