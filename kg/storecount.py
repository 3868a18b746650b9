"""How many triples a build's store holds, written beside it, so that the usual first question is answered at once.

``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` is what a user asks first of a new graph, and Oxigraph answers it
by walking an index: 3.7 s over the 16 M triples of a 100,000-document build, every time. Real engines answer a
count over one all-variable pattern from the statistics they keep with their indexes (Blazegraph's "fast range
counts"); here the build counts once, with that very query on the store it has just made, and writes the number to
``OUT/store/kg-counts.json``. :func:`count_variable` recognises the queries whose answer *is* that number, and
:meth:`kg.query.KnowledgeGraph.query` answers them from it; every other query goes to Oxigraph as before.

The file is small, so it also carries what ``kg query`` checks before trusting a store at all (the size and time
of the graph.ttl and graph.trig it equals, :func:`kg.graphstore.is_current`): the part manifest beside it is 27 MB
at 100,000 documents, and reading it took 0.4 s before every answer.

A count is only ever used for the database it was made from. The file records the build folder the store was made
in and a fingerprint of the database's files (their names and sizes: any write to a RocksDB database appends to its
log or adds a table file, and a read-only open changes none of them); when either differs from what is on disk, the
count is ignored and the query scans.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import atomic_write_text
from kg.sparql_check import Token, tokens

COUNTS = "kg-counts.json"
FORMAT = 1
#: The shapes answered from the count, over the labels :func:`_labels` gives tokens: ``SELECT (COUNT(*) AS ?n)``
#: or ``COUNT(?x)`` of one triple pattern, with ``WHERE`` and a final ``.`` optional, nothing before but ``PREFIX``
#: lines, nothing after.
SHAPE = re.compile(r"SELECT \( COUNT \( (?:\*|VAR) \) AS VAR \)(?: WHERE)? \{ VAR VAR VAR(?: \.)? \}")
_VAR = re.compile(r"[?$][A-Za-z0-9_]+", re.A)  # ASCII names only: a subset of SPARQL's, enough to be sure
_PREFIX_NAME = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?:", re.A)
_LONE_CR = re.compile(r"\r(?!\n)")
#: Files of a database directory that are not its data: the lock, RocksDB's text log, kg's own files.
_NOT_DATA = re.compile(r"LOCK|LOG(?:\.old\..*)?|kg-.*|\..*")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def fingerprint(folder: Path) -> list[list[str | int]]:
    """[name, size] of every data file of the database in ``folder``, sorted: what any write to it changes."""
    with os.scandir(folder) as entries:
        return sorted([e.name, e.stat().st_size] for e in entries if e.is_file() and not _NOT_DATA.fullmatch(e.name))


def count_triples(store: ox.Store) -> int:
    """Triples of ``store``'s default graph, counted by the query :func:`count_variable` recognises."""
    solution = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(solution[0].value)


def write_counts(folder: Path, files: dict[str, list[int]]) -> int:
    """Count the closed store in ``folder`` and write :data:`COUNTS` beside it; returns the count.

    ``files`` are the stamps of the graph files the store equals (:func:`kg.graphstore.is_current` compares them).
    """
    store = ox.Store.read_only(str(folder))
    try:
        triples = count_triples(store)
    finally:
        del store
    data = {"format": FORMAT, "build": Path(folder).resolve().parent.name, "files": files, "triples": triples,
            "fingerprint": fingerprint(folder)}
    atomic_write_text(folder / COUNTS, json.dumps(data, separators=(",", ":")))
    return triples


def read_json(path: Path, version: int) -> dict | None:
    """The object in the JSON file ``path`` if its ``format`` is ``version``; None if missing, unreadable or other."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == version else None


def read_counts(folder: Path) -> dict | None:
    """The content of :data:`COUNTS` in ``folder`` (whether or not its count still holds), or None."""
    return read_json(folder / COUNTS, FORMAT)


def verified_triples(folder: Path) -> int | None:
    """The default graph's triple count of the store in ``folder``, if it was counted on exactly this database."""
    data = read_counts(folder)
    if data is None or not isinstance(data.get("triples"), int):
        return None
    real = Path(folder).resolve()
    try:
        same = data.get("build") == real.parent.name and data.get("fingerprint") == fingerprint(real)
    except OSError:
        return None
    return data["triples"] if same else None


def _keyword(tok: Token) -> str:
    """A word in upper case, as keywords are compared; ``?`` for any other token, and for a word not all ASCII,
    which spells no keyword (yet ``"Aſ".upper() == "AS"``, ``"preﬁx".upper() == "PREFIX"``)."""
    return tok.text.upper() if tok.kind == "word" and tok.text.isascii() else "?"


def _labels(sparql: str) -> tuple[list[str], list[str]] | None:
    """The query's tokens after its ``PREFIX`` lines as labels :data:`SHAPE` matches (keywords in upper case,
    ``VAR`` for a variable), and the variables' names in order; None when the prologue holds anything else."""
    toks = list(tokens(sparql))
    at = 0
    while at < len(toks) and _keyword(toks[at]) == "PREFIX":
        name, iri = toks[at + 1 : at + 3] if at + 2 < len(toks) else (None, None)
        if name is None or iri is None or name.kind != "pname" or iri.kind != "iri" \
                or not _PREFIX_NAME.fullmatch(name.text):
            return None
        try:
            ox.NamedNode(iri.text[1:-1])  # an absolute IRI, as the query parser wants it (no BASE here)
        except ValueError:
            return None
        at += 3
    labels, names = [], []
    for tok in toks[at:]:
        if tok.kind == "var":
            if not _VAR.fullmatch(tok.text):
                return None
            labels.append("VAR")
            names.append(tok.text[1:])  # ?x and $x are the same variable
        elif tok.kind == "word":
            labels.append(_keyword(tok))
        else:
            labels.append(tok.text)
    return labels, names


def count_variable(sparql: str) -> str | None:
    """The result variable of ``sparql`` when its answer is the number of triples of the default graph: one row,
    the count, as Oxigraph gives it for ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` without union (what a
    build's store is queried with). None for anything else, which Oxigraph then answers.

    That is ``COUNT(*)``, or ``COUNT(?x)`` of one of the pattern's variables (bound in every solution), of a single
    triple pattern of three distinct variables, the result variable not one of them. A bound term, ``DISTINCT``,
    ``FILTER``, ``GROUP BY``, ``LIMIT``/``OFFSET``, ``FROM``, ``GRAPH``, a second pattern, a nested group, a ``BASE``:
    none of them is this shape, so none is answered here, even where the answer would happen to be the same.
    """
    if "#" in sparql and _LONE_CR.search(sparql):
        return None  # a comment may end at a lone CR for Oxigraph, and runs to the next LF for kg's tokens
    found = _labels(sparql)
    if found is None or not SHAPE.fullmatch(" ".join(found[0])):
        return None
    names = found[1]
    counted = names.pop(0) if len(names) == 5 else "*"  # COUNT(?x) names one variable more than COUNT(*)
    result, pattern = names[0], names[1:]
    if len(set(pattern)) != 3 or result in pattern or counted not in ("*", *pattern):
        return None
    return result


def count_solution(triples: int) -> ox.Literal:
    """The count as Oxigraph's COUNT gives it: an ``xsd:integer``."""
    return ox.Literal(str(triples), datatype=XSD_INTEGER)
