"""The persistent store of a build: ``OUT/store``, an Oxigraph database that queries open at once.

Re-parsing graph.ttl before every ``kg query`` costs seconds per million triples; the store is the same graph,
indexed on disk, so ``kg query``, ``kg ask``, ``kg serve``, ``kg stats`` and ``kg.open`` start answering at once
(:meth:`kg.query.KnowledgeGraph.open` falls back to the files when there is no store, or a stale one).

What it holds, exactly: **graph.trig's named graphs** (entities, one graph per document, metadata) and, as its
**default graph, graph.ttl** (their union less the run-dependent metadata). So a query without ``GRAPH`` answers
as it does on graph.ttl (a fact stated by three documents is one triple, not three), and ``GRAPH ?g { ... }``
answers as on graph.trig. ``OUT/store/kg-manifest.json`` records a digest of every part of graph.trig (a document's
graph, or one subject of the entities and metadata graphs; see :class:`kg.assemble.Part`) and the size and time of
the files it equals; ``OUT/store/kg-counts.json`` (:mod:`kg.storecount`, written last but for the manifest) the
same sizes and times, and the default graph's triples as counted on the finished store, which answers
``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` without a scan.

The store is one of a build's outputs (:class:`kg.outputs.OutputSet`): it is made in the build's staged folder
``OUT/.kg-builds/<id>/store`` and switches in with graph.ttl and graph.trig (``OUT/store`` links to
``.kg-current/store``), so after any interruption a reader finds the old files with the old store or the new
files with the new store, never a mix nor a half-updated store. A first build (or one that changed most of the
graph) bulk-loads the two files into a new database; later builds take a hard-linked checkpoint of the current
one and apply only the parts whose digest changed: the graphs of new, changed and removed documents, the entities
they touch, and the run-dependent metadata (every document's build time changes on every build).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.outputs import CURRENT
from kg.storecount import read_counts, read_json, write_counts

if TYPE_CHECKING:  # kg.assemble and kg.graph bring spaCy and rdflib: a second of start-up that kg query never needs
    from kg.assemble import Part

STORE_DIR = "store"
MANIFEST = "kg-manifest.json"
FORMAT = 1
#: Above this share of changed parts, loading the files into a new database is faster than applying changes.
FULL_RELOAD_SHARE = 0.5
DELETE_BATCH = 20_000  # quads removed per transaction
CHUNK_BYTES = 4 << 20  # TriG/Turtle handed to Oxigraph's bulk loader at once: it holds many copies of it in memory
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def store_dir(out: Path) -> Path:
    return Path(out) / STORE_DIR


def _file_stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def read_manifest(folder: Path) -> dict | None:
    """The manifest of the store in ``folder``, or None when there is no usable one."""
    return read_json(folder / MANIFEST, FORMAT)


@cache
def _run_dependent() -> frozenset[str]:
    from kg.graph import RUN_DEPENDENT

    return frozenset(str(p) for p in RUN_DEPENDENT)


def is_store(folder: Path) -> bool:
    """Whether ``folder`` is a store kg made (its small counts file, or for an older store its manifest)."""
    return read_counts(folder) is not None or read_manifest(folder) is not None


def is_current(folder: Path, trig: Path, ttl: Path) -> bool:
    """True when the store in ``folder`` holds exactly what ``trig`` and ``ttl`` hold now.

    The stamps are read from the store's counts file (:mod:`kg.storecount`, a few hundred bytes) rather than its
    manifest (27 MB at 100,000 documents); a store made before there was one has them in its manifest only.
    """
    recorded = read_counts(folder) or read_manifest(folder)
    try:
        return recorded is not None and recorded.get("files") == {"trig": _file_stamp(trig), "ttl": _file_stamp(ttl)}
    except OSError:
        return False


def _header(trig: Path) -> bytes:
    """The ``@prefix`` lines at the top of graph.trig."""
    lines = []
    with open(trig, "rb") as fh:
        for line in fh:
            if not line.startswith(b"@prefix "):
                break
            lines.append(line)
    return b"".join(lines)


def _iri(text: str, prefixes: dict[str, str]) -> str:
    """The IRI of a subject as graph.trig writes it (``<...>`` or ``prefix:local``)."""
    if text.startswith("<") and text.endswith(">"):
        return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text[1:-1])
    prefix, _, local = text.partition(":")
    if prefix not in prefixes:
        raise KeyError(text)
    return prefixes[prefix] + local


def _prefixes(header: bytes) -> dict[str, str]:
    return dict(re.findall(r"@prefix ([A-Za-z][\w.-]*|): <([^>]*)> \.", header.decode("utf-8")))


def _manifest(trig: Path, ttl: Path, parts: list[Part], header: bytes, triples: int) -> dict:
    graphs: dict[str, dict[str, list[str]]] = {}
    for part in parts:
        graphs.setdefault(part.graph, {})[part.subject] = [part.digest, part.union]
    return {"format": FORMAT, "header": header.decode("utf-8"), "triples": triples, "graphs": graphs,
            "files": {"trig": _file_stamp(trig), "ttl": _file_stamp(ttl)}}


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def _adjacent(last: Part, part: Part) -> bool:
    """Whether ``part`` follows ``last`` in graph.trig with nothing between them but a block separator."""
    if part.subject and last.subject:  # blocks of one big graph, an empty line apart
        return part.graph == last.graph and part.offset == last.offset + last.length + 1
    return not part.subject and not last.subject and part.offset == last.offset + last.length


def _trig_chunks(trig: Path, header: bytes, parts: Iterable[Part]) -> Iterator[bytes]:
    """The TriG text of ``parts`` (in file order) in pieces of about :data:`CHUNK_BYTES`, each one parseable: runs
    of adjacent parts are read in one go, a big graph's subject blocks inside their graph's braces."""
    pieces: list[bytes] = []
    size = 0
    run: list[Part] = []
    with open(trig, "rb") as fh:

        def read_run() -> bytes:
            fh.seek(run[0].offset)
            data = fh.read(run[-1].offset + run[-1].length - run[0].offset)
            return run[0].graph.encode() + b" {\n" + data + b"}\n" if run[0].subject else data

        for part in parts:
            if run and (not _adjacent(run[-1], part) or size + part.offset - run[0].offset >= CHUNK_BYTES):
                pieces.append(read_run())
                size += len(pieces[-1])
                run = []
                if size >= CHUNK_BYTES:
                    yield header + b"".join(pieces)
                    pieces, size = [], 0
            run.append(part)
        if run:
            pieces.append(read_run())
        if pieces:
            yield header + b"".join(pieces)


def _turtle_chunks(ttl: Path) -> Iterator[bytes]:
    """graph.ttl in pieces of about :data:`CHUNK_BYTES`, cut between subject blocks, each with the header."""
    header = _header(ttl)
    with open(ttl, "rb") as fh:
        fh.seek(len(header))
        rest = b""
        while True:
            data = fh.read(CHUNK_BYTES)
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"\n\n")  # blocks are separated by an empty line; a literal never holds a raw \n
            if cut < 0:
                rest = data
                continue
            rest = data[cut + 1 :]
            yield header + data[: cut + 1]
        if rest.strip():
            yield header + rest


def load_files(folder: Path, trig: Path, ttl: Path, parts: list[Part]) -> None:
    """A new database in ``folder`` holding graph.trig's named graphs and graph.ttl as its default graph.

    The files go in in pieces: Oxigraph's bulk loader holds what it is given in memory several times over.
    """
    store = ox.Store(str(folder))
    for chunk in _trig_chunks(trig, _header(trig), parts):
        store.bulk_load(input=chunk, format=ox.RdfFormat.TRIG)
    for chunk in _turtle_chunks(ttl):
        store.bulk_load(input=chunk, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    store.optimize()
    del store


def _changes(old: dict, new: dict) -> list[tuple[str, str]]:
    """The (graph, subject) parts whose text changed, appeared or went."""
    changed = []
    for graph in sorted(set(old) | set(new)):
        before, after = old.get(graph, {}), new.get(graph, {})
        changed += [(graph, subject) for subject in sorted(set(before) | set(after))
                    if before.get(subject, [None])[0] != after.get(subject, [None])[0]]
    return changed


def _delete(store: ox.Store, graph: ox.NamedNode, predicates: Iterable[str] = ()) -> None:
    """Every quad of ``graph`` (with one of ``predicates``, if given), in transactions of :data:`DELETE_BATCH`
    flushed one by one: Oxigraph holds a transaction in memory, several times over, until it commits."""
    values = " ".join(f"<{p}>" for p in predicates)
    where = f"GRAPH <{graph.value}> {{ ?s ?p ?o {f'VALUES ?p {{ {values} }}' if values else ''} }}"
    update = (f"DELETE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }} "
              f"WHERE {{ SELECT ?s ?p ?o WHERE {{ {where} }} LIMIT {DELETE_BATCH} }}")
    while bool(store.query(f"ASK {{ {where} }}")):
        store.update(update)
        store.flush()


def _block_chunks(path: Path) -> Iterator[bytes]:
    """A TriG file of whole graph blocks (the run-dependent triples kg.assemble writes apart), in parseable pieces."""
    header = _header(path)
    with open(path, "rb") as fh:
        fh.seek(len(header))
        lines: list[bytes] = []
        size = 0
        for line in fh:
            lines.append(line)
            size += len(line)
            if line == b"}\n" and size >= CHUNK_BYTES:
                yield header + b"".join(lines)
                lines, size = [], 0
        if lines:
            yield header + b"".join(lines)


def apply_changes(store: ox.Store, trig: Path, parts: list[Part], old: dict, new: dict,
                  prefixes: dict[str, str], run_file: Path | None = None) -> int:
    """Rewrite the parts of ``store`` whose digest changed from ``old`` to ``new`` (the manifests' graphs) from
    graph.trig, and keep its default graph equal to graph.ttl; returns how many parts changed.

    Where most subjects of a big graph changed only in their run-dependent triples (the metadata graph: every
    document's build time), those triples alone are replaced, from ``run_file``. A big graph most of whose subjects
    changed otherwise is replaced whole. The default graph is only touched for parts whose graph.ttl share changed.
    """
    changed = _changes(old, new)
    run_dependent = _run_dependent()
    by_graph: dict[str, list[str]] = {}
    for graph, subject in changed:
        by_graph.setdefault(graph, []).append(subject)
    index = {(p.graph, p.subject): p for p in parts}
    reload: list[Part] = []
    gone: set[ox.Triple] = set()
    fresh: list[Part] = []  # parts whose triples the default graph must gain
    refresh_run = False
    for graph, subjects in by_graph.items():
        name = ox.NamedNode(_iri(graph, prefixes))
        before, after = old.get(graph, {}), new.get(graph, {})
        union_changed = [s for s in subjects if before.get(s, [None, None])[1] != after.get(s, [None, None])[1]]
        run_only = [s for s in subjects if s and s not in set(union_changed)]
        if run_file is not None and len(run_only) > FULL_RELOAD_SHARE * max(1, len(after)):
            _delete(store, name, run_dependent)
            refresh_run = True
            subjects = union_changed
        for subject in union_changed:
            node = ox.NamedNode(_iri(subject, prefixes)) if subject else None
            gone.update(q.triple for q in store.quads_for_pattern(node, None, None, name)
                        if q.predicate.value not in run_dependent)
            if (graph, subject) in index:
                fresh.append(index[(graph, subject)])
        if "" in subjects or len(subjects) > FULL_RELOAD_SHARE * max(1, len(after)):
            _delete(store, name)
            reload += [index[(graph, s)] for s in after if (graph, s) in index]
            continue
        for subject in subjects:
            for quad in list(store.quads_for_pattern(ox.NamedNode(_iri(subject, prefixes)), None, None, name)):
                store.remove(quad)
            if (graph, subject) in index:
                reload.append(index[(graph, subject)])
    header = _header(trig)
    for chunk in _trig_chunks(trig, header, sorted(reload, key=lambda p: p.offset)):
        store.bulk_load(input=chunk, format=ox.RdfFormat.TRIG)
    if refresh_run and run_file is not None:  # every big graph's run-dependent triples, as written now
        for chunk in _block_chunks(run_file):
            store.bulk_load(input=chunk, format=ox.RdfFormat.TRIG)
    added: list[ox.Quad] = []
    for chunk in _trig_chunks(trig, header, sorted(fresh, key=lambda p: p.offset)):
        added += [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                  for q in ox.parse(chunk, format=ox.RdfFormat.TRIG) if q.predicate.value not in run_dependent]
    store.extend(added)
    still = {q.triple for q in added}
    for triple in gone - still:
        named = (q for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object)
                 if not isinstance(q.graph_name, ox.DefaultGraph))
        if next(named, None) is None:
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph()))
    return len(changed)


def _current_build(out: Path) -> Path:
    """The folder holding a build's current outputs: ``OUT/.kg-current`` resolved once (so a build switching in
    meanwhile cannot pair one build's store with another's files), or ``OUT`` itself for an older layout."""
    link = out / CURRENT
    return link.resolve() if link.is_dir() else out


def current_store(out: Path) -> Path | None:
    """The store of the current build in ``out`` (what the next build updates), or None."""
    folder = store_dir(_current_build(Path(out)))
    return folder if folder.is_dir() and read_manifest(folder) is not None else None


def find_store(path: Path) -> Path | None:
    """The store to query for ``path``: a store folder itself, or the store of a build folder's current build if
    it equals that build's graph files; None when the files must be read instead."""
    if not path.is_dir():
        return None
    if is_store(path):
        return path
    build = _current_build(path)
    folder = store_dir(build)
    if not is_current(folder, build / "graph.trig", build / "graph.ttl"):
        return None
    shown = store_dir(path)  # OUT/store, the name users know, when it links to that store
    return shown if shown.resolve() == folder.resolve() else folder


def prepare_store(current: Path | None, staged: Path, trig: Path, ttl: Path, parts: list[Part], triples: int,
                  run_file: Path | None = None) -> str:
    """Make the next store in ``staged`` (inside the build's staged outputs, :class:`kg.outputs.OutputSet`) from
    the graph files just written (graph.ttl has ``triples``): from a checkpoint of the ``current`` store when only
    some parts changed, else from the files; returns ``"updated"`` or ``"created"``. Readers see nothing of it until
    the outputs switch."""
    header = _header(trig)
    manifest = _manifest(trig, ttl, parts, header, triples)
    old = read_manifest(current) if current is not None else None
    incremental = old is not None and old["header"] == manifest["header"] and (
        len(_changes(old["graphs"], manifest["graphs"])) <= FULL_RELOAD_SHARE * max(1, len(parts)))
    try:
        if incremental and current is not None:
            ox.Store.read_only(str(current)).backup(str(staged))  # hard links: instant, the live store untouched
            store = ox.Store(str(staged))
            apply_changes(store, trig, parts, old["graphs"], manifest["graphs"], _prefixes(header), run_file)
            store.flush()
            del store
        else:
            load_files(staged, trig, ttl, parts)
        write_counts(staged, manifest["files"])  # before the manifest: a store with a manifest is complete
        _write_manifest(staged, manifest)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return "updated" if incremental else "created"
