"""The fenced blocks of README.md and docs/*.md as runnable examples, and their printed outputs as expectations.

Used by ``tests/test_docs.py`` (every block runs as written) and ``scripts/refresh_doc_outputs.py`` (rewrite the
numbers of the shown outputs from a fresh run). The rules, so that a writer knows what a block commits to:

* ``bash``/``sh``/``shell`` blocks run with ``bash -e -o pipefail`` in a scratch copy of the repository (``../shared``
  beside it, ``out/`` already holding a build of the seeds), with the test's virtualenv first on the PATH, as after
  ``. .venv/bin/activate``; ``python`` blocks run with that Python; a ``sparql`` block runs with ``kg query out -f``
  and must return something. The blocks of one file run in order in the same folder.
* ``console`` blocks hold ``$ command`` lines, each followed by what it prints.
* An untyped block (````` ``` `````) right after a block that runs is what that block prints.
* Expected output is matched line by line, somewhere in what was printed: every number stands for any number (counts
  change as extraction improves), runs of spaces and of dashes for any run (table widths follow their content), and
  a line ``...`` for any lines.
* ``<!-- doc-test: skip REASON -->`` on the line before a block keeps it from running (a server, a cluster, a long
  benchmark); its ``kg`` commands are still parsed, so an option that no longer exists is caught.
  ``<!-- doc-test: requires PROGRAM -->`` runs it only where PROGRAM is installed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
RUNNABLE = {"bash", "sh", "shell", "console", "python", "sparql"}
SHELLS = {"bash", "sh", "shell", "console"}
_FENCE = re.compile(r"^(```+|~~~+)\s*([\w-]*)\s*$")
_DIRECTIVE = re.compile(r"^<!--\s*doc-test:\s*(\w+)\s*(.*?)\s*-->\s*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Block:
    """One fenced block of a Markdown file."""

    path: Path
    line: int  # 1-based line of the opening fence
    lang: str
    text: str
    directive: str = ""  # skip / requires / "" (run)
    argument: str = ""
    output: Block | None = field(default=None, repr=False)

    @property
    def where(self) -> str:
        name = self.path.relative_to(REPO) if self.path.is_relative_to(REPO) else self.path.name
        return f"{name}:{self.line}"

    @property
    def runs(self) -> bool:
        if self.lang not in RUNNABLE or self.directive == "skip":
            return False
        return self.directive != "requires" or shutil.which(self.argument) is not None


def blocks(path: Path) -> list[Block]:
    """Every fenced block of ``path``, each runnable one paired with the untyped block that follows it, if any."""
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, lang = match.group(1), match.group(2).lower()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].startswith(fence):
            body.append(lines[j])
            j += 1
        previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        directive = _DIRECTIVE.match(previous.strip())
        block = Block(path, i + 1, lang, "\n".join(body) + "\n",
                      directive.group(1) if directive else "", directive.group(2) if directive else "")
        if lang in ("", "text") and found and found[-1].lang in RUNNABLE - {"console"} and found[-1].output is None \
                and not block.directive:
            found[-1].output = block
        else:
            found.append(block)
        i = j + 1
    return found


# ----------------------------------------------------------------------------------------------- matching --


def _line_pattern(line: str) -> str:
    parts: list[str] = []
    for piece in re.split(r"(\s+|-{3,}|\d+(?:[.,]\d+)*)", line.rstrip()):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"[ \t]+")
        elif re.fullmatch(r"-{3,}", piece):
            parts.append("-+")
        elif _NUMBER.fullmatch(piece):
            parts.append(r"(\d+(?:[.,]\d+)*)")
        else:
            parts.append(re.escape(piece))
    return "".join(parts)


def expectation(expected: str) -> re.Pattern[str]:
    """The regular expression a shown output stands for (see the module docstring)."""
    pattern: list[str] = []
    for line in expected.rstrip("\n").splitlines():
        if line.strip() in ("...", "…"):
            pattern.append(r"(?:[^\n]*\n)*?")
        else:
            pattern.append(r"[ \t]*" + _line_pattern(line.strip()) + r"[ \t]*\n")
    return re.compile("".join(pattern))


def normalise(printed: str) -> str:
    return "\n".join(line.rstrip() for line in printed.splitlines()) + "\n"


def find(expected: str, printed: str) -> re.Match[str] | None:
    """Where ``expected`` is in ``printed`` (``None`` if it is not)."""
    return expectation(expected).search(normalise(printed))


def refreshed(expected: str, printed: str) -> str | None:
    """``expected`` with each of its numbers replaced by the one printed there, or None if it does not match."""
    match = find(expected, printed)
    if match is None:
        return None
    values = iter(match.groups())

    def number(found: re.Match[str]) -> str:
        printed = next(values)
        # a duration ("in 4.5s") depends on the machine and on the cache, not on kg: it stays as written
        return found.group(0) if found.string[found.end():found.end() + 1] == "s" else printed

    return re.sub(r"(?m)^(?!\s*(?:\.\.\.|…)\s*$).*$", lambda line: _NUMBER.sub(number, line.group(0)), expected)


# ----------------------------------------------------------------------------------------------- commands --


def console_steps(block: Block) -> Iterator[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of a console block."""
    command: str | None = None
    output: list[str] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(output) + "\n"
            command, output = line[2:], []
        else:
            output.append(line)
    if command is not None:
        yield command, "\n".join(output) + "\n"


