"""Faults (issue 13): a damaged cache, a full disk, kill -9 while writing. The outputs of a build switch together:
after any interruption a reader finds the whole old set or the whole new set, and the next build cleans up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cache import CACHE_DIR
from kg.outputs import BUILDS, CURRENT
from tests.build_helpers import PROCESSED_AT, kill_when

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "kg" / "sample"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.html")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in sorted(p.name for p in SAMPLE.iterdir())[:2]:
        shutil.copy(SAMPLE / name, folder / name)
    return folder


def entries(out: Path) -> list[Path]:
    return sorted((out / CACHE_DIR).glob("*/*/*.json"))


def outputs(out: Path) -> dict[str, bytes]:
    """The output set, less the build time in graph.trig's metadata (two builds of one corpus are then equal)."""
    found = {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}
    if "graph.trig" in found:
        found["graph.trig"] = PROCESSED_AT.sub("T", found["graph.trig"].decode()).encode()
    return found


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


# Each damage rewrites one entry (raw JSON in, raw bytes out); None: the entry is replaced by a folder.
def _table(data: dict, edit) -> bytes:  # type: ignore[no-untyped-def]
    edit(data)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


DAMAGES = {
    "index out of range": lambda d: _table(d, lambda x: x["mentions"].append(len(x["table"]) + 5)),
    "negative index": lambda d: _table(d, lambda x: x["mentions"].__setitem__(0, -1)),
    "offsets as strings": lambda d: _table(d, lambda x: [row.__setitem__(1, str(row[1])) for row in x["table"]]),
    "offset past the text": lambda d: _table(d, lambda x: x["table"][0].__setitem__(2, 10**9)),
    "deep nesting": lambda d: deep(100_000),
    "not json": lambda d: b"\x00\xff{",
    "empty": lambda d: b"",
    "a folder in its place": None,
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_cache_entry_is_a_miss_reparsed_and_rewritten(corpus: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "out"
    kg.build(corpus, out, html=False, progress=False)
    clean = (out / "graph.ttl").read_bytes()
    for entry in entries(out):
        if DAMAGES[damage] is None:
            entry.unlink()
            entry.mkdir()
            (entry / "x").write_text("x")
        else:
            entry.write_bytes(DAMAGES[damage](json.loads(entry.read_bytes())))
    again = kg.build(corpus, out, html=False, progress=False)
    assert (out / "graph.ttl").read_bytes() == clean
    assert again.cache_hits == 0 and again.cache_misses == 2
    third = kg.build(corpus, out, html=False, progress=False)
    assert third.cache_hits == 2  # rewritten


def test_a_cache_that_cannot_be_written_means_no_caching_and_a_warning(corpus: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_DIR).write_text("not a folder")
    result = kg.build(corpus, out, html=False, progress=False)
    assert len(result.documents) == 2 and (out / "graph.ttl").exists()
    assert "warning: cannot write the build cache" in capsys.readouterr().err
    assert kg.build(corpus, out, html=False, progress=False).cache_hits == 0


def test_outputs_switch_together_and_a_build_without_html_leaves_no_old_page(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg.build(corpus, out, progress=False)
    assert all((out / name).is_symlink() for name in OUTPUTS)
    assert {os.readlink(out / name) for name in OUTPUTS} == {f"{CURRENT}/{name}" for name in OUTPUTS}
    kg.build(corpus, out, html=False, progress=False)
    assert not (out / "graph.html").exists() and not (out / "graph.html").is_symlink()
    assert len(list((out / BUILDS).iterdir())) == 1


def test_leftovers_of_interrupted_builds_are_cleaned_by_the_next(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg.build(corpus, out, html=False, progress=False)
    (out / ".graph.ttl.abc123.tmp").write_text("half")
    (out / BUILDS / "20260101T000000-1-abcdef").mkdir()
    (out / BUILDS / "20260101T000000-1-abcdef" / "graph.ttl").write_text("half")
    kg.build(corpus, out, html=False, progress=False)
    assert not list(out.glob(".graph.*.tmp"))
    assert [p.name for p in (out / BUILDS).iterdir()] == [os.readlink(out / CURRENT).split("/")[-1]]


def test_an_old_layout_folder_is_taken_over(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text("written by an older kg (MARKER-13)")
    kg.build(corpus, out, progress=False)
    assert all((out / name).is_symlink() and b"MARKER-13" not in (out / name).read_bytes() for name in OUTPUTS)


def _build_cmd(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--quiet"]


def test_kill_9_while_writing_leaves_the_old_set_or_the_new_set(corpus: Path, tmp_path: Path) -> None:
    """Builds of two different corpora alternate; each is killed at a different moment of its writing."""
    out = tmp_path / "out"
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    (other / "extra.txt").write_text("La société Norvex s'associe à Daltora pour un projet commun.\n", encoding="utf-8")
    sets = []
    for source in (corpus, other):
        subprocess.run(_build_cmd(source, out), check=True, cwd=REPO, timeout=300, capture_output=True)
        sets.append(outputs(out))
    assert sets[0] != sets[1]
    for attempt, delay in enumerate((0.0, 0.05, 0.15, 0.3, 0.6)):
        source = (corpus, other)[attempt % 2]
        before = outputs(out)
        proc = subprocess.Popen(_build_cmd(source, out), cwd=REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        current = os.readlink(out / CURRENT).split("/")[-1]
        staged = lambda current=current: any(p.name != current for p in (out / BUILDS).iterdir())  # noqa: E731
        kill_when(proc, staged, delay)  # once a new set is staged
        now = outputs(out)
        assert now in sets  # never a mix: the set before the kill, or the new one if it got to commit
        assert now == before or now == sets[attempt % 2]
        query = subprocess.run([sys.executable, "-m", "kg", "query", str(out), "ASK { ?s ?p ?o }"], cwd=REPO,
                               capture_output=True, text=True, timeout=120)
        assert query.returncode == 0 and "yes" in query.stdout
    subprocess.run(_build_cmd(corpus, out), check=True, cwd=REPO, timeout=300, capture_output=True)
    assert outputs(out) == sets[0]
    assert len(list((out / BUILDS).iterdir())) == 1 and not list(out.glob("*.tmp"))


@pytest.fixture()
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 3 MB tmpfs mounted for the test (root only); unmounted at the end."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))
    return filler


def test_disk_full_is_one_line_exit_1_and_the_old_set_stays(corpus: Path, small_disk: Path, tmp_path: Path) -> None:
    out = small_disk / "out"
    subprocess.run(_build_cmd(corpus, out), check=True, cwd=REPO, timeout=300, capture_output=True)
    before = outputs(out)
    other = tmp_path / "other"
    shutil.copytree(SAMPLE, other)  # more documents: a bigger graph than the space left
    filler = fill(small_disk, 40_000)
    proc = subprocess.run([*_build_cmd(other, out), "--no-cache"], cwd=REPO, timeout=300, capture_output=True,
                          text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "disk full" in proc.stderr and "Traceback" not in proc.stderr
    assert outputs(out) == before
    assert len(list((out / BUILDS).iterdir())) == 1  # the unfinished set was removed
    filler.unlink()
    subprocess.run(_build_cmd(other, out), check=True, cwd=REPO, timeout=300, capture_output=True)
    assert outputs(out) != before and len(list((out / BUILDS).iterdir())) == 1
