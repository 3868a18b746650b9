"""The graph page: one self-contained HTML file that shows a kg graph, offline, safely, and fast on big graphs.

Why it is built this way:

* **Offline.** pyvis's own template links Bootstrap from a CDN even with ``cdn_resources="in_line"``, so the page
  is assembled here from a small template instead; the vis-network library is read from pyvis's package files and
  inlined with kg's own script and style (``kg/render_assets``). A Content-Security-Policy forbids every fetch and
  lets only the page's own scripts run (by their sha256 hashes).
* **Safe.** Every piece of document text (entity names, sentences, titles) travels as JSON inside a
  ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and U+2028/9 escaped, and the page's script
  writes it to the DOM as text nodes only.
* **Readable.** Nodes are shaped and coloured by entity type and sized by degree; edges are labelled by predicate,
  directed, parallel relations stay separate curves, symmetric relations are drawn once without arrow heads. The
  page speaks French: predicates, fact kinds and statuses carry their ``rdfs:label``/``skos:prefLabel`` in French
  from ``ontology/kg.ttl`` (the local name shows on hover). At first sight (``first-sight.js``) entities without
  a relation are gathered apart, no node covers a label, and the view opens on the best-connected entities at a size
  where their names read.
* **Fast.** Above ``layout_threshold`` entities the layout is computed here with networkx and the page starts with
  physics off, so it is usable as soon as it is drawn; smaller graphs stabilise in the browser, then freeze.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import string
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.atomic import atomic_write_text
from kg.defaults import DEFAULT_LAYOUT_THRESHOLD
from kg.ontology import french_labels
from kg.vocab import ENTITY_TYPES, INVERSE_OF, KG, RELATION_PREDICATES, SYMMETRIC_PREDICATES

PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


# Colour-blind-friendly palette (Okabe-Ito) and one distinct vis-network shape per type, all with the label below
# the shape so that the size can follow the degree.
TYPE_STYLE: dict[str, dict[str, str]] = {
    "Organization": {"color": "#0072B2", "shape": "dot", "glyph": "●", "label": "Organisation"},
    "Person": {"color": "#D55E00", "shape": "diamond", "glyph": "◆", "label": "Personne"},
    "Place": {"color": "#009E73", "shape": "triangle", "glyph": "▲", "label": "Lieu"},
    "Product": {"color": "#CC79A7", "shape": "square", "glyph": "■", "label": "Produit"},
    "Event": {"color": "#E69F00", "shape": "star", "glyph": "★", "label": "Événement"},
    "CreativeWork": {"color": "#56B4E9", "shape": "triangleDown", "glyph": "▼", "label": "Œuvre"},
}
FACT_CLASSES: tuple[str, ...] = ("Deal", "AcquisitionOffer", "FundingRound", "Metric")
_INVERSE_TO_CANONICAL: dict[str, str] = {inverse: canonical for canonical, inverse in INVERSE_OF.items()}
DRAWN_PREDICATES: tuple[str, ...] = RELATION_PREDICATES + tuple(INVERSE_OF.values())
_VIS_ASSETS = ("lib", "vis-9.1.2")
_CURVE_STEP = 0.2
_CORE_SIZE = 600
_PIXELS_PER_NODE = 45.0


# --------------------------------------------------------------------------------------------------- page data ---


@dataclass
class PageData:
    """Everything the page shows, as plain JSON-ready values; built from the graph by :func:`page_data`."""

    types: dict[str, dict[str, str]]
    predicates: list[str]
    documents: list[dict[str, str]] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    precomputed_layout: bool = False
    labels: dict[str, dict[str, str]] = field(default_factory=french_labels)  # French names of kg's terms

    def as_json(self) -> dict[str, Any]:
        return {
            "types": self.types, "predicates": self.predicates, "documents": self.documents, "nodes": self.nodes,
            "edges": self.edges, "facts": self.facts, "precomputedLayout": self.precomputed_layout,
            "labels": self.labels,
        }


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _texts(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted({str(value) for value in graph.objects(subject, predicate) if isinstance(value, Literal)})


def _first(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    values = _texts(graph, subject, predicate)
    return values[0] if values else None


def _number(graph: Graph, subject: URIRef, predicate: URIRef) -> float | None:
    for value in sorted(graph.objects(subject, predicate), key=str):
        if isinstance(value, Literal):
            try:
                return float(value.toPython())
            except (TypeError, ValueError):
                continue
    return None


def _entities(graph: Graph) -> dict[URIRef, str]:
    """Entity IRI -> its type local name; an entity typed twice keeps the first type in ENTITY_TYPES order."""
    found: dict[URIRef, str] = {}
    for type_name in ENTITY_TYPES:
        for subject in graph.subjects(RDF.type, KG[type_name]):
            if isinstance(subject, URIRef):
                found.setdefault(subject, type_name)
    return dict(sorted(found.items(), key=lambda item: str(item[0])))


def _relation_triples(graph: Graph, entities: dict[URIRef, str]) -> list[tuple[URIRef, str, URIRef]]:
    """The entity-to-entity relation triples to draw: symmetric ones once, inverses only when alone."""
    triples: set[tuple[URIRef, str, URIRef]] = set()
    for name in DRAWN_PREDICATES:
        canonical = _INVERSE_TO_CANONICAL.get(name)
        for subject, obj in graph.subject_objects(KG[name]):
            if subject not in entities or obj not in entities:
                continue
            if canonical and (obj, KG[canonical], subject) in graph:
                continue  # an inferred inverse beside its canonical triple says nothing new
            if name in SYMMETRIC_PREDICATES and str(obj) < str(subject):
                subject, obj = obj, subject
            triples.add((subject, name, obj))  # type: ignore[arg-type]
    return sorted(triples, key=lambda t: (str(t[0]), t[1], str(t[2])))


def _documents(graph: Graph) -> tuple[list[dict[str, str]], dict[URIRef, int]]:
    docs: set[URIRef] = {d for d in graph.subjects(RDF.type, KG.Document) if isinstance(d, URIRef)}
    docs |= {d for d in graph.objects(None, KG.sourceDocument) if isinstance(d, URIRef)}
    ordered = sorted(docs, key=str)
    table = [
        {
            "iri": str(doc),
            "file": _first(graph, doc, KG.fileName) or _local(doc),
            "title": _first(graph, doc, DCTERMS.title) or "",
        }
        for doc in ordered
    ]
    return table, {doc: index for index, doc in enumerate(ordered)}


def _evidence(graph: Graph, statement: URIRef, doc_index: dict[URIRef, int]) -> dict[str, Any]:
    """One statement node as the page shows it: the sentence, where the stating words are in it, and its source."""
    text = _first(graph, statement, KG.evidenceText) or ""
    sentence_start = _number(graph, statement, KG.sentenceStart)
    start = _number(graph, statement, KG.evidenceStart)
    end = _number(graph, statement, KG.evidenceEnd)
    span: list[int] | None = None
    if sentence_start is not None and start is not None and end is not None:
        begin, stop = int(start - sentence_start), int(end - sentence_start)
        if 0 <= begin < stop <= len(text):
            span = [begin, stop]
    doc = next((d for d in graph.objects(statement, KG.sourceDocument) if isinstance(d, URIRef)), None)
    item: dict[str, Any] = {"text": text, "doc": doc_index.get(doc, -1) if doc is not None else -1}
    confidence = _number(graph, statement, KG.confidence)
    if confidence is not None:
        item["conf"] = round(confidence, 4)
    if span:
        item["span"] = span
    for key, predicate in (("rule", KG.extractedBy), ("role", KG.role), ("status", KG.status), ("date", KG.date)):
        value = _first(graph, statement, predicate)
        if value:
            item[key] = value
    return item


def _evidence_sort_key(item: dict[str, Any]) -> tuple[float, int, str]:
    return (-item.get("conf", 0.0), item["doc"], item["text"])


def _statements(
    graph: Graph, doc_index: dict[URIRef, int]
) -> tuple[dict[tuple[URIRef, str, URIRef], list[dict[str, Any]]], dict[URIRef, dict[str, Any]]]:
    """Evidence per (subject, predicate local name, object), both directions for symmetric predicates."""
    by_triple: dict[tuple[URIRef, str, URIRef], list[dict[str, Any]]] = defaultdict(list)
    by_statement: dict[URIRef, dict[str, Any]] = {}
    for statement in graph.subjects(RDF.type, KG.RelationStatement):
        if not isinstance(statement, URIRef):
            continue
        subject = graph.value(statement, RDF.subject)
        predicate = graph.value(statement, RDF.predicate)
        obj = graph.value(statement, RDF.object)
        item = _evidence(graph, statement, doc_index)
        by_statement[statement] = item
        if not isinstance(subject, URIRef) or not isinstance(predicate, URIRef) or not isinstance(obj, URIRef):
            continue
        name = _local(predicate)
        by_triple[(subject, name, obj)].append(item)
        if name in SYMMETRIC_PREDICATES:
            by_triple[(obj, name, subject)].append(item)
    for items in by_triple.values():
        items.sort(key=_evidence_sort_key)
    return by_triple, by_statement


def _facts(
    graph: Graph, node_index: dict[URIRef, int], by_statement: dict[URIRef, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Fact nodes (deals, offers, funding rounds, metrics) with their parties as page node indices."""
    facts: list[dict[str, Any]] = []
    seen: set[URIRef] = set()
    for class_name in FACT_CLASSES:
        for fact in sorted(graph.subjects(RDF.type, KG[class_name]), key=str):
            if not isinstance(fact, URIRef) or fact in seen:
                continue
            seen.add(fact)
            item: dict[str, Any] = {"kind": class_name}
            for key, predicate in (("from", KG.fromParty), ("to", KG.toParty), ("about", KG.about)):
                parties = sorted(node_index[p] for p in graph.objects(fact, predicate) if p in node_index)
                if parties:
                    item[key] = parties
            for key, predicate in (("amount", KG.amount), ("maxAmount", KG.maxAmount), ("count", KG.count)):
                value = _number(graph, fact, predicate)
                if value is not None:
                    item[key] = value
            for key, predicate in (("currency", KG.currency), ("status", KG.status), ("date", KG.date),
                                   ("duration", KG.duration), ("metric", KG.metricName)):
                value = _first(graph, fact, predicate)
                if value:
                    item[key] = value
            sources = set(graph.objects(fact, PROV.wasDerivedFrom)) | set(graph.objects(fact, KG.supportsStatement))
            evidence = [by_statement[s] for s in sources if s in by_statement]
            item["evidence"] = sorted(evidence, key=_evidence_sort_key)
            if any(key in item for key in ("from", "to", "about")):
                facts.append(item)
    return facts


