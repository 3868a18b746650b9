"""Querying a built graph: load it into Oxigraph, run SPARQL 1.1, hand back results a user can print or reuse.

kg's graphs reach millions of triples on a real corpus, and rdflib's pure-Python SPARQL engine is far too slow for
that (see ``benchmarks/bench_query.py``), so queries run on pyoxigraph, a compiled engine with its own indexes.
The same :class:`KnowledgeGraph` object serves the ``kg query`` / ``kg ask`` / ``kg stats`` / ``kg serve``
commands and the Python API (``kg.open(path).query(...)``).
"""

from __future__ import annotations

import os
import re
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from kg.cli import UsageError
from kg.outputs import CURRENT
from kg.questions import Question, bind_parameter, load_question
from kg.sparql_check import check_terms, explain_syntax, literal_warnings
from kg.storecount import count_solution, count_variable, verified_triples
from kg.terms import (  # noqa: F401 - kg.query is where callers have always found them
    PREFIXES,
    Term,
    compact_iri,
    normalize_name,
    plain_number,
    term_python,
    term_text,
)

if TYPE_CHECKING:
    from kg.stats import GraphStats

# What a folder written by ``kg build`` holds, in the order we prefer to load it.
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq")
FORMATS_BY_SUFFIX: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}

ResultKind = Literal["select", "ask", "graph"]


class SparqlSyntaxError(UsageError):
    """A query that does not parse; carries the 1-based line and column so the message can point at it."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class QueryWarning(UserWarning):
    """A valid query that probably does not ask what was meant (see :func:`kg.sparql_check.literal_warnings`)."""


class QueryTimeout(Exception):
    """The query ran longer than the time it was given (``kg serve`` answers 503)."""


class UnknownTerm(SparqlSyntaxError):
    """A query naming a class or predicate of kg's namespace that the ontology does not define."""


def syntax_error(query: str, exc: SyntaxError) -> SparqlSyntaxError:
    """Oxigraph's parse error as one line a user can act on (see :mod:`kg.sparql_check`), with line and column."""
    problem = explain_syntax(query, str(exc), PREFIXES)
    where = f" at line {problem.line}, column {problem.column}" if problem.line is not None else ""
    return SparqlSyntaxError(f"SPARQL syntax error{where}: {problem.message}", problem.line, problem.column)


@dataclass
class Result:
    """The outcome of one query, fully read: solutions for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE.

    ``truncated`` is set when a row cap cut the solutions short (``kg serve --max-rows``).
    """

    kind: ResultKind
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)  # the query is valid but likely not what was meant

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def records(self) -> list[dict[str, Any]]:
        """The solutions as dicts of plain Python values (unbound variables are absent)."""
        return [
            {var: term_python(term) for var, term in zip(self.variables, row, strict=True) if term is not None}
            for row in self.rows
        ]

    def column(self, name: str) -> list[Any]:
        """Every value of one variable, in order (``None`` where unbound)."""
        index = self.variables.index(name)
        return [term_python(row[index]) for row in self.rows]

    def serialize(self, fmt: str = "table") -> str:
        """Render in one of :data:`kg.results.FORMATS` (table, csv, tsv, json, xml, turtle, ntriples)."""
        from kg.results import render

        return render(self, fmt)


def _checked(sparql: str, store: ox.Store, union: bool) -> list[str]:
    """kg's own checks of a query that parses: an :class:`UnknownTerm` for a term kg never writes (it would match
    nothing), and the warnings to give with the answer."""
    unknown = check_terms(sparql, PREFIXES)
    if unknown is not None:
        raise UnknownTerm(unknown.message, unknown.line, unknown.column)
    return literal_warnings(sparql, store, PREFIXES, union)


