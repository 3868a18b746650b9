"""Targeted materialisation of inverse and symmetric triples (``kg build --infer``).

A full OWL-RL closure would add thousands of trivial triples (types, sameAs reflexivity) that users do not ask for;
these two rules add only what makes a query in either direction work: for each canonical triple ``s P o``, the
inverse ``o P⁻ s`` and, for a symmetric ``P``, the swapped ``o P s``. Rules come from :mod:`kg.vocab`, the same
tables that ``ontology/kg.ttl`` declares with ``owl:inverseOf`` and ``owl:SymmetricProperty``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg.vocab import INVERSE_OF, KG, SYMMETRIC_PREDICATES


def _rules() -> dict[URIRef, URIRef]:
    """Map each canonical predicate to the predicate of the triple it implies (object and subject swapped)."""
    rules = {KG[p]: KG[inv] for p, inv in INVERSE_OF.items()}
    rules.update({KG[p]: KG[p] for p in SYMMETRIC_PREDICATES})
    return rules


def implied(triples: Iterable[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """The triples the rules draw from ``triples`` (one graph's), sorted; some may be there already."""
    rules = _rules()
    return sorted((o, rules[p], s) for s, p, o in triples if p in rules)


def materialise(graph: Graph) -> int:
    """Add inverse and symmetric triples in place; return how many were new.

    For a :class:`rdflib.Dataset` each implied triple goes into the named graph of the triple it comes from, so a
    document's graph keeps holding everything read from that document.
    """
    rules = _rules()
    added = 0
    if isinstance(graph, Dataset):
        quads = [(s, p, o, c) for s, p, o, c in graph.quads((None, None, None, None)) if p in rules]
        for s, p, o, ctx in sorted(quads, key=lambda q: (str(q[3]), q[0], q[1], q[2])):
            target = graph.graph(ctx)
            triple = (o, rules[p], s)
            if triple not in target:
                target.add(triple)
                added += 1
        return added
    for triple in implied(t for p in rules for t in graph.triples((None, p, None))):
        if triple not in graph:
            graph.add(triple)
            added += 1
    return added