def _curves(edges: list[dict[str, Any]]) -> None:
    """Give parallel edges (same unordered pair) distinct signed roundness so that each stays visible."""
    groups: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        groups[(min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))].append(edge)
    for group in groups.values():
        if len(group) == 1:
            group[0]["curve"] = 0.0
            continue
        for rank, edge in enumerate(group):
            # rank 0, 1, 2, 3... -> +0.2, -0.2, +0.4, -0.4 relative to the pair's lower-to-higher direction
            magnitude = _CURVE_STEP * (rank // 2 + 1)
            sign = 1.0 if rank % 2 == 0 else -1.0
            if edge["from"] > edge["to"]:
                sign = -sign  # vis-network curves relative to the edge's own direction
            edge["curve"] = round(sign * magnitude, 3)


def page_data(graph: Graph, *, layout_threshold: int = DEFAULT_LAYOUT_THRESHOLD) -> PageData:
    """Read the graph per docs/graph-model.md into what the page shows (deterministic order throughout)."""
    entities = _entities(graph)
    node_index = {iri: index for index, iri in enumerate(entities)}
    documents, doc_index = _documents(graph)
    by_triple, by_statement = _statements(graph, doc_index)

    edges: list[dict[str, Any]] = []
    for subject, name, obj in _relation_triples(graph, entities):
        evidence = by_triple.get((subject, name, obj), [])
        canonical = _INVERSE_TO_CANONICAL.get(name)
        if not evidence and canonical:
            evidence = by_triple.get((obj, canonical, subject), [])
        confidences = [e["conf"] for e in evidence if "conf" in e]
        edge: dict[str, Any] = {
            "id": len(edges), "from": node_index[subject], "to": node_index[obj], "p": name,
            "sym": name in SYMMETRIC_PREDICATES, "ev": evidence,
        }
        if confidences:
            edge["conf"] = max(confidences)
        edges.append(edge)
    _curves(edges)

    degree = [0] * len(entities)
    for edge in edges:
        degree[edge["from"]] += 1
        if edge["to"] != edge["from"]:
            degree[edge["to"]] += 1

    nodes: list[dict[str, Any]] = []
    for index, (iri, type_name) in enumerate(entities.items()):
        pref = _first(graph, iri, SKOS.prefLabel)
        labels = _texts(graph, iri, RDFS.label)
        label = pref or (labels[0] if labels else _local(iri))
        names = [label, *(name for name in labels if name != label)]
        aliases = [alias for alias in _texts(graph, iri, SKOS.altLabel) if alias not in names]
        node: dict[str, Any] = {
            "id": index, "iri": str(iri), "label": label, "labels": names, "aliases": aliases,
            "type": type_name, "degree": degree[index],
        }
        mentions = _number(graph, iri, KG.mentionCount)
        if mentions is not None:
            node["mentions"] = int(mentions)
        nodes.append(node)

    data = PageData(
        types={name: TYPE_STYLE[name] for name in ENTITY_TYPES},
        predicates=sorted({edge["p"] for edge in edges}, key=lambda p: (DRAWN_PREDICATES.index(p), p)),
        documents=documents, nodes=nodes, edges=edges, facts=_facts(graph, node_index, by_statement),
    )
    if len(nodes) > layout_threshold:
        positions = compute_layout(len(nodes), [(edge["from"], edge["to"]) for edge in edges])
        for node, (x, y) in zip(nodes, positions, strict=True):
            node["x"], node["y"] = x, y
        data.precomputed_layout = True
    return data


# ------------------------------------------------------------------------------------------------------ layout ---


def _spiral(rank: int, radius: float) -> tuple[float, float]:
    """The ``rank``-th point of a sunflower (Vogel) spiral: equal area per point, so a hub's leaves never pile up."""
    distance = radius * math.sqrt(rank + 1)
    angle = rank * 2.399963229728653  # the golden angle
    return distance * math.cos(angle), distance * math.sin(angle)


def _component_layout(graph: nx.Graph, nodes: list[int]) -> dict[int, tuple[float, float]]:
    """Positions in about [-1, 1]² for one connected component.

    networkx's spring layout is dense (n² memory and time per iteration without scipy), so a big component is laid
    out by its ``_CORE_SIZE`` best-connected nodes; every other node is then placed, in breadth-first order, on a
    sunflower spiral around the neighbour that reached it first. Hubs get a disc of leaves whose area grows with
    their number: readable at once, and cheap to draw because labels do not stack up.
    """
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) <= _CORE_SIZE:
        core = nodes
    else:
        core = sorted(sorted(nodes, key=lambda n: (-graph.degree(n), n))[:_CORE_SIZE])
    core_graph = nx.Graph()
    core_graph.add_nodes_from(core)
    core_graph.add_edges_from(sorted((a, b) for a, b in graph.subgraph(core).edges() if a != b))
    spring = nx.spring_layout(core_graph, seed=7, iterations=60)
    pos: dict[int, tuple[float, float]] = {n: (float(p[0]), float(p[1])) for n, p in spring.items()}
    if len(core) == len(nodes):
        return pos
    radius = 1.0 / math.sqrt(len(nodes))
    children: dict[int, int] = defaultdict(int)
    frontier = sorted(core, key=lambda n: (-graph.degree(n), n))
    while frontier:
        following: list[int] = []
        for anchor in frontier:
            for node in sorted(graph.neighbors(anchor)):
                if node in pos:
                    continue
                dx, dy = _spiral(children[anchor] + 2, radius)
                children[anchor] += 1
                pos[node] = (pos[anchor][0] + dx, pos[anchor][1] + dy)
                following.append(node)
        frontier = following
    return pos


