"""``kg explain ENTITY [GRAPH]``: every fact about an entity with the sentence that states it."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UsageError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "explain", help="show every fact about an entity and the sentence it was read from",
        description="Print each fact about ENTITY (both directions) with its rule, confidence, document and "
                    "sentence. ENTITY is matched against every label, ignoring case and accents.")
    p.add_argument("entity", help="a label of the entity, e.g. \"Helios Media\"")
    p.add_argument("graph", nargs="?", type=Path, default=Path("out"),
                   help="a build folder or a graph file (default: out/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.explain import EntityNotFound, explain, format_facts, graph_file

    path: Path = args.graph
    if not graph_file(path).is_file():
        raise UsageError(f"no graph at {graph_file(path)} (run `kg build` first or give a folder or .ttl file)")
    try:
        label, kind, facts = explain(path, args.entity)
    except EntityNotFound as exc:
        raise UsageError(str(exc)) from exc
    except (SyntaxError, ValueError) as exc:
        raise UsageError(f"cannot read {graph_file(path)}: {exc}") from exc
    print(format_facts(label, kind, facts))
    return 0
