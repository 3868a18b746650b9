"""``kg render GRAPH -o page.html``: the interactive page of any graph kg built (Turtle, TriG, N-Triples...)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cli import UsageError
from kg.defaults import DEFAULT_LAYOUT_THRESHOLD

if TYPE_CHECKING:  # rdflib and kg.render (networkx) load when the page is made, not for every kg command
    from rdflib import Graph

_FORMATS: dict[str, str] = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".trig": "trig", ".nq": "nquads",
    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}
_QUAD_FORMATS = frozenset({"trig", "nquads"})


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render", help="write the interactive HTML page of a graph",
        description="Write a self-contained, offline HTML page showing a kg graph (a file, or a kg build folder).",
    )
    parser.add_argument("graph", type=Path, help="graph file (.ttl, .trig, .nt, ...) or a kg build output folder")
    parser.add_argument("-o", "--output", type=Path, help="page to write (default: GRAPH with the suffix .html)")
    parser.add_argument("--title", default="Graphe de connaissances", help="page title")
    parser.add_argument(
        "--layout-threshold", type=int, default=DEFAULT_LAYOUT_THRESHOLD, metavar="N",
        help="above N entities, lay the graph out in Python and start with physics off "
        f"(default {DEFAULT_LAYOUT_THRESHOLD})",
    )
    parser.set_defaults(func=run)


def load_graph(path: Path) -> Graph:
    """Parse a graph file; quad formats (TriG, N-Quads) are read as the union of their graphs."""
    from rdflib import Dataset, Graph

    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise UsageError(f"no graph file at {path}")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"unknown graph format {path.suffix!r} (use one of {', '.join(sorted(_FORMATS))})")
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for subject, predicate, obj, _context in dataset.quads():
                graph.add((subject, predicate, obj))
            return graph
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise UsageError(f"cannot parse {path}: {type(exc).__name__}: {first_line}") from None


def run(args: argparse.Namespace) -> int:
    from kg.render import render_html

    if args.layout_threshold < 0:
        raise UsageError("--layout-threshold must be >= 0")
    graph = load_graph(args.graph)
    source = args.graph / "graph.ttl" if args.graph.is_dir() else args.graph
    output: Path = args.output or source.with_suffix(".html")
    if not output.parent.is_dir():
        raise UsageError(f"no such folder: {output.parent}")
    render_html(graph, output, title=args.title, layout_threshold=args.layout_threshold)
    print(output)
    return 0
