"""What a build remembers for the next: unchanged files are not read again, unchanged document graphs are copied,
and whatever is remembered, the files are those of a fresh build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import kg
from kg.cache import CACHE_DIR
from kg.incremental import FILES, PACK_INDEX, fingerprint
from tests.build_helpers import same_output


def fresh_build(seed_corpus: Path, out: Path, seed_cache: Path, **options) -> kg.BuildResult:
    """A build into ``out`` with only the extractions cached (nothing else remembered)."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(seed_cache / CACHE_DIR, out / CACHE_DIR, dirs_exist_ok=True)
    for remembered in (out / CACHE_DIR).rglob("*"):
        if remembered.name in (FILES, PACK_INDEX) or remembered.suffix == ".pack":
            remembered.unlink()
    return kg.build(seed_corpus, out, html=False, progress=False, store=False, **options)


def rebuild(seed_corpus: Path, out: Path, **options) -> kg.BuildResult:
    return kg.build(seed_corpus, out, html=False, progress=False, store=False, **options)


def test_a_rebuild_reads_no_unchanged_file_and_copies_every_graph(seed_corpus: Path, tmp_path: Path,
                                                                  seed_cache: Path) -> None:
    first = fresh_build(seed_corpus, tmp_path / "out", seed_cache)
    assert (first.unread, first.graphs_reused) == (0, 0)
    again = rebuild(seed_corpus, tmp_path / "out")
    assert again.unread == again.graphs_reused == len(again.documents) == 5
    assert again.relations == first.relations
    same_output(tmp_path / "out", tmp_path / "out")
    fresh_build(seed_corpus, tmp_path / "fresh", seed_cache)
    same_output(tmp_path / "out", tmp_path / "fresh")


def test_a_changed_file_is_read_and_its_graph_made_again(seed_corpus: Path, tmp_path: Path, seed_cache: Path) -> None:
    rebuild(seed_corpus, tmp_path / "out")
    changed = sorted(seed_corpus.iterdir())[2]
    text = changed.read_text(encoding="utf-8")
    stat = changed.stat()
    changed.write_text(text.replace(" le ", " la ", 1), encoding="utf-8")  # same size; mtime put back below
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = rebuild(seed_corpus, tmp_path / "out")
    assert again.unread == 4 and again.cache_misses == 1
    assert again.graphs_reused <= 4
    fresh_build(seed_corpus, tmp_path / "fresh", seed_cache)
    same_output(tmp_path / "out", tmp_path / "fresh")


def test_renaming_an_entity_remakes_every_graph_that_names_it(seed_corpus: Path, tmp_path: Path,
                                                              seed_cache: Path) -> None:
    first = fresh_build(seed_corpus, tmp_path / "out", seed_cache)
    named = max(first.entities, key=lambda e: e.mention_count)
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text(f"{named.label}\tZorbex Holding Renamed\tOrganization\n", encoding="utf-8")
    again = rebuild(seed_corpus, tmp_path / "out", aliases=aliases)
    assert "zorbex-holding-renamed" in {e.entity_id for e in again.entities}
    assert again.graphs_reused < 5
    fresh_build(seed_corpus, tmp_path / "fresh", seed_cache, aliases=aliases)
    same_output(tmp_path / "out", tmp_path / "fresh")


def test_damaged_memories_only_cost_time(seed_corpus: Path, tmp_path: Path, seed_cache: Path) -> None:
    out = tmp_path / "out"
    fresh_build(seed_corpus, out, seed_cache)
    folder = next(p for p in (out / CACHE_DIR).iterdir() if p.is_dir())
    (folder / FILES).write_text('{"max_bytes": 1, "files": {', encoding="utf-8")
    for pack in folder.glob("*.pack"):
        pack.write_bytes(b"\x00" * pack.stat().st_size)
    again = rebuild(seed_corpus, out)
    assert again.unread == 0 and again.graphs_reused == 0
    fresh_build(seed_corpus, tmp_path / "fresh", seed_cache)
    same_output(out, tmp_path / "fresh")


def test_a_graph_fingerprint_follows_every_input() -> None:
    base = fingerprint("base\0infer=False", "key", [("brimex", "brimex"), ("valtor", None)])
    assert fingerprint("base\0infer=False", "key", [("brimex", "brimex"), ("valtor", None)]) == base
    assert fingerprint("base\0infer=True", "key", [("brimex", "brimex"), ("valtor", None)]) != base
    assert fingerprint("base\0infer=False", "key2", [("brimex", "brimex"), ("valtor", None)]) != base
    assert fingerprint("base\0infer=False", "key", [("brimex", "brimex-2"), ("valtor", None)]) != base
    assert fingerprint("base\0infer=False", "key", [("brimex", "brimex"), ("valtor", "valtor")]) != base
