"""The typed records that flow through the pipeline.

Each stage takes and returns these small dataclasses, so a stage can be tested alone and swapped out:

* ``corpus`` makes :class:`Document` (or :class:`Skipped` with the reason),
* ``extract`` makes :class:`Mention` and :class:`RelationMention` (one per sentence that states a fact),
* ``resolve`` groups mentions into :class:`Entity` and lifts relation mentions onto them as :class:`Relation`,
* ``graph`` turns entities and relations into RDF.

Offsets are character offsets into ``Document.text``, which has exactly the characters of the decoded file
(page furniture is blanked with spaces, never removed), so an offset points into the file a user can open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One readable input file, decoded and cleaned."""

    doc_id: str  # stable id: the file name without its suffix, made IRI-safe
    path: str  # path as given (relative to the input folder)
    text: str  # decoded text, furniture blanked; same length as the decoded file
    sha256: str  # of the raw bytes
    encoding: str  # the encoding that decoded it
    title: str  # first non-empty line, trimmed
    language: str = "fr"


@dataclass(frozen=True)
class Skipped:
    """An input file that was not read, and why (one line, shown in the summary)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name in a document that refers to an entity."""

    doc_id: str
    start: int
    end: int
    text: str  # the surface form, cleaned (no leading article, no line break)
    type_votes: tuple[tuple[str, float], ...]  # (entity type, weight) from this mention's context
    source: str  # what found it: "ner:ORG", "hashtag", "before-hashtag", ...
    initial: bool = False  # a lone capitalised word opening a sentence: a name only if seen elsewhere too
    handle: str = ""  # an @account written right after the name
    same_as: str = ""  # another name the text gives this thing: « X, l'ex-Y », « Metabolic Explorer (Metex) »
    noun: str = ""  # the noun that introduces or describes it (« la holding X », « X, une start-up »), folded

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence that states it and the rule that read it."""

    doc_id: str
    sentence: Span
    start: int  # offsets of the words stating the fact (from the first to the last argument or cue)
    end: int
    rule: str
    confidence: float
    attributes: tuple[tuple[str, str], ...] = ()  # role, status, date, amount, currency, ... read with the fact


@dataclass(frozen=True)
class RelationMention:
    """One statement of a relation in one sentence, between two mentions."""

    subject: Mention
    predicate: str  # a local name of vocab.RELATION_PREDICATES
    object: Mention
    evidence: Evidence


@dataclass
class Entity:
    """One real-world entity of the merged graph, with every surface form seen for it."""

    entity_id: str  # ASCII slug, unique in the graph; the IRI is base + type path + slug
    label: str  # preferred label
    type: str  # decided by votes across mentions
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)  # empty in kg.build's result: the graph has them
    handles: set[str] = field(default_factory=set)
    type_confidence: float = 1.0  # how clearly the votes decided the type (0..1); low for a single weak vote
    mention_count: int | None = None  # how many mentions name it (len(mentions) if not given)

    def __post_init__(self) -> None:
        if self.mention_count is None:
            self.mention_count = len(self.mentions)


@dataclass(frozen=True)
class Relation:
    """A fact between two entities, with every piece of evidence that states it."""

    subject: str  # Entity.entity_id
    predicate: str
    object: str
    evidence: tuple[Evidence, ...]

    @property
    def confidence(self) -> float:
        """Noisy-or of the evidence: two independent sentences make a fact surer than one."""
        return noisy_or(e.confidence for e in self.evidence)


def noisy_or(confidences: Iterable[float]) -> float:
    """1 - the product of (1 - c), rounded to 3 decimals: how sure several independent readings make a fact."""
    p = 1.0
    for c in confidences:
        p *= 1.0 - c
    return round(1.0 - p, 3)
