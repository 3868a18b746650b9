"""``kg validate GRAPH``: check a build against the SHACL shapes; exit 1 on any violation."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UsageError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "validate", help="check a graph against the SHACL shapes",
        description="Validate a build (a folder, or a .ttl/.trig/.nt/.nq/.jsonld file) against ontology/shapes.ttl. "
                    "Exit code 0: conforms; 1: violations found; 2: the file cannot be read.")
    p.add_argument("graph", type=Path, help="a build folder or a graph file")
    p.add_argument("--shapes", type=Path, help="a SHACL shapes file (default: ontology/shapes.ttl)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.validate import load_data, load_shapes, validate

    if not args.graph.exists():
        raise UsageError(f"no such file or folder: {args.graph}")
    try:
        data = load_data(args.graph)
        shapes = load_shapes(args.shapes)
    except Exception as exc:  # any parser failure is bad input, reported in one line, not a crash
        raise UsageError(f"cannot read {args.graph}: {_one_line(exc)}") from exc
    report = validate(data, shapes)
    print(report.format())
    return 0 if report.conforms else 1


def _one_line(exc: Exception) -> str:
    """rdflib's syntax errors span several lines (position, then reason); keep the first two, joined."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " ".join(lines[:2]) or type(exc).__name__
