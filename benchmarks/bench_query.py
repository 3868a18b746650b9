"""Benchmark: kg's query engine (pyoxigraph) against rdflib's default store on a synthetic graph of 1M+ triples.

    PYTHONPATH=. python benchmarks/bench_query.py [--triples 1000000] [--rdflib-timeout 60]
    PYTHONPATH=. python benchmarks/bench_query.py --build OUT --repeat 3   # first answers: store vs re-parse

The graph follows docs/graph-model.md (entities with labels, relation triples, one statement node per piece of
evidence, fact nodes, documents) with a skewed degree distribution, so a few hub organizations have thousands of
relations, as real news corpora do. Each engine loads the same N-Triples file; then every bundled question runs the
way ``kg ask`` runs it: about the biggest hub (the organization with the most partners) where the question takes an
entity, and also unbound where the entity is optional. The script prints load time, per-question latency (median
of ``--repeat`` runs for Oxigraph, one run for rdflib), the row counts of both engines (they must agree), and the
speed-up. An rdflib run that exceeds ``--rdflib-timeout`` seconds (default 60) is stopped and reported as a lower
bound.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

ORG_PREDICATES = ("partnersWith", "usesDataFrom", "buysDataFrom", "subsidiaryOf", "clientOf", "competitorOf",
                  "offeredToAcquire", "acquired", "investedIn")
PERSON_PREDICATES = ("employeeOf", "ceoOf", "founderOf", "leaderOf", "memberOf")
STATUSES = ("declined", "accepted", "pending", "withdrawn")


def lit(value: str, lang: str | None = "fr") -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def generate(target: int, seed: int = 20240601) -> Iterator[str]:
    """N-Triples lines of a graph of about ``target`` triples (about 14 triples per relation)."""
    rng = random.Random(seed)
    relations = max(10, target // 15)
    orgs, people, docs = max(5, relations // 3), max(5, relations // 6), max(5, relations // 12)

    def skewed(n: int) -> int:  # a few hubs, a long tail
        return min(n - 1, int(n * rng.random() ** 3))

    def entity(kind: str, i: int) -> str:
        return f"<{ID}entity/{kind}-{i}>"

    for i in range(docs):
        d = f"<{ID}document/doc_{i:06d}>"
        yield f"{d} <{RDF}type> <{KG}Document> ."
        yield f"{d} <{KG}fileName> {lit(f'doc_{i:06d}.txt', None)} ."
        yield f"{d} <{DCT}title> {lit(f'Article {i}')} ."
        yield f"{d} <{DCT}language> {lit('fr', None)} ."
        yield f"{d} <{KG}charCount> {typed(rng.randint(500, 9000), 'integer')} ."
    for kind, count, cls in (("org", orgs, "Organization"), ("person", people, "Person")):
        for i in range(count):
            e = entity(kind, i)
            name = f"Société {i}" if kind == "org" else f"Personne {i}"
            yield f"{e} <{RDF}type> <{KG}{cls}> ."
            yield f"{e} <{SKOS}prefLabel> {lit(name)} ."
            yield f"{e} <{RDFS}label> {lit(name)} ."
            yield f"{e} <{SKOS}altLabel> {lit(name.upper())} ."
            yield f"{e} <{KG}mentionCount> {typed(rng.randint(1, 50), 'integer')} ."
    seen: set[tuple[str, str, str]] = set()
    for n in range(relations):
        if rng.random() < 0.25:
            predicate = rng.choice(PERSON_PREDICATES)
            s, o = entity("person", rng.randrange(people)), entity("org", skewed(orgs))
        else:
            predicate = rng.choice(ORG_PREDICATES)
            s, o = entity("org", skewed(orgs)), entity("org", skewed(orgs))
            if s == o:
                continue
            if predicate in ("partnersWith", "competitorOf") and s > o:
                s, o = o, s
        if (s, predicate, o) not in seen:
            seen.add((s, predicate, o))
            yield f"{s} <{KG}{predicate}> {o} ."
        st = f"<{ID}statement/{n:08x}>"
        doc = rng.randrange(docs)
        start = rng.randint(0, 5000)
        yield f"{st} <{RDF}type> <{KG}RelationStatement> ."
        yield f"{st} <{RDF}subject> {s} ."
        yield f"{st} <{RDF}predicate> <{KG}{predicate}> ."
        yield f"{st} <{RDF}object> {o} ."
        yield f"{st} <{KG}sourceDocument> <{ID}document/doc_{doc:06d}> ."
        yield f"{st} <{KG}evidenceText> {lit(f'Phrase {n} du document {doc} qui énonce le fait.')} ."
        yield f"{st} <{KG}sentenceStart> {typed(start, 'integer')} ."
        yield f"{st} <{KG}sentenceEnd> {typed(start + 120, 'integer')} ."
        yield f"{st} <{KG}evidenceStart> {typed(start + 5, 'integer')} ."
        yield f"{st} <{KG}evidenceEnd> {typed(start + 60, 'integer')} ."
        yield f"{st} <{KG}extractedBy> {lit(f'{predicate}.rule-{n % 7}', None)} ."
        yield f"{st} <{KG}confidence> {typed(round(rng.uniform(0.5, 0.95), 2), 'decimal')} ."
        if predicate in ("employeeOf", "ceoOf", "leaderOf"):
            yield f"{st} <{KG}role> {lit(rng.choice(['PDG', 'directeur', 'vice-président']))} ."
        if predicate in ("offeredToAcquire", "acquired", "investedIn") or rng.random() < 0.02:
            fact_type = {"offeredToAcquire": "AcquisitionOffer", "investedIn": "FundingRound"}.get(predicate, "Deal")
            f = f"<{ID}fact/{n:08x}>"
            yield f"{f} <{RDF}type> <{KG}{fact_type}> ."
            yield f"{f} <{KG}fromParty> {s} ."
            yield f"{f} <{KG}toParty> {o} ."
            yield f"{f} <{KG}amount> {typed(rng.randint(1, 900) * 1_000_000, 'decimal')} ."
            yield f"{f} <{KG}currency> {lit(rng.choice(['USD', 'EUR']), None)} ."
            yield f"{f} <{KG}date> {typed(rng.randint(2000, 2024), 'gYear')} ."
            yield f"{f} <{PROV}wasDerivedFrom> {st} ."
            if fact_type == "AcquisitionOffer":
                status = rng.choice(STATUSES)
                yield f"{f} <{KG}status> {lit(status, None)} ."
                yield f"{st} <{KG}status> {lit(status, None)} ."


def write_graph(path: Path, target: int) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for line in generate(target):
            fh.write(line + "\n")
            count += 1
    return count


class Timeout(Exception):
    pass


def with_alarm(seconds: float, fn: Callable[[], Any]) -> Any:
    """Run pure-Python work (rdflib) under a SIGALRM deadline."""

    def fire(signum: int, frame: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # answered from the count a build keeps (kg.storecount)
SUBJECTS = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"  # a question of the same size that Oxigraph scans


def _timed(argv: list[str]) -> tuple[float, str]:
    """Wall seconds of one ``kg`` command in a fresh process (interpreter start and imports included), its output."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", *argv], capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - t, done.stdout.strip()


