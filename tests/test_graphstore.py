"""The persistent store ``out/store``: always what graph.trig and graph.ttl hold, updated part by part, opened at once.

Its named graphs are graph.trig's, its default graph is graph.ttl; after every build (first, incremental, with a
document added, changed or removed) it equals the files and the store a fresh full build makes. Queries, questions,
stats and ``kg serve`` read it instead of re-parsing, and fall back to the files when it is missing or stale.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg import graphstore
from kg.cli import main
from kg.graphstore import MANIFEST, find_store, store_dir
from kg.outputs import BUILDS, CURRENT
from kg.query import KnowledgeGraph
from tests.build_helpers import kill_when

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def store_holds_the_files(out: Path) -> None:
    """Named graphs == graph.trig, default graph == graph.ttl, quad for quad (both read by Oxigraph, which keeps
    typed literals by value: ``"0.850"^^xsd:decimal`` comes back as 0.85 from any store)."""
    store = ox.Store.read_only(str(store_dir(out)))
    files = ox.Store()
    files.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    files.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    assert set(store) == set(files)
    assert len(store) == len(files)


@pytest.fixture
def out(tmp_path: Path, seed_cache: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copytree(seed_cache / ".kg-cache", folder / ".kg-cache")
    return folder


def record_changes(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, str]]]:
    """The (graph, subject) parts each incremental store update rewrites, recorded as builds run."""
    applied: list[list[tuple[str, str]]] = []
    real = graphstore.apply_changes

    def spy(store, trig, parts, old, new, prefixes, run_file=None):  # type: ignore[no-untyped-def]
        applied.append(graphstore._changes(old, new))
        return real(store, trig, parts, old, new, prefixes, run_file)

    monkeypatch.setattr(graphstore, "apply_changes", spy)
    return applied


def build(seed_corpus: Path, out: Path, **options) -> kg.BuildResult:
    return kg.build(seed_corpus, out, html=False, progress=False, **options)


def test_a_build_writes_a_store_that_holds_exactly_the_files(seed_corpus: Path, out: Path) -> None:
    assert build(seed_corpus, out).store == "created"
    store_holds_the_files(out)
    assert json.loads((store_dir(out) / MANIFEST).read_text())["triples"] == len(KnowledgeGraph.open(
        out / "graph.ttl"))


def test_files_loaded_in_tiny_pieces_give_the_same_store(seed_corpus: Path, out: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphstore, "CHUNK_BYTES", 300)  # every few blocks a new bulk load, inside big graphs too
    build(seed_corpus, out)
    store_holds_the_files(out)
    docs = sorted(seed_corpus.iterdir())
    docs[0].write_text(docs[0].read_text(encoding="utf-8") + "\nLe groupe Velmora a racheté Tressan.\n",
                       encoding="utf-8")
    assert build(seed_corpus, out).store == "updated"
    store_holds_the_files(out)


def test_each_incremental_change_updates_only_its_parts_and_keeps_the_store_equal(
    seed_corpus: Path, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = sorted(seed_corpus.iterdir())
    held_back = docs[-1].read_bytes()
    docs[-1].unlink()
    build(seed_corpus, out)
    applied = record_changes(monkeypatch)
    docs[-1].write_bytes(held_back)  # a document added
    assert build(seed_corpus, out).store == "updated"
    store_holds_the_files(out)
    docs[0].write_text(docs[0].read_text(encoding="utf-8") + "\nLa société Orvane Data a racheté Quelbec.\n",
                       encoding="utf-8")  # a document changed
    assert build(seed_corpus, out).store == "updated"
    store_holds_the_files(out)
    docs[1].unlink()  # a document removed
    assert build(seed_corpus, out).store == "updated"
    store_holds_the_files(out)

    graphs = [{g for g, _ in changed} for changed in applied]
    added = docs[-1].stem
    assert any(g.endswith(f"document/{added}>") for g in graphs[0])
    assert not any("document/" in g and not g.endswith(f"document/{added}>") for g in graphs[0]), graphs[0]
    assert any(g.endswith(f"document/{docs[1].stem}>") for g in graphs[2])
    assert all(len(changed) < 200 for changed in applied)

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copytree(out / ".kg-cache", fresh / ".kg-cache")
    build(seed_corpus, fresh)
    assert (fresh / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    incremental, full = (set(ox.Store.read_only(str(store_dir(o)))) for o in (out, fresh))
    strip = {q for q in incremental | full if q.predicate.value.endswith("#processedAt")}
    assert incremental - strip == full - strip


def test_an_unchanged_rebuild_changes_nothing_but_build_times(seed_corpus: Path, out: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(seed_corpus, out)
    applied = record_changes(monkeypatch)
    assert build(seed_corpus, out).store == "updated"
    assert applied == [[]]
    store_holds_the_files(out)


def test_a_new_build_time_refreshes_only_the_run_dependent_metadata(seed_corpus: Path, out: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphstore, "DELETE_BATCH", 2)  # many small transactions
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(seed_corpus, out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    applied = record_changes(monkeypatch)
    deleted: list[tuple[str, tuple[str, ...]]] = []
    real = graphstore._delete
    monkeypatch.setattr(graphstore, "_delete", lambda store, graph, predicates=(): (
        deleted.append((graph.value, tuple(predicates))), real(store, graph, predicates)))
    assert build(seed_corpus, out).store == "updated"
    assert applied[0] and all(g.endswith("graph/metadata>") for g, _ in applied[0])
    assert [(g.rsplit("/", 1)[1], len(p)) for g, p in deleted] == [("metadata", 3)]  # build times only
    store_holds_the_files(out)


def test_queries_open_the_store_and_answer_as_the_files_do(seed_corpus: Path, out: Path) -> None:
    build(seed_corpus, out)
    graph = KnowledgeGraph.open(out)
    assert graph.source == store_dir(out)
    files = KnowledgeGraph.open(out / "graph.ttl")
    assert graph.query(COUNT).rows == files.query(COUNT).rows
    assert len(graph) == len(files)
    partners = "SELECT ?a ?b WHERE { ?a kg:partnersWith ?b } ORDER BY ?a ?b"
    assert graph.query(partners).rows == files.query(partners).rows
    assert graph.stats().to_dict() == files.stats().to_dict()
    in_graphs = graph.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value
    assert int(in_graphs) == len(KnowledgeGraph.open(out / "graph.trig"))
    assert KnowledgeGraph.open(store_dir(out)).source == store_dir(out)


def test_the_cli_reads_the_store(seed_corpus: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(seed_corpus, out)
    assert main(["query", str(out), COUNT, "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", str(out / "graph.ttl"), COUNT, "--format", "csv"]) == 0
    assert capsys.readouterr().out == from_store
    assert main(["stats", str(out), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["triples"] == len(KnowledgeGraph.open(out / "graph.ttl"))


def test_a_missing_or_stale_store_falls_back_to_the_files(seed_corpus: Path, out: Path) -> None:
    build(seed_corpus, out)
    (out / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes())  # rewritten by something else
    assert find_store(out) is None
    assert KnowledgeGraph.open(out).source == out / "graph.ttl"
    build(seed_corpus, out, store=False)
    assert not store_dir(out).exists(), "a build without a store removes the old one"
    assert KnowledgeGraph.open(out).source == out / "graph.ttl"


def test_an_interrupted_update_keeps_the_previous_store_with_the_previous_files(
        seed_corpus: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(seed_corpus, out)
    before = set(ox.Store.read_only(str(store_dir(out))))
    files = (out / "graph.trig").read_bytes(), (out / "graph.ttl").read_bytes()
    (seed_corpus / "extra.txt").write_text("La société Norvex s'associe à Daltora pour un projet commun.\n",
                                           encoding="utf-8")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(graphstore, "apply_changes", crash)
    with pytest.raises(KeyboardInterrupt):
        build(seed_corpus, out)
    assert set(ox.Store.read_only(str(store_dir(out)))) == before
    assert ((out / "graph.trig").read_bytes(), (out / "graph.ttl").read_bytes()) == files
    assert len(list((out / BUILDS).iterdir())) == 1, "the unfinished build folder (and its store) went"
    store_holds_the_files(out)
    monkeypatch.undo()
    build(seed_corpus, out)
    store_holds_the_files(out)


def test_the_store_switches_in_with_the_files(seed_corpus: Path, out: Path) -> None:
    build(seed_corpus, out)
    assert os.readlink(store_dir(out)) == f"{CURRENT}/store"
    first = os.readlink(out / CURRENT)
    assert (out / first / "store" / MANIFEST).is_file()
    (seed_corpus / "extra.txt").write_text("La société Norvex s'associe à Daltora pour un projet commun.\n",
                                           encoding="utf-8")
    assert build(seed_corpus, out).store == "updated"
    assert os.readlink(out / CURRENT) != first and not (out / first).exists()
    store_holds_the_files(out)


def test_an_open_graph_follows_a_later_build_of_its_folder(seed_corpus: Path, out: Path) -> None:
    build(seed_corpus, out)
    graph = KnowledgeGraph.open(out)
    before = int(graph.query(COUNT).rows[0][0].value)
    (seed_corpus / "extra.txt").write_text("La société Norvex s'associe à Daltora pour un projet commun.\n",
                                           encoding="utf-8")
    build(seed_corpus, out)  # removes the build folder whose store ``graph`` opened
    after = int(graph.query(COUNT).rows[0][0].value)
    assert after == len(KnowledgeGraph.open(out / "graph.ttl")) and after > before


def test_kg_serve_answers_from_the_store_and_refuses_updates(seed_corpus: Path, out: Path) -> None:
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.serve import SparqlServer

    build(seed_corpus, out)
    graph = KnowledgeGraph.open(out)
    assert graph.source == store_dir(out)
    server = SparqlServer(graph, 0, timeout=5, max_rows=50)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"{server.url}?query={urllib.parse.quote(COUNT)}"
        request = urllib.request.Request(url, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.read().decode().split()[1] == str(len(KnowledgeGraph.open(out / "graph.ttl")))
        update = urllib.request.Request(server.url, data=b"update=CLEAR%20ALL",
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code == 403
    finally:
        server.shutdown()
        server.server_close()
    store_holds_the_files(out)


def test_kill_9_while_the_store_is_made_leaves_the_old_files_and_store_or_the_new(seed_corpus: Path,
                                                                                 out: Path) -> None:
    """Builds that add a document are killed at moments of their store stage: every time, the folder's store
    equals its files (old ones or new ones), and queries find it."""
    import subprocess
    import sys

    build(seed_corpus, out)
    for attempt, delay in enumerate((0.0, 0.05, 0.2)):
        (seed_corpus / f"extra-{attempt}.txt").write_text(
            f"La société Norvex{attempt} s'associe à Daltora pour un projet commun.\n", encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(seed_corpus), "-o", str(out), "--quiet",
                                 "--no-html"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        current = os.readlink(out / CURRENT)

        def store_begun(current: str = current) -> bool:
            return any((p / "store").exists() for p in (out / BUILDS).iterdir() if p.name not in current)

        kill_when(proc, store_begun, delay)
        assert find_store(out) == store_dir(out)
        store_holds_the_files(out)
    build(seed_corpus, out)
    store_holds_the_files(out)
    assert len(list((out / BUILDS).iterdir())) == 1
