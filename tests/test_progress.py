"""Progress bars: documents done, rate and time left on a terminal; silent in pipes and CI logs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.cli import main
from kg.pipeline import SAMPLE_CORPUS
from kg.progress import progress_bar


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_count_rate_and_time_left() -> None:
    out = Terminal()
    with progress_bar(40, file=out) as bar:
        for _ in range(40):
            bar.update(1)
    text = out.getvalue()
    assert "kg build" in text
    assert "40/40" in text
    assert "doc/s" in text
    assert "<" in text  # elapsed<remaining


def test_a_pipe_gets_nothing_unless_asked() -> None:
    quiet, forced = io.StringIO(), io.StringIO()
    with progress_bar(3, file=quiet) as bar:
        bar.update(3)
    with progress_bar(3, enabled=True, file=forced) as bar:
        bar.update(3)
    assert quiet.getvalue() == ""
    assert "3/3" in forced.getvalue()


def test_kg_build_is_quiet_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(tmp_path), "--no-html"]) == 0
    assert capsys.readouterr().err == ""


def test_kg_build_progress_flag_forces_the_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(tmp_path), "--no-html", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "kg build" in err
    assert "5/5" in err
