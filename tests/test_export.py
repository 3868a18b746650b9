"""Every output file parses, without a warning, in independent parsers and gives the same facts.

The parsers: rdflib, pyoxigraph (strict mode), Raptor's ``rapper`` (Turtle, TriG, N-Triples, N-Quads; it has no
JSON-LD parser, so PyLD reads JSON-LD instead) and Apache Jena's ``riot --strict --check`` for every format.
Debian's Jena 4.5 moved its bundled Xerces to the package ``xerces`` but left Xerces' message files under the old
path, so riot dies at start-up; the ``riot`` fixture puts a copy of those files at the new path on the class path.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import FORMATS, write_exports
from kg.ontology import ontology_dir
from tests.jena import jena_command

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB_FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
RAPPER_FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "ntriples", "nq": "nquads"}
QUADS = {"trig", "nq", "jsonld"}


@pytest.fixture(scope="module")
def dataset(seed_build: Path) -> Dataset:
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    return ds


@pytest.fixture(scope="module")
def exports(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_exports(dataset, tmp_path_factory.mktemp("exports"), FORMATS)


def expected_count(dataset: Dataset, fmt: str) -> int:
    from kg.graph import union_graph

    return len(set(dataset.quads())) if fmt in QUADS else len(union_graph(dataset))


def parse_rdflib(path: Path, fmt: str, caplog: pytest.LogCaptureFixture) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib API deprecations, not data problems
        warnings.filterwarnings("ignore", category=DeprecationWarning)  # rdflib's own API deprecations
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            if fmt in QUADS:
                ds = Dataset()
                ds.parse(path, format=RDFLIB_FORMATS[fmt])
                n = len(set(ds.quads()))
            else:
                n = len(Graph().parse(path, format=RDFLIB_FORMATS[fmt]))
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    return n


def parse_oxigraph(path: Path, fmt: str) -> int:
    return len(list(ox.parse(path=str(path), format=OX_FORMATS[fmt], lenient=False)))


def parse_third(path: Path, fmt: str) -> int:
    if fmt == "jsonld":
        from pyld import jsonld

        nquads = jsonld.to_rdf(json.loads(path.read_text("utf-8")), {"format": "application/n-quads"})
        return len({line for line in nquads.splitlines() if line.strip()})
    proc = subprocess.run(["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-c", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr.lower() and "error" not in proc.stderr.lower(), proc.stderr
    proc = subprocess.run(["rapper", "-i", RAPPER_FORMATS[fmt], "-c", str(path)], capture_output=True, text=True,
                          timeout=120)
    return int(proc.stderr.strip().splitlines()[-1].split("returned")[1].split()[0])


pytestmark = pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")

@pytest.fixture(scope="module")
def riot(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that runs Jena's riot from Debian's ``libapache-jena-java`` (skip if it is not installed)."""
    command = jena_command("riotcmd.riot", tmp_path_factory.mktemp("jena-xerces-messages"))
    if command is None:
        pytest.skip("Apache Jena (libapache-jena-java) is not installed")
    return command


def parse_riot(riot: list[str], path: Path, fmt: str) -> int:
    """Count with ``riot --strict --check``; any WARN or ERROR line fails. JSON-LD is read by jsonld-java (1.0)."""
    syntax = ["--syntax=jsonld10"] if fmt == "jsonld" else []
    proc = subprocess.run([*riot, "--strict", "--check", *syntax, "--count", str(path)], capture_output=True,
                          text=True, timeout=300)
    problems = [line for line in proc.stderr.splitlines() if " WARN " in line or " ERROR " in line]
    assert proc.returncode == 0 and not problems, proc.stderr
    match = re.search(r": (?:Triples|Quads) = ([\d,]+)", proc.stdout + proc.stderr)  # riot writes 1,013
    assert match, proc.stdout + proc.stderr
    return int(match.group(1).replace(",", ""))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_parses_in_four_parsers_to_the_same_count(
        fmt: str, exports: dict[str, Path], dataset: Dataset, caplog: pytest.LogCaptureFixture,
        riot: list[str]) -> None:
    path = exports[fmt]
    want = expected_count(dataset, fmt)
    assert want > 100
    assert parse_rdflib(path, fmt, caplog) == want
    assert parse_oxigraph(path, fmt) == want
    assert parse_third(path, fmt) == want
    assert parse_riot(riot, path, fmt) == want


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "ttl"), ("graph.trig", "trig")])
def test_the_pipeline_files_parse_in_four_parsers(
        name: str, fmt: str, seed_build: Path, dataset: Dataset, caplog: pytest.LogCaptureFixture,
        riot: list[str]) -> None:
    path = seed_build / name
    want = expected_count(dataset, fmt)
    assert parse_rdflib(path, fmt, caplog) == parse_oxigraph(path, fmt) == parse_third(path, fmt) == want
    assert parse_riot(riot, path, fmt) == want


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_the_ontology_files_parse_in_four_parsers(name: str, caplog: pytest.LogCaptureFixture,
                                                  riot: list[str]) -> None:
    path = ontology_dir() / name
    n = parse_rdflib(path, "ttl", caplog)
    assert n == parse_oxigraph(path, "ttl") == parse_third(path, "ttl") == parse_riot(riot, path, "ttl") > 0


def test_all_formats_hold_the_same_facts(exports: dict[str, Path], seed_build: Path) -> None:
    ttl = Graph().parse(seed_build / "graph.ttl")
    assert isomorphic(Graph().parse(exports["nt"], format="nt"), ttl)
    assert isomorphic(Graph().parse(exports["ttl"]), ttl)
    quads = {}
    for fmt in ("trig", "nq", "jsonld"):
        ds = Dataset()
        ds.parse(exports[fmt], format=RDFLIB_FORMATS[fmt])
        quads[fmt] = {(s, p, o, g) for s, p, o, g in ds.quads()}
    assert quads["trig"] == quads["nq"] == quads["jsonld"]


def test_exports_are_deterministic_and_line_formats_sorted(dataset: Dataset, tmp_path: Path,
                                                            exports: dict[str, Path]) -> None:
    again = write_exports(dataset, tmp_path, FORMATS)
    for fmt in FORMATS:
        assert again[fmt].read_bytes() == exports[fmt].read_bytes(), fmt
    for fmt in ("nt", "nq"):
        lines = exports[fmt].read_text("utf-8").split("\n")[:-1]
        assert lines == sorted(lines)


def test_jsonld_embeds_the_context_file(exports: dict[str, Path]) -> None:
    doc = json.loads(exports["jsonld"].read_text("utf-8"))
    context = json.loads((ontology_dir() / "context.jsonld").read_text("utf-8"))["@context"]
    assert doc["@context"] == context
    body = json.dumps(doc["@graph"], ensure_ascii=False)
    assert '"evidenceText": {' in body  # compacted with the context's terms
    assert "https://w3id.org/kg-news/ontology#" not in body


def test_an_unknown_format_is_refused(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        write_exports(dataset, tmp_path, ["nt", "xml"])
    assert list(tmp_path.iterdir()) == []
