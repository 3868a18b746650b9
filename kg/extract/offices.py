"""An office handed to someone: « la présidence de Y revient à X », « la direction de Y a été confiée à X »,
« Z a confié la direction de Y à X ».

Kept apart from arguments.py (near its size limit). The office noun must be what the verb gives — its passive
subject, its object, or the subject of a verb like « revenir » / « échoir » (lexicon ``falls_lemmas``) — so that
« la direction de Y a confié à X un dossier » gives X nothing; and a qualifier between the noun and its
de-complement must be one of lexicon ``office_qualifiers`` (« la direction marketing de Y » is no leading office).
The holder is the first name after « à » / « au »; a future giving, or a past office (« l'ancienne
direction »), gives no current fact."""

from __future__ import annotations

from kg.extract.arguments import NONE, Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.modality import past_or_future_role
from kg.extract.readers import LINKS, Reader


def recipient(ctx: DocContext, reader: Reader, lex: Lexicon, a: int, b: int) -> Found:
    """The person the office noun at tokens [a, b) is given to, if a giving verb governs it."""
    noun = next((ctx.tokens[k] for k in range(a, b) if ctx.tokens[k].pos_ == "NOUN"), None)
    if noun is None:
        return NONE
    _, end = ctx.sentence(a)
    k = noun.i + 1
    while k < end and ctx.words[k] not in LINKS:
        if ctx.words[k] not in lex.office_qualifiers:
            return NONE
        k += 1
    verb = noun.head
    lemma = ctx.lemmas[verb.i]
    if verb.i == noun.i or lemma not in lex.given_lemmas:
        return NONE
    tenses = set(verb.morph.get("Tense")) | {t for c in verb.children if c.dep_.startswith("aux")
                                              for t in c.morph.get("Tense")}
    if tenses & {"Fut", "Pqp"} or past_or_future_role(ctx, a, b, lex):  # « reviendra à X », « l'ancienne direction »
        return NONE
    if not (noun.dep_ in {"nsubj:pass", "obj"} or (noun.dep_ == "nsubj" and lemma in lex.falls_lemmas)):
        return NONE
    for k in range(max(b, verb.i + 1), end):
        if ctx.words[k] in {";", ":"}:
            break
        if ctx.words[k] in {"a", "au"} and ctx.tokens[k].pos_ == "ADP":
            names = reader.names_at(k + 1, end)
            return Found(tuple(names[:1]), "parse") if names else NONE
    return NONE
