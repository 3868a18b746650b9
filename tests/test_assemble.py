"""Graph assembly on disk writes, byte for byte, what the in-memory path (rdflib Dataset + kg.serialize) writes.

Two levels: the writer alone, on any triples in any graphs (sorted runs of a few lines, so merging is exercised);
and whole builds of the seed corpus, against ``resolve`` + ``build_dataset`` + ``write_graph_files`` run on the very
same extractions (read back from the build cache), with and without ``--infer`` and ``--min-confidence``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, Dataset, Literal, URIRef

import kg
from kg.assemble import GraphFiles
from kg.cache import ExtractionCache, pipeline_key
from kg.corpus import read_corpus
from kg.export import write_exports
from kg.graph import PREFIXES, BuildInfo, build_dataset, graph_prefixes
from kg.infer import materialise
from kg.nlp import load_pipeline, model_id
from kg.pipeline import processed_at, write_graph_files
from kg.resolve import resolve
from kg.vocab import DEFAULT_BASE_IRI, KG
from tests.conftest import SEEDS

BASE = DEFAULT_BASE_IRI
IRIS = [URIRef(u) for u in (
    BASE + "entity/a", BASE + "entity/a-2", BASE + "entity/ab", BASE + "statement/0f", BASE + "document/d.1",
    BASE + "entity/été", str(KG.Person), str(KG.partnersWith), str(KG.mentionCount), "http://example.org/x",
    "http://example.org/x/y", "urn:x:1", BASE + "x_y",
)]
LITERALS = [Literal(v) for v in ("", "tab\there", "line\nbreak", 'quote"s', "back\\slash", "\x01ctl", "a\u2028b",
                                 "été", "a^^b")]
LITERALS += [Literal(v, lang="fr") for v in ("Société", "x\"y")]
LITERALS += [Literal("5", datatype=XSD.integer), Literal("0.850", datatype=XSD.decimal),
             Literal("5", datatype=XSD.decimal), Literal("2009", datatype=XSD.gYear),
             Literal("2024-01-01T00:00:00Z", datatype=XSD.dateTime), Literal("true", datatype=XSD.boolean),
             Literal("x", datatype=URIRef("http://example.org/dt"))]
PREDICATES = [RDF.type, KG.partnersWith, KG.mentions, KG.processedAt, KG.kgVersion, URIRef("http://example.org/p")]
GRAPHS = [URIRef(BASE + "graph/document/d1"), URIRef(BASE + "graph/document/d1-2"), URIRef(BASE + "graph/entities"),
          URIRef(BASE + "graph/metadata"), URIRef("http://example.org/g")]

quads = st.lists(st.tuples(st.sampled_from(IRIS), st.sampled_from(PREDICATES),
                           st.sampled_from(IRIS + LITERALS), st.sampled_from(GRAPHS)), max_size=40)


def _dataset(items: list) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("kgr", BASE)
    for s, p, o, g in items:
        ds.graph(g).add((s, p, o))
    return ds


@settings(max_examples=80, deadline=None)
@given(quads, st.sets(st.sampled_from(GRAPHS)))
def test_any_quads_are_written_as_the_in_memory_writer_writes_them(
    tmp_path_factory: pytest.TempPathFactory, items: list, streamed: set
) -> None:
    old, new = tmp_path_factory.mktemp("old"), tmp_path_factory.mktemp("new")
    ds = _dataset(items)
    write_graph_files(ds, old / "graph.ttl", old / "graph.trig")
    write_exports(ds, old, ["nt", "nq"])
    files = GraphFiles(tmp_path_factory.mktemp("work"), graph_prefixes(BASE), ["nt", "nq"], run_lines=3)
    for g in GRAPHS:
        triples = [(s, p, o) for s, p, o, gg in items if gg == g]
        if g in streamed:  # a big graph comes in pieces, in any order, through sorted runs
            for t in reversed(triples):
                files.add_triples(g, [t])
        else:
            files.add_graph(g, triples)
    parts = files.write(new / "graph.trig", new / "graph.ttl", {"nt": new / "graph.nt", "nq": new / "graph.nq"})
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.nq"):
        assert (new / name).read_bytes() == (old / name).read_bytes(), name
    trig = (new / "graph.trig").read_bytes()
    for part in parts:  # every part is a whole graph or one subject's block, where the index says
        text = trig[part.offset : part.offset + part.length].decode()
        assert text.startswith(f"\n{part.graph} {{\n") if not part.subject else text.startswith(f"    {part.subject} ")
    assert files.quads == len(set(ds.quads()))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the seeds whose cache holds the extractions both paths start from."""
    out = tmp_path_factory.mktemp("seeds")
    kg.build(SEEDS, out, html=False, progress=False)
    return out


@pytest.mark.parametrize(("infer", "min_confidence"), [(False, 0.0), (True, 0.0), (False, 0.8)])
def test_a_build_writes_what_the_in_memory_path_writes_from_the_same_extractions(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, infer: bool, min_confidence: float
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "new"
    out.mkdir()
    (out / ".kg-cache").symlink_to(built / ".kg-cache")
    result = kg.build(SEEDS, out, html=False, progress=False, infer=infer, min_confidence=min_confidence,
                      exports=["nt", "nq"])
    assert result.cache_misses == 0

    documents = read_corpus(SEEDS).documents
    spacy_model = model_id(load_pipeline())
    cache = ExtractionCache(built, pipeline_key(spacy_model))
    entities, relations = resolve(cache.get(d) for d in documents)
    relations = [r for r in relations if r.confidence >= min_confidence]
    info = BuildInfo(processed_at(), kg.__version__, spacy_model)
    ds = build_dataset(BASE, documents, entities, relations, info)
    if infer:
        materialise(ds)
    old = tmp_path / "old"
    old.mkdir()
    write_graph_files(ds, old / "graph.ttl", old / "graph.trig")
    write_exports(ds, old, ["nt", "nq"])
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.nq"):
        assert (out / name).read_bytes() == (old / name).read_bytes(), name
    assert result.relations == relations
    assert sorted(result.relation_counts.elements()) == sorted(r.predicate for r in relations)
    assert [(e.entity_id, e.mention_count) for e in result.entities] == [(e.entity_id, len(e.mentions))
                                                                         for e in entities]
    assert result.quads == len(set(ds.quads()))


def test_the_build_result_reads_documents_and_graphs_when_asked(built: Path, tmp_path: Path) -> None:
    result = kg.build(SEEDS, tmp_path, html=False, progress=False, store=False)
    documents = read_corpus(SEEDS).documents
    assert list(result.documents) == documents
    assert result.documents[1:3] == documents[1:3]
    assert len(result.graph) == len(set(result.graph))
    assert len(result.dataset) >= len(result.graph)
    assert not list(tmp_path.glob(".kg-work-*")), "the work folder is removed"


def test_a_graph_too_big_for_the_page_gets_a_note_not_a_page(built: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from kg import pipeline
    from kg.cli import main

    monkeypatch.setattr(pipeline, "HTML_MAX_TRIPLES", 10)
    (tmp_path / ".kg-cache").symlink_to(built / ".kg-cache")
    assert main(["build", str(SEEDS), "-o", str(tmp_path), "--quiet", "--no-store"]) == 0
    assert not (tmp_path / "graph.html").exists()
    assert "note: graph.html not written" in capsys.readouterr().out
