"""Run the examples of README.md and docs/*.md and rewrite the numbers of the outputs they show.

Counts change as extraction improves (entities, relations, rows). ``tests/test_docs.py`` lets any number stand for
any number, so the docs stay green, but a reader should see today's figures: this script reruns every example as
the test does (tests/docsnippets.py) and writes the printed numbers into the shown outputs. An output that no longer
matches at all (a row added, a line changed) is listed, with what was printed, for a person to rewrite.

    python scripts/refresh_doc_outputs.py            # rewrite in place, list what needs a person
    python scripts/refresh_doc_outputs.py --check    # change nothing; exit 1 if any number is stale
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import kg  # noqa: E402
from tests.docsnippets import DOCS, blocks, refreshed, run_block, scratch_checkout  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 when a number is stale")
    args = parser.parse_args()
    stale = mismatched = 0
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seed-build"
        kg.build(REPO.parent / "shared" / "corpus" / "seeds", seeds)
        for doc in DOCS:
            work = scratch_checkout(Path(tmp) / doc.stem, seeds)
            text = doc.read_text(encoding="utf-8")
            for block in blocks(doc):
                if not block.runs:
                    continue
                problems, outputs = run_block(block, work)
                for problem in problems:
                    print(problem, file=sys.stderr)
                    mismatched += 1
                for expected, printed in outputs:
                    new = refreshed(expected, printed)
                    if new is None:
                        mismatched += 1
                        print(f"{block.where}: the shown output no longer matches; printed:\n{printed}",
                              file=sys.stderr)
                    elif new != expected:
                        stale += 1
                        print(f"{block.where}: numbers updated")
                        text = text.replace(expected, new, 1)
            if not args.check and text != doc.read_text(encoding="utf-8"):
                doc.write_text(text, encoding="utf-8")
    print(f"{stale} output(s) with stale numbers{' (not written)' if args.check else ' rewritten'}, "
          f"{mismatched} to rewrite by hand")
    return 1 if mismatched or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
