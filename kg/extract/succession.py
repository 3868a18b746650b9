"""Succession: « X succède à Z à la tête de Y », « X remplace Z comme PDG de Y ».

The name right before an office is most often its holder (« Z, à la tête de Y »). When that name is who a verb of
succession takes over from, it held the office before: the office goes to the verb's subject, and the one
succeeded gets no current role from the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import Arguments, Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.model import Mention

# how the parser hangs the one succeeded on the verb: « succède à Z » (obl:arg), « remplace Z » (obj)
SUCCEEDED_DEPS = {"obl:arg", "obl", "obl:mod", "obj", "iobj"}


def succession_verb(ctx: DocContext, lex: Lexicon, m: Mention) -> Token | None:
    """The verb of succession whose complement is the name ``m`` (« succède à Z », « remplace Z »), if any."""
    a, b = ctx.bounds(m)
    k = a - 2 if a >= 2 and ctx.words[a - 1] in {"a", "au"} else a - 1
    if k >= 0 and ctx.lemmas[k] in lex.succession_verbs:
        return ctx.tokens[k]  # (read off the surface too: the parser may hang the whole clause on a name)
    for k in range(a, b):
        tok = ctx.tokens[k]
        if tok.head.i < a or tok.head.i >= b:  # the token of the name the parser hangs on the clause
            verb = tok.head
            if tok.dep_ in SUCCEEDED_DEPS and verb.i < a and ctx.lemmas[verb.i] in lex.succession_verbs:
                return verb
            return None
    return None


def heir_of_role(ctx: DocContext, lex: Lexicon, args: Arguments, first: int, start: int,
                 allowed: frozenset[str]) -> tuple[Found, int] | None:
    """« X succède à Z comme PDG de Y », « X remplace Z au poste de directeur général de Y »: the role noun at
    ``first`` is X's, the subject of the verb (returned with it, for negation and modality). None when no verb of
    succession takes the name before; an apposition (« X succède à Z, le patron de Y, … ») is Z's own role, which
    may not be the office X takes."""
    step = ctx.phrase_ending(first - 1, lex.role_introducers) if first - 1 >= start else 0
    if not step:
        return None  # (« X succède à Z, PDG de Y »: an apposition is Z's own role)
    k = first - 1 - step
    m = ctx.mention(k) if k >= start else None
    verb = succession_verb(ctx, lex, m) if m is not None and ctx.bounds(m)[1] == k + 1 else None
    if verb is None:
        return None
    return args.subject(verb, allowed), verb.i
