"""``kg load GRAPH --endpoint URL [--graph IRI] [--replace]``: push a build into a triple store (SPARQL 1.1 GSP)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.cli import UsageError


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
    p.add_argument("--replace", action="store_true", help="drop each target graph before loading")
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
        result = load(ds, args.endpoint, "" if args.default_graph else args.graph, args.replace, chunk)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except StoreError as exc:
        print(f"kg load: error: {exc}", file=sys.stderr)
        return 1
    for name, n in result.triples.items():
        print(f"{n:>8} triples -> {name or '(default graph)'}")
    print(f"loaded {result.total} triples into {len(result.triples)} graph(s) in {result.requests} request(s)")
    return 0


def _absolute_iri(text: str) -> bool:
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", text) is not None
