"""Why is a triple in the graph? Every fact about one entity, each with the sentence that states it.

``kg explain ENTITY`` reads a built graph (``graph.ttl``), finds the entity by any of its labels (case and accents
ignored) and lists, for every statement it takes part in (as subject or object): the predicate, the other
entity, the rule that read it, its confidence, the document and the sentence. It works on the files alone, so a
user can audit a graph built elsewhere.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.extract.cues import fold
from kg.query import plain_number
from kg.vocab import KG

LABELS = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)


class EntityNotFound(LookupError):
    """No entity has the label asked for; ``suggestions`` holds close labels."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no entity labelled {name!r}{hint}")
        self.suggestions = suggestions


@dataclass(frozen=True)
class Fact:
    """One statement about the entity, seen from its side."""

    direction: str  # "->" the entity is the subject, "<-" it is the object
    predicate: str  # local name
    other: str  # label of the other entity
    rule: str
    confidence: float
    document: str  # file name of the source document
    sentence: str
    details: tuple[tuple[str, str], ...] = ()  # role, status, date, amount... when the statement carries them


def amount_text(value: object) -> str:
    """``500000000.0`` -> ``500 000 000``: an amount grouped by thousands, as French prose writes it."""
    text = plain_number(str(value))
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    return sign + " ".join(groups) + (f",{fraction}" if dot else "")


def graph_file(path: Path) -> Path:
    """``out/`` -> ``out/graph.ttl``; a file is taken as it is."""
    return path / "graph.ttl" if path.is_dir() else path


def load(path: Path) -> Graph:
    g = Graph()
    file = graph_file(path)
    g.parse(file, format="trig" if file.suffix == ".trig" else None)
    return g


def label_of(g: Graph, node: URIRef) -> str:
    for prop in LABELS:
        for o in g.objects(node, prop):
            return str(o)
    return str(node).rsplit("/", 1)[-1]


def find_entity(g: Graph, name: str) -> URIRef:
    """The entity whose label matches ``name`` (folded); the most mentioned one if several do."""
    wanted = fold(name).strip()
    matches: list[URIRef] = []
    labels: set[str] = set()
    for prop in LABELS:
        for s, o in g.subject_objects(prop):
            if isinstance(o, Literal) and isinstance(s, URIRef) and (s, RDF.type, KG.RelationStatement) not in g:
                labels.add(str(o))
                if fold(str(o)).strip() == wanted and s not in matches:
                    matches.append(s)
    if not matches:
        folded = {fold(label): label for label in labels}
        close = difflib.get_close_matches(wanted, list(folded), n=5, cutoff=0.6)
        close += [f for f in sorted(folded) if wanted and wanted in f and f not in close][: 5 - len(close)]
        raise EntityNotFound(name, [folded[c] for c in close])

    def mentions(node: URIRef) -> int:
        return max((int(o) for o in g.objects(node, KG.mentionCount)), default=0)

    return sorted(matches, key=lambda n: (-mentions(n), str(n)))[0]


def facts_about(g: Graph, entity: URIRef) -> list[Fact]:
    """Every statement with ``entity`` as subject or object, surest first, then by predicate and document."""
    facts: list[Fact] = []
    for st in set(g.subjects(RDF.type, KG.RelationStatement)):
        s, o = g.value(st, RDF.subject), g.value(st, RDF.object)
        if entity not in (s, o):
            continue
        pred = str(g.value(st, RDF.predicate)).rsplit("#", 1)[-1]
        doc = g.value(st, KG.sourceDocument)
        doc_name = str(g.value(doc, KG.fileName) or str(doc).rsplit("/", 1)[-1]) if doc is not None else ""
        details = tuple(
            (name, str(v)) for name, prop in (("role", KG.role), ("status", KG.status), ("date", KG.date))
            for v in g.objects(st, prop)
        )
        for fact in g.subjects(KG.fromParty, s) if s is not None else ():
            if (fact, KG.toParty, o) in g and any(True for _ in g.triples((fact, None, st))):
                for name, prop in (("amount", KG.amount), ("maxAmount", KG.maxAmount), ("currency", KG.currency)):
                    details += tuple((name, amount_text(v) if name != "currency" else str(v))
                                     for v in g.objects(fact, prop))
        facts.append(Fact(
            direction="->" if s == entity else "<-",
            predicate=pred,
            other=label_of(g, o if s == entity else s),
            rule=str(g.value(st, KG.extractedBy) or ""),
            confidence=float(g.value(st, KG.confidence) or 0),
            document=doc_name,
            sentence=str(g.value(st, KG.evidenceText) or ""),
            details=details,
        ))
    return sorted(facts, key=lambda f: (-f.confidence, f.predicate, f.other, f.document, f.sentence))


def explain(path: Path, name: str) -> tuple[str, str, list[Fact]]:
    """(label, type, facts) of the entity called ``name`` in the graph at ``path``."""
    g = load(path)
    node = find_entity(g, name)
    kinds = sorted(str(t).rsplit("#", 1)[-1] for t in g.objects(node, RDF.type))
    return label_of(g, node), "/".join(kinds), facts_about(g, node)


def format_facts(label: str, kind: str, facts: list[Fact]) -> str:
    """Plain text for a terminal: one block per fact, the sentence quoted under it."""
    lines = [f"{label} ({kind}): {len(facts)} fact{'s' if len(facts) != 1 else ''}"]
    for f in facts:
        subject, obj = (label, f.other) if f.direction == "->" else (f.other, label)
        extra = "".join(f"; {k} {v}" for k, v in f.details)
        lines.append(f"\n{subject} {f.predicate} {obj}")
        lines.append(f"  rule {f.rule}; confidence {f.confidence:.2f}; document {f.document}{extra}")
        lines.append(f"  « {f.sentence} »")
    return "\n".join(lines)
