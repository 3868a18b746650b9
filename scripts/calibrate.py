#!/usr/bin/env python3
"""Measure each extraction rule's precision against a gold standard, and calibrate confidences from it.

    python scripts/calibrate.py out-dev/graph.ttl --set dev              # per-rule table and reliability table
    python scripts/calibrate.py out-dev/graph.ttl --set dev --write      # also write ontology/frames/calibration.toml
    python scripts/calibrate.py out-dev/graph.ttl --set dev --rule acquired.noun   # every statement of one rule
    python scripts/calibrate.py out-dev/graph.ttl --set dev --cross-validate   # out-of-sample reliability table

A statement (one piece of evidence for one triple) is *right* when its triple is in the gold standard (core or
optional: an optional fact is not an error), *wrong* otherwise, including a triple between names the gold does not
know. The gold standard and its name matching are those of ``../shared/eval/score.py`` (loaded from ``--gold``).
The reliability table bins the *facts* of the graph (a triple's confidence is the noisy-or of its statements) by
confidence and gives the precision of each bin, which is what a user filtering with ``--min-confidence`` gets.

Measured on the corpus it was calibrated on, that table flatters the confidences. ``--cross-validate`` gives the
honest one: the documents are split in two halves (every other one, by id); each half's facts get the confidences
calibrated on the other half only, and the table bins them all.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Literal

REPO = Path(__file__).resolve().parent.parent
KG_NS = "https://w3id.org/kg-news/ontology#"
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def load_scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_index(sc, gold_dir: Path, name: str):
    entities = sc.read_tsv(gold_dir / f"{name}.entities.tsv")
    relations = sc.read_tsv(gold_dir / f"{name}.relations.tsv")
    alias = defaultdict(set)
    for e in entities:
        for a in [e["name"], *e["aliases"].split("|")]:
            if a.strip():
                alias[sc.norm(a)].add(e["id"])
    keys = {}
    for r in relations:
        for pred in r["predicates"].split("|"):
            s, o = r["subject"], r["object"]
            if pred in sc.SYMMETRIC:
                s, o = min(s, o), max(s, o)
            keys[(s, pred, o)] = r["status"]
    return alias, keys


def node_ids(sc, graph, alias) -> dict:
    labels = defaultdict(set)
    for s, p, o in graph.triples((None, None, None)):
        if sc.local_name(p) in sc.LABEL_LOCALNAMES and isinstance(o, Literal):
            labels[s].add(str(o))
    return {n: set().union(*(alias.get(sc.norm(x), set()) for x in ls)) for n, ls in labels.items()}


def judge(sc, ids: dict, keys: dict, s, pred: str, o) -> bool:
    if pred in sc.INVERSE:
        pred, s, o = sc.INVERSE[pred], o, s
    for si in ids.get(s, ()):
        for oi in ids.get(o, ()):
            key = (min(si, oi), pred, max(si, oi)) if pred in sc.SYMMETRIC else (si, pred, oi)
            if key in keys:
                return True
    return False


def statements(graph):
    kg = lambda local: graph.namespace_manager.expand_curie(f"kg:{local}")  # noqa: E731
    for st in graph.subjects(RDF.type, kg("RelationStatement")):
        yield (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object),
               str(graph.value(st, kg("extractedBy"))), float(graph.value(st, kg("confidence"))),
               str(graph.value(st, kg("evidenceText"))))


def high_confidence_precision(graph_file: Path, name: str = "dev", threshold: float = 0.8,
                              gold_dir: Path = REPO.parent / "shared" / "eval") -> tuple[int, float]:
    """How many facts of the graph have a confidence of at least ``threshold``, and their precision."""
    sc = load_scorer(gold_dir)
    graph = sc.load_graph([str(graph_file)])
    alias, keys = gold_index(sc, gold_dir, name)
    ids = node_ids(sc, graph, alias)
    facts: dict[tuple, list] = {}
    for s, p, o, _rule, conf, _text in statements(graph):
        pred = sc.local_name(p)
        facts.setdefault((s, pred, o), [judge(sc, ids, keys, s, pred, o), 1.0])[1] *= 1.0 - conf
    high = [ok for ok, q in facts.values() if 1.0 - q >= threshold]
    return len(high), (sum(high) / len(high) if high else 0.0)


def cross_validated(sc, graph, ids, keys) -> dict[tuple, list]:
    """fact -> [right, 1 - confidence], each document's facts scored with a calibration made without its half."""
    from kg.extract.calibration import calibrated
    from kg.extract.frames import load_frames

    kg = lambda local: graph.namespace_manager.expand_curie(f"kg:{local}")  # noqa: E731
    rows = []
    for st in graph.subjects(RDF.type, kg("RelationStatement")):
        s, o = graph.value(st, RDF.subject), graph.value(st, RDF.object)
        pred = sc.local_name(graph.value(st, RDF.predicate))
        rows.append((str(graph.value(st, kg("sourceDocument"))), (s, pred, o), str(graph.value(st, kg("extractedBy"))),
                     judge(sc, ids, keys, s, pred, o)))
    docs = sorted({r[0] for r in rows})
    frames = load_frames().by_id
    facts: dict[tuple, list] = {}
    for half in (set(docs[::2]), set(docs[1::2])):
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for doc, _fact, rule, ok in rows:
            if doc not in half:
                table[rule][0] += 1
                table[rule][1] += ok

        def confidence(rule: str, table: dict[str, list[int]] = table) -> float:
            base = rule.partition("+")[0]
            return calibrated(rule, frames[base].confidence if base in frames else 0.7, table)

        for doc, fact, rule, ok in rows:
            if doc in half:
                facts.setdefault((*fact, min(half)), [ok, 1.0])[1] *= 1.0 - confidence(rule)
    return facts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph")
    ap.add_argument("--set", default="dev")
    ap.add_argument("--gold", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--write", action="store_true", help="write ontology/frames/calibration.toml")
    ap.add_argument("--rule", help="list every statement of the rules starting with this prefix")
    ap.add_argument("--cross-validate", action="store_true",
                    help="reliability table with confidences calibrated on the other half of the documents")
    args = ap.parse_args(argv)
    gold_dir = Path(args.gold)
    sc = load_scorer(gold_dir)
    graph = sc.load_graph([args.graph])
    alias, keys = gold_index(sc, gold_dir, args.set)
    ids = node_ids(sc, graph, alias)
    label = {s: str(o) for s, o in graph.subject_objects(graph.namespace_manager.expand_curie("skos:prefLabel"))}
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    facts: dict[tuple, list] = {}
    for s, p, o, rule, conf, text in statements(graph):
        pred = sc.local_name(p)
        ok = judge(sc, ids, keys, s, pred, o)
        per_rule[rule][0] += 1
        per_rule[rule][1] += ok
        facts.setdefault((s, pred, o), [ok, 1.0])[1] *= 1.0 - conf
        if args.rule and rule.startswith(args.rule):
            print(f"{'ok ' if ok else 'BAD'} {rule:<28} {label.get(s, s)} {pred} {label.get(o, o)}  | {text[:110]}")
    if args.rule:
        return 0
    print(f"{'rule':<32} {'made':>5} {'right':>5} {'precision':>9}")
    for rule, (made, right) in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
        print(f"{rule:<32} {made:>5} {right:>5} {right / made:>9.3f}")
    if args.cross_validate:
        facts = cross_validated(sc, graph, ids, keys)
        print("\n(cross-validated: each half of the documents scored with the other half's calibration)")
    print("\nconfidence   facts  precision")
    for lo, hi in itertools.pairwise(BINS):
        inside = [ok for ok, q in facts.values() if lo <= 1.0 - q < hi]
        if inside:
            close = "]" if hi > 1 else ")"
            print(f"[{lo:.1f}, {min(hi, 1.0):.1f}{close}  {len(inside):>6}  {sum(inside) / len(inside):>9.3f}")
    high = [ok for ok, q in facts.values() if 1.0 - q >= 0.8]
    if high:
        print(f"confidence >= 0.8: {len(high)} facts, precision {sum(high) / len(high):.3f}")
    if args.write:
        out = REPO / "ontology" / "frames" / "calibration.toml"
        lines = ["# Measured precision of each rule on the development corpus: facts made and facts right.",
                 f"# Made by: python scripts/calibrate.py {args.graph} --set {args.set} --write",
                 "# kg/extract/calibration.py turns them into confidences.", "", "[rules]"]
        for rule, (made, right) in sorted(per_rule.items()):
            lines.append(f'"{rule}" = {{ made = {made}, right = {right} }}')
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