def first_answers(out: Path, repeat: int) -> int:
    """``kg query OUT COUNT`` (the store) against ``kg query OUT/graph.ttl COUNT`` (today's re-parse), same run."""
    questions = [("COUNT(*)", ["query", str(out), COUNT, "--format", "csv"]),
                 ("COUNT(DISTINCT ?s)", ["query", str(out), SUBJECTS, "--format", "csv"]),
                 ("kg ask most-connected", ["ask", "most-connected", "-g", str(out), "--format", "csv"]),
                 ("kg stats", ["stats", str(out), "--format", "json"])]
    rows = []
    for name, argv in questions:
        runs = [_timed(argv) for _ in range(repeat)]
        reparse = _timed([a.replace(str(out), str(out / "graph.ttl")) if a == str(out) else a for a in argv])
        same = runs[0][1] == reparse[1]
        rows.append((name, runs[0][0], statistics.median(r[0] for r in runs), reparse[0], same))
        print(f"{name}: store first {runs[0][0]:.2f}s, median {rows[-1][2]:.2f}s; re-parse {reparse[0]:.1f}s; "
              f"same answer: {same}", flush=True)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kg.query import KnowledgeGraph

    t = time.perf_counter()
    graph = KnowledgeGraph.open(out)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    answer = graph.query(COUNT).rows[0][0]
    answered = time.perf_counter() - t
    t = time.perf_counter()
    scan = next(iter(graph.store.query(COUNT)))[0]  # Oxigraph itself, without the count the build kept
    print(f"in this process: open {graph.source} {opened:.3f}s, COUNT(*) answered in {answered:.3f}s, Oxigraph's "
          f"scan of the {len(graph):,} triples {time.perf_counter() - t:.2f}s, same: {answer == scan}")
    print(f"\n{'question':<24} {'store, 1st':>11} {'store, median':>14} {'re-parse':>9} {'ratio':>7}")
    for name, first, median, reparse, _ in rows:
        print(f"{name:<24} {first:>10.2f}s {median:>13.2f}s {reparse:>8.1f}s {reparse / first:>6.0f}x")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, help="a kg build folder: time first answers from its store against "
                        "re-parsing its graph.ttl, each command in a fresh process")
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the graph")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kg-bench"), help="folder for the generated graph")
    parser.add_argument("--repeat", type=int, default=5, help="Oxigraph runs per question (median reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per rdflib query")
    parser.add_argument("--skip-rdflib", action="store_true", help="measure Oxigraph only")
    args = parser.parse_args()
    if args.build:
        return first_answers(args.build, args.repeat)

    import pyoxigraph as ox
    import rdflib

    from kg.query import PREFIXES, KnowledgeGraph
    from kg.questions import all_questions, bind_parameter

    args.cache.mkdir(parents=True, exist_ok=True)
    path = args.cache / f"synthetic-{args.triples}.nt"
    if not path.exists():
        t = time.perf_counter()
        lines = write_graph(path, args.triples)
        print(f"generated {path} ({lines} lines) in {time.perf_counter() - t:.1f}s")

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    graph = KnowledgeGraph(store, source=path)
    ox_load = time.perf_counter() - t
    print(f"oxigraph: loaded {len(graph)} triples in {ox_load:.2f}s")

    hub = graph.query(
        "SELECT ?o (COUNT(*) AS ?n) WHERE { ?o a kg:Organization . ?o kg:partnersWith|^kg:partnersWith ?p }"
        " GROUP BY ?o ORDER BY DESC(?n) LIMIT 1"
    ).rows[0][0].value
    cases: list[tuple[str, str]] = []
    for question in all_questions():
        if question.param is None:
            cases.append((question.name, question.sparql))
            continue
        cases.append((f"{question.name} (hub)", bind_parameter(question.sparql, question.param, [hub])))
        if not question.required:
            cases.append((f"{question.name} (all)", question.sparql))

    ox_times: dict[str, float] = {}
    ox_rows: dict[str, int] = {}
    for name, sparql in cases:
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = graph.query(sparql)
            runs.append(time.perf_counter() - t)
        ox_times[name], ox_rows[name] = statistics.median(runs), len(result)

    rd_times: dict[str, float | None] = {}
    rd_rows: dict[str, int | None] = {}
    rd_load = None
    if not args.skip_rdflib:
        t = time.perf_counter()
        g = rdflib.Graph()
        g.parse(str(path), format="nt")
        rd_load = time.perf_counter() - t
        print(f"rdflib:   loaded {len(g)} triples in {rd_load:.2f}s")
        namespaces = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
        for name, sparql in cases:
            t = time.perf_counter()
            try:
                rows = with_alarm(args.rdflib_timeout, lambda s=sparql: len(list(g.query(s, initNs=namespaces))))
                rd_times[name], rd_rows[name] = time.perf_counter() - t, rows
            except Timeout:
                rd_times[name], rd_rows[name] = None, None
            print(f"  rdflib {name}: {'timeout' if rd_times[name] is None else f'{rd_times[name]:.3f}s'}",
                  file=sys.stderr, flush=True)

    print()
    print(f"{'question':<28} {'rows':>7} {'oxigraph':>10} {'rdflib':>11} {'speed-up':>10}")
    ratios = []
    for name, _ in cases:
        ox_t = ox_times[name]
        rd_t = rd_times.get(name)
        if args.skip_rdflib:
            print(f"{name:<28} {ox_rows[name]:>7} {ox_t * 1000:>8.1f}ms")
            continue
        if rd_t is None:
            bound = args.rdflib_timeout / ox_t
            ratios.append(bound)
            print(f"{name:<28} {ox_rows[name]:>7} {ox_t * 1000:>8.1f}ms {'>' + format(args.rdflib_timeout, 'g'):>10}s "
                  f"{'>' + format(bound, ',.0f'):>9}x")
            continue
        ratio = rd_t / ox_t
        ratios.append(ratio)
        agree = "" if rd_rows[name] == ox_rows[name] else f"  ROW COUNTS DIFFER (rdflib {rd_rows[name]})"
        print(f"{name:<28} {ox_rows[name]:>7} {ox_t * 1000:>8.1f}ms {rd_t:>10.3f}s {ratio:>9,.0f}x{agree}")
    print()
    print(f"load: oxigraph {ox_load:.2f}s" + (f", rdflib {rd_load:.2f}s ({rd_load / ox_load:.1f}x)" if rd_load else ""))
    if ratios:
        geo = statistics.geometric_mean(ratios)
        print(f"query speed-up: min {min(ratios):,.0f}x, geometric mean {geo:,.0f}x (timeouts count as lower bounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
