"""``kg render GRAPH -o page.html``: any graph file in, one page out; clean errors for bad input."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "small_graph.ttl"


def test_render_writes_the_page(tmp_path: Path, capsys) -> None:
    out = tmp_path / "page.html"
    assert main(["render", str(FIXTURE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


def test_render_reads_a_build_folder_and_a_trig_union(tmp_path: Path) -> None:
    graph = Graph().parse(FIXTURE)
    (tmp_path / "graph.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert main(["render", str(tmp_path), "-o", str(tmp_path / "a.html")]) == 0

    dataset = Dataset()
    halves = [dataset.graph(URIRef("urn:g:1")), dataset.graph(URIRef("urn:g:2"))]
    for index, triple in enumerate(sorted(graph)):
        halves[index % 2].add(triple)
    trig = tmp_path / "graph.trig"
    trig.write_text(dataset.serialize(format="trig"), encoding="utf-8")
    assert main(["render", str(trig), "-o", str(tmp_path / "b.html")]) == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_render_defaults_to_the_graph_name_with_html(tmp_path: Path) -> None:
    source = tmp_path / "mine.ttl"
    source.write_bytes(FIXTURE.read_bytes())
    assert main(["render", str(source)]) == 0
    assert (tmp_path / "mine.html").is_file()


def test_bad_input_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["render", str(tmp_path / "missing.ttl")]) == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .", encoding="utf-8")
    assert main(["render", str(broken), "-o", str(tmp_path / "x.html")]) == 2
    assert main(["render", str(FIXTURE), "-o", str(tmp_path / "no" / "such" / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("kg render: error:") == 3
