"""The name a participle set off by a comma describes: the name or description right before the comma, before
the parser's attachment, which often climbs to an earlier name (« Brontal mise sur sa plateforme, Brontal
Ads, dirigée par X »: X runs Brontal Ads; « Velnor développe Quimpex, sa régie, pilotée par X »: X runs Quimpex).

« la division Jeux de Brontal, dirigée par X »: what is run is a part of Brontal (lexicon
``subdivision_nouns``), so X works for Brontal; that reading comes back with how="subdivision" and the engine
turns a leading fact into employment. Kept apart from arguments.py, which is near its size limit.

Where a participle in apposition hangs in the parse, for :meth:`Arguments.modified`:

    « X, fondé en Chine et aujourd'hui basé à Y »   the second participle of a coordination: read as the first
    « X, développeur de parcs basé à Y »             a participle on a description noun in apposition to X
    « Basée à Y, en Suisse, comme Z, X regroupe … »  a fronted participle (advcl): the subject of its governor,
                                                    and its own complements end at the right edge of its subtree;
                                                    Z, which it is compared with, is based at Y too
    « Basé à Y, dans le Michigan, et dirigé par X, Z »  a participle coordinated with the opening one: fronted too
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.complements import NONE, Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.readers import LINKS, Reader
from kg.model import Mention

SUBDIVISION = "subdivision"


def before_comma(ctx: DocContext, reader: Reader, lex: Lexicon, a: int) -> Found | None:
    """What the participle at token ``a`` describes, read on the surface; None when the surface says nothing."""
    start, _ = ctx.sentence(a)
    while a - 1 > start and ctx.tokens[a - 1].pos_ == "ADV":  # « X, aujourd'hui basé à Y », « X, désormais détenu »
        if ctx.words[a - 1] in lex.past_phrases:
            return NONE  # « X, longtemps détenu par Y »: no more
        a -= 1
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
        j = k - 1  # « la division Jeux de Y », « la division jeux vidéo de Y »
        while j >= max(start, k - 4) and ctx.lemmas[j] not in lex.subdivision_nouns and (
                ctx.mention(j) is not None or ctx.tokens[j].pos_ in {"PROPN", "ADJ", "NOUN"}):
            j -= 1
        if j >= start and ctx.lemmas[j] in lex.subdivision_nouns:
            return Found((m,), SUBDIVISION)
        return None  # « le directeur de Y, nommé par X »: the parse knows better
    names = reader.names_before(a - 1, start)  # « A et B, regroupés au sein de Y »
    return Found(tuple(names) if m in names else (m,), "parse")


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


def compared(ctx: DocContext, reader: Reader, a: int, subject: int) -> tuple[Mention, ...]:
    """« Installée à Y, en Belgique, comme Z, X compte … »: the names a fronted participle at ``a`` compares its
    subject (at ``subject``) with, « , comme Z , » in its own complements; what it says holds for them too."""
    for k in range(a + 1, subject - 1):
        if ctx.words[k] == "comme" and ctx.words[k - 1] == ",":
            return tuple(reader.names_at(k + 1, subject))
    return ()


def coordinated_with_opening(ctx: DocContext, a: int) -> bool:
    """« Basé à Y, dans le Michigan, et dirigé par X, Z … »: the participle at ``a`` follows « et » and is
    coordinated with the participle opening the sentence (no finite verb between), so it too describes the subject
    of the main clause, whatever name the parser hung it on."""
    start, _ = ctx.sentence(a)
    if a - 1 <= start or ctx.words[a - 1] != "et" or "Part" not in ctx.verb_forms[start]:
        return False
    return not any("Fin" in f for f in ctx.verb_forms[start + 1 : a])
