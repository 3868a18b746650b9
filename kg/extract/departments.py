"""A leading verb whose object is a part or a function of an organisation: « X pilote le marketing des montres
de Y », « X dirige la division logiciels de Y ». X runs a department, so X works for Y: the organisation comes back
with how="subdivision" and the engine turns the leading fact into employment (as for « la division de Y, dirigée
par X », :mod:`kg.extract.participles`).

Read on the surface, since the parser often takes the verb of « X pilote le marketing » for a noun: right after the
verb, a determiner, a noun of lexicon ``subdivision_nouns``, at most eight more words with no punctuation or verb,
and the first organisation named after a « de ». Kept apart from engine.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.appointed import board_of
from kg.extract.complements import NONE, Found
from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Lexicon
from kg.extract.participles import SUBDIVISION
from kg.extract.readers import LINKS, Reader
from kg.extract.reference import References


def led_object(ctx: DocContext, reader: Reader, refs: References, lex: Lexicon, b: int, found: Found) -> Found:
    """What a leading verb or phrase ending at ``b`` leads: a department's organisation (employment), else what the
    slots ``found``, else the organisation of a board named right after it (« la présidence du directoire de Y »)."""
    department = department_of(ctx, lex, b)
    if department.mentions:
        return department
    return found if found.mentions else board_of(ctx, reader, refs, lex, b)


def department_of(ctx: DocContext, lex: Lexicon, b: int) -> Found:
    """The organisation whose department the object starting at token ``b`` names, if it is one."""
    _, end = ctx.sentence(b)
    j = b
    while j < end and ctx.tokens[j].pos_ == "DET":
        j += 1
    if j == b or j >= end or ctx.lemmas[j] not in lex.subdivision_nouns or ctx.mention(j) is not None:
        return NONE
    linked = False
    for k in range(j + 1, min(end, j + 9)):
        tok = ctx.tokens[k]
        m = ctx.mention(k)
        if m is not None and kind_of(m) == "Organization" and linked:
            return Found((m,), SUBDIVISION)
        if ctx.words[k] in {",", ";", ":", "(", "«"} or tok.pos_ in {"VERB", "AUX"}:
            break
        linked = linked or ctx.words[k] in LINKS
    return NONE
