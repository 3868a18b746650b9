"""Helpers for the frame-family specifications (tests/test_frames_*.py).

Each family file is a set of tables: a sentence of our own (invented names only) and the facts it must state, or the
predicate it must *not* state. A construction the engine does not read yet is a row wrapped in :func:`gap`: a strict
xfail whose reason quotes the ``kg try`` trace, so it turns into a failure (XPASS) the day the engine reads it, and
the row can then lose its mark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from kg.vocab import SYMMETRIC_PREDICATES

Fact = tuple[str, str, str]


def gap(*values: Any, reason: str, id: str | None = None) -> Any:
    """A case the engine should read and does not yet (strict: it flips when fixed)."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


def key(fact: Fact) -> Fact:
    """Symmetric predicates (partnersWith, competitorOf) compare without their direction."""
    s, p, o = fact
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC_PREDICATES else fact


def read(extract: Callable[..., Any], text: str) -> dict[Fact, Any]:
    """The facts of ``text`` (one document), each with its relation (evidence: rule, confidence, attributes)."""
    return {key((r.subject.text, r.predicate, r.object.text)): r for r in extract(text, full=True).relations}


def frame_of(rule: str) -> str:
    """``acquired.verb+surface`` -> ``acquired.verb``: the frame id a fact's rule starts with."""
    return rule.split("+", 1)[0]


def assert_states(extract: Callable[..., Any], text: str, expected: Iterable[Fact]) -> dict[Fact, Any]:
    """Every expected fact is read, and each says which frame made it (its rule is a frame id)."""
    from kg.extract.frames import load_frames

    got = read(extract, text)
    wanted = {key(f) for f in expected}
    assert wanted <= set(got), f"missing {sorted(wanted - set(got))}; read {sorted(got)}"
    frames = load_frames().by_id
    for fact in wanted:
        assert frame_of(got[fact].evidence.rule) in frames, got[fact].evidence.rule
    return got


def assert_no(extract: Callable[..., Any], text: str, predicate: str) -> None:
    """No fact of ``predicate`` is read in ``text``."""
    wrong = sorted(f for f in read(extract, text) if f[1] == predicate)
    assert not wrong, f"{predicate} should not be read here, got {wrong}"
