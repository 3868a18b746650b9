"""A plural subject whose members are listed at the end of its clause, and subjects added by a comparison.

« Plus de 300 entreprises ont choisi sa plateforme, parmi lesquelles A, B et C »: the names after « parmi
lesquelles » are the subject's members, though the verb and its object stand between them. The readers of
readers.py only see a list that follows its noun; this one looks past the clause for a trailing introducer
(lexicon [lists] trailing) whose pronoun agrees with the subject, when no other plural noun of that gender stands
between them (« des fonds ont financé des start-up, parmi lesquelles A »: A is one of the start-up).

« X a investi dans Y, tout comme A et B », « X, tout comme A, a investi dans Y »: the names after a comma and
« tout comme » (lexicon [lists] parallel) do what the subject does; they are neither objects nor a list with X.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext, fits
from kg.extract.readers import Reader
from kg.model import Mention

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:mod"}  # the parser may read « Plus de 300 entreprises » as a modifier
GENDER = {"lesquels": "Masc", "eux": "Masc", "lesquelles": "Fem", "elles": "Fem"}


def trailing_members(ctx: DocContext, reader: Reader, tok: Token) -> list[Mention]:
    """The names a trailing « , parmi lesquel(le)s A, B » lists for the plural subject noun ``tok``."""
    if tok.dep_ not in SUBJECT_DEPS or tok.i > tok.head.i or tok.pos_ != "NOUN" or \
            ctx.numbers[tok.i] != "Plur":
        return []
    gender = tok.morph.get("Gender")
    _, end = ctx.sentence(tok.i)
    own = {t.i for t in tok.subtree}  # « des centaines d'enseignes »: the subject's own nouns block nothing
    k = tok.i + 1
    while k < end:
        word = ctx.words[k]
        if word in reader.lex.clause_breaks:
            return []
        if word == "," and k + 1 < end:
            j = reader.match_any(k + 1, reader.lex.trailing_introducers)
            if j > 0:
                said = GENDER.get(ctx.words[j - 1])
                if said is not None and gender and gender != [said]:
                    return []
                return reader.names_at(j, end)
        t = ctx.tokens[k]
        if k not in own and t.pos_ == "NOUN" and t.morph.get("Number") == ["Plur"] and t.morph.get("Gender") == gender:
            return []  # the list may be this noun's
        k += 1
    return []


def parallel_subjects(ctx: DocContext, reader: Reader, first: int, allowed: frozenset[str]) -> list[Mention]:
    """The names « , tout comme A, B et C » adds to the subject that starts at token ``first`` (same clause)."""
    _, end = ctx.sentence(first)
    for k in range(first + 1, end - 1):
        if ctx.words[k] in reader.lex.clause_breaks:
            return []
        if ctx.words[k] != ",":
            continue
        j = reader.match_any(k + 1, reader.lex.parallel_subjects)
        if j > 0:
            before = reader.names_before(k)
            at = reader.skip_description_back(ctx.bounds(before[0])[0], first) if before else k
            if any(reader.match(at - len(w), w) == at for w in reader.lex.parallel_agents if at - len(w) >= 0):
                return []  # « auprès de A, tout comme B »: B continues the list of A
            return [m for m in reader.names_at(j, end) if fits(m, allowed)]
    return []
