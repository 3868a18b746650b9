"""``kg load GRAPH --endpoint URL [--graph IRI] [--replace]``: push a build into a triple store (SPARQL 1.1 GSP)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cli import UsageError

if TYPE_CHECKING:
    from kg.store import LoadResult


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "load", help="push a build into a triple store (SPARQL 1.1 Graph Store HTTP Protocol)",
        description="Send a build (a folder, or a .ttl/.trig/.nt/.nq/.jsonld file) to a Graph Store Protocol "
                    "endpoint, for instance http://127.0.0.1:7878/store for Oxigraph. Each named graph goes to "
                    "itself, unless --graph puts everything into one graph or --default-graph into the default "
                    "graph. A query without GRAPH sees named graphs only if the store's default graph is their "
                    "union (oxigraph serve --union-default-graph). Exit 1 if the store refuses.")
    p.add_argument("graph_file", metavar="GRAPH", type=Path, help="a build folder or a graph file")
    p.add_argument("--endpoint", required=True, help="the Graph Store Protocol URL of the store")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--graph", metavar="IRI", help="load everything into this named graph")
    target.add_argument("--default-graph", action="store_true",
                        help="load everything into the store's default graph, so that queries without GRAPH see "
                        "it on any store (by default each document keeps its own named graph)")
    p.add_argument("--replace", action="store_true",
                   help="replace each target graph whole (one PUT, or staged then moved in one update: never "
                   "half-replaced)")
    p.add_argument("--update", metavar="URL",
                   help="the store's SPARQL Update endpoint, used by --replace for graphs larger than one chunk "
                   "(default: guessed, /store -> /update)")
    p.add_argument("--chunk-size", type=int, default=None, metavar="N", help="triples per request (default 20000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.export import read_dataset
    from kg.store import DEFAULT_CHUNK, StoreError, load

    if not args.graph_file.exists():
        raise UsageError(f"no such file or folder: {args.graph_file}")
    if args.graph is not None and not _absolute_iri(args.graph):
        raise UsageError(f"--graph must be an absolute IRI: {args.graph!r}")
    chunk = args.chunk_size or DEFAULT_CHUNK
    if chunk < 1:
        raise UsageError("--chunk-size must be at least 1")
    try:
        ds = read_dataset(args.graph_file)
    except Exception as exc:  # any parser failure is bad input
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        raise UsageError(f"cannot read {args.graph_file}: {' '.join(lines[:2]) or type(exc).__name__}") from exc
    try:
        result = load(ds, args.endpoint, "" if args.default_graph else args.graph, args.replace, chunk,
                      update=args.update)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except StoreError as exc:
        print(f"kg load: error: {exc}", file=sys.stderr)
        if exc.progress is not None:
            print(progress_report(exc.progress), file=sys.stderr, end="")
        return 1
    for name, n in result.triples.items():
        print(f"{n:>8} triples -> {name or '(default graph)'}")
    print(f"loaded {result.total} triples into {len(result.triples)} graph(s) in {result.requests} request(s)")
    return 0


def _absolute_iri(text: str) -> bool:
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", text) is not None


def progress_report(progress: LoadResult) -> str:
    """What the store holds of an interrupted load, and how to resume."""
    lines = [f"committed before the failure: {progress.total} triples in {len(progress.triples)} graph(s)"]
    lines += [f"  {n:>8} triples -> {name or '(default graph)'}" for name, n in progress.triples.items()]
    if progress.partial is not None:
        name, sent, total = progress.partial
        label = name or "(default graph)"
        if progress.replace:
            lines.append(f"  not changed: {label} (still as it was before this load; {sent} of {total} new triples "
                         "had been staged, and were dropped)")
        else:
            lines.append(f"  partly loaded: {label}: {sent} of {total} triples")
    if progress.staging:
        lines.append(f"  left in the store: the staging graph <{progress.staging}> (the next --replace of this graph "
                     "drops it)")
    if progress.pending:
        lines.append(f"  not sent: {len(progress.pending)} graph(s)")
    lines.append("to resume: run the same command again (a triple sent twice is stored once); --replace makes each "
                 "graph exactly the build's")
    return "\n".join(lines) + "\n"
