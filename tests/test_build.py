"""``kg build``: the files it writes, their provenance, their determinism and strictness, and its errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from kg.cli import main
from kg.vocab import ENTITY_TYPES, KG, RELATION_PREDICATES, SYMMETRIC_PREDICATES
from tests.conftest import REPO, SCORER, SEEDS


def test_build_writes_turtle_trig_and_html(seed_build: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (seed_build / name).stat().st_size > 0
    assert not list(seed_build.glob(".*.tmp")), "no temporary file is left behind"


def test_every_relation_has_a_statement_with_full_provenance(seed_build: Path) -> None:
    g = Graph().parse(seed_build / "graph.ttl")
    relations = [(s, p, o) for name in RELATION_PREDICATES for s, p, o in g.triples((None, KG[name], None))]
    assert relations
    for s, p, o in relations:
        ends = [(s, o), (o, s)] if str(p).rsplit("#", 1)[-1] in SYMMETRIC_PREDICATES else [(s, o)]
        statements = [
            st for a, b in ends for st in g.subjects(RDF.subject, a)
            if (st, RDF.predicate, p) in g and (st, RDF.object, b) in g
        ]
        assert statements, f"no statement for {s} {p} {o}"
        for st in statements:
            assert (st, RDF.type, KG.RelationStatement) in g
            doc = g.value(st, KG.sourceDocument)
            assert (doc, RDF.type, KG.Document) in g
            sentence = str(g.value(st, KG.evidenceText))
            start, end = int(g.value(st, KG.evidenceStart)), int(g.value(st, KG.evidenceEnd))
            s_start, s_end = int(g.value(st, KG.sentenceStart)), int(g.value(st, KG.sentenceEnd))
            assert s_start <= start < end <= s_end
            assert sentence
            assert 0.0 <= float(g.value(st, KG.confidence)) <= 1.0
            assert str(g.value(st, KG.extractedBy))


def test_offsets_point_into_the_source_file(seed_build: Path) -> None:
    g = Graph().parse(seed_build / "graph.ttl")
    checked = 0
    for st in g.subjects(RDF.type, KG.RelationStatement):
        doc = g.value(st, KG.sourceDocument)
        text = (SEEDS / str(g.value(doc, KG.fileName))).read_text(encoding="utf-8").replace("\r\n", "\n")
        s_start, s_end = int(g.value(st, KG.sentenceStart)), int(g.value(st, KG.sentenceEnd))
        assert " ".join(text[s_start:s_end].split()) == str(g.value(st, KG.evidenceText))
        checked += 1
    assert checked > 5


def test_every_entity_has_one_type_and_one_french_label(seed_build: Path) -> None:
    g = Graph().parse(seed_build / "graph.ttl")
    types = {KG[t] for t in ENTITY_TYPES}
    entities = {s for s, o in g.subject_objects(RDF.type) if o in types}
    assert len(entities) > 30
    for e in entities:
        assert isinstance(e, URIRef) and str(e).startswith("https://w3id.org/kg-news/id/entity/")
        assert len([t for t in g.objects(e, RDF.type) if t in types]) == 1
        labels = list(g.objects(e, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "fr"


def test_turtle_and_trig_parse_strictly_in_oxigraph(seed_build: Path) -> None:
    for name, fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE), ("graph.trig", pyoxigraph.RdfFormat.TRIG)):
        quads = list(pyoxigraph.parse(path=str(seed_build / name), format=fmt))
        assert quads


def test_trig_holds_the_same_facts_plus_metadata(seed_build: Path) -> None:
    ttl = Graph().parse(seed_build / "graph.ttl")
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    union = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert set(ttl) <= union
    graphs = {str(c.identifier) for c in ds.graphs()}
    assert any(g.endswith("/graph/metadata") for g in graphs)
    assert any(g.endswith("/graph/entities") for g in graphs)
    assert sum("/graph/document/" in g for g in graphs) == 5
    assert len(list(ds.quads((None, KG.processedAt, None, None)))) == 5
    assert len(list(ds.quads((None, KG.spacyModel, None, None)))) == 5


def test_two_builds_give_byte_identical_turtle(seed_build: Path, tmp_path: Path) -> None:
    import kg

    kg.build(SEEDS, tmp_path, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_build / "graph.ttl").read_bytes()


def score(path: Path) -> dict:
    """The shared scorer's verdict on a graph file (its JSON, without the headline line it prints last)."""
    out = subprocess.run([sys.executable, str(SCORER), str(path), "--json"], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout[: out.stdout.rstrip().rfind("\n")])


def test_seed_build_meets_the_pipeline_targets(seed_build: Path) -> None:
    res = score(seed_build / "graph.ttl")
    rel, ent = res["relations"], res["entities"]
    assert rel["f1"] >= 0.50 and rel["precision"] >= 0.60, rel
    assert ent["typed_recall"] >= 0.85 and ent["precision"] >= 0.80 and not ent["merged"], ent
    assert score(seed_build / "graph.trig")["relations"] == rel


def test_min_confidence_drops_weak_facts(tmp_path: Path) -> None:
    import kg

    everything = kg.build(SEEDS, tmp_path / "all", html=False)
    sure = kg.build(SEEDS, tmp_path / "sure", html=False, min_confidence=0.8)
    assert len(sure.relations) < len(everything.relations)
    assert all(r.confidence >= 0.8 for r in sure.relations)


def test_cli_prints_a_summary_with_skipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("La société Alpha Industries et le groupe Beta Media annoncent un partenariat.")
    (corpus / "empty.txt").write_text("")
    (corpus / "bin.txt").write_bytes(b"\x00\x01")
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "documents: 1 read, 2 skipped" in out
    assert "skipped empty.txt: empty file" in out
    assert "skipped bin.txt: binary file" in out
    assert "entities:" in out and "Organization" in out
    assert "relations:" in out


def test_cli_missing_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "input path does not exist" in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_cli_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["build", str(SEEDS), "-o", str(locked / "out")]) == 2
        assert "cannot write to output directory" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_cli_output_that_is_a_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["build", str(SEEDS), "-o", str(target / "out")]) == 2
    assert "cannot write to output directory" in capsys.readouterr().err


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    from kg.atomic import atomic_open

    target = tmp_path / "graph.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half-written")
        raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_sample_corpus_builds_with_relations(sample_build: Path) -> None:
    g = Graph().parse(sample_build / "graph.ttl")
    base = "https://w3id.org/kg-news/id/entity/"
    assert (URIRef(base + "paul-girard"), KG.employeeOf, URIRef(base + "bleu-marine")) in g
    assert (URIRef(base + "atelia-mobility"), KG.subsidiaryOf, URIRef(base + "ateliers-reunis")) in g


def test_console_script_runs_from_a_fresh_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and out.stdout.startswith("kg ")


def test_build_writes_every_export_format_from_the_same_dataset(tmp_path: Path) -> None:
    assert main(["build", str(SEEDS / "003_58dc45d91cbe1925.txt"), "-o", str(tmp_path), "--no-html",
                 "--export", "all", "--quiet"]) == 0
    ttl = Graph().parse(tmp_path / "graph.ttl")
    nt = Graph().parse(tmp_path / "graph.nt", format="nt")
    assert len(nt) == len(ttl) > 0
    nq = Dataset()
    nq.parse(tmp_path / "graph.nq", format="nquads")
    jsonld = Dataset()
    jsonld.parse(tmp_path / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(nq) > len(ttl)


def test_build_rejects_an_unknown_export_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEEDS), "-o", str(tmp_path), "--export", "xlsx"]) == 2
    assert "unknown export format(s) xlsx" in capsys.readouterr().err
