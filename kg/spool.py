"""Sorting more lines than memory should hold: sorted runs on disk, merged at the end.

Graph assembly formats every quad of a build as one line of text whose string order is the order the Turtle and
TriG writers need (see :mod:`kg.assemble`). A year of news is tens of millions of such lines, so they go to a
:class:`LineSorter`: lines are buffered up to ``run_lines``, each full buffer is sorted and written to a run file,
and :meth:`LineSorter.sorted` merges the runs (``heapq.merge``) into one sorted stream. Memory holds one buffer and
one line per run, whatever the corpus size.

Lines must not contain ``\\n``; they are written as UTF-8 (lone surrogates pass through) and read back unchanged.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

DEFAULT_RUN_LINES = 250_000  # about 40 MB of lines of graph text per run


class LineSorter:
    """Collect lines, then read them back sorted (:meth:`sorted`), with duplicates dropped if asked."""

    def __init__(self, folder: Path, name: str = "lines", run_lines: int = DEFAULT_RUN_LINES) -> None:
        self.folder = Path(folder)
        self.name = name
        self.run_lines = run_lines
        self._buffer: list[str] = []
        self._runs: list[Path] = []
        self.count = 0

    def add(self, line: str) -> None:
        self._buffer.append(line)
        self.count += 1
        if len(self._buffer) >= self.run_lines:
            self._flush()

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.add(line)

    def _flush(self) -> None:
        if not self._buffer:
            return
        self._buffer.sort()
        fd, name = tempfile.mkstemp(prefix=f"{self.name}-", suffix=".run", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
            fh.write("\n".join(self._buffer))
            fh.write("\n")
        self._runs.append(Path(name))
        self._buffer = []

    def sorted(self, unique: bool = False) -> Iterator[str]:
        """Every line added, in string order (one copy of each with ``unique``). The sorter is spent afterwards."""
        if not self._runs:  # everything fits in one buffer: no file at all
            self._buffer.sort()
            lines: Iterable[str] = self._buffer
            self._buffer = []
            yield from _unique(lines) if unique else lines
            return
        self._flush()
        with ExitStack() as stack:
            files = [stack.enter_context(open(run, encoding="utf-8", errors="surrogatepass", newline="\n"))
                     for run in self._runs]
            merged = heapq.merge(*(_strip(f) for f in files))
            yield from _unique(merged) if unique else merged
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs = []


def _strip(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line[:-1]


def _unique(lines: Iterable[str]) -> Iterator[str]:
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


class RecordSpool:
    """Byte records (no ``\\n`` inside, such as compact JSON) appended to a file, then read back in order."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._out = open(self.path, "wb")  # noqa: SIM115 (closed by close or the first read)
        self.count = 0

    def append(self, record: bytes) -> None:
        self._out.write(record)
        self._out.write(b"\n")
        self.count += 1

    def close(self) -> None:
        if not self._out.closed:
            self._out.close()

    def __iter__(self) -> Iterator[bytes]:
        self.close()
        with open(self.path, "rb") as fh:
            for line in fh:
                yield line[:-1]
