"""The ontology's names as Python attributes, in the style of rdflib's ``DefinedNamespace``.

Every class and predicate that kg writes is declared here once, so a typo is an ``AttributeError`` rather than a
silently wrong IRI. The local names are fixed by ``shared/docs/relations.md``; ``ontology/kg.ttl`` declares them.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.defaults import DEFAULT_BASE_IRI  # noqa: F401 - re-exported: kg.vocab is where callers look

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology"


class KG(DefinedNamespace):
    """kg's ontology namespace (classes, relation predicates, provenance and fact-node properties)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # entity classes
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Product: URIRef
    Event: URIRef
    CreativeWork: URIRef

    # relations between entities
    partnersWith: URIRef
    usesDataFrom: URIRef
    buysDataFrom: URIRef
    subsidiaryOf: URIRef
    clientOf: URIRef
    founderOf: URIRef
    leaderOf: URIRef
    ceoOf: URIRef
    employeeOf: URIRef
    memberOf: URIRef
    acquired: URIRef
    offeredToAcquire: URIRef
    investedIn: URIRef
    launched: URIRef
    basedIn: URIRef
    competitorOf: URIRef
    # inverses (only written with --infer)
    providesDataTo: URIRef
    sellsDataTo: URIRef
    parentOrganizationOf: URIRef
    hasClient: URIRef
    foundedBy: URIRef
    ledBy: URIRef
    hasCEO: URIRef
    employs: URIRef
    hasMember: URIRef
    acquiredBy: URIRef
    receivedAcquisitionOfferFrom: URIRef
    fundedBy: URIRef
    launchedBy: URIRef
    locationOf: URIRef

    # provenance: one kg:RelationStatement per piece of evidence
    RelationStatement: URIRef
    Document: URIRef
    sourceDocument: URIRef
    evidenceText: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    extractedBy: URIRef
    confidence: URIRef
    role: URIRef
    date: URIRef
    status: URIRef
    mentionCount: URIRef
    typeConfidence: URIRef
    mentions: URIRef

    # fact nodes (n-ary facts): deals, offers, funding rounds, metrics
    Fact: URIRef
    Deal: URIRef
    AcquisitionOffer: URIRef
    FundingRound: URIRef
    Metric: URIRef
    fromParty: URIRef
    toParty: URIRef
    about: URIRef
    metricName: URIRef
    amount: URIRef
    maxAmount: URIRef
    currency: URIRef
    duration: URIRef
    count: URIRef
    supportsStatement: URIRef

    # document metadata (metadata graph of the TriG file)
    fileName: URIRef
    sha256: URIRef
    title: URIRef
    language: URIRef
    processedAt: URIRef
    kgVersion: URIRef
    spacyModel: URIRef
    charCount: URIRef


# Every name as a plain class attribute: DefinedNamespace looks undeclared attributes up in Python on each access,
# and graph assembly reads a dozen of them per statement.
for _name in KG.__annotations__:
    type.__setattr__(KG, _name, KG._NS[_name])

# The sixteen relation predicates of relations.md, in their canonical direction.
RELATION_PREDICATES: tuple[str, ...] = (
    "partnersWith", "usesDataFrom", "buysDataFrom", "subsidiaryOf", "clientOf", "founderOf", "leaderOf", "ceoOf",
    "employeeOf", "memberOf", "acquired", "offeredToAcquire", "investedIn", "launched", "basedIn", "competitorOf",
)
SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"partnersWith", "competitorOf"})
INVERSE_OF: dict[str, str] = {
    "usesDataFrom": "providesDataTo", "buysDataFrom": "sellsDataTo", "subsidiaryOf": "parentOrganizationOf",
    "clientOf": "hasClient", "founderOf": "foundedBy", "leaderOf": "ledBy", "ceoOf": "hasCEO",
    "employeeOf": "employs", "memberOf": "hasMember", "acquired": "acquiredBy",
    "offeredToAcquire": "receivedAcquisitionOfferFrom", "investedIn": "fundedBy", "launched": "launchedBy",
    "basedIn": "locationOf",
}
SUPER_PROPERTY: dict[str, str] = {"buysDataFrom": "usesDataFrom", "ceoOf": "leaderOf"}
ENTITY_TYPES: tuple[str, ...] = ("Organization", "Person", "Place", "Product", "Event", "CreativeWork")
