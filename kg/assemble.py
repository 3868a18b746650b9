"""Graph assembly on disk: quads go to sorted runs as they are made, and graph.trig / graph.ttl are written from them.

An in-memory rdflib ``Dataset`` costs about 1.5 kB per quad, so a year of news (tens of millions of quads) cannot be
held. Here every triple is formatted once as Turtle text (:class:`kg.serialize.TermWriter`, the terms the old
writer wrote) into a line ``subject TAB flag+predicate TAB object`` whose plain string order is exactly the order
of :mod:`kg.serialize` (subjects sorted, ``a`` first, then predicates and objects sorted): ``TAB`` sorts before
any character a formatted term contains, and the flag is ``0`` for ``a``, ``1`` otherwise. So

* a document's graph (all its quads are made together) is sorted in memory and kept as finished TriG text;
* the big graphs (entities, metadata) and the union written to graph.ttl go through a :class:`kg.spool.LineSorter`;

and the files come out byte-identical to :func:`kg.serialize.write_trig` / :func:`kg.serialize.write_turtle` on the
same triples, with memory bounded by one run of lines. :meth:`GraphFiles.write` also returns the
:class:`Part` index of graph.trig (a document graph, or one subject of a big graph, with its digest), from which
:mod:`kg.graphstore` updates the persistent store incrementally.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rdflib import RDF
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from kg.atomic import atomic_open
from kg.extract import DocumentExtraction
from kg.graph import RUN_DEPENDENT, BuildInfo, add_entity, add_evidence, add_mentions, add_metadata
from kg.infer import implied
from kg.model import Document, Entity, Evidence, Relation
from kg.resolve import Resolution
from kg.serialize import CACHE_LIMIT, TermWriter, block, header
from kg.spool import DEFAULT_RUN_LINES, LineSorter

Triple = tuple[Node, Node, Node]
LINE_EXPORTS = ("nt", "nq")  # the export formats written from the same quads, as sorted lines


@dataclass(frozen=True)
class Part:
    """A piece of graph.trig: a whole graph (``subject`` empty) or one subject's block in a big graph."""

    graph: str  # the graph name as written
    subject: str
    offset: int  # bytes into graph.trig
    length: int
    digest: str  # of its text
    union: str  # of what it gives graph.ttl (its triples less the run-dependent ones)


def prefix_of(text: str) -> str | None:
    """The prefix a formatted term uses (``kg`` for ``kg:Person`` or ``"5"^^kg:x``), None for none."""
    first = text[0]
    if first == '"':
        tail = text[text.rfind('"') + 1 :]
        if tail.startswith("^^") and not tail.startswith("^^<"):
            return tail[2 : tail.index(":")]
        return None
    if first in "<_+-.0123456789" or text in ("a", "true", "false"):
        return None
    colon = text.find(":")
    return text[:colon] if colon > 0 else None


def _split(line: str) -> tuple[str, str, str]:
    subject, pred, obj = line.split("\t", 2)
    return subject, pred[1:], obj


