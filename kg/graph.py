"""Graph assembly: entities and relations with their evidence become RDF, following docs/graph-model.md.

One :class:`rdflib.Dataset` holds everything in named graphs (entities, one graph per document, metadata); the
Turtle file is their union without the run-dependent metadata, so it is byte-identical from run to run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.iri import document_iri, entity_iri, fact_iri, graph_iri, short_hash, statement_iri
from kg.model import Document, Entity, Evidence, Relation
from kg.vocab import KG, SYMMETRIC_PREDICATES

PREFIXES = {"kg": str(KG._NS), "skos": str(SKOS), "prov": str(PROV), "dcterms": str(DCTERMS), "xsd": str(XSD),
            "rdfs": str(RDFS), "rdf": str(RDF)}
FACT_CLASSES = {"Deal": KG.Deal, "AcquisitionOffer": KG.AcquisitionOffer, "FundingRound": KG.FundingRound,
                "Metric": KG.Metric}


@dataclass(frozen=True)
class BuildInfo:
    """Run-dependent facts written only to the TriG metadata graph."""

    processed_at: str  # ISO 8601 date-time
    kg_version: str
    spacy_model: str


def date_literal(value: str) -> Literal | None:
    """``2009`` -> xsd:gYear, ``2009-02`` -> xsd:gYearMonth, ``2009-02-17`` -> xsd:date; anything else -> None."""
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", value):
        return Literal(value, datatype=XSD.date)
    return None


def decimal_literal(value: str) -> Literal | None:
    try:
        return Literal(Decimal(value).normalize().__format__("f"), datatype=XSD.decimal)
    except InvalidOperation:
        return None


@lru_cache(maxsize=1 << 16, typed=True)
def _plain(value: int | str) -> Literal:
    """A literal that recurs in every document (offsets, rule names), made once: rdflib is slow to make literals."""
    return Literal(value)


@lru_cache(maxsize=1 << 12)
def _confidence(value: float) -> Literal:
    return Literal(f"{value:.3f}", datatype=XSD.decimal)


def add_entity(g: Graph, base: str, e: Entity) -> URIRef:
    node = entity_iri(base, e.entity_id)
    g.add((node, RDF.type, KG[e.type]))
    g.add((node, SKOS.prefLabel, Literal(e.label, lang="fr")))
    g.add((node, RDFS.label, Literal(e.label, lang="fr")))
    for alias in sorted(e.aliases):
        g.add((node, SKOS.altLabel, Literal(alias, lang="fr")))
    g.add((node, KG.mentionCount, Literal(e.mention_count)))
    g.add((node, KG.typeConfidence, _confidence(e.type_confidence)))
    return node


def add_evidence(g: Graph, base: str, r: Relation, ev: Evidence, doc_text: str | None = None) -> URIRef:
    """The statement node of one piece of evidence (and its fact node, if the evidence carries an amount)."""
    s, o = entity_iri(base, r.subject), entity_iri(base, r.object)
    st = statement_iri(base, short_hash(r.subject, r.predicate, r.object, ev.doc_id, ev.start, ev.end, ev.rule))
    g.add((s, KG[r.predicate], o))
    if r.predicate in SYMMETRIC_PREDICATES:  # both directions, so `?x kg:partnersWith ?y` finds every partner of ?x
        g.add((o, KG[r.predicate], s))
    g.add((st, RDF.type, KG.RelationStatement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, KG[r.predicate]))
    g.add((st, RDF.object, o))
    g.add((st, KG.sourceDocument, document_iri(base, ev.doc_id)))
    g.add((st, KG.evidenceText, Literal(ev.sentence.text, lang="fr")))
    g.add((st, KG.sentenceStart, _plain(ev.sentence.start)))
    g.add((st, KG.sentenceEnd, _plain(ev.sentence.end)))
    g.add((st, KG.evidenceStart, _plain(ev.start)))
    g.add((st, KG.evidenceEnd, _plain(ev.end)))
    g.add((st, KG.extractedBy, _plain(ev.rule)))
    g.add((st, KG.confidence, _confidence(ev.confidence)))
    attrs = dict(ev.attributes)
    if attrs.get("role"):
        g.add((st, KG.role, Literal(attrs["role"], lang="fr")))
    if attrs.get("status"):
        g.add((st, KG.status, Literal(attrs["status"])))
    date = date_literal(attrs.get("date", ""))
    if date is not None:
        g.add((st, KG.date, date))
    fact_kind = attrs.get("fact")
    if fact_kind in FACT_CLASSES:
        fact = fact_iri(base, short_hash("fact", st))
        g.add((fact, RDF.type, FACT_CLASSES[fact_kind]))
        g.add((fact, KG.fromParty, s))
        g.add((fact, KG.toParty, o))
        g.add((fact, PROV.wasDerivedFrom, st))
        for name, prop in (("amount", KG.amount), ("maxAmount", KG.maxAmount)):
            lit = decimal_literal(attrs.get(name, ""))
            if lit is not None:
                g.add((fact, prop, lit))
        if attrs.get("currency"):
            g.add((fact, KG.currency, Literal(attrs["currency"])))
        if attrs.get("status"):
            g.add((fact, KG.status, Literal(attrs["status"])))
        if attrs.get("duration"):
            g.add((fact, KG.duration, Literal(attrs["duration"])))
        if date is not None:
            g.add((fact, KG.date, date))
    return st


def add_document(g: Graph, base: str, doc: Document) -> URIRef:
    node = document_iri(base, doc.doc_id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, KG.fileName, Literal(doc.path)))
    g.add((node, KG.sha256, Literal(doc.sha256)))
    if doc.title:
        g.add((node, DCTERMS.title, Literal(doc.title, lang="fr")))
    g.add((node, DCTERMS.language, Literal(doc.language)))
    g.add((node, KG.charCount, Literal(len(doc.text))))
    return node


def add_metadata(g: Graph, base: str, doc: Document, info: BuildInfo) -> URIRef:
    """A document's node in the metadata graph, with the run-dependent facts of this build."""
    node = add_document(g, base, doc)
    g.add((node, KG.processedAt, Literal(info.processed_at, datatype=XSD.dateTime)))
    g.add((node, KG.kgVersion, Literal(info.kg_version)))
    g.add((node, KG.spacyModel, Literal(info.spacy_model)))
    return node


