"""Every example of README.md and docs/*.md runs as written and prints what the page shows (tests/docsnippets.py).

One test per Markdown file: its blocks run in order in a scratch copy of the repository, as a reader would type them
one after the other. A block marked ``<!-- doc-test: skip ... -->`` does not run, but its ``kg`` commands must still
parse. ``python scripts/refresh_doc_outputs.py`` rewrites the numbers of the shown outputs after a change.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from kg.cli import make_parser, parse
from tests.docsnippets import DOCS, REPO, SHELLS, Block, blocks, check_block, kg_commands, scratch_checkout


def parse_problems(block: Block) -> list[str]:
    """The ``kg`` commands of a block that argparse refuses (an option renamed or removed since it was written)."""
    problems = []
    for args in kg_commands(block):
        errors = io.StringIO()
        try:
            with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
                parse(make_parser(), args)
        except SystemExit as exc:
            if exc.code:
                problems.append(f"{block.where}: kg {' '.join(args)}: {errors.getvalue().strip()}")
    return problems


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_example_runs_as_written(doc: Path, seed_build: Path, tmp_path: Path) -> None:
    work = scratch_checkout(tmp_path, seed_build)
    problems: list[str] = []
    for block in blocks(doc):
        if block.runs:
            problems += check_block(block, work)
        elif block.lang in SHELLS:
            problems += parse_problems(block)
    assert not problems, "\n\n".join(problems)


def test_the_readme_examples_mostly_run() -> None:
    """Skipping is for what cannot run here (set-up, servers, clusters): most README examples run."""
    readme = [b for b in blocks(REPO / "README.md") if b.lang in ("bash", "console", "python")]
    running = [b for b in readme if b.runs]
    assert len(running) >= 8 and sum(b.output is not None or b.lang == "console" for b in running) >= 5
    assert all(b.argument for b in readme if b.directive == "skip"), "a skipped example says why"


def test_the_checker_catches_a_stale_example(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("```bash\necho 'documents: 5 read, 0 skipped'\necho 'relations: 31'\n```\n\n"
                   "```\ndocuments: 7 read, 0 skipped\n...\nrelations: 15\n```\n\n"
                   "```bash\necho 'entities: 63'\n```\n\n```\nOrganization 38\n```\n\n"
                   "<!-- doc-test: skip a server -->\n```bash\nkg serve out --no-such-option\n```\n")
    first, second, third = blocks(doc)
    assert check_block(first, tmp_path) == []  # numbers stand for any number; ... for any lines
    assert check_block(second, tmp_path)  # a line that is not printed
    assert not third.runs and "--no-such-option" in parse_problems(third)[0]
