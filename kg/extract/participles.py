"""The name a participle set off by a comma describes: the name or description right before the comma, before
the parser's attachment, which often climbs to an earlier name (« Carrefour mise sur sa plateforme, Carrefour
Links, dirigée par X »: X runs Carrefour Links; « Fnac Darty développe Retailink, sa régie, pilotée par X »: X runs
Retailink).

« la division Gaming de Microsoft, dirigée par X »: what is run is a part of Microsoft (lexicon
``subdivision_nouns``), so X works for Microsoft; that reading comes back with how="subdivision" and the engine
turns a leading fact into employment. Kept apart from arguments.py, which is near its size limit."""

from __future__ import annotations

from kg.extract.complements import Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.readers import LINKS, Reader

SUBDIVISION = "subdivision"


def before_comma(ctx: DocContext, reader: Reader, lex: Lexicon, a: int) -> Found | None:
    """What the participle at token ``a`` describes, read on the surface; None when the surface says nothing."""
    start, _ = ctx.sentence(a)
    if a - 2 < start or ctx.words[a - 1] != ",":
        return None
    m = ctx.mention(a - 2)
    if m is None:
        j = reader.skip_description_back(a - 1, start)  # « Y, sa régie omnicanale, pilotée par X »
        if j < a - 1 and j - 2 >= start and ctx.words[j - 1] == "," and ctx.mention(j - 2) is not None:
            return Found((ctx.mention(j - 2),), "parse")
        return None
    k = ctx.bounds(m)[0] - 1
    if k >= start and ctx.words[k] in LINKS:
        j = k - 1  # « la division Gaming de Y », « la division jeux vidéo de Y »
        while j >= max(start, k - 4) and ctx.lemmas[j] not in lex.subdivision_nouns and (
                ctx.mention(j) is not None or ctx.tokens[j].pos_ in {"PROPN", "ADJ", "NOUN"}):
            j -= 1
        if j >= start and ctx.lemmas[j] in lex.subdivision_nouns:
            return Found((m,), SUBDIVISION)
        return None  # « le directeur de Y, nommé par X »: the parse knows better
    names = reader.names_before(a - 1, start)  # « A et B, regroupés au sein de Y »
    return Found(tuple(names) if m in names else (m,), "parse")
