"""Fast, deterministic Turtle and TriG writing.

rdflib's Turtle serializer computes a prefixed name for every term occurrence through a slow generic path; at a few
thousand documents it takes longer than resolution and graph assembly together, and it grows faster than the graph.
This writer does one pass over the triples, formats each distinct term once, and sorts the result, so the same
triples always give the same bytes (whatever the order they were added in) and a build's writing cost stays a
small fraction of its parsing cost.

Layout: ``@prefix`` lines for the prefixes used, then one block per subject (sorted), ``rdf:type`` first as ``a``,
other predicates and objects sorted, ``;`` and ``,`` abbreviations. TriG puts the default graph first, then each
named graph (sorted by name) in braces.
Literals use the short forms of Turtle for integers, decimals and booleans only where the short form reads back as
the very same term (``"1"^^xsd:decimal`` stays quoted: ``1.0`` would be another term); every other literal is
quoted, so what is written is what was built, term for term (tests/test_serialize_w3c.py runs the W3C suites).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from typing import IO

from rdflib import RDF, XSD, BNode, Dataset, Literal, URIRef
from rdflib.term import Node

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)?\Z")
_BNODE = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")
# Turtle's INTEGER, DECIMAL and BOOLEAN productions, ASCII digits only (``\d`` would match ١٢٣)
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class UnwritableTerm(ValueError):
    """A term no RDF syntax can hold (a lone surrogate is not a Unicode character): named, never half-written."""


def _check_text(text: str, node: Node) -> None:
    if _SURROGATE.search(text):
        raise UnwritableTerm(f"cannot write {node!r}: it holds a lone surrogate, which is not a Unicode character")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"

Triple = tuple[Node, Node, Node]
CACHE_LIMIT = 1 << 18  # formatted terms remembered at once


class TermWriter:
    """Formats terms as Turtle, with prefixed names where the local part is safe; remembers the prefixes used."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first, so kgr: wins over a shorter namespace it extends.
        # A prefix Turtle cannot declare (a bad name, an IRI needing escapes) is simply not used.
        usable = [(str(ns), p) for p, ns in prefixes.items()
                  if _PREFIX.match(p) and not _IRI_ESCAPE.search(str(ns)) and not _SURROGATE.search(str(ns))]
        self.namespaces = sorted(usable, key=lambda kv: -len(kv[0]))
        self.used: dict[str, str] = {}
        self._cache: dict[Node, str] = {}

    def iri(self, iri: str) -> str:
        _check_text(iri, URIRef(iri))
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
            # kept when it is a safe label; any other id is hex-encoded behind "u_", which no safe label has
            text = f"_:{node}" if _BNODE.match(node) else f"_:u_{str(node).encode('utf-8', 'surrogatepass').hex()}"
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
        _check_text(lexical, lit)
        quoted = '"' + _STRING_ESCAPE.sub(_escape_char, lexical) + '"'
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


def write_dataset(dataset: Dataset, out: IO[str], *, union: bool = False,
                  skip: Container[Node] = frozenset()) -> None:
    """An rdflib Dataset as TriG (every named graph), or with ``union`` as Turtle (the union of its graphs, the
    triples whose predicate is in ``skip`` left out): what graph.trig and graph.ttl hold."""
    prefixes = dict(dataset.namespaces())
    if union:
        quads = dataset.quads((None, None, None, None))
        write_turtle(((s, p, o) for s, p, o, _g in quads if p not in skip), prefixes, out)
        return
    default = dataset.default_graph.identifier
    names = [None if g.identifier == default else g.identifier for g in dataset.graphs()]

    def triples_of(name: Node | None) -> Iterator[Triple]:
        return iter(dataset.default_graph if name is None else dataset.graph(name))

    write_trig(names, triples_of, prefixes, out)
