"""Extractors: from one parsed document to mentions of entities and mentions of relations between them.

``extract_document`` is the whole stage for one document. It is a pure function of the document, its spaCy parse
and the cue files, so documents can be extracted in any order, in parallel, or read back from a cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.engine import find_relations
from kg.extract.mentions import find_mentions
from kg.model import Document, Mention, RelationMention


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything kg read in one document."""

    doc_id: str
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]


def extract_document(doc: Document, parsed: Doc, offset: int = 0) -> DocumentExtraction:
    """Find the mentions and relation mentions of one parsed document (or of one chunk starting at ``offset``)."""
    mentions = find_mentions(doc, parsed, offset)
    relations = find_relations(doc, parsed, mentions, offset)
    return DocumentExtraction(doc.doc_id, tuple(mentions), tuple(relations))


__all__ = ["DocumentExtraction", "extract_document"]
