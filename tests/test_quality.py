"""The quality bars of issues 3, 10 and 11, measured by the shared scorer on the seed and dev corpora, plus the
confidence threshold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg.vocab import KG

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SCORER = REPO.parent / "shared" / "eval" / "score.py"

DEV = REPO.parent / "shared" / "corpus" / "dev"

TARGETS = {"relations precision": 0.95, "relations recall": 0.90, "entities precision": 0.97,
           "entities typed recall": 0.97}
# Issue 11 on the development corpus, as it asks. The two splits left are names with a region or a city after
# them (« X Europe », « X Munich ») that stay apart from the bare name on purpose: most often a subsidiary.
DEV_TARGETS = {"entities precision": 0.93, "entities typed recall": 0.95, "split": 2, "merged": 0}
# Issue 10 on the development corpus asks for relations P >= 0.85 and R >= 0.70; the frame engine reaches P 0.964,
# R 0.752. The issue's bars are checked as they are, and what the engine reaches is held a little below it (a change
# that loses facts or lets errors in fails). Facts with a confidence of 0.8 or more must be right at least 92 % of
# the time.
DEV_RELATIONS = {"precision": 0.94, "recall": 0.74}
ISSUE_10 = {"precision": 0.85, "recall": 0.70}
HIGH_CONFIDENCE = {"threshold": 0.8, "precision": 0.92}


def _score(graph_file: Path, name: str) -> dict:
    spec = importlib.util.spec_from_file_location("kg_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score.score(score.load_graph([str(graph_file)]), str(SCORER.parent), name)


@pytest.fixture(scope="module")
def seed_score(seed_build: Path) -> dict:
    return _score(seed_build / "graph.ttl", "seeds")


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import kg

    out = tmp_path_factory.mktemp("dev-build")
    kg.build(DEV, out, html=False, cache=False)
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def dev_score(dev_build: Path) -> dict:
    return _score(dev_build, "dev")


def _detail(r: dict) -> str:
    return f"P={r['precision']:.3f} R={r['recall']:.3f}; missed {r['false_negatives']}, wrong {r['false_positives']}"


def test_relations_meet_the_targets(seed_score):
    r = seed_score["relations"]
    detail = f"missed {r['false_negatives']}, wrong {r['false_positives']}, unknown {r['unknown_entity_triples']}"
    assert r["precision"] >= TARGETS["relations precision"], detail
    assert r["recall"] >= TARGETS["relations recall"], detail


def test_entities_meet_the_targets(seed_score):
    e = seed_score["entities"]
    assert e["precision"] >= TARGETS["entities precision"], e["not_in_gold"]
    assert e["typed_recall"] >= TARGETS["entities typed recall"], (e["missing"], e["mistyped"])
    assert e["split"] == [] and e["merged"] == []


def test_dev_entities_meet_the_targets(dev_score):
    e = dev_score["entities"]
    assert e["precision"] >= DEV_TARGETS["entities precision"], e["not_in_gold"]
    assert e["typed_recall"] >= DEV_TARGETS["entities typed recall"], (e["missing"], e["mistyped"])
    assert len(e["split"]) <= DEV_TARGETS["split"], e["split"]
    assert len(e["merged"]) <= DEV_TARGETS["merged"], e["merged"]


def test_dev_relations_hold_what_the_frame_engine_reaches(dev_score):
    r = dev_score["relations"]
    assert r["precision"] >= DEV_RELATIONS["precision"], _detail(r)
    assert r["recall"] >= DEV_RELATIONS["recall"], _detail(r)


def test_dev_relations_meet_issue_10s_targets(dev_score):
    r = dev_score["relations"]
    assert r["precision"] >= ISSUE_10["precision"] and r["recall"] >= ISSUE_10["recall"], _detail(r)


def test_confident_facts_are_right_on_dev(dev_build: Path):
    """The confidences are calibrated on dev (ontology/frames/calibration.toml): this is in-sample."""
    spec = importlib.util.spec_from_file_location("kg_calibrate", REPO / "scripts" / "calibrate.py")
    assert spec is not None and spec.loader is not None
    calibrate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(calibrate)
    n, precision = calibrate.high_confidence_precision(dev_build, "dev", HIGH_CONFIDENCE["threshold"])
    assert n >= 100, n
    assert precision >= HIGH_CONFIDENCE["precision"], (n, precision)


def test_every_statement_has_a_confidence_and_a_rule(seed_build: Path):
    g = Graph().parse(seed_build / "graph.ttl")
    statements = set(g.subjects(RDF.type, KG.RelationStatement))
    assert statements
    for st in statements:
        conf = float(g.value(st, KG.confidence))
        assert 0 < conf <= 1
        assert str(g.value(st, KG.extractedBy))


def test_min_confidence_drops_the_weaker_facts(tmp_path: Path):
    import kg

    full = kg.build(SEEDS / "001_307485f0f12f5709.txt", tmp_path / "all", html=False)
    strict = kg.build(SEEDS / "001_307485f0f12f5709.txt", tmp_path / "strict", min_confidence=0.7, html=False)
    weak = [r for r in full.relations if r.confidence < 0.7]
    assert weak, "the data purchase read through a reference should be below 0.7"
    assert {(r.subject, r.predicate, r.object) for r in strict.relations} == {
        (r.subject, r.predicate, r.object) for r in full.relations if r.confidence >= 0.7}
