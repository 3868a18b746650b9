"""``kg query GRAPH 'SELECT ...'`` / ``kg query GRAPH -f question.rq``: run SPARQL 1.1 on a built graph."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from kg.cli import UsageError
from kg.results import FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a SPARQL query on a built graph",
        description="Run SPARQL 1.1 on a built graph (a graph file or a kg build output folder). The prefixes kg:, "
        "kgr:, rdf:, rdfs:, skos:, prov:, dcterms:, xsd:, owl: are predeclared.",
    )
    parser.add_argument("graph", type=Path, help="graph.ttl / graph.trig, or the output folder of kg build")
    parser.add_argument("sparql", nargs="?", help="the query text (or use -f)")
    parser.add_argument("-f", "--file", type=Path, help="read the query from this .rq file ('-' for stdin)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), csv, tsv, json, xml for SELECT/ASK; turtle, ntriples, rdfxml, jsonld for "
        "CONSTRUCT/DESCRIBE",
    )
    parser.set_defaults(func=run)


def read_query(args: argparse.Namespace) -> str:
    """The query text from the argument or the file, exactly one of them."""
    if (args.sparql is None) == (args.file is None):
        raise UsageError("give the query either as an argument or with -f FILE (not both)")
    if args.file is None:
        return str(args.sparql)
    if str(args.file) == "-":
        return sys.stdin.read()
    try:
        return args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.file}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    from kg.query import KnowledgeGraph, QueryWarning

    sparql = read_query(args)
    graph = KnowledgeGraph.open(args.graph)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QueryWarning)  # printed below, once, in kg's own words
        result = graph.query(sparql)
    for message in result.warnings:
        print(f"kg query: warning: {message}", file=sys.stderr)
    fmt = args.format
    sys.stdout.write(result.serialize(fmt))
    return 0
