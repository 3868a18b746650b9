"""The graph page: a plain pyvis rendering of the entities and their relations (issue 6 makes it good)."""

from __future__ import annotations

from pathlib import Path

from pyvis.network import Network
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from kg.atomic import atomic_write_text
from kg.vocab import ENTITY_TYPES, KG, RELATION_PREDICATES

COLOURS = {"Organization": "#4e79a7", "Person": "#f28e2b", "Place": "#59a14f", "Product": "#e15759",
           "Event": "#b07aa1", "CreativeWork": "#edc948"}


def render_html(graph: Graph, path: Path) -> None:
    """Write an interactive page of ``graph`` to ``path``."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    types = {KG[t]: t for t in ENTITY_TYPES}
    nodes: dict[URIRef, str] = {}
    for s, _, o in sorted(graph.triples((None, RDF.type, None))):
        if o in types and isinstance(s, URIRef):
            label = str(graph.value(s, SKOS.prefLabel) or s)
            nodes[s] = types[o]
            net.add_node(str(s), label=label, title=f"{label} ({types[o]})", color=COLOURS[types[o]])
    for name in RELATION_PREDICATES:
        for s, _, o in sorted(graph.triples((None, KG[name], None))):
            if s in nodes and o in nodes:
                net.add_edge(str(s), str(o), label=name, title=name)
    atomic_write_text(Path(path), net.generate_html())
