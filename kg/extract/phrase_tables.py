"""Tables made once per lexicon phrase list for the whole build: the words its phrases open with, its phrases by
their first or last word.

A reader asks such a question at many tokens of every document; the list is a tuple of word tuples that lives as
long as the lexicon, so its table is keyed by the list's id (hashing the list at each call would cost what the
table saves) and the entry keeps the list alive, so that the id stays its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Phrases = tuple[tuple[str, ...], ...]

_TABLES: dict[tuple[int, str], tuple[Phrases, Any]] = {}


def _table(phrases: Phrases, kind: str, make: Callable[[Phrases], Any]) -> Any:
    entry = _TABLES.get((id(phrases), kind))
    if entry is None or entry[0] is not phrases:
        entry = _TABLES[(id(phrases), kind)] = (phrases, make(phrases))
    return entry[1]


def first_words(phrases: Phrases) -> frozenset[str]:
    """The words ``phrases`` open with: where none opens, no phrase needs testing."""
    return _table(phrases, "first", lambda ps: frozenset(p[0] for p in ps if p))


def by_first_word(phrases: Phrases) -> dict[str, Phrases]:
    """``phrases`` by their first word, each word's in the list's order (longest first)."""
    return _table(phrases, "by_first", lambda ps: _by_word(ps, 0))


def by_last_word(phrases: Phrases) -> dict[str, Phrases]:
    """``phrases`` by their last word, each word's in the list's order (longest first)."""
    return _table(phrases, "by_last", lambda ps: _by_word(ps, -1))


def _by_word(phrases: Phrases, edge: int) -> dict[str, Phrases]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:  # (an empty phrase is found nowhere: its length is 0)
            index.setdefault(p[edge], []).append(p)
    return {w: tuple(ps) for w, ps in index.items()}
