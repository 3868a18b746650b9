"""``kg stats GRAPH``: entities by type, relations by predicate, central entities, components, communities."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="networkx analytics of a built graph",
        description="Entities by type, relations by predicate, degree and PageRank leaders, connected components "
        "and communities of a built graph's entity graph.",
    )
    parser.add_argument("graph", type=Path, help="graph.ttl / graph.trig, or the output folder of kg build")
    parser.add_argument("--top", type=int, default=10, help="how many leaders and communities to show (default 10)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.cli import UsageError
    from kg.query import KnowledgeGraph

    if args.top < 1:
        raise UsageError("--top must be at least 1")
    stats = KnowledgeGraph.open(args.graph).stats(top=args.top)
    sys.stdout.write(stats.to_json() if args.format == "json" else stats.render())
    return 0