def _run(
    store: ox.Store,
    sparql: str,
    *,
    union: bool,
    timeout: float | None,
    max_rows: int | None,
) -> Result:
    """Run a query and read it all, checking the deadline and the row cap as solutions stream out."""
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        outcome = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise syntax_error(sparql, exc) from None
    warnings = _checked(sparql, store, union)

    def check(count: int) -> bool:
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout(f"query exceeded {timeout:g} s")
        return max_rows is not None and count >= max_rows

    if isinstance(outcome, ox.QueryBoolean):
        return Result("ask", boolean=bool(outcome), warnings=warnings)
    if isinstance(outcome, ox.QuerySolutions):
        variables = [v.value for v in outcome.variables]
        rows: list[tuple[Term | None, ...]] = []
        truncated = False
        for solution in outcome:
            if check(len(rows)):
                truncated = True
                break
            rows.append(tuple(solution[i] for i in range(len(variables))))
        check(0)
        return Result("select", variables=variables, rows=rows, truncated=truncated, warnings=warnings)
    triples: list[ox.Triple] = []
    truncated = False
    for triple in outcome:
        if check(len(triples)):
            truncated = True
            break
        triples.append(triple)
    return Result("graph", triples=triples, truncated=truncated, warnings=warnings)


class KnowledgeGraph:
    """A built graph loaded for querying. Open one with :meth:`open` (a ``graph.ttl``/``.trig`` file or a folder)."""

    def __init__(self, store: ox.Store, *, source: Path | None = None, union: bool = False,
                 triples: int | None = None) -> None:
        self.store = store
        self.source = source
        # For a TriG file the facts sit in named graphs; querying their union keeps every question working.
        self.union = union
        self._triples = triples  # known without counting (a build's store says how many its default graph has)
        self._counted: int | None = None  # that number, counted on this very database (kg.storecount)
        self.build_folder: Path | None = None  # the build folder whose current store this is (see query)
        self._build: str | None = None  # which of its builds that store belongs to

    @classmethod
    def open(cls, path: str | Path) -> KnowledgeGraph:
        """Open the graph of an output folder of ``kg build`` (its store ``out/store`` if it is up to date, else
        ``graph.ttl``, else ``graph.trig``), a store folder, or a graph file (loaded into memory)."""
        from kg.graphstore import find_store, read_manifest

        folder = find_store(Path(path))
        if folder is not None:
            real = folder.resolve()  # OUT/store links to the current build's: read the count and open the same one
            counted = verified_triples(real)
            try:
                store = ox.Store.read_only(str(real))
            except OSError as exc:
                raise UsageError(f"{folder}: cannot open the store: {str(exc).splitlines()[0]}") from None
            triples = counted if counted is not None else (read_manifest(real) or {}).get("triples")
            graph = cls(store, source=folder, triples=triples)
            graph._counted = counted
            if folder != Path(path):
                graph.build_folder, graph._build = Path(path), _current_build_name(Path(path))
            return graph
        file = resolve_graph_path(Path(path))
        fmt = FORMATS_BY_SUFFIX.get(file.suffix.lower())
        if fmt is None:
            raise UsageError(f"{file}: unknown RDF format (expected one of {', '.join(sorted(FORMATS_BY_SUFFIX))})")
        store = ox.Store()
        try:
            store.bulk_load(path=str(file), format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise UsageError(f"{file}: not a readable {fmt.name} file: {str(exc).splitlines()[0]}") from None
        return cls(store, source=file, union=fmt in QUAD_FORMATS)

    @classmethod
    def from_turtle(cls, text: str) -> KnowledgeGraph:
        """A graph from Turtle text (handy in tests and notebooks)."""
        store = ox.Store()
        store.load(text, format=ox.RdfFormat.TURTLE)
        return cls(store)

    def __len__(self) -> int:
        """Triples in the graph (for a build's store: in its default graph, as in graph.ttl)."""
        return self._triples if self._triples is not None else len(self.store)

    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None) -> Result:
        """Run SPARQL 1.1 (SELECT, ASK, CONSTRUCT, DESCRIBE) with the ontology's prefixes predeclared.

        A term of kg's namespace that the ontology lacks is an :class:`UnknownTerm` error (with a suggestion); a
        likely mistake in a valid query (a plain literal compared with ``@fr`` labels) is in ``Result.warnings`` and
        issued as a :class:`QueryWarning`.
        """
        if self.build_folder is not None and _current_build_name(self.build_folder) != self._build:
            self._reopen()  # a later build of the folder switched in (and removes this store): answer from its store
        if self._counted is not None and (max_rows is None or max_rows >= 1):
            variable = count_variable(sparql)  # it asks how many triples the default graph has: the build counted
            if variable is not None:
                return Result("select", variables=[variable], rows=[(count_solution(self._counted),)],
                              warnings=_checked(sparql, self.store, self.union))
        try:
            result = _run(self.store, sparql, union=self.union, timeout=timeout, max_rows=max_rows)
        except OSError:  # the store went between the check and the query
            if self.build_folder is None or not self._reopen():
                raise
            result = _run(self.store, sparql, union=self.union, timeout=timeout, max_rows=max_rows)
        for message in result.warnings:
            warnings.warn(message, QueryWarning, stacklevel=2)
        return result

    def _reopen(self) -> bool:
        """Open the current store of the build folder again (True), unless it is the very one already open."""
        assert self.build_folder is not None
        fresh = KnowledgeGraph.open(self.build_folder)
        if fresh.build_folder is None:  # the files now (a build without a store): keep answering from this one
            self._build = _current_build_name(self.build_folder)
            return False
        self.store, self.source, self._triples, self._build = fresh.store, fresh.source, fresh._triples, fresh._build
        self._counted = fresh._counted
        return True

    def ask(self, name: str, arg: str | None = None) -> Result:
        """Run a bundled question (see ``kg ask --list``), with ``arg`` an entity name or IRI where it takes one."""
        question = load_question(name)
        return self.query(self.prepare(question, arg))

    def prepare(self, question: Question, arg: str | None) -> str:
        """The question's SPARQL with its parameter bound to the entities ``arg`` names."""
        if question.param is None:
            if arg is not None:
                raise UsageError(f"question {question.name!r} takes no argument")
            return question.sparql
        if arg is None:
            if question.required:
                raise UsageError(f"question {question.name!r} needs an entity name: kg ask {question.name} NAME")
            return question.sparql
        return bind_parameter(question.sparql, question.param, self.resolve(arg))

    @cached_property
    def _label_index(self) -> dict[str, list[str]]:
        """normalized label -> entity IRIs, over every prefLabel, rdfs:label and altLabel."""
        index: dict[str, set[str]] = {}
        rows = self.query(
            "SELECT DISTINCT ?e ?label WHERE { ?e skos:prefLabel|rdfs:label|skos:altLabel ?label }"
        ).rows
        for entity, label in rows:
            if isinstance(entity, ox.NamedNode) and isinstance(label, ox.Literal):
                index.setdefault(normalize_name(label.value), set()).add(entity.value)
        return {key: sorted(iris) for key, iris in index.items()}

    def resolve(self, name: str) -> list[str]:
        """The IRIs a user's name stands for: an IRI (``<...>``, ``http...`` or ``prefix:local``) or any label.

        Labels match accent- and case-insensitively; several entities sharing a label are all returned.
        """
        text = name.strip()
        if text.startswith("<") and text.endswith(">"):
            return [text[1:-1]]
        if re.match(r"^https?://", text):
            return [text]
        prefix, sep, local = text.partition(":")
        if sep and prefix in PREFIXES and " " not in text:
            return [PREFIXES[prefix] + local]
        found = self._label_index.get(normalize_name(text))
        if found:
            return found
        close = get_close_matches(normalize_name(text), list(self._label_index), n=3, cutoff=0.75)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UsageError(f"no entity is named {name!r} in {self.source or 'the graph'}{hint}")

    def stats(self, top: int = 10) -> GraphStats:
        """networkx analytics of the entity graph (see :mod:`kg.stats`)."""
        from kg.stats import compute_stats

        return compute_stats(self, top=top)

    def triples(self) -> Iterable[ox.Quad]:
        """Every quad in the store (the default graph, or every named graph of a TriG file)."""
        return self.store.quads_for_pattern(None, None, None, None)


def _current_build_name(folder: Path) -> str | None:
    """Which build of an output folder is current (:mod:`kg.outputs`), None for an older layout."""
    try:
        return os.readlink(folder / CURRENT)
    except OSError:
        return None


def resolve_graph_path(path: Path) -> Path:
    """The graph file to load from what the user gave: the file itself, or the graph inside an output folder."""
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise UsageError(f"{path}: no graph.ttl or graph.trig in this folder (is it the output of kg build?)")
    return path


def open_graph(path: str | Path) -> KnowledgeGraph:
    """Alias of :meth:`KnowledgeGraph.open`, the function re-exported as ``kg.open``."""
    return KnowledgeGraph.open(path)