def compute_layout(node_count: int, edges: Iterable[tuple[int, int]]) -> list[tuple[float, float]]:
    """Pixel positions for nodes 0..node_count-1: each connected component laid out, then packed in shelves."""
    graph = nx.Graph()
    graph.add_nodes_from(range(node_count))
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    total_area = sum((_PIXELS_PER_NODE * 2 * math.sqrt(len(c)) + _PIXELS_PER_NODE) ** 2 for c in components)
    shelf_width = math.sqrt(total_area) * 1.3
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * node_count
    cursor_x = cursor_y = shelf_height = 0.0
    for component in components:
        scale = _PIXELS_PER_NODE * math.sqrt(len(component))
        box = 2 * scale + _PIXELS_PER_NODE
        if cursor_x > 0 and cursor_x + box > shelf_width:
            cursor_x, cursor_y, shelf_height = 0.0, cursor_y + shelf_height, 0.0
        centre_x, centre_y = cursor_x + box / 2, cursor_y + box / 2
        for node, (x, y) in _component_layout(graph, component).items():
            positions[node] = (round(centre_x + x * scale, 1), round(centre_y + y * scale, 1))
        cursor_x += box
        shelf_height = max(shelf_height, box)
    return positions


# -------------------------------------------------------------------------------------------------------- HTML ---


