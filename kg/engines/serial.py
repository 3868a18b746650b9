"""The serial engine: one spaCy pipeline in this process, documents streamed through ``nlp.pipe``.

Streaming matters for memory: each spaCy Doc is extracted and dropped as soon as it is parsed, so a build holds only
the small extraction records, never every parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from kg.extract import DocumentExtraction, extract_document
from kg.model import Document
from kg.nlp import chunks, load_pipeline


def extract_stream(documents: Iterable[Document], model: str | None = None,
                   batch_size: int = 16) -> Iterator[DocumentExtraction]:
    """Parse and extract every document, in order; a long document is parsed in chunks and its parts joined.

    Documents of one chunk go through ``nlp.pipe`` in batches; a document of several chunks is parsed one chunk at
    a time, on its own: a batch of 16 chunks of 100,000 characters held 2.9 GB for one 1 MB file (issue 13).
    """
    nlp = load_pipeline(model)
    group: list[Document] = []
    for d in documents:
        parts = chunks(d.text)
        if len(parts) == 1:
            group.append(d)
            if len(group) >= batch_size:
                yield from _extract_batch(nlp, group, batch_size)
                group = []
            continue
        yield from _extract_batch(nlp, group, batch_size)
        group = []
        done = [extract_document(d, parsed, start)
                for parsed, start in nlp.pipe(((text, start) for start, text in parts), as_tuples=True, batch_size=1)]
        yield DocumentExtraction(d.doc_id, tuple(m for p in done for m in p.mentions),
                                 tuple(r for p in done for r in p.relations))
    yield from _extract_batch(nlp, group, batch_size)


def _extract_batch(nlp: Language, documents: list[Document], batch_size: int) -> Iterator[DocumentExtraction]:
    texts = ((d.text, d) for d in documents)
    for parsed, d in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield extract_document(d, parsed)


class SerialEngine:
    """Everything in this process."""

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentExtraction]:
        return extract_stream(documents, self.model, self.batch_size)
