"""The build cache: a rebuild re-parses only new or changed documents, and always writes what a full build writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg import cache as cache_module
from kg.cache import CACHE_DIR, ExtractionCache, pipeline_key
from kg.codec import decode, encode
from kg.corpus import read_corpus
from kg.engines.serial import extract_stream
from kg.extract import DocumentExtraction
from kg.model import Evidence, Mention, RelationMention, Span
from tests.build_helpers import same_output
from tests.conftest import REPO, SEEDS


@pytest.fixture(scope="module")
def seed_extractions() -> list[DocumentExtraction]:
    return list(extract_stream(read_corpus(SEEDS).documents))


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_extractions_survive_the_json_round_trip_exactly(seed_extractions: list[DocumentExtraction]) -> None:
    assert sum(len(ex.relations) for ex in seed_extractions) > 5
    for ex in seed_extractions:
        raw = encode(ex)
        assert decode(raw) == ex
        assert encode(decode(raw)) == raw  # deterministic


names = st.text(min_size=1, max_size=12)
mentions = st.builds(Mention, st.just("d"), st.integers(0, 10**6), st.integers(0, 10**6), names,
                     st.lists(st.tuples(names, st.floats(allow_nan=False)), max_size=3).map(tuple), names,
                     st.booleans(), st.text(max_size=5))


@given(st.lists(mentions, min_size=2, max_size=6), st.floats(0, 1), st.text())
def test_any_text_and_any_float_round_trip(ms: list[Mention], confidence: float, sentence: str) -> None:
    ev = Evidence("d", Span(0, len(sentence), sentence), 0, 1, "rule", confidence, (("amount", "1.5"),))
    ex = DocumentExtraction("d", tuple(ms), (RelationMention(ms[0], "acquired", ms[-1], ev),))
    assert decode(encode(ex)) == ex


def test_adding_one_document_parses_only_it_and_equals_a_full_build(
    seed_build: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    newest = sorted(seeds_copy.iterdir())[-1]
    held_back = newest.read_bytes()
    newest.unlink()
    out = tmp_path / "out"
    first = kg.build(seeds_copy, out, html=False, progress=False)
    assert (first.cache_hits, first.cache_misses) == (0, 4)
    newest.write_bytes(held_back)
    again = kg.build(seeds_copy, out, html=False, progress=False)
    assert (again.cache_hits, again.cache_misses) == (4, 1)
    same_output(seed_build, out)


def test_a_changed_document_is_parsed_again(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg.build(seeds_copy, out, html=False, progress=False)
    first = sorted(seeds_copy.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    again = kg.build(seeds_copy, out, html=False, progress=False)
    assert (again.cache_hits, again.cache_misses) == (4, 1)


def test_a_damaged_cache_entry_is_only_a_miss(seed_build: Path, tmp_path: Path) -> None:
    kg.build(SEEDS, tmp_path, html=False, progress=False)
    entries = sorted((tmp_path / CACHE_DIR).rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_bytes(b'{"format": 1, "doc_id"')
    entries[1].write_bytes(b"")
    again = kg.build(SEEDS, tmp_path, html=False, progress=False)
    assert (again.cache_hits, again.cache_misses) == (3, 2)
    same_output(seed_build, tmp_path)


def test_no_cache_writes_no_cache(tmp_path: Path) -> None:
    kg.build(SEEDS, tmp_path, html=False, progress=False, cache=False)
    assert not (tmp_path / CACHE_DIR).exists()


def test_model_cue_files_and_kg_version_are_in_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = pipeline_key("fr_core_news_md-3.8.0")
    assert pipeline_key("fr_core_news_md-3.8.0") == base
    assert pipeline_key("fr_core_news_sm-3.8.0") != base

    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert pipeline_key("fr_core_news_md-3.8.0") != base
    monkeypatch.undo()

    cues = tmp_path / "ontology"
    shutil.copytree(REPO / "ontology", cues)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(cues))
    assert pipeline_key("fr_core_news_md-3.8.0") == base
    relations = cues / "frames" / "acquisition.toml"
    relations.write_text(relations.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert pipeline_key("fr_core_news_md-3.8.0") != base


def test_a_new_pipeline_key_ignores_and_drops_the_old_entries(
    seed_extractions: list[DocumentExtraction], tmp_path: Path
) -> None:
    doc = read_corpus(SEEDS).documents[0]
    old = ExtractionCache(tmp_path, "old-key")
    old.put(doc, seed_extractions[0])
    assert old.get(doc) == seed_extractions[0]
    new = ExtractionCache(tmp_path, "new-key")
    assert new.get(doc) is None
    new.drop_stale()
    assert not old.folder.exists()
