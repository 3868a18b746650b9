"""networkx analytics of a built graph: who is there, how they are linked, who is central, which groups form.

The RDF graph holds entities, statements, documents and fact nodes; the analytics look only at the *entity graph*
(one node per entity, one edge per relation triple), which :func:`entity_graph` extracts with SPARQL so the same
code works on any graph :class:`kg.query.KnowledgeGraph` opens. Everything is deterministic: ties break on labels,
and community detection runs with a fixed seed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.vocab import ENTITY_TYPES, SYMMETRIC_PREDICATES

if TYPE_CHECKING:
    from kg.query import KnowledgeGraph

KG_NS = "https://w3id.org/kg-news/ontology#"
_TYPES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)

ENTITIES = f"""
SELECT ?e ?type (SAMPLE(?label) AS ?name) WHERE {{
  VALUES ?type {{ {_TYPES} }}
  ?e a ?type .
  OPTIONAL {{ ?e skos:prefLabel ?label }}
}} GROUP BY ?e ?type
"""
RELATIONS = f"""
SELECT ?s ?p ?o WHERE {{
  VALUES ?st {{ {_TYPES} }}
  VALUES ?ot {{ {_TYPES} }}
  ?s a ?st . ?o a ?ot .
  ?s ?p ?o .
  FILTER(STRSTARTS(STR(?p), "{KG_NS}"))
}}
"""


def entity_graph(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """One node per entity (attributes ``label`` and ``type``), one edge per relation triple (key: predicate);
    a symmetric relation, written in both directions, is one edge from the lower IRI."""
    g = nx.MultiDiGraph()
    for iri, type_, name in graph.query(ENTITIES).rows:
        label = name.value if name is not None else iri.value
        g.add_node(iri.value, label=label, type=type_.value.removeprefix(KG_NS))
    for s, p, o in graph.query(RELATIONS).rows:
        name = p.value.removeprefix(KG_NS)
        if name in SYMMETRIC_PREDICATES and o.value < s.value:
            s, o = o, s  # written both ways in the graph, one relation: one edge (same endpoints and key)
        g.add_edge(s.value, o.value, key=name)
    return g


def undirected_weighted(g: nx.MultiDiGraph) -> nx.Graph:
    """Collapse the multigraph: an edge per linked pair, weighted by how many relations link them."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes(data=True)))
    for u, v in sorted((u, v) for u, v, _ in g.edges(keys=True)):
        if u == v:
            continue
        weight = simple.edges[u, v]["weight"] + 1 if simple.has_edge(u, v) else 1
        simple.add_edge(u, v, weight=weight)
    return simple


@dataclass
class Leader:
    """An entity and its score in one ranking."""

    label: str
    iri: str
    type: str
    score: float


@dataclass
class GraphStats:
    """A summary of the entity graph; :meth:`render` for people, :meth:`to_dict` / :meth:`to_json` for programs."""

    triples: int
    entities: int
    relations: int
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_predicate: dict[str, int] = field(default_factory=dict)
    degree_leaders: list[Leader] = field(default_factory=list)
    pagerank_leaders: list[Leader] = field(default_factory=list)
    components: int = 0
    largest_components: list[int] = field(default_factory=list)
    isolated: int = 0
    communities: list[list[str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def render(self) -> str:
        """A plain-text report, one section per measure."""
        out = [f"{self.triples} triples, {self.entities} entities, {self.relations} relations", ""]
        out.append("Entities by type")
        out += [f"  {n:>6}  {t}" for t, n in self.entities_by_type.items()]
        out += ["", "Relations by predicate"]
        out += [f"  {n:>6}  {p}" for p, n in self.relations_by_predicate.items()]
        out += ["", "Degree leaders (distinct neighbours)"]
        out += [f"  {int(x.score):>6}  {x.label} ({x.type})" for x in self.degree_leaders]
        out += ["", "PageRank leaders"]
        out += [f"  {x.score:.4f}  {x.label} ({x.type})" for x in self.pagerank_leaders]
        out += [
            "",
            f"Connected components: {self.components} (largest: {', '.join(map(str, self.largest_components))}; "
            f"isolated entities: {self.isolated})",
            "",
            f"Communities ({len(self.communities)} with 3 or more members)",
        ]
        for i, members in enumerate(self.communities, 1):
            shown = ", ".join(members[:8]) + (f", … (+{len(members) - 8})" if len(members) > 8 else "")
            out.append(f"  {i:>3}. {shown}")
        return "\n".join(out) + "\n"


def _leaders(g: nx.Graph, scores: dict[str, float], top: int) -> list[Leader]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"].casefold(), kv[0]))
    return [Leader(g.nodes[n]["label"], n, g.nodes[n]["type"], round(s, 6)) for n, s in ranked[:top] if s > 0]


def compute_stats(graph: KnowledgeGraph, top: int = 10) -> GraphStats:
    """Every measure of ``kg stats`` on one graph."""
    g = entity_graph(graph)
    simple = undirected_weighted(g)
    types = Counter(data["type"] for _, data in g.nodes(data=True))
    predicates = Counter(key for _, _, key in g.edges(keys=True))
    degree = {n: float(simple.degree(n)) for n in simple}
    pagerank = nx.pagerank(simple, weight="weight") if simple.number_of_edges() else {}
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    communities: list[list[str]] = []
    if simple.number_of_edges():
        found = nx.community.louvain_communities(simple, weight="weight", seed=7)
        labelled = [sorted((simple.nodes[n]["label"] for n in c), key=str.casefold) for c in found if len(c) >= 3]
        communities = sorted(labelled, key=lambda members: (-len(members), members[0].casefold()))
    return GraphStats(
        triples=len(graph),
        entities=g.number_of_nodes(),
        relations=g.number_of_edges(),
        entities_by_type=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations_by_predicate=dict(sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))),
        degree_leaders=_leaders(simple, degree, top),
        pagerank_leaders=_leaders(simple, pagerank, top),
        components=len(components),
        largest_components=components[:5],
        isolated=sum(1 for size in components if size == 1),
        communities=communities[:top],
    )
