"""``kg export BUILD [-f FORMAT ...] [-o OUT]``: write a build in other RDF syntaxes (N-Triples, N-Quads, JSON-LD)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import UsageError
from kg.defaults import EXPORT_FORMATS as FORMATS

DEFAULT_FORMATS = ("nt", "nq", "jsonld")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write a build as N-Triples, N-Quads or JSON-LD (also Turtle, TriG)",
        description="Read a build (its graph.trig, or any graph file) and write graph.<format> files. The triple "
                    "formats (ttl, nt) hold graph.ttl's triples; the quad formats (trig, nq, jsonld) every named "
                    "graph. Output is deterministic.")
    p.add_argument("build", type=Path, help="a build folder or a graph file")
    p.add_argument("-f", "--format", dest="formats", action="append", choices=list(FORMATS), metavar="FORMAT",
                   help=f"one of {', '.join(FORMATS)}; repeat for several (default: {' '.join(DEFAULT_FORMATS)})")
    p.add_argument("-o", "--output", type=Path, help="output folder (default: the build folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.export import read_dataset, write_exports

    if not args.build.exists():
        raise UsageError(f"no such file or folder: {args.build}")
    out = args.output or (args.build if args.build.is_dir() else args.build.parent)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {exc.strerror or exc}") from exc
    try:
        ds = read_dataset(args.build)
    except Exception as exc:  # any parser failure is bad input
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        raise UsageError(f"cannot read {args.build}: {' '.join(lines[:2]) or type(exc).__name__}") from exc
    for fmt, path in write_exports(ds, out, args.formats or DEFAULT_FORMATS).items():
        print(f"wrote {fmt:<7}{path}")
    return 0