def kg_commands(block: Block) -> Iterator[list[str]]:
    """The argument lists of the ``kg`` commands of a shell block (continuations and multi-line quotes joined)."""
    text = "\n".join(line[2:] if line.startswith("$ ") else line for line in block.text.splitlines()
                     if block.lang != "console" or line.startswith("$ "))
    pending = ""
    for line in text.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        try:
            words = shlex.split(pending, comments=True)
        except ValueError:  # an open quote: the command goes on
            continue
        pending = ""
        command: list[str] = []
        for word in [*words, "&&"]:
            if word in ("&&", "||", "|", ";", "&"):
                if command and Path(command[0]).name == "kg":
                    yield command[1:]
                command = []
            else:
                command.append(word)


# ----------------------------------------------------------------------------------------------- running ---


LEFT_OUT = {".git", ".venv", "out", "test-artifacts", ".pytest_cache", ".ruff_cache", ".hypothesis", "build",
            "dist", "__pycache__"}
TIMEOUT = 600


def scratch_checkout(root: Path, seed_build: Path) -> Path:
    """A folder that looks like the repository (its files linked), ``../shared`` beside it, ``out/`` built."""
    work = root / "kg"
    work.mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name not in LEFT_OUT and not entry.name.endswith(".egg-info"):
            (work / entry.name).symlink_to(entry)
    (root / "shared").symlink_to(REPO.parent / "shared")
    shutil.copytree(seed_build, work / "out")
    return work


def environment() -> dict[str, str]:
    """The PATH of a shell where ``. .venv/bin/activate`` was run: this test's virtualenv first."""
    venv_bin = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": venv_bin + os.pathsep + os.environ.get("PATH", ""), "PYTHONUNBUFFERED": "1"}


def run(command: list[str], cwd: Path) -> tuple[int, str]:
    done = subprocess.run(command, cwd=cwd, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=TIMEOUT)
    return done.returncode, done.stdout


def run_block(block: Block, cwd: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Run one block: what went wrong (exit status, empty query), and (shown output, printed output) pairs."""
    if block.lang == "console":
        return [], [(expected, run(["bash", "-c", command], cwd)[1]) for command, expected in console_steps(block)
                    if expected.strip()]
    if block.lang in SHELLS:
        code, printed = run(["bash", "-e", "-o", "pipefail", "-c", block.text], cwd)
    elif block.lang == "python":
        code, printed = run([sys.executable, "-c", block.text], cwd)
    else:  # sparql
        (cwd / "doc-query.rq").write_text(block.text, encoding="utf-8")
        code, printed = run(["kg", "query", "out", "-f", "doc-query.rq"], cwd)
        if code == 0 and printed.rstrip().endswith("(0 rows)"):
            return [f"{block.where}: the query returns no row on the seed build"], []
    if code != 0:
        return [f"{block.where}: exit {code}\n{printed}"], []
    return [], [(block.output.text, printed)] if block.output is not None else []


def check_block(block: Block, cwd: Path) -> list[str]:
    """Run one block; the list of what went wrong (empty when it ran and printed what the page shows)."""
    problems, outputs = run_block(block, cwd)
    for expected, printed in outputs:
        if find(expected, printed) is None:
            problems.append(f"{block.where}: printed\n{printed}\ninstead of\n{expected}")
    return problems
