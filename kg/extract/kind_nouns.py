"""Kinds of organisation in descriptions: « la start-up » does not stand for a name the text introduced as an
insurer. After « l'assureur A s'appuie sur les données de la société B. La start-up toulousaine … », the start-up
is B. The lexicon's ``kind_groups`` list the description nouns that may name the same organisation (« la fintech
X » … « la start-up »); a description noun and the nouns that introduced a name clash when they share no group.
Nouns in no group (« groupe », « société ») clash with none. An apposition with a kind noun (« X, une jeune pousse »)
introduces X like the noun before it. Kept apart from reference.py, at its size limit.
"""

from __future__ import annotations

from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Lexicon
from kg.model import Mention


def introduced_kinds(introduced: dict[str, list[tuple[int, Mention]]]) -> dict[str, set[str]]:
    """Name -> the description nouns that introduced it (« l'assureur A »: {"assureur"})."""
    out: dict[str, set[str]] = {}
    for noun, names in introduced.items():
        for _, m in names:
            out.setdefault(m.text, set()).add(noun)
    return out


def of_the_kind(ctx: DocContext, lex: Lexicon, kinds: dict[str, set[str]], i: int, found: Mention,
                exclude: tuple[Mention, ...]) -> Mention:
    """``found``, the referent chosen for the description noun at token ``i``, unless a noun of another kind
    introduced it: then the last organisation named in this or the two sentences before that none did (else
    ``found``)."""
    groups = lex.kind_groups.get(ctx.lemmas[i])
    if not groups:
        return found
    clash = {text for text, nouns in kinds.items() if not any(lex.kind_groups.get(n, groups) & groups for n in nouns)}
    if found.text not in clash:
        return found
    skip = clash | {x.text for x in exclude}
    for k in range(i - 1, ctx.sentence_back(i, 2) - 1, -1):
        other = ctx.mention(k)
        if other is not None and kind_of(other) == "Organization" and other.text not in skip and \
                other.source != "hashtag":
            return ctx.refer(i, other)
    return found


def apposed_noun(ctx: DocContext, lex: Lexicon, b: int) -> str:
    """« X, une jeune pousse nantaise, … »: the kind noun of an apposition right after a name ending at ``b`` (its
    lemma), which introduces X as « la start-up X » would; else "". Not a noun as wide as « société », nor the
    subject of the verb after it (« Fondée par A et B, la start-up emploie … »: no apposition to B)."""
    _, end = ctx.sentence(b - 1)
    if b + 2 >= end or ctx.words[b] != "," or ctx.tokens[b + 1].pos_ != "DET":
        return ""
    for k in range(b + 2, min(end, b + 5)):
        if ctx.lemmas[k] in lex.definite_nouns and ctx.mention(k) is None:
            j = k + 1
            while j < end and ctx.tokens[j].pos_ in {"ADJ", "ADV"}:
                j += 1
            verb = j < end and ctx.tokens[j].pos_ in {"VERB", "AUX"} and "Fin" in ctx.verb_forms[j]
            subject = verb or ctx.tokens[k].dep_.startswith("nsubj")
            return "" if subject or ctx.lemmas[k] not in lex.kind_groups else ctx.lemmas[k]
        if ctx.tokens[k].pos_ != "ADJ":
            return ""
    return ""
