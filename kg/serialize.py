"""Fast, deterministic Turtle and TriG writing.

rdflib's Turtle serializer computes a prefixed name for every term occurrence through a slow generic path; at a few
thousand documents it takes longer than resolution and graph assembly together, and it grows faster than the graph.
This writer does one pass over the triples, formats each distinct term once, and sorts the result, so the same
triples always give the same bytes (whatever the order they were added in) and a build's writing cost stays a
small fraction of its parsing cost.

Layout: ``@prefix`` lines for the prefixes used, then one block per subject (sorted), ``rdf:type`` first as ``a``,
other predicates and objects sorted, ``;`` and ``,`` abbreviations. TriG puts each named graph (sorted) in braces.
Literals use the short forms of Turtle for integers, decimals and booleans, like rdflib does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_INTEGER = re.compile(r"[+-]?\d+\Z")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+\Z")
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPE = re.compile(r'["\\\n\r\t\b\f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

Triple = tuple[Node, Node, Node]


class TermWriter:
    """Formats terms as Turtle, with prefixed names where the local part is safe; remembers the prefixes used."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first, so kgr: wins over a shorter namespace it extends.
        self.namespaces = sorted(((str(ns), p) for p, ns in prefixes.items()), key=lambda kv: -len(kv[0]))
        self.used: dict[str, str] = {}
        self._cache: dict[Node, str] = {}

    def iri(self, iri: str) -> str:
        for ns, prefix in self.namespaces:
            if iri.startswith(ns) and _LOCAL.match(iri, len(ns)):
                self.used[prefix] = ns
                return f"{prefix}:{iri[len(ns):]}"
        return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri) + ">"

    def term(self, node: Node) -> str:
        cached = self._cache.get(node)
        if cached is not None:
            return cached
        if isinstance(node, URIRef):
            text = self.iri(str(node))
        elif isinstance(node, BNode):
            text = f"_:{node}"
        elif isinstance(node, Literal):
            text = self.literal(node)
        else:
            raise TypeError(f"cannot write {node!r} as Turtle")
        self._cache[node] = text
        return text

    def literal(self, lit: Literal) -> str:
        lexical, dt = str(lit), lit.datatype
        if dt == XSD.integer and _INTEGER.match(lexical):
            return lexical
        if dt == XSD.decimal and _DECIMAL.match(lexical):
            return lexical
        if dt == XSD.boolean and lexical in ("true", "false"):
            return lexical
        quoted = '"' + _STRING_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], lexical) + '"'
        if lit.language:
            return f"{quoted}@{lit.language}"
        if dt is not None and dt != XSD.string:
            return f"{quoted}^^{self.iri(str(dt))}"
        return quoted


def _subjects(triples: Iterable[Triple], terms: TermWriter) -> dict[str, dict[str, set[str]]]:
    """Formatted objects by formatted predicate by formatted subject (each distinct term formatted once)."""
    by_subject: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        pred = "a" if p == RDF.type else terms.term(p)
        by_subject[terms.term(s)][pred].add(terms.term(o))
    return by_subject


def _blocks(by_subject: dict[str, dict[str, set[str]]], indent: str) -> Iterator[str]:
    """One Turtle block per subject, sorted, ``rdf:type`` first."""
    for subject in sorted(by_subject):
        preds = by_subject[subject]
        order = sorted(preds, key=lambda p: (p != "a", p))
        lines = [f"{p} " + f",\n{indent}        ".join(sorted(preds[p])) for p in order]
        body = f" ;\n{indent}    ".join(lines)
        yield f"{indent}{subject} {body} .\n"


def _header(terms: TermWriter) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(terms.used.items()))


def write_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str], out: IO[str]) -> None:
    """Write ``triples`` as Turtle to ``out`` (blocks are streamed out, not joined in memory)."""
    terms = TermWriter(prefixes)
    by_subject = _subjects(triples, terms)
    out.write(_header(terms))
    for block in _blocks(by_subject, ""):
        out.write("\n")
        out.write(block)


def write_trig(quads: Iterable[tuple[Node, Node, Node, Node | None]], prefixes: Mapping[str, str],
               out: IO[str]) -> None:
    """Write ``(s, p, o, graph)`` quads as TriG to ``out``; a graph of None is the default graph."""
    terms = TermWriter(prefixes)
    graphs: dict[Node | None, list[Triple]] = defaultdict(list)
    for s, p, o, g in quads:
        graphs[g].append((s, p, o))
    default = _subjects(graphs.pop(None, []), terms)
    named = sorted((terms.term(g), _subjects(graphs.pop(g), terms)) for g in list(graphs))  # every term formatted
    out.write(_header(terms))  # ... so the header knows every prefix used
    for block in _blocks(default, ""):
        out.write("\n")
        out.write(block)
    for name, by_subject in named:
        out.write(f"\n{name} {{\n")
        for i, block in enumerate(_blocks(by_subject, "    ")):
            out.write("\n" if i else "")
            out.write(block)
        out.write("}\n")
