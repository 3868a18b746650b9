"""Local branches named after their parent: « Quimpex France », « Brimex London », « Velnor São Paulo ».

French news names a national or city branch by its group's name and a place, and says nothing more about the tie:
« la direction de Quimpex France », « Brimex London a ouvert en 2011 ». When the text also names the group alone,
the branch is its subsidiary. No frame trigger says it, so this reader looks at the names themselves: an
organisation's name made of another organisation's name of the same text and a gazetteer place.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.arguments import Found
from kg.extract.context import DocContext, fits, kind_of
from kg.extract.cues import fold, place_cues
from kg.model import Mention

ORG = frozenset({"Organization"})


def branch_names(ctx: DocContext) -> Iterator[tuple[int, Mention, Found]]:
    """(first token of the branch's name, the branch, its parent) for each name « <organisation> <country> », and
    « <organisation> <city> » when the text names two such branches of one group (« Brimex Paris », « Brimex
    London »: one city alone may be part of the name itself, as a club's). The parent is the group's own name in the
    same sentence if there is one, else a reference to where it is named."""
    cues = place_cues()
    groups: dict[str, list[Mention]] = {}
    for m in ctx.mentions:  # (the NER may type a group's own name as a place or a person: the document decides)
        if fits(m, ORG) and fold(m.text) not in cues.places and (m.start, m.end) in ctx.span_of:
            groups.setdefault(fold(m.text), []).append(m)
    found: list[tuple[Mention, str, str]] = []  # (branch, parent's folded name, kind of place)
    for m in ctx.mentions:
        if kind_of(m) != "Organization" or (m.start, m.end) not in ctx.span_of:
            continue
        words = m.text.split()
        for cut in range(len(words) - 1, 0, -1):
            head, place = fold(" ".join(words[:cut])), cues.places.get(fold(" ".join(words[cut:])))
            if place is not None and head in groups:
                found.append((m, head, cues.kinds.get(place, "")))
                break
    cities: dict[str, set[str]] = {}
    for m, head, kind in found:
        if kind == "city":
            cities.setdefault(head, set()).add(fold(m.text))
    for m, head, kind in found:
        if kind == "country" or (kind == "city" and len(cities[head]) > 1):
            a = ctx.bounds(m)[0]
            start, end = ctx.sentence(a)
            near = [g for g in groups[head] if start <= ctx.bounds(g)[0] < end]
            yield a, m, Found((near[0],), "parse") if near else Found((ctx.refer(a, groups[head][0]),), "reference")
