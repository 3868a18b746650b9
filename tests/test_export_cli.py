"""`kg export`: a build folder in, graph.nt / graph.nq / graph.jsonld out, the same bytes as the library writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset

from kg.export import serialize

REPO = Path(__file__).resolve().parent.parent


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=300)


def test_export_writes_the_default_formats(seed_build: Path, tmp_path: Path) -> None:
    proc = run_kg("export", str(seed_build), "-o", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonld", "graph.nq", "graph.nt"]
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    assert (tmp_path / "graph.nq").read_bytes() == serialize(ds, "nq")


def test_export_writes_only_the_formats_asked(seed_build: Path, tmp_path: Path) -> None:
    proc = run_kg("export", str(seed_build / "graph.trig"), "-f", "nt", "-o", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_export_refuses_an_unknown_format_and_a_missing_build(tmp_path: Path) -> None:
    assert run_kg("export", str(tmp_path), "-f", "xml").returncode == 2
    proc = run_kg("export", str(tmp_path / "nope"))
    assert proc.returncode == 2 and proc.stderr.startswith("kg export: error: no such file")
