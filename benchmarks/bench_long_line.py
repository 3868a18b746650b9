"""Is a build linear in text size, whatever the shape of the text? One huge line against ordinary paragraphs.

Issue 13: 100,000 capitalised words on one line (700 KB) ran past 425 s and 4.3 GB. This measures, for texts of
growing size, the seconds of each stage kg runs on a document — the spaCy parse (in kg's chunks), mention finding
(``kg/extract/mentions.py``), relation finding (``kg/extract/context.py`` and ``relations.py``) — and the peak
memory of the process, each size in a fresh Python process:

* ``line``: capitalised words separated by single spaces, no line break at all (the hostile case);
* ``prose``: the bundled sample articles repeated, ordinary lines and paragraphs (the baseline).

Linear means: seconds per MB stay flat as the size grows, and ``line`` costs about what ``prose`` costs per MB.

Run from the repository root::

    .venv/bin/python benchmarks/bench_long_line.py --sizes 100000 200000 400000 800000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def make_text(kind: str, size: int) -> str:
    if kind == "line":
        rng = random.Random(7)
        syllables = ["Bar", "Cor", "Dal", "Fen", "Gri", "Hol", "Kal", "Lum", "Mor", "Nev", "Pra", "Ros", "Tal", "Vex"]
        words: list[str] = []
        length = 0
        while length < size:
            word = "".join(rng.choice(syllables) for _ in range(2)).capitalize()
            words.append(word)
            length += len(word) + 1
        return " ".join(words)[:size]
    sample = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "kg" / "sample").iterdir()))
    return (sample * (size // len(sample) + 1))[:size]


def measure(kind: str, size: int) -> dict[str, float]:
    from kg.extract.mentions import find_mentions
    from kg.extract.relations import find_relations
    from kg.model import Document
    from kg.nlp import chunks, load_pipeline

    nlp = load_pipeline()
    text = make_text(kind, size)
    doc = Document("bench", "bench.txt", text, "", "utf-8", "")
    out = {"chars": len(text), "parse": 0.0, "mentions": 0.0, "relations": 0.0}
    for start, piece in chunks(text):
        t0 = time.perf_counter()
        parsed = nlp(piece)
        t1 = time.perf_counter()
        mentions = find_mentions(doc, parsed, start)
        t2 = time.perf_counter()
        find_relations(doc, parsed, mentions, start)
        t3 = time.perf_counter()
        out["parse"] += t1 - t0
        out["mentions"] += t2 - t1
        out["relations"] += t3 - t2
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    parser.add_argument("--kinds", nargs="+", default=["prose", "line"])
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    print(f"{'kind':<6} {'chars':>9} {'parse s':>8} {'mentions s':>10} {'relations s':>11} {'total s/MB':>10} "
          f"{'peak MB':>8}")
    for kind in args.kinds:
        for size in args.sizes:
            run = subprocess.run([sys.executable, __file__, "--one", kind, str(size)], capture_output=True,
                                 text=True, check=True, cwd=REPO)
            r = json.loads(run.stdout.strip().splitlines()[-1])
            total = r["parse"] + r["mentions"] + r["relations"]
            print(f"{kind:<6} {int(r['chars']):>9} {r['parse']:>8.2f} {r['mentions']:>10.2f} {r['relations']:>11.2f} "
                  f"{total / (r['chars'] / 1e6):>10.1f} {r['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
