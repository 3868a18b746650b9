"""Shared fixtures: the real French spaCy pipeline and one build of the seed corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline kg uses (loaded once)."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``kg build ../shared/corpus/seeds`` (graph.ttl, graph.trig, graph.html)."""
    import kg

    out = tmp_path_factory.mktemp("seed-build")
    kg.build(SEEDS, out)
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``kg build`` on the bundled sample corpus."""
    import kg
    from kg.pipeline import SAMPLE_CORPUS

    out = tmp_path_factory.mktemp("sample-build")
    kg.build(SAMPLE_CORPUS, out)
    return out


@pytest.fixture(scope="session")
def extract(nlp):
    """``extract(text)`` -> the set of (subject, predicate, object) facts kg reads in ``text`` (one document)."""
    from kg.extract import extract_document
    from kg.model import Document

    def run(text: str, *, full: bool = False):
        doc = Document(doc_id="t", path="t.txt", text=text, sha256="", encoding="utf-8", title="")
        ex = extract_document(doc, nlp(text))
        if full:
            return ex
        return {(r.subject.text, r.predicate, r.object.text) for r in ex.relations}

    return run


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder of the seeds (no store, no page) whose extraction cache other builds copy to skip parsing."""
    import kg

    out = tmp_path_factory.mktemp("seed-cache")
    kg.build(SEEDS, out, html=False, progress=False, store=False)
    return out


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A copy of the seed corpus that a test may change."""
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder
