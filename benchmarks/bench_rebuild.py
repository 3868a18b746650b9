"""An unchanged rebuild of the seeds, as a user runs it (``kg build`` in a fresh process), next to a first build.

Issue 12's target: an unchanged rebuild of the seeds in under 2 s. Everything comes from the build cache, so the
spaCy pipeline (seconds to load) must not be loaded at all. Each run is a new ``python -m kg build`` process, timed
from outside (interpreter start-up and imports included, as the user waits for them); the cold build of the same
corpus into a fresh folder is the baseline of the same run, and the ratio is what to compare across machines.

    .venv/bin/python benchmarks/bench_rebuild.py            # --repeat 5 --corpus ../shared/corpus/seeds
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBE = ("import sys, kg.cli, kg.nlp; code = kg.cli.main(sys.argv[1:]); "
         "print('spacy pipelines loaded:', kg.nlp.load_pipeline.cache_info().currsize); sys.exit(code)")


def timed_build(corpus: Path, out: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, "build", str(corpus), "-o", str(out), "--quiet"],
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cold, printed = timed_build(args.corpus, out)
        print(f"first build (parses every document): {cold:.2f} s")
        runs = []
        for _ in range(args.repeat):
            seconds, printed = timed_build(args.corpus, out)
            runs.append(seconds)
        loaded = printed.strip().splitlines()[-1]
        median = statistics.median(runs)
        print(f"unchanged rebuild, {args.repeat} runs: median {median:.2f} s, min {min(runs):.2f} s, "
              f"max {max(runs):.2f} s ({loaded})")
        print(f"rebuild / first build: {median / cold:.2f}; target under 2 s: {'met' if median < 2 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
