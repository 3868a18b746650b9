"""The serial engine: one spaCy pipeline in this process, documents streamed through ``nlp.pipe``.

Streaming matters for memory: each spaCy Doc is extracted and dropped as soon as it is parsed, so a build holds only
the small extraction records, never every parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kg.extract import DocumentExtraction, extract_document
from kg.model import Document
from kg.nlp import chunks, load_pipeline


def extract_stream(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 16) -> Iterator[DocumentExtraction]:
    """Parse and extract every document, in order; a long document is parsed in chunks and its parts joined."""
    nlp = load_pipeline(model)
    docs: dict[int, Document] = {}
    n_chunks: dict[int, int] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, d in enumerate(documents):
            parts = chunks(d.text)
            docs[i], n_chunks[i] = d, len(parts)
            for start, text in parts:
                yield text, (i, start)

    pending: dict[int, list[DocumentExtraction]] = {}
    for parsed, (i, start) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        done = pending.setdefault(i, [])
        done.append(extract_document(docs[i], parsed, start))
        if len(done) == n_chunks[i]:
            del pending[i], n_chunks[i]
            doc = docs.pop(i)
            if len(done) == 1:
                yield done[0]
            else:
                yield DocumentExtraction(doc.doc_id, tuple(m for p in done for m in p.mentions),
                                         tuple(r for p in done for r in p.relations))


class SerialEngine:
    """Everything in this process."""

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentExtraction]:
        return extract_stream(documents, self.model, self.batch_size)
