"""Who holds a role named after « parmi »: « parmi ses clients figurent A et B », « A et B figurent parmi ses
clients », « a identifié, parmi les clients de Y, A et B », « Y compte A et B parmi ses clients », « Y compte parmi
ses clients A ». Under a verb of having the holders are its object (and its subject is whom the possessive points
to); under any other verb they are its subject. Kept apart from roles.py, near its size limit.
"""

from __future__ import annotations

from kg.extract.arguments import Arguments, Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.mentions.institutions import TIME_NOUNS
from kg.extract.readers import Reader

Holders = tuple[Found, str, int | None]


def verb_before(ctx: DocContext, k: int, start: int) -> int | None:
    """The verb right before ``k``, past adverbs and a day (« a nommé vendredi X président »)."""
    while k >= start and (ctx.tokens[k].pos_ in {"ADV"} or ctx.words[k] in {",", "hier"} or
                          (ctx.words[k] in TIME_NOUNS and ctx.tokens[k].pos_ == "NOUN")):
        k -= 1
    return k if k >= start and ctx.tokens[k].pos_ == "VERB" else None


def is_having(ctx: DocContext, lex: Lexicon, verb: int) -> bool:
    """Whether token ``verb`` is a verb of having (« compte » is often lemmatised, or tagged, as the noun)."""
    return bool({ctx.lemmas[verb], ctx.words[verb] + "r"} & lex.having_verbs)


def among_holders(ctx: DocContext, reader: Reader, args: Arguments, lex: Lexicon, span: tuple[int, int],
                  sentence: tuple[int, int], allowed: frozenset[str]) -> Holders | None:
    """The holders of the role whose words run over ``span`` (first token, token after), « parmi » right before
    it; None when the sentence names none this way."""
    (first, after), (start, end) = span, sentence
    j = after
    while j < end and (ctx.tokens[j].pos_ in {"ADV", "PRON", "AUX"} or ctx.words[j] == ","):
        j += 1
    if j < end and ctx.tokens[j].pos_ == "VERB":  # « parmi ses clients figurent A et B »
        names = reader.names_at(j + 1, end)
        if names:
            return Found(tuple(names), "parse"), "after", j
    names = reader.names_at(after + 1, end) if after < end and ctx.words[after] == "," else []
    if names:  # « a identifié, parmi les clients de Y, A, B ou encore C »: the list right after
        return Found(tuple(names), "parse"), "after", None
    counted = _counted_before(ctx, reader, lex, first - 1, start)
    if counted is not None:
        return counted
    verb = verb_before(ctx, first - 2, start)
    if verb is not None and not is_having(ctx, lex, verb):  # « Y compte parmi ses clients A »: A, after it
        found = args.subject(ctx.tokens[verb], allowed)  # « A et B figurent parmi ses clients »
        if found.mentions:
            return found, "copula", verb
    return None


def _counted_before(ctx: DocContext, reader: Reader, lex: Lexicon, k: int, start: int) -> Holders | None:
    """« Y compte A et B parmi ses clients », « Y revendique A parmi ses actionnaires »: the names right before
    « parmi » (token ``k``) are the object of a verb of having."""
    names = reader.names_before(k, start)
    if not names:
        return None
    k = reader.skip_description_back(ctx.bounds(names[0])[0], start) - 1
    verb = verb_before(ctx, k, start)
    if verb is None and k > start and ctx.tokens[k].pos_ == "NOUN" and ctx.tokens[k - 1].pos_ != "DET":
        verb = k  # « Y compte A, B et C » with « compte » tagged as the noun (no determiner before it)
    if verb is None or not is_having(ctx, lex, verb):
        return None
    return Found(tuple(names), "parse"), "after", verb