def subject_pairs(lines: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(subject, its (predicate, object) pairs) for each subject of sorted, duplicate-free lines."""
    subject: str | None = None
    pairs: list[tuple[str, str]] = []
    for line in lines:
        s, p, o = _split(line)
        if s != subject:
            if subject is not None:
                yield subject, pairs
            subject, pairs = s, []
        pairs.append((p, o))
    if subject is not None:
        yield subject, pairs


@dataclass
class GraphLines:
    """A named graph as sorted, duplicate-free lines, with the prefixes its terms use (all, and those that reach
    graph.ttl)."""

    lines: list[str]
    used: list[str | None]
    union_used: list[str | None]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class GraphFiles:
    """Collects a build's quads graph by graph and writes graph.trig, graph.ttl and the line exports.

    ``add_graph`` takes a whole named graph at once (a document's); ``add_triples`` takes triples of a big graph in
    any order, any number of times. Both feed the union of graph.ttl (less the run-dependent metadata).
    """

    def __init__(self, work: Path, prefixes: Mapping[str, str], exports: Iterable[str] = (),
                 run_lines: int = DEFAULT_RUN_LINES) -> None:
        self.work = Path(work)
        self.run_lines = run_lines
        self.terms = TermWriter(prefixes)
        self.namespaces = {p: str(ns) for p, ns in prefixes.items()}
        self.trig_used: set[str] = set()
        self.ttl_used: set[str] = set()
        self.ttl = LineSorter(self.work, "ttl", run_lines)
        self.big: dict[str, LineSorter] = {}
        self.exports = {fmt: LineSorter(self.work, fmt, run_lines) for fmt in exports if fmt in LINE_EXPORTS}
        self._known: dict[Node, tuple[str, str | None]] = {}
        self._rdf_type = self.terms.term(RDF.type)
        self._run_dependent = {self.terms.term(p) for p in RUN_DEPENDENT}
        self.run_file = self.work / "run-dependent.trig"  # written with graph.trig: see _write_run
        self._graphs = open(self.work / "graphs.trig", "w+b")  # noqa: SIM115 (closed by write)
        self._graph_index: list[tuple[str, int, int]] = []
        self.quads = 0  # in graph.trig, once written
        self.triples = 0  # in graph.ttl, once written

    def _lines(self, graph: Node, triples: Iterable[Triple], used: set[str | None],
               union_used: set[str | None]) -> Iterator[str]:
        """Each triple as a sortable line (for the graph), its prefixes noted in ``used`` (and ``union_used`` when
        it goes to graph.ttl), the exports fed on the way.

        Terms are compared as formatted text, not as rdflib terms (whose ``==`` runs in Python)."""
        known, formatted = self._known, self._formatted
        nq, nt = self.exports.get("nq"), self.exports.get("nt")
        rdf_type, run_dependent = self._rdf_type, self._run_dependent
        for s, p, o in triples:
            st, ps = known.get(s) or formatted(s)
            pt, pp = known.get(p) or formatted(p)
            ot, po = known.get(o) or formatted(o)
            if pt == rdf_type:
                pt, pp = "a", None
            line = f"{st}\t{'0' if pt == 'a' else '1'}{pt}\t{ot}"
            used.add(ps)
            used.add(pp)
            used.add(po)
            if pt not in run_dependent:
                union_used.add(ps)
                union_used.add(pp)
                union_used.add(po)
                if nt is not None:
                    nt.add(_nt_row((s, p, o))[:-1])
            if nq is not None:
                nq.add(_nq_row((s, p, o), graph)[:-1])
            yield line

    def _formatted(self, node: Node) -> tuple[str, str | None]:
        """A term as Turtle text with the prefix it uses, remembered (a build repeats its terms many times over)."""
        if len(self._known) >= CACHE_LIMIT:  # memory stays flat on a big build
            self._known.clear()
        text = self.terms.term(node)
        found = self._known[node] = (text, prefix_of(text))
        return found

    def _name(self, graph: Node) -> str:
        name = self.terms.term(graph)
        self.trig_used.add(prefix_of(name))  # type: ignore[arg-type]
        return name

    def add_graph(self, graph: Node, triples: Iterable[Triple]) -> GraphLines:
        """A whole named graph, given once (an empty one is not written, as in :func:`kg.serialize.write_trig`);
        returns it as lines, which :meth:`add_lines` takes back in a later build."""
        used: set[str | None] = set()
        union_used: set[str | None] = set()
        lines = sorted(set(self._lines(graph, triples, used, union_used)))
        done = GraphLines(lines, sorted(used, key=str), sorted(union_used, key=str))
        self.add_lines(graph, done)
        return done

    def add_lines(self, graph: Node, done: GraphLines) -> None:
        """A whole named graph as :meth:`add_graph` returned it (in this build or an earlier one)."""
        name = self._name(graph)
        if not done.lines:
            return
        self.trig_used.update(done.used)
        self.ttl_used.update(done.union_used)
        run_dependent = self._run_dependent
        ttl = self.ttl
        union = []
        for line in done.lines:
            if _split(line)[1] not in run_dependent:
                ttl.add(line)
                union.append(line)
        self.quads += len(done.lines)
        blocks = "\n".join(block(s, pairs, "    ") for s, pairs in subject_pairs(done.lines))
        data = f"\n{name} {{\n{blocks}}}\n".encode("utf-8", "surrogatepass")
        union_digest = _digest("\n".join(union).encode("utf-8", "surrogatepass"))
        self._graph_index.append((name, self._graphs.tell(), len(data), union_digest))
        self._graphs.write(data)

    def add_triples(self, graph: Node, triples: Iterable[Triple]) -> None:
        """Triples of a big named graph (entities, metadata), in any order."""
        name = self._name(graph)
        sorter = self.big.get(name) or self.big.setdefault(name, LineSorter(self.work, "graph", self.run_lines))
        union_used: set[str | None] = set()
        run_dependent = self._run_dependent
        for line in self._lines(graph, triples, self.trig_used, union_used):
            sorter.add(line)
            if _split(line)[1] not in run_dependent:
                self.ttl.add(line)
        self.ttl_used |= union_used

    def _counted(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            self.quads += 1
            yield line

    def _counted_ttl(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            self.triples += 1
            yield line

    def _trig_pieces(self) -> Iterator[tuple[bytes, bytes, str, str | None, str]]:
        """(lead, body, graph, subject, union digest) in file order after the header, graphs in name order:
        ``lead`` is written before ``body``; ``body`` is a :class:`Part` (a whole graph, or a subject of a big
        graph) unless ``subject`` is None."""
        whole = {name: (offset, length, union) for name, offset, length, union in self._graph_index}
        if len(whole) != len(self._graph_index) or set(whole) & set(self.big):
            raise ValueError("a named graph was given twice")
        run_dependent = self._run_dependent
        for name in sorted([*whole, *self.big]):
            if name in whole:
                offset, length, union = whole[name]
                self._graphs.seek(offset)
                yield b"", self._graphs.read(length), name, "", union
                continue
            lead = f"\n{name} {{\n".encode()
            run: list[str] = []
            for subject, pairs in subject_pairs(self._counted(self.big[name].sorted(unique=True))):
                kept = "\n".join(f"{p}\t{o}" for p, o in pairs if p not in run_dependent)
                union = _digest(f"{subject}\n{kept}".encode("utf-8", "surrogatepass"))
                run += [f"    {subject} {p} {o} .\n" for p, o in pairs if p in run_dependent]
                yield lead, block(subject, pairs, "    ").encode("utf-8", "surrogatepass"), name, subject, union
                lead = b"\n"
                if len(run) >= 10_000:
                    self._write_run(name, run)
            self._write_run(name, run)
            if lead == b"\n":  # the graph had triples
                yield b"}\n", b"", name, None, ""

    def _write_run(self, name: str, lines: list[str]) -> None:
        """Run-dependent triples of a big graph, also written apart (:attr:`run_file`): a store refreshes them
        without rewriting the subjects they belong to."""
        if lines:
            self._run.write(f"{name} {{\n{''.join(lines)}}}\n".encode("utf-8", "surrogatepass"))
            lines.clear()

    def _header(self, used: set[str | None]) -> bytes:
        return header({p: self.namespaces[p] for p in used if p is not None}).encode("utf-8")

    def write(self, trig: Path, ttl: Path, exports: Mapping[str, Path] | None = None) -> list[Part]:
        """Write graph.trig, graph.ttl (and the line exports asked for at creation) atomically; the trig's parts."""
        parts: list[Part] = []
        self._run = open(self.run_file, "wb")  # noqa: SIM115
        self._run.write(self._header(self.trig_used))
        with self._run, atomic_open(trig, "wb") as fh:
            pos = fh.write(self._header(self.trig_used))
            for lead, body, name, subject, union in self._trig_pieces():
                pos += fh.write(lead)
                if subject is not None:
                    parts.append(Part(name, subject, pos, len(body), _digest(body), union))
                pos += fh.write(body)
        self._graphs.close()
        with atomic_open(ttl, "wb") as fh:
            fh.write(self._header(self.ttl_used))
            for subject, pairs in subject_pairs(self._counted_ttl(self.ttl.sorted(unique=True))):
                fh.write(b"\n")
                fh.write(block(subject, pairs, "").encode("utf-8", "surrogatepass"))
        for fmt, path in (exports or {}).items():
            _write_lines(self.exports[fmt].sorted(unique=True), path)
        return parts


def _write_lines(lines: Iterable[str], path: Path) -> None:
    """Sorted N-Triples / N-Quads lines, as :mod:`kg.export` writes them."""
    with atomic_open(path, "wb") as fh:
        _join(lines, fh)


def _join(lines: Iterable[str], fh: IO[bytes]) -> None:
    first = True
    for line in lines:
        if not line.strip():
            continue
        if not first:
            fh.write(b"\n")
        fh.write(line.encode("utf-8", "replace"))
        first = False
    if not first:
        fh.write(b"\n")


class _Triples(list):
    """What the :mod:`kg.graph` helpers write into here instead of an rdflib graph: a plain list of triples."""

    def add(self, triple: Triple) -> None:
        self.append(triple)


def entity_triples(base: str, entities: Iterable[Entity]) -> Iterator[Triple]:
    """The entities graph, entity by entity."""
    for e in entities:
        triples = _Triples()
        add_entity(triples, base, e)  # type: ignore[arg-type]
        yield from triples


def metadata_triples(base: str, doc: Document, info: BuildInfo) -> list[Triple]:
    """One document's part of the metadata graph."""
    triples = _Triples()
    add_metadata(triples, base, doc, info)  # type: ignore[arg-type]
    return triples


Lifted = tuple[str, str, str, Evidence]


def document_triples(base: str, ex: DocumentExtraction, resolution: Resolution,
                     keep: Callable[[str, str, str], bool] | None = None,
                     infer: bool = False) -> tuple[list[Triple], list[Lifted]]:
    """One document's graph (the entities it names, a statement per piece of evidence, fact nodes; with ``infer``
    the implied triples) and the lifted evidence it holds; ``keep`` filters facts (``--min-confidence``)."""
    triples = _Triples()
    add_mentions(triples, base, ex.doc_id, [e.entity_id for e in resolution.mentioned(ex)])  # type: ignore[arg-type]
    lifted = [t for t in resolution.lift(ex) if keep is None or keep(t[0], t[1], t[2])]
    for s, p, o, ev in lifted:
        add_evidence(triples, base, Relation(s, p, o, ()), ev)  # type: ignore[arg-type]
    if infer:
        triples.extend(implied(triples))
    return triples, lifted