def embed_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` block: no ``</script>``, no ``<!--``, no HTML entity, no JS newline."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _asset(name: str) -> str:
    return (resources.files("kg") / "render_assets" / name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath(*_VIS_ASSETS, name).read_text(encoding="utf-8")


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(data: PageData, *, title: str = "Graphe de connaissances") -> str:
    """The whole page as one string: template, inlined vis-network, kg's script and style, the data."""
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    app_js = _asset("first-sight.js") + "\n" + _asset("page.js")  # one script: page.js calls first-sight.js
    csp = "; ".join((
        "default-src 'none'",
        f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ))
    template = string.Template(_asset("page.html"))
    return template.substitute(
        title=html.escape(title),
        csp=html.escape(csp, quote=False),  # single quotes are fine inside the double-quoted attribute
        vis_css=_vis_asset("vis-network.css").replace("</style", "<\\/style"),
        page_css=_asset("page.css"),
        data=embed_json(data.as_json()),
        vis_js=vis_js,
        app_js=app_js,
    )


def render_html(
    graph: Graph,
    path: Path,
    *,
    title: str = "Graphe de connaissances",
    layout_threshold: int = DEFAULT_LAYOUT_THRESHOLD,
) -> None:
    """Write the interactive page of ``graph`` to ``path`` (atomically; byte-identical for the same graph)."""
    page = render_page(page_data(graph, layout_threshold=layout_threshold), title=title)
    atomic_write_text(Path(path), page)
