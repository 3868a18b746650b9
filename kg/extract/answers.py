"""The names an interview's answer gives to its question's role: « Qui sont vos concurrents ? » / « J. C. –
Essentiellement A et B ». A role noun in a question has no holder in its own sentence; in an interview, the names
opening the next sentence (past a speaker's label, « Julie Carmel – » or « J. C. : », and adverbs) answer it. Kept
apart from roles.py, at its size limit.
"""

from __future__ import annotations

from kg.extract.context import DocContext, kind_of
from kg.extract.readers import Reader
from kg.model import Mention

LABEL_ENDS = {"–", "—", "-", ":"}
LABEL_WORDS = 6  # a speaker's label: a name or initials (« J. C. »), at most this many tokens before its dash


def answer_names(ctx: DocContext, reader: Reader, a: int) -> list[Mention]:
    """The names answering the question that holds token ``a`` (empty when it is no question of an interview)."""
    _, end = ctx.sentence(a)
    last = end - 1
    while last > a and ctx.tokens[last].is_space:
        last -= 1
    if not ctx.interview or end >= len(ctx.tokens) or ctx.words[last] != "?":
        return []
    k = end
    while k < len(ctx.tokens) and ctx.tokens[k].is_space:
        k += 1
    if k >= len(ctx.tokens):
        return []
    for j in range(k, min(len(ctx.tokens), k + LABEL_WORDS)):  # (the parser may cut « J. C. – » in sentences)
        if ctx.tokens[j].is_space:
            break
        if ctx.words[j] in LABEL_ENDS:
            k = j + 1
            break
    stop = ctx.sentence(k)[1]
    while k < stop and ctx.tokens[k].pos_ == "ADV":
        k += 1
    return [m for m in reader.names_at(k, stop) if kind_of(m) != "Person"]
