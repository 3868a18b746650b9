"""`kg build --infer`: the materialised inverses and mirrors are in the files and still conform to the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.cli import make_parser
from kg.infer import materialise
from kg.validate import load_data, validate
from kg.vocab import INVERSE_OF, KG, RELATION_PREDICATES, SYMMETRIC_PREDICATES

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def inferred_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import kg

    out = tmp_path_factory.mktemp("seed-build-infer")
    kg.build(SEEDS, out, html=False, infer=True, progress=False)
    return out


def test_the_build_command_has_an_infer_flag() -> None:
    args = make_parser().parse_args(["build", "in", "--infer"])
    assert args.infer is True
    assert make_parser().parse_args(["build", "in"]).infer is False


def test_every_canonical_triple_has_its_inverse_in_the_inferred_build(inferred_build: Path) -> None:
    g = Graph().parse(inferred_build / "graph.ttl")
    canonical = [(s, name, o) for name in RELATION_PREDICATES for s, _, o in g.triples((None, KG[name], None))]
    assert canonical
    for s, name, o in canonical:
        implied = KG[INVERSE_OF.get(name, name)]
        assert (o, implied, s) in g, (s, name, o)
    assert {name for _, name, _ in canonical} & SYMMETRIC_PREDICATES


def test_the_inferred_build_conforms_to_the_shapes(inferred_build: Path) -> None:
    report = validate(load_data(inferred_build / "graph.trig"))
    assert report.violations == []


def test_the_plain_seed_build_gains_triples_only_when_asked(seed_build: Path) -> None:
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    before = len(set(ds.quads()))
    added = materialise(ds)
    assert added > 0
    assert len(set(ds.quads())) == before + added
    assert validate(ds).conforms
