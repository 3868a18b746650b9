"""``kg ask NAME [ARG]``: run one of the bundled questions (``kg/queries/*.rq``) on a built graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.results import FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="ask one of the bundled questions (kg ask --list)",
        description="Ask a bundled question of a built graph. ARG names an entity: any of its labels, matched "
        "accent- and case-insensitively, or its IRI.",
    )
    parser.add_argument("name", nargs="?", help="the question (see --list)")
    parser.add_argument("arg", nargs="?", help="the entity the question is about, for questions that take one")
    parser.add_argument(
        "-g", "--graph", type=Path, default=Path("out"), help="graph file or kg build output folder (default: out)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--list", action="store_true", help="list the questions and exit")
    parser.add_argument("--show", action="store_true", help="print the question's SPARQL instead of running it")
    parser.set_defaults(func=run)


def list_questions() -> str:
    from kg.questions import all_questions

    lines = []
    for question in all_questions():
        lines.append(f"{question.usage:<34} {question.title}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from kg.cli import UsageError
    from kg.query import KnowledgeGraph
    from kg.questions import load_question

    if args.list or args.name is None:
        sys.stdout.write(list_questions())
        return 0 if args.list else 2
    question = load_question(args.name)
    if args.show:
        sys.stdout.write(question.sparql)
        return 0
    if question.param is not None and question.required and args.arg is None:
        raise UsageError(f"question {question.name!r} needs an entity name: {question.usage}")
    graph = KnowledgeGraph.open(args.graph)
    result = graph.query(graph.prepare(question, args.arg))
    sys.stdout.write(result.serialize(args.format))
    return 0
