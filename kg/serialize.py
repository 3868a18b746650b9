"""Fast, deterministic Turtle and TriG writing.

rdflib's Turtle serializer computes a prefixed name for every term occurrence through a slow generic path; at a few
thousand documents it takes longer than resolution and graph assembly together, and it grows faster than the graph.
This writer does one pass over the triples, formats each distinct term once, and sorts the result, so the same
triples always give the same bytes (whatever the order they were added in) and a build's writing cost stays a
small fraction of its parsing cost.

Layout: ``@prefix`` lines for the prefixes used, then one block per subject (sorted), ``rdf:type`` first as ``a``,
other predicates and objects sorted, ``;`` and ``,`` abbreviations. TriG puts the default graph first, then each
named graph (sorted by name) in braces.
Literals use the short forms of Turtle for integers, decimals and booleans, like rdflib does.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
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
CACHE_LIMIT = 1 << 18  # formatted terms remembered at once


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
        if len(self._cache) >= CACHE_LIMIT:  # a big build has tens of millions of distinct terms: keep memory flat
            self._cache.clear()
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
        if dt == XSD.decimal and _INTEGER.match(lexical):  # a whole decimal: written 5.0, as rdflib writes it
            return lexical + ".0"
        if dt == XSD.boolean and lexical in ("true", "false"):
            return lexical
        quoted = '"' + _STRING_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], lexical) + '"'
        if lit.language:
            return f"{quoted}@{lit.language}"
        if dt is not None and dt != XSD.string:
            return f"{quoted}^^{self.iri(str(dt))}"
        return quoted


def _subjects(triples: Iterable[Triple], terms: TermWriter) -> dict[str, list[tuple[str, str]]]:
    """(predicate, object) pairs by subject, all formatted (each distinct term once; strings are shared).

    A flat list of pairs per subject costs a fraction of a set per predicate: at 10,000 documents this structure
    holds most of a million triples, next to the rdflib dataset they come from.
    """
    by_subject: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[terms.term(s)].append(("a" if p == RDF.type else terms.term(p), terms.term(o)))
    return by_subject


def pair_order(pair: tuple[str, str]) -> tuple[bool, tuple[str, str]]:
    """The order of a subject's (predicate, object) pairs: ``a`` (rdf:type) first, then by text."""
    return (pair[0] != "a", pair)


def block(subject: str, pairs: Iterable[tuple[str, str]], indent: str) -> str:
    """One subject's Turtle block from its pairs, already in :func:`pair_order` and without duplicates."""
    lines: list[str] = []
    last = None
    for pred, obj in pairs:
        if pred == last:
            lines[-1] += f",\n{indent}        {obj}"
        else:
            lines.append(f"{pred} {obj}")
            last = pred
    body = f" ;\n{indent}    ".join(lines)
    return f"{indent}{subject} {body} .\n"


def _blocks(by_subject: dict[str, list[tuple[str, str]]], indent: str) -> Iterator[str]:
    """One Turtle block per subject, sorted, ``rdf:type`` first, objects of a predicate sorted, duplicates merged."""
    for subject in sorted(by_subject):
        yield block(subject, sorted(set(by_subject[subject]), key=pair_order), indent)


def header(used: Mapping[str, str]) -> str:
    """The ``@prefix`` lines of the prefixes used (prefix -> namespace), sorted."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used.items()))


def _header(terms: TermWriter) -> str:
    return header(terms.used)


def write_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str], out: IO[str]) -> None:
    """Write ``triples`` as Turtle to ``out`` (blocks are streamed out, not joined in memory)."""
    terms = TermWriter(prefixes)
    by_subject = _subjects(triples, terms)
    out.write(_header(terms))
    for block in _blocks(by_subject, ""):
        out.write("\n")
        out.write(block)


def write_trig(graph_names: Iterable[Node | None], triples_of: Callable[[Node | None], Iterable[Triple]],
               prefixes: Mapping[str, str], out: IO[str]) -> None:
    """Write the graphs called ``graph_names`` (None: the default graph) as TriG to ``out``.

    One graph at a time is formatted (``triples_of(name)`` gives its triples) and spooled to a temporary file, so
    memory holds one graph, not the dataset twice; the ``@prefix`` header, known only at the end, goes first.
    """
    terms = TermWriter(prefixes)
    names = sorted(((terms.term(g) if g is not None else ""), g) for g in set(graph_names))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body:
        for name, g in names:
            by_subject = _subjects(triples_of(g), terms)
            if not by_subject:
                continue
            if g is None:
                for block in _blocks(by_subject, ""):
                    body.write("\n")
                    body.write(block)
                continue
            body.write(f"\n{name} {{\n")
            for i, block in enumerate(_blocks(by_subject, "    ")):
                body.write("\n" if i else "")
                body.write(block)
            body.write("}\n")
        out.write(_header(terms))
        body.seek(0)
        shutil.copyfileobj(body, out)
