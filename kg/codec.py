"""Extraction results as JSON: how the build cache and remote workers hand back a document's extraction.

The encoding is exact (floats round-trip, tuples come back as tuples) and deterministic (same extraction, same
bytes), so an extraction read back from the cache builds the very same graph as a fresh one. A mention is written
once and referred to by its index from the relation mentions that use it.
"""

from __future__ import annotations

import json
from typing import Any

from kg.extract import DocumentExtraction
from kg.model import Evidence, Mention, RelationMention, Span

FORMAT = 3  # bump when the layout below changes: old cache entries are then ignored


def _mention(m: Mention) -> list[Any]:
    return [m.doc_id, m.start, m.end, m.text, [list(v) for v in m.type_votes], m.source, m.initial, m.handle,
            m.same_as, m.noun]


def _unmention(row: list[Any]) -> Mention:
    doc_id, start, end, text, votes, source, initial, handle, same_as, noun = row
    return Mention(doc_id, start, end, text, tuple((t, w) for t, w in votes), source, initial, handle, same_as,
                   noun)


def _evidence(e: Evidence) -> list[Any]:
    return [e.doc_id, [e.sentence.start, e.sentence.end, e.sentence.text], e.start, e.end, e.rule, e.confidence,
            [list(a) for a in e.attributes]]


def _unevidence(row: list[Any]) -> Evidence:
    doc_id, (s_start, s_end, s_text), start, end, rule, confidence, attributes = row
    return Evidence(doc_id, Span(s_start, s_end, s_text), start, end, rule, confidence,
                    tuple((k, v) for k, v in attributes))


def encode(ex: DocumentExtraction) -> bytes:
    """One extraction as compact UTF-8 JSON."""
    table: dict[Mention, int] = {}
    for m in ex.mentions:
        table.setdefault(m, len(table))
    for r in ex.relations:
        table.setdefault(r.subject, len(table))
        table.setdefault(r.object, len(table))
    data = {
        "format": FORMAT,
        "doc_id": ex.doc_id,
        "table": [_mention(m) for m in table],
        "mentions": [table[m] for m in ex.mentions],
        "relations": [[table[r.subject], r.predicate, table[r.object], _evidence(r.evidence)] for r in ex.relations],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(raw: bytes | str) -> DocumentExtraction:
    """The extraction :func:`encode` wrote; ``ValueError`` if it is not one (or of another format)."""
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a kg extraction of the current format")
    table = [_unmention(row) for row in data["table"]]
    return DocumentExtraction(
        data["doc_id"],
        tuple(table[i] for i in data["mentions"]),
        tuple(RelationMention(table[s], p, table[o], _unevidence(ev)) for s, p, o, ev in data["relations"]),
    )
