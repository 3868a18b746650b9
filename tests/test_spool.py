"""Sorting on disk: lines come back in plain string order, whatever the number of runs, and unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.spool import LineSorter, RecordSpool

lines = st.lists(st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)),
                         max_size=12), max_size=60)


@settings(max_examples=60, deadline=None)
@given(lines, st.integers(1, 7))
def test_lines_come_back_sorted_across_any_number_of_runs(tmp_path_factory, items: list[str], run: int) -> None:
    sorter = LineSorter(tmp_path_factory.mktemp("runs"), run_lines=run)
    sorter.extend(items)
    assert list(sorter.sorted()) == sorted(items)
    assert sorter.count == len(items)


@settings(max_examples=30, deadline=None)
@given(lines)
def test_unique_drops_duplicates_only(tmp_path_factory, items: list[str]) -> None:
    sorter = LineSorter(tmp_path_factory.mktemp("runs"), run_lines=3)
    sorter.extend(items + items)
    assert list(sorter.sorted(unique=True)) == sorted(set(items))


def test_line_breaks_other_than_newline_and_lone_surrogates_survive(tmp_path: Path) -> None:
    odd = ["a\u2028b", "c\rd", "e\x85f", "g\ud800h", "i\x0bj", "k\tl"]
    sorter = LineSorter(tmp_path, run_lines=2)
    sorter.extend(odd)
    assert list(sorter.sorted()) == sorted(odd)
    assert not list(tmp_path.iterdir()), "run files are deleted once merged"


def test_records_are_read_back_in_order(tmp_path: Path) -> None:
    spool = RecordSpool(tmp_path / "records")
    for record in (b'{"a":1}', b"", b"\xc3\xa9"):
        spool.append(record)
    assert list(spool) == [b'{"a":1}', b"", b"\xc3\xa9"]
    assert spool.count == 3
