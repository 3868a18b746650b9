"""Throughput, speed-up, incremental rebuild time and peak memory of ``kg build`` on a synthetic pile of N documents.

Stages (each in a fresh Python process, so peak memory is that stage's own; the spaCy model is loaded before the
clock starts in every stage, so model loading — a constant — counts nowhere):

* ``bare``: spaCy alone, ``nlp.pipe`` over the same cleaned texts with the same batch size: the reference.
* ``serial``: ``kg.build(..., workers=1)`` with the build cache on (as users run it), into a fresh folder.
* ``parallel``: ``kg.build(..., workers=W)`` into another fresh folder; its graph.ttl must equal the serial one
  byte for byte.
* ``incremental``: one new document is added and the serial folder is rebuilt: only it may be parsed, and the result
  must equal a full rebuild (checked with a no-cache parallel build of the N+1 documents, stage ``full``).

Reported: documents/s, tokens/s (spaCy tokens), wall and CPU seconds, peak RSS of the build process and of its
worker processes, and the headline ratios kg/bare-spaCy (target >= 0.80) and parallel/serial (target >= 1.6 at 2).
The machine may be shared: CPU seconds are given next to wall seconds, and the ratio is also given on CPU time.

Run from the repository root (the corpus is generated under --work if missing)::

    /work/main/.venv/bin/python benchmarks/bench_build.py -n 1000
    /work/main/.venv/bin/python benchmarks/bench_build.py -n 10000 --stages serial   # memory at 10,000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

STAGES = ("bare", "serial", "parallel", "incremental", "full")


def _peaks() -> dict[str, float]:
    """Peak resident memory (MiB) of this process (VmHWM: ``ru_maxrss`` would carry the parent's over ``exec``)
    and of the largest of its finished children."""
    from bench_memory import peak_mib

    return {
        "peak_mib": peak_mib(),
        "worker_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _cpu() -> float:
    self_, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return self_.ru_utime + self_.ru_stime + kids.ru_utime + kids.ru_stime


def child(stage: str, corpus: Path, out: Path, workers: int, batch_size: int) -> dict:
    """One stage, in this (fresh) process."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline(None)  # the very call kg.build makes, so the cached pipeline is reused there
    result: dict = {"stage": stage}
    cpu0, t0 = _cpu(), time.perf_counter()
    if stage == "bare":
        from kg.corpus import read_corpus

        texts = [d.text for d in read_corpus(corpus).documents]
        cpu0, t0 = _cpu(), time.perf_counter()
        tokens = 0
        for doc in nlp.pipe(texts, batch_size=batch_size):
            tokens += len(doc)
        result.update(documents=len(texts), tokens=tokens)
    else:
        import kg

        r = kg.build(corpus, out, html=False, progress=False, workers=workers, batch_size=batch_size,
                     cache=stage != "full")
        result.update(documents=len(r.documents), parsed=r.cache_misses, reused=r.cache_hits,
                      timings={k: round(v, 2) for k, v in r.timings.items()}, entities=len(r.entities),
                      relations=sum(r.relation_counts.values()), quads=r.quads, store=r.store)
    result.update(seconds=time.perf_counter() - t0, cpu_seconds=_cpu() - cpu0, **_peaks())
    return result


def run_stage(stage: str, corpus: Path, out: Path, workers: int, batch_size: int) -> dict:
    cmd = [sys.executable, __file__, "--child", stage, "--corpus", str(corpus), "--out", str(out),
           "--workers", str(workers), "--batch-size", str(batch_size)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "0"}
    if stage == "incremental":  # as users run it: every document's build time changes, so the store's metadata does
        del env["SOURCE_DATE_EPOCH"]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result), file=sys.stderr, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="documents (default: 1000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--stages", default="bare,serial,parallel,incremental,full")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="scratch folder")
    parser.add_argument("--child", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.out, args.workers, args.batch_size)))
        return

    from make_corpus import make_corpus, make_document, source_texts

    stages = args.stages.split(",")
    corpus = args.work / f"corpus-{args.n}"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != args.n:
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(args.n, corpus)
    runs = args.work / f"runs-{args.n}"
    shutil.rmtree(runs, ignore_errors=True)
    runs.mkdir(parents=True)
    res: dict[str, dict] = {}
    if "bare" in stages:
        res["bare"] = run_stage("bare", corpus, runs / "bare", 1, args.batch_size)
    if "serial" in stages:
        res["serial"] = run_stage("serial", corpus, runs / "serial", 1, args.batch_size)
    if "parallel" in stages:
        res["parallel"] = run_stage("parallel", corpus, runs / "parallel", args.workers, args.batch_size)
        if "serial" in res:
            res["parallel"]["ttl_equals_serial"] = (
                (runs / "serial" / "graph.ttl").read_bytes() == (runs / "parallel" / "graph.ttl").read_bytes())
    if "incremental" in stages and "serial" in res:
        grown = args.work / f"corpus-{args.n}-plus-one"
        shutil.rmtree(grown, ignore_errors=True)
        shutil.copytree(corpus, grown)
        (grown / "doc-new.txt").write_text(make_document(source_texts(), 10**6, 7), encoding="utf-8")
        res["incremental"] = run_stage("incremental", grown, runs / "serial", 1, args.batch_size)
        if "full" in stages:
            res["full"] = run_stage("full", grown, runs / "full", args.workers, args.batch_size)
            res["incremental"]["ttl_equals_full_rebuild"] = (
                (runs / "serial" / "graph.ttl").read_bytes() == (runs / "full" / "graph.ttl").read_bytes())
    summary: dict = {"n": args.n, "workers": args.workers, "batch_size": args.batch_size, "cpus": os.cpu_count(),
                     "load_average": os.getloadavg(), "stages": res}
    for r in res.values():
        r["docs_per_s"] = round(r["documents"] / r["seconds"], 2)
    if "bare" in res:
        res["bare"]["tokens_per_s"] = round(res["bare"]["tokens"] / res["bare"]["seconds"], 1)
        for name in ("serial", "parallel"):
            if name in res:
                res[name]["tokens_per_s"] = round(res["bare"]["tokens"] / res[name]["seconds"], 1)
    if "bare" in res and "serial" in res:
        summary["ratio_kg_to_bare_spacy"] = round(res["bare"]["seconds"] / res["serial"]["seconds"], 3)
        summary["ratio_kg_to_bare_spacy_cpu"] = round(res["bare"]["cpu_seconds"] / res["serial"]["cpu_seconds"], 3)
    if "serial" in res and "parallel" in res:
        summary["speedup_parallel"] = round(res["serial"]["seconds"] / res["parallel"]["seconds"], 3)
    if "serial" in res and "incremental" in res:
        summary["incremental_over_full"] = round(res["incremental"]["seconds"] / res["serial"]["seconds"], 3)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
