"""Which language a document is written in, so that an English article is not parsed as French and stamped « fr ».

kg's pipeline is French. A whole article carries its language in its function words (articles, prepositions,
auxiliaries): about a third of running text. So detection counts, for each language of ``ontology/languages.toml``,
the share of a document's tokens that are that language's typical function words, and names the language with the
clearly largest share. No model and no download: a few hundred words of data, microseconds per document, the same
answer on every machine. A text too short to judge, or without a clear winner, is taken as French (the corpus kg is
made for); ``kg build --lang`` overrides detection.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kg.ontology import load_toml

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Guess:
    """The detected language (ISO 639-1 code and English name), or ``code=None`` when the text cannot tell."""

    code: str | None
    name: str
    share: float  # share of the tokens that are the language's function words


@cache
def _lexicon() -> tuple[dict[str, str], dict[str, str], dict[str, float]]:
    """word -> language (words listed for two languages dropped), code -> name, thresholds."""
    data = load_toml("languages.toml")
    owners: dict[str, set[str]] = {}
    for code, words in data["words"].items():
        for word in words:
            owners.setdefault(word.casefold(), set()).add(code)
    lexicon = {word: next(iter(codes)) for word, codes in owners.items() if len(codes) == 1}
    limits = {key: float(data[key]) for key in ("min_tokens", "min_share", "min_ratio")}
    return lexicon, dict(data["names"]), limits


def detect(text: str) -> Guess:
    """The language ``text`` is written in, judged on its function words (see the module docstring)."""
    lexicon, names, limits = _lexicon()
    tokens = _WORD.findall(text.casefold())
    if len(tokens) < limits["min_tokens"]:
        return Guess(None, "undetermined", 0.0)
    hits = Counter(lexicon[t] for t in tokens if t in lexicon)
    if not hits:
        return Guess(None, "undetermined", 0.0)
    best, count = max(sorted(hits.items()), key=lambda kv: kv[1])
    share = count / len(tokens)
    french = hits.get("fr", 0) / len(tokens)
    if best == "fr" or share < limits["min_share"] or share < limits["min_ratio"] * french:
        return Guess("fr" if best == "fr" else None, names.get("fr", "fr") if best == "fr" else "undetermined",
                     french)
    return Guess(best, names.get(best, best), share)
