"""Helpers shared by the speed tests (parallel, cache, Dask): every speed option must leave the output unchanged."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

PROCESSED_AT = re.compile(r"kg:processedAt \"[^\"]*\"\^\^xsd:dateTime")


def same_output(a: Path, b: Path) -> None:
    """graph.ttl byte-identical; graph.trig identical but for the build time in its metadata graph."""
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()
    trig_a, trig_b = ((p / "graph.trig").read_text(encoding="utf-8") for p in (a, b))
    assert PROCESSED_AT.sub("T", trig_a) == PROCESSED_AT.sub("T", trig_b)


def kill_when(proc: subprocess.Popen, ready: Callable[[], bool], delay: float, timeout: float = 120) -> None:
    """SIGKILL ``proc`` ``delay`` seconds after ``ready()`` first holds (unless it ended first), and reap it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None and not ready():
        time.sleep(0.002)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
