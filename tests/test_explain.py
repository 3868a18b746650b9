"""``kg explain``: every fact about an entity, with the sentence that states it."""

from __future__ import annotations

from pathlib import Path

from kg.cli import main


def test_explain_lists_facts_in_both_directions_with_their_sentences(sample_build: Path, capsys):
    assert main(["explain", "quantix", str(sample_build)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Quantix (Organization):")
    assert "Quantix acquired Pixelia" in out  # Quantix as subject
    assert "Altamira offeredToAcquire Quantix" in out  # Quantix as object
    assert "status declined" in out and "currency EUR" in out
    assert "rule offer.noun" in out and "02-rachat-quantix.md" in out
    assert "émanant du groupe américain Altamira" in out  # the sentence itself


def test_labels_match_without_case_or_accents(sample_build: Path, capsys):
    assert main(["explain", "VELOCITE", str(sample_build / "graph.ttl")]) == 0
    assert capsys.readouterr().out.startswith("Vélocité (Organization)")


def test_unknown_entity_is_a_usage_error_with_suggestions(sample_build: Path, capsys):
    assert main(["explain", "Quantiks", str(sample_build)]) == 2
    err = capsys.readouterr().err
    assert "no entity labelled 'Quantiks'" in err and "Quantix" in err


def test_missing_graph_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["explain", "Quantix", str(tmp_path)]) == 2
    assert "no graph" in capsys.readouterr().err
