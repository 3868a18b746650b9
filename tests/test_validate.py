"""`kg validate`: the seed build conforms to the shapes, and a broken graph yields exactly the expected violations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.validate import load_data, validate

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent

EXPECTED_BROKEN = {
    ("ent:acme", "kg:partnersWith", "the object of kg:partnersWith must be Organization"),
    ("ent:acme", "kg:competitorOf", "has no kg:RelationStatement"),
    ("ent:english", "skos:prefLabel", "French skos:prefLabel"),
    ("ent:twotypes", "rdf:type", "exactly one type"),
    ("ent:twotypes", "skos:prefLabel", "French skos:prefLabel"),
    ("fact:f1", "kg:amount", "xsd:decimal"),
    ("fact:f1", "kg:currency", "ISO 4217"),
    ("st:s1", "kg:confidence", "in [0, 1]"),
    ("st:s1", "kg:date", "valid xsd:date"),
    ("st:s1", "kg:evidenceStart", "below kg:evidenceEnd"),
    ("st:s2", "", "triple is not in the graph"),
    ("st:s2", "kg:confidence", "exactly one kg:confidence"),
    ("st:s2", "kg:evidenceText", "kg:evidenceText"),
    ("st:s2", "kg:extractedBy", "kg:extractedBy"),
    ("st:s2", "kg:sourceDocument", "kg:sourceDocument"),
}


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=300)


def test_the_seed_build_has_zero_violations(seed_build: Path) -> None:
    report = validate(load_data(seed_build / "graph.trig"))
    assert report.violations == []
    assert report.conforms


def test_the_turtle_file_conforms_too(seed_build: Path) -> None:
    assert validate(load_data(seed_build / "graph.ttl")).conforms


def test_a_broken_graph_gives_exactly_the_expected_violations() -> None:
    report = validate(load_data(FIXTURES / "broken.ttl"))
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    assert found == {(focus, path) for focus, path, _ in EXPECTED_BROKEN}
    for focus, path, words in EXPECTED_BROKEN:
        messages = [v.message for v in report.violations if (v.focus, v.path) == (focus, path)]
        assert any(words in m for m in messages), (focus, path, messages)
    assert all(v.severity == "Violation" for v in report.violations)


def test_cli_exits_1_and_prints_one_readable_line_per_violation() -> None:
    proc = run_kg("validate", str(FIXTURES / "broken.ttl"))
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == f"does not conform: {len(EXPECTED_BROKEN)} violation(s)"
    assert "Violation: st:s1 kg:confidence: a statement has exactly one kg:confidence, an xsd:decimal in [0, 1] " \
           '(value: "1.5"^^xsd:decimal)' in lines


def test_cli_exits_0_on_a_conforming_build_folder(seed_build: Path) -> None:
    proc = run_kg("validate", str(seed_build))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "conforms: 0 violations"


@pytest.mark.parametrize("content, suffix", [("not turtle <", ".ttl"), ("x", ".csv")])
def test_cli_exits_2_with_one_line_on_unreadable_input(tmp_path: Path, content: str, suffix: str) -> None:
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content)
    proc = run_kg("validate", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg validate: error: cannot read")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_cli_exits_2_on_a_missing_path(tmp_path: Path) -> None:
    proc = run_kg("validate", str(tmp_path / "nope.ttl"))
    assert proc.returncode == 2