def add_mentions(g: Graph, base: str, doc_id: str, entity_ids: Iterable[str]) -> None:
    """Which entities a document names, in its own graph (every document has its graph, even without facts)."""
    for entity_id in entity_ids:
        g.add((document_iri(base, doc_id), KG.mentions, entity_iri(base, entity_id)))


def bind_prefixes(ds: Dataset, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("kgr", base)


def graph_prefixes(base: str) -> dict[str, str]:
    """Every prefix a build's dataset knows (rdflib's own and kg's), as the graph files are written with."""
    ds = Dataset()
    bind_prefixes(ds, base)
    return {prefix: str(ns) for prefix, ns in ds.namespaces()}


def build_dataset(
    base: str,
    documents: Iterable[Document],
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    info: BuildInfo,
) -> Dataset:
    """The whole build as named graphs in memory: entities, one graph per document, metadata.

    This is the reference assembly for small graphs and tests; ``kg.build`` writes the same quads through
    :mod:`kg.assemble` without holding them.
    """
    ds = Dataset()
    bind_prefixes(ds, base)
    entities = list(entities)
    ents = ds.graph(graph_iri(base, "entities"))
    for e in entities:
        add_entity(ents, base, e)
    meta = ds.graph(graph_iri(base, "metadata"))
    for doc in documents:
        add_metadata(meta, base, doc, info)
    for e in entities:
        for doc_id in sorted({m.doc_id for m in e.mentions}):
            add_mentions(ds.graph(graph_iri(base, f"document/{doc_id}")), base, doc_id, [e.entity_id])
    for r in relations:
        for ev in r.evidence:
            add_evidence(ds.graph(graph_iri(base, f"document/{ev.doc_id}")), base, r, ev)
    return ds


RUN_DEPENDENT = (KG.processedAt, KG.kgVersion, KG.spacyModel)


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph, less the run-dependent metadata: the content of graph.ttl."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns)
    for s, p, o, _ctx in ds.quads((None, None, None, None)):
        if p not in RUN_DEPENDENT:
            g.add((s, p, o))
    return g
