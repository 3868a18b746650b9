from __future__ import annotations

from spacy.tokens import Doc

from kg.model import Document, Mention, RelationMention


def find_relations(doc: Document, parsed: Doc, mentions: list[Mention], offset: int = 0) -> list[RelationMention]:
    return []
