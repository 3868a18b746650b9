"""Token tests shared by the span and vote rules: what breaks a name, what looks like one, where a line starts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.attrs import IDX, ORTH
from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Token

from kg.extract.columns import cached_column
from kg.extract.cues import entity_cues, fold
from kg.model import Document

SPLIT_WORDS = {"pour", "chez", "avec", "par", "selon", "contre", "via", "sur", "dans", "à", "au", "aux", "en"}
SPLIT_PUNCT = {":", "|", "–", "—", "(", ")", "«", "»", '"', "“", "”", "•", "·", ";", ",", "/", "[", "]", "…", "!", "?"}
EDGE_WORDS = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "the", "a"}
ARTICLES = {"le", "la", "les", "l'"}
DE_WORDS = {"de", "du", "des", "d'"}
BULLETS = {"•", "-", "*", "·"}
_SMALL_ASCII = re.compile("[a-z]")  # a line with one is no all-capitals headline


def by_lexeme(doc: Doc, test: Callable[[Lexeme], bool]) -> list[bool]:
    """``test`` for each token of ``doc``, for a test that reads only what a token has from its word's lexeme (its
    text, ``is_punct``, ``is_space``...): no spaCy Token made, where a scan that made a Token at every position cost
    more than its test (issue 10). A word's answer is the same in every text, so it is kept across documents, per
    test: ``test`` must be a function made once (a module's), not a lambda made at each call. Asking spaCy for a
    lexeme and testing it once per distinct word of each document cost 0.15 s of CPU over 200 news articles; a
    lookup per token costs a tenth of that."""
    answers = _ANSWERS.get(test)
    if answers is None:
        answers = _ANSWERS[test] = {}
    vocab = doc.vocab
    return cached_column(doc, ORTH, answers, lambda orth: test(vocab[orth]))


_ANSWERS: dict[Callable[[Lexeme], bool], dict[int, bool]] = {}


def parsed_length(parsed: Doc) -> int:
    """The length of the text ``parsed`` was made from, read off its last token (spaCy's tokens keep every
    character): ``len(parsed.text)`` would join a new Token's text for every token of the document."""
    if not len(parsed):
        return 0
    last = parsed[-1]
    return last.idx + len(last.text_with_ws)


def parsed_text(doc: Document, parsed: Doc, offset: int = 0) -> str:
    """The text ``parsed`` was made from: the part of ``doc.text`` from ``offset``."""
    return doc.text[offset : offset + parsed_length(parsed)]


def is_break(tok: Token) -> bool:
    """A token a name never runs across: a line break, a bracket or a quote, a hashtag, a linking preposition."""
    if tok.is_space or "\n" in tok.text:
        return True
    if tok.text in SPLIT_PUNCT or tok.text.startswith(("#", "@")):
        return True
    return tok.text in SPLIT_WORDS  # lower-case only: "Pour" inside a name stays


def has_upper(tok: Token) -> bool:
    return any(c.isupper() for c in tok.text) or tok.text == "&"


def name_like(tok: Token) -> bool:
    """A word that can open a name: a capital ("Orvane"), an inner capital ("eBay", "iPhone"), a digit glued to
    capitals ("1PointFive")."""
    text = tok.text
    if not text or tok.is_punct or tok.is_space:
        return False
    return text[0].isupper() or (any(c.isupper() for c in text[1:]) and any(c.isalpha() for c in text))


def is_acronym(tok: Token) -> bool:
    """"BHV", "CMA", "GV": two to six capital letters (digits and & allowed after the first)."""
    text = tok.text
    return 2 <= len(text) <= 6 and text[0].isalpha() and text.isupper() and all(c.isalnum() or c == "&" for c in text)


def line_start(tok: Token) -> bool:
    """The first word of a line (after spaces and a list bullet)."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    return k < 0 or "\n" in doc[k].text or "\n" in doc[k].whitespace_ or doc[k].text in BULLETS


def opens_sentence(tok: Token) -> bool:
    """The first word of a sentence or a line, where a capital says nothing about a name. A sentence start the
    parser puts right after a word (« L' | École supérieure … » on a long first line) is parse noise."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if line_start(tok) or (tok.is_sent_start and (before is None or before.is_punct or before.is_space)):
        return True
    k = tok.i - 1
    while k >= 0 and (tok.doc[k].is_punct and tok.doc[k].text in {"«", '"', "“", "(", "-", "–", "—"}):
        k -= 1
    return k < 0 or tok.doc[k].text in {".", "!", "?", ":"} or line_start(tok.doc[k + 1])


def capital_article(tok: Token) -> bool:
    """"La", "Le", "Les", "L'" written with a capital inside a sentence: the start of a title ("La Gazette")."""
    return tok.text[:1].isupper() and fold(tok.text) in ARTICLES and not opens_sentence(tok)


def caps_lines(doc: Doc, text: str) -> set[int]:
    """Indexes of tokens on headline lines written all in capitals ("SONY ACQUIERT BUNGIE"): there case says
    nothing, so no name is read from capitals alone. ``text`` is ``doc.text``.

    A line of three words or more none of which has a small letter is rare, and one with a small ASCII letter never
    is one, so the lines are read from ``text`` and only the few left are mapped to their tokens: making a spaCy
    Token for every token of the document cost more than the rest of the test (issue 10).
    """
    out: set[int] = set()
    starts: list[int] | None = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if not _SMALL_ASCII.search(line):
            if starts is None:
                starts = doc.to_array([IDX]).tolist()
            a, b = bisect.bisect_left(starts, pos), bisect.bisect_left(starts, end)
            _caps_tokens([doc[k] for k in range(a, b)], out)
        pos = end + 1
    return out


def _caps_tokens(tokens: list[Token], out: set[int]) -> None:
    """Add to ``out`` the tokens of the all-capitals lines among ``tokens`` (a line ends at a line break)."""
    line: list[Token] = []

    def close() -> None:
        words = [t for t in line if any(c.isalpha() for c in t.text)]
        if len(words) >= 3 and all(not any(c.islower() for c in t.text) for t in words):
            out.update(t.i for t in line)
        line.clear()

    for tok in tokens:
        if "\n" in tok.text:
            close()
            continue
        line.append(tok)
        if "\n" in tok.whitespace_:
            close()
    close()


def sector_acronym(tok: Token) -> bool:
    """« le groupe de BTP X », « la start-up d'IA X »: a trade said as an acronym (entities.toml's not_names), part
    of the description before a name, not of the name."""
    return tok.text.isupper() and fold(tok.text) in entity_cues().not_names


MODEL_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d)?")  # « 2 », « 208 », « 9.2 »: not a year, not a thousands group


def model_number(doc: Doc, k: int) -> bool:
    """« le Quimbo 2 embarque … », « la Vexa 208, … », « Brelix 9.2 »: token k is a model number written after a
    name, part of it, unless it counts something (« X 300 salariés », « X 2 % ») or opens a date (« X 2 mars »)."""
    if not 0 < k < len(doc) or not MODEL_NUMBER.fullmatch(doc[k].text) or doc[k - 1].whitespace_ == "" \
            or not has_upper(doc[k - 1]):
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is None or not (nxt.pos_ in {"NOUN", "NUM", "PROPN", "ADJ", "SYM"} or nxt.like_num
                               or nxt.text in {"%", "€", "$", "-", "–", "/"} or nxt.text[:1].isupper())
