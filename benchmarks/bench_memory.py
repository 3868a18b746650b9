"""Peak memory of ``kg build`` at 10,000+ documents, without spending hours re-parsing: the cache is pre-filled.

Parsing streams (one batch of spaCy Docs at a time, see ``kg/engines/serial.py``), so its memory does not grow with
the corpus; what grows is what a build must hold to resolve and write the graph: documents, extractions, entities,
and the RDF graph. This benchmark measures exactly that part at scale, through the real ``kg build`` code path:

1. take a corpus already built with the cache on (``bench_build.py`` leaves one in ``/tmp/kg-bench/runs-N/serial``);
2. make a corpus of ``copies`` x N documents (each file copied under new names, with a last line ``[07]`` naming
   the copy, since kg skips a text it has already read: the same texts, so the same entities recur, as they do in a
   news pile — mentions, statements and documents grow ``copies``-fold);
3. pre-fill a fresh output folder's cache with the copies' extractions (the originals', re-labelled with the new
   document ids: exactly what parsing them would give, since extraction is a pure function of the text);
4. run ``kg.build`` in a fresh process on the big corpus (the spaCy pipeline loaded, as in a real build) and report
   its peak RSS, stage timings, the triple count, and that no document was parsed.

Run from the repository root, after ``bench_build.py -n 1000``::

    .venv/bin/python benchmarks/bench_memory.py --copies 10 --incremental

``--incremental`` then adds one new document (parsed) and builds again without ``SOURCE_DATE_EPOCH``, as a user would.
"""

from __future__ import annotations

import argparse
import dataclasses
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


def relabel(ex, doc_id: str):  # type: ignore[no-untyped-def]
    """The extraction ``ex`` as if read from a document called ``doc_id``."""
    from kg.extract import DocumentExtraction

    def m(x):  # type: ignore[no-untyped-def]
        return dataclasses.replace(x, doc_id=doc_id)

    return DocumentExtraction(
        doc_id,
        tuple(m(x) for x in ex.mentions),
        tuple(dataclasses.replace(r, subject=m(r.subject), object=m(r.object),
                                  evidence=dataclasses.replace(r.evidence, doc_id=doc_id)) for r in ex.relations),
    )


def prepare(source_corpus: Path, source_out: Path, copies: int, corpus: Path, out: Path) -> None:
    from kg.cache import ExtractionCache, pipeline_key
    from kg.corpus import read_corpus
    from kg.nlp import load_pipeline, model_id

    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    corpus.mkdir(parents=True)
    for copy in range(copies):
        for path in sorted(source_corpus.iterdir()):  # a last line of its own: kg skips a text it has read already
            data = path.read_bytes().rstrip(b"\n") + f"\n\n[{copy:02d}]\n".encode()
            (corpus / f"{path.stem}-c{copy:02d}{path.suffix}").write_bytes(data)
    key = pipeline_key(model_id(load_pipeline(None)))
    original = ExtractionCache(source_out, key)
    target = ExtractionCache(out, key)
    by_name = {Path(d.path).stem: d for d in read_corpus(source_corpus).documents}
    report = read_corpus(corpus)
    if report.skipped:
        raise SystemExit(f"{len(report.skipped)} copies skipped, e.g. {report.skipped[0]}")
    for doc in report.documents:
        ex = original.get(by_name[doc.path.rsplit("-c", 1)[0]])
        if ex is None:
            raise SystemExit(f"{source_out} has no cache entry for {doc.path}: build it with the cache on first")
        target.put(doc, relabel(ex, doc.doc_id))


def forget(corpus: Path, out: Path) -> None:
    """Back to the state ``prepare`` leaves: the copies and their cached extractions, nothing built."""
    from kg.cache import CACHE_DIR
    from kg.incremental import FILES, PACK_INDEX
    from kg.outputs import BUILDS, CURRENT

    for added in corpus.glob("doc-new*.txt"):
        added.unlink()
    for name in ("graph.trig", "graph.ttl", "graph.nq", "graph.nt", "store", CURRENT):  # links into the build
        path = out / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)
    shutil.rmtree(out / BUILDS, ignore_errors=True)
    for remembered in (out / CACHE_DIR).glob("*/*"):
        if remembered.name in (FILES, PACK_INDEX) or remembered.suffix == ".pack":
            remembered.unlink()


def _size_mib(path: Path) -> float:
    path = path.resolve()  # OUT/graph.ttl and OUT/store link into the current build
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    return round(sum(f.stat().st_size for f in files) / 2**20, 1)


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM). Not ``ru_maxrss``: Linux carries that over ``exec`` from the
    parent that forked us, so a big parent (the preparation of a 100,000-document corpus) would show through."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(corpus: Path, out: Path) -> dict:
    import kg
    from kg.nlp import load_pipeline

    load_pipeline(None)
    loaded = peak_mib()
    t0 = time.perf_counter()
    r = kg.build(corpus, out, html=False, progress=False)
    seconds = time.perf_counter() - t0
    n = len(r.documents)
    return {
        "documents": n, "parsed": r.cache_misses, "reused": r.cache_hits,
        "entities": len(r.entities), "relations": sum(r.relation_counts.values()),
        "quads": r.quads, "store": r.store, "unread": r.unread, "graphs_reused": r.graphs_reused,
        "seconds": round(seconds, 1),
        "timings": {k: round(v, 1) for k, v in r.timings.items()},
        "ms_per_document": {k: round(1000 * v / n, 3) for k, v in r.timings.items() if k != "load"},
        "spacy_loaded_mib": round(loaded, 1),
        "peak_mib": round(peak_mib(), 1),
        "trig_mib": _size_mib(out / "graph.trig"), "ttl_mib": _size_mib(out / "graph.ttl"),
        "store_mib": _size_mib(out / "store"),
    }


def run_child(corpus: Path, out: Path, fixed_time: bool = True) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if fixed_time:
        env["SOURCE_DATE_EPOCH"] = "0"
    done = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(out)], check=True,
                          capture_output=True, text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=int, default=1000, help="N of the bench_build run to start from")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--incremental", action="store_true",
                        help="then add one new document (parsed) and build again, as a user would (real build time)")
    parser.add_argument("--prepared", action="store_true",
                        help="reuse the corpus and cache of an earlier run (its outputs and memories are deleted)")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    n = args.source * args.copies
    corpus, out = args.work / f"corpus-{n}-copies", args.work / f"runs-{n}-copies"
    if args.prepared:
        forget(corpus, out)
    else:
        prepare(args.work / f"corpus-{args.source}", args.work / f"runs-{args.source}" / "serial", args.copies,
                corpus, out)
    result = {"n": n, "load_average": os.getloadavg(), "full": run_child(corpus, out)}
    print(json.dumps(result["full"]), file=sys.stderr, flush=True)
    if args.incremental:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from make_corpus import make_document, source_texts

        (corpus / "doc-new.txt").write_text(make_document(source_texts(), 10**6, 7), encoding="utf-8")
        result["incremental"] = run_child(corpus, out, fixed_time=False)
        result["incremental_over_full_with_cache"] = round(
            result["incremental"]["seconds"] / result["full"]["seconds"], 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
