"""``kg build --workers N``: parsing in a pool of processes gives exactly the serial build's files."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.engines import make_engine
from kg.pipeline import processed_at
from tests.build_helpers import same_output
from tests.conftest import SEEDS


def test_two_workers_write_the_serial_build_byte_for_byte(seed_build: Path, tmp_path: Path) -> None:
    result = kg.build(SEEDS, tmp_path, workers=2, cache=False, html=False, progress=False)
    assert result.cache_misses == len(result.documents) == 5
    same_output(seed_build, tmp_path)


def test_more_workers_than_documents_and_tiny_batches_change_nothing(seed_build: Path, tmp_path: Path) -> None:
    kg.build(SEEDS, tmp_path, workers=3, batch_size=1, cache=False, html=False, progress=False)
    same_output(seed_build, tmp_path)


def test_the_process_engine_yields_extractions_in_document_order(tmp_path: Path) -> None:
    from kg.corpus import read_corpus

    documents = read_corpus(SEEDS).documents
    engine = make_engine("process", workers=2, batch_size=2)
    assert [ex.doc_id for ex in engine(documents)] == [d.doc_id for d in documents]
    assert list(engine([])) == []


def test_build_time_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert processed_at() == "2023-11-14T22:13:20Z"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workers", "0"], "--workers and --batch-size must be at least 1"),
        (["--batch-size", "0"], "--workers and --batch-size must be at least 1"),
        (["--engine", "process", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    ],
)
def test_bad_speed_options_are_clear_usage_errors(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(SEEDS), "-o", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")
