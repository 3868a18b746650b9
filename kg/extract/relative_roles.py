"""Roles stated in a relative clause about their organisation: « X, dont Y est le directeur général », « X, dont
Y est désormais la présidente du conseil d'administration ».

« dont » stands for the name before its comma, and the role noun of the clause is a role *of* it: the relatum is that
antecedent, the holder the subject of the copula (read as any copula). Only the tight shape « , dont NAME copula
[adverbs] [determiner] role » counts, so the « dont » that opens a list (« plusieurs groupes, dont A et B ») names
no relatum.
"""

from __future__ import annotations

from kg.extract.context import DocContext
from kg.extract.readers import Reader
from kg.model import Mention


def dont_antecedent(ctx: DocContext, reader: Reader, a: int, copulas: frozenset[str]) -> Mention | None:
    """The organisation « dont » stands for when the role noun at ``a`` is the predicate of « dont Y est … »."""
    start, _ = ctx.sentence(a)
    k = a - 1
    while k > start and ctx.tokens[k].pos_ in {"DET", "ADV"}:
        k -= 1
    if k <= start or ctx.lemmas[k] not in copulas or ctx.tokens[k].pos_ not in {"AUX", "VERB"}:
        return None
    k -= 1
    while k > start and ctx.tokens[k].pos_ == "ADV":  # « dont Y est aujourd'hui … »
        k -= 1
    holder = ctx.mention(k)
    if holder is None:
        return None
    k = ctx.bounds(holder)[0] - 1
    if k - 2 < start or ctx.words[k] != "dont" or ctx.words[k - 1] != ",":
        return None
    return reader.name_before(k, start)
