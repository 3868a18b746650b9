"""A new user's first hour on the command line (issue 12): what used to break or mislead, and now must not.

Each test names the mistake it guards against. Commands run as a user runs them where it matters (a fresh process,
a real pipe), otherwise through ``kg.cli.main``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import kg
from kg.cli import main
from kg.pipeline import SAMPLE_CORPUS
from kg.vocab import KG
from tests.conftest import REPO, SEEDS

# Runs kg's CLI in a fresh process and reports whether spaCy's pipeline was ever loaded.
PROBE = (
    "import sys, kg.cli, kg.nlp\n"
    "code = kg.cli.main(sys.argv[1:])\n"
    "print('spacy pipelines loaded:', kg.nlp.load_pipeline.cache_info().currsize)\n"
    "sys.exit(code)\n"
)


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd or REPO,
                          timeout=300)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_build_that_reads_nothing_fails_and_keeps_the_previous_build(sample_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(sample_build, out)
    before = snapshot(out)
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    (pdfs / "b.docx").write_bytes(b"PK\x03\x04\x00")
    done = run_kg("build", str(pdfs), "-o", str(out))
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "no document read" in errors[0] and "a.pdf" in errors[0]
    assert "left as it was" in errors[0] and "Traceback" not in done.stderr
    assert snapshot(out) == before
    assert "spacy pipelines loaded: 0" in done.stdout


def test_a_build_that_reads_nothing_creates_no_output_folder(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "-o", str(tmp_path / "out")]) == 2
    assert "no document read" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_output_that_is_a_file_says_it_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("mine")
    assert main(["build", str(SEEDS), "-o", str(readme)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "File exists" not in err
    assert readme.read_text() == "mine"


def test_build_without_input_says_it_built_the_bundled_sample(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-o", str(tmp_path / "out"), "--no-html"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("corpus: the bundled sample") and str(SAMPLE_CORPUS) in first


def test_build_prints_which_corpus_it_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = SEEDS / "003_58dc45d91cbe1925.txt"
    assert main(["build", str(one), "-o", str(tmp_path / "out"), "--no-html"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"corpus: {one}"


def test_an_unchanged_rebuild_does_not_load_spacy(seed_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    before = (out / "graph.ttl").read_bytes()
    done = run_kg("build", str(SEEDS), "-o", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "cache: 5 documents reused, 0 parsed" in done.stdout
    assert "spacy pipelines loaded: 0" in done.stdout
    assert (out / "graph.ttl").read_bytes() == before


def test_a_changed_document_still_loads_spacy_to_parse_it(seed_build: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    target = corpus / "003_58dc45d91cbe1925.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nLa société Alpha Industries recrute.\n",
                      encoding="utf-8")
    done = run_kg("build", str(corpus), "-o", str(out), "--quiet", "--no-html")
    assert done.returncode == 0, done.stderr
    assert "cache: 4 documents reused, 1 parsed" in done.stdout
    assert "spacy pipelines loaded: 1" in done.stdout


def test_model_id_read_without_loading_is_the_loaded_one(nlp) -> None:
    from kg.nlp import installed_model_id, model_id

    assert installed_model_id() == model_id(nlp)


def test_query_options_may_follow_the_query(seed_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sparql = "SELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n } ORDER BY ?n"
    assert main(["query", str(seed_build), "--format", "csv", sparql]) == 0
    before = capsys.readouterr().out
    assert main(["query", str(seed_build), sparql, "--format", "csv"]) == 0
    after = capsys.readouterr().out
    assert before == after and before.startswith("n\r\n")
    assert main(["query", "--format", "csv", str(seed_build), sparql]) == 0
    assert capsys.readouterr().out == before


def test_unknown_options_are_still_reported(seed_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["query", str(seed_build), "--bogus", "SELECT * WHERE { ?s ?p ?o }"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_piping_into_head_ends_quietly(seed_build: Path) -> None:
    shell = f"{sys.executable} -m kg explain twitter {seed_build} | head -2"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, cwd=REPO,
                          timeout=120)
    assert done.stdout.startswith("Twitter (Organization)")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode in (0, 141)  # 141: ended by the closed pipe, as `yes | head` is


def test_kg_open_is_the_python_api(seed_build: Path) -> None:
    graph = kg.open(seed_build)
    people = graph.query("SELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n }").records()
    assert {"n": "Evan Williams"} in people
    assert graph.ask("partners", "Twitter").records()
    assert graph.stats().to_dict()


def test_amounts_read_as_numbers_in_explain_and_tables(seed_build: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Facebook", str(seed_build)]) == 0
    text = capsys.readouterr().out
    assert "amount 500 000 000" in text and "500000000.0" not in text
    assert main(["query", str(seed_build), "SELECT ?a WHERE { ?f a kg:AcquisitionOffer ; kg:amount ?a }"]) == 0
    table = capsys.readouterr().out
    assert "500000000" in table.split() and "500000000.0" not in table


def test_symmetric_relations_are_written_in_both_directions(seed_build: Path) -> None:
    g = Graph().parse(seed_build / "graph.ttl")
    pairs = set(g.subject_objects(KG.partnersWith))
    assert pairs and all((o, s) in pairs for s, o in pairs)
    twitter = URIRef("https://w3id.org/kg-news/id/entity/twitter")
    partners = {str(g.value(o, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))) for o in
                g.objects(twitter, KG.partnersWith)}
    assert {"Publicis", "Starcom MediaVest", "WPP"} <= partners


def test_the_obvious_partners_query_finds_every_partner(seed_build: Path) -> None:
    graph = kg.open(seed_build)
    rows = graph.query("""SELECT ?name WHERE { ?t skos:prefLabel "Twitter"@fr ; kg:partnersWith ?p .
                          ?p skos:prefLabel ?name }""").column("name")
    assert {"Publicis", "Starcom MediaVest", "WPP"} <= set(rows)
    assert [r["partner"] for r in graph.ask("partners", "Twitter").records()] == sorted(set(rows), key=str.lower)
