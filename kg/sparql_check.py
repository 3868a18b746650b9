"""Say what is wrong with a SPARQL query in words a user can act on, instead of nothing or a parser's dump.

Three kinds of mistakes give a newcomer nothing useful from the engine alone:

* a **misspelt ontology term** (``kg:partnerWith``, ``kg:Organisation``) parses and silently matches nothing:
  :func:`check_terms` compares every term of kg's namespace with ``ontology/kg.ttl`` and suggests the closest;
* a **plain literal** compared with labels that all carry a language tag (``skos:prefLabel "Brontal"`` where the
  graph holds ``"Brontal"@fr``) never matches: :func:`literal_warnings` says so, a warning rather than an error
  since the query is valid;
* a **syntax error** comes from Oxigraph as "expected one of" and a list of character classes: :func:`explain_syntax`
  looks first for the usual causes (an unknown prefix, a string or bracket left open, a misspelt keyword) and
  otherwise keeps the readable part of the parser's expectation list, as one line pointing at the place.

The checks work on tokens (strings, IRIs and comments are skipped whole), not on a full parse tree: enough to name
the culprit, and cheap enough to run on every query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

import pyoxigraph as ox

from kg.ontology import ontology_dir

KG_NS = "https://w3id.org/kg-news/ontology#"

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:[\w.-]*\w)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w%-](?:[\w.%:-]*[\w%:-])?)?)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[A-Za-z_]\w*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\];,.=<>!*/+|^-])
  | (?P<other>.)
    """,
    re.X | re.S,
)

KEYWORDS = frozenset(  # SPARQL 1.1 keywords and function names, upper case
    """
    SELECT ASK CONSTRUCT DESCRIBE WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED AS ORDER BY ASC DESC LIMIT OFFSET
    GROUP HAVING OPTIONAL UNION MINUS FILTER BIND VALUES GRAPH SERVICE SILENT UNDEF NOT IN EXISTS TRUE FALSE
    STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE
    ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW
    UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL
    ISNUMERIC REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR ISTRIPLE TRIPLE SUBJECT
    PREDICATE OBJECT INSERT DELETE DATA LOAD CLEAR DROP CREATE ADD MOVE COPY WITH USING DEFAULT ALL INTO TO
""".split()  # noqa: SIM905 - a word list reads better as text
)
# Function names in an expectation list mean the parser wanted an expression there.
_FUNCTIONS = frozenset(["ABS", "AVG", "COUNT", "DAY", "IRI", "MAX", "MD5", "MIN", "NOW", "STR", "STRBEFORE",
                        "STRSTARTS", "SUM", "URI", "ISLITERAL"])
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_SYNTAX_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    offset: int


@dataclass(frozen=True)
class Problem:
    """What is wrong and where (1-based line and column of the offending token, when known)."""

    message: str
    line: int | None = None
    column: int | None = None


def tokens(sparql: str) -> Iterator[Token]:
    """The query's tokens, whitespace and comments left out."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield Token(kind, match.group(), match.start())


def position(sparql: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = sparql.count("\n", 0, offset) + 1
    return line, offset - (sparql.rfind("\n", 0, offset) + 1) + 1


def _at(sparql: str, token: Token, message: str) -> Problem:
    line, column = position(sparql, token.offset)
    return Problem(message, line, column)


def declared_prefixes(toks: list[Token], predeclared: Mapping[str, str]) -> dict[str, str]:
    """The predeclared prefixes plus the query's own ``PREFIX p: <iri>`` lines (which win)."""
    prefixes = dict(predeclared)
    for i, tok in enumerate(toks[:-2]):
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and toks[i + 1].kind == "pname" \
                and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
    return prefixes


def expand(tok: Token, prefixes: Mapping[str, str]) -> str | None:
    """The full IRI of an IRI or prefixed-name token (None for anything else, or an undeclared prefix)."""
    if tok.kind == "iri":
        return tok.text[1:-1]
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


# ------------------------------------------------------------------------------------------ ontology terms --


@cache
def ontology_terms() -> frozenset[str]:
    """Local names of every term ``ontology/kg.ttl`` mentions in kg's namespace."""
    names: set[str] = set()
    for triple in ox.parse(path=str(ontology_dir() / "kg.ttl"), format=ox.RdfFormat.TURTLE):
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(KG_NS):
                names.add(term.value[len(KG_NS):])
    return frozenset(names)


@cache
def known_namespaces() -> dict[str, str]:
    """Prefixes ``ontology/kg.ttl`` declares (schema, org, foaf, wd...): suggestions for an unknown prefix."""
    text = (ontology_dir() / "kg.ttl").read_text(encoding="utf-8")
    return dict(re.findall(r"^@prefix\s+([\w-]*):\s*<([^>]*)>", text, re.M))


def check_terms(sparql: str, predeclared: Mapping[str, str]) -> Problem | None:
    """The first term of kg's namespace that ``ontology/kg.ttl`` does not know, with the closest it does."""
    toks = list(tokens(sparql))
    prefixes = declared_prefixes(toks, predeclared)
    known = ontology_terms()
    by_case = {name.casefold(): name for name in known}
    for tok in toks:
        iri = expand(tok, prefixes)
        if iri is None or not iri.startswith(KG_NS) or iri == KG_NS:
            continue
        local = iri[len(KG_NS):]
        if local in known:
            continue
        shown = tok.text if tok.kind == "pname" else f"kg:{local}"
        close = [by_case[local.casefold()]] if local.casefold() in by_case else []
        close = close or get_close_matches(local, sorted(known), n=1, cutoff=0.7)
        hint = f"; did you mean kg:{close[0]}?" if close else " (ontology/kg.ttl lists every class and predicate)"
        return _at(sparql, tok, f"{shown} is not in the ontology{hint}")
    return None


# ------------------------------------------------------------------------------------------ literals -------


def _compared_literals(toks: list[Token], prefixes: Mapping[str, str]) -> Iterator[tuple[str, Token]]:
    """(predicate IRI, plain string token) pairs: ``?x P "a"``, ``?x P "a", "b"`` and ``?x P ?v ... ?v = "a"``."""
    bound: dict[str, str] = {}  # variable -> predicate whose object it is
    for i, tok in enumerate(toks):
        iri = expand(tok, prefixes)
        if iri is None or (i and toks[i - 1].text == "^^"):
            continue
        j = i + 1
        while j < len(toks):
            obj = toks[j]
            if obj.kind == "var":
                bound.setdefault(obj.text[1:], iri)
                break
            if obj.kind != "string":
                break
            if not _tagged(toks, j):
                yield iri, obj
            j += 1
            if j < len(toks) and toks[j].kind == "lang":
                j += 1
            elif j < len(toks) and toks[j].text == "^^":
                j += 2
            if j >= len(toks) or toks[j].text != ",":
                break
            j += 1
    for i, tok in enumerate(toks[:-2]):
        if toks[i + 1].text not in ("=", "!="):
            continue
        for var, k in ((tok, i + 2), (toks[i + 2], i)):
            lit = toks[k]
            if var.kind == "var" and lit.kind == "string" and var.text[1:] in bound and not _tagged(toks, k):
                yield bound[var.text[1:]], lit


def _tagged(toks: list[Token], index: int) -> bool:
    nxt = toks[index + 1] if index + 1 < len(toks) else None
    return nxt is not None and (nxt.kind == "lang" or nxt.text == "^^")


def literal_warnings(sparql: str, store: ox.Store, predeclared: Mapping[str, str], union: bool) -> list[str]:
    """A warning per plain literal compared with values of a predicate whose literals all carry a language tag."""
    toks = list(tokens(sparql))
    prefixes = declared_prefixes(toks, predeclared)
    warnings: list[str] = []
    seen: set[tuple[str, str]] = set()
    for predicate, literal in _compared_literals(toks, prefixes):
        if (predicate, literal.text) in seen:
            continue
        seen.add((predicate, literal.text))
        tags = _language_tags(store, predicate, union)
        if len(tags) != 1:
            continue
        tag = next(iter(tags))
        name = _compact(predicate, prefixes)
        warnings.append(f"{literal.text} is a plain literal, but every {name} in this graph is tagged @{tag}, so "
                        f"it never matches: write {literal.text}@{tag}")
    return warnings


def _language_tags(store: ox.Store, predicate: str, union: bool) -> set[str]:
    """The language tags of ``predicate``'s literal values; empty if any of them has none (or there are none)."""
    iri = f"<{predicate}>"
    plain = store.query(f"ASK {{ ?s {iri} ?o FILTER(isLiteral(?o) && LANG(?o) = '') }}",
                        use_default_graph_as_union=union)
    if bool(plain):
        return set()
    rows = store.query(f"SELECT DISTINCT (LANG(?o) AS ?t) WHERE {{ ?s {iri} ?o FILTER(isLiteral(?o)) }} LIMIT 3",
                       use_default_graph_as_union=union)
    return {row[0].value for row in rows}


def _compact(iri: str, prefixes: Mapping[str, str]) -> str:
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


# ------------------------------------------------------------------------------------------ syntax ---------


def explain_syntax(sparql: str, error: str, predeclared: Mapping[str, str]) -> Problem:
    """One readable line for Oxigraph's parse error ``error`` on ``sparql``."""
    toks = list(tokens(sparql))
    for check in (_open_string, _unknown_prefix, _unbalanced, _unknown_word, _missing_by):
        problem = check(sparql, toks, predeclared)
        if problem is not None:
            return problem
    match = _SYNTAX_AT.search(error)
    if not match:
        return Problem(_expectation(error) or "the query does not parse")
    line, column = int(match.group(1)), int(match.group(2))
    expected = _expectation(match.group(3))
    lines = sparql.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = " ".join(text[: column - 1].split()[-4:])
    where = f"after «{before}»" if before else "here"
    return Problem(f"{where}: {expected}" if expected else f"{where}: unexpected «{text[column - 1:][:20]}»",
                   line, column)


def _expectation(detail: str) -> str:
    """``expected one of ",", ".", [_], ['%'] ...`` -> ``expected one of , . or another term``: tokens only."""
    text = " ".join(detail.split())
    _, _, items = text.partition("expected one of ")
    if not items:
        single = re.match(r"expected (.+)", text)
        return f"expected {single.group(1)}" if single and "[" not in single.group(1) else ""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Za-z_]{2,}(?: [a-z]+)*)(?=,|$)', items)
    words = [quoted.replace('\\"', '"').replace("\\\\", "\\") or bare for quoted, bare in parts]
    words = [w for w in words if w and w not in ("Prefix not found",)]
    if sum(w.upper() in _FUNCTIONS for w in words) >= 3:
        return "expected a value, a variable or an expression"
    return f"expected one of {' '.join(dict.fromkeys(words))}" if words else ""


def _open_string(sparql: str, toks: list[Token], _: Mapping[str, str]) -> Problem | None:
    for tok in toks:
        if tok.kind == "other" and tok.text in "\"'":
            return _at(sparql, tok, f"this string is never closed: add the missing {tok.text}")
    return None


def _unknown_prefix(sparql: str, toks: list[Token], predeclared: Mapping[str, str]) -> Problem | None:
    prefixes = declared_prefixes(toks, predeclared)
    for i, tok in enumerate(toks):
        if tok.kind != "pname" or (i and toks[i - 1].text.upper() == "PREFIX"):
            continue
        prefix = tok.text.partition(":")[0]
        if prefix in prefixes:
            continue
        known = known_namespaces()
        if prefix in known:
            hint = f"; add PREFIX {prefix}: <{known[prefix]}>"
        else:
            close = get_close_matches(prefix, sorted(predeclared), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}:?" if close else f"; declare it with PREFIX {prefix}: <IRI>"
        names = ", ".join(f"{p}:" for p in predeclared)
        return _at(sparql, tok, f"unknown prefix {prefix}: in {tok.text} (predeclared: {names}){hint}")
    return None


def _unbalanced(sparql: str, toks: list[Token], _: Mapping[str, str]) -> Problem | None:
    stack: list[Token] = []
    for tok in toks:
        if tok.text in _OPENERS:
            stack.append(tok)
        elif tok.text in _CLOSERS:
            if not stack or stack[-1].text != _CLOSERS[tok.text]:
                opened = f" (the last one opened is «{stack[-1].text}»)" if stack else ""
                return _at(sparql, tok, f"«{tok.text}» closes nothing{opened}")
            stack.pop()
    if stack:
        tok = stack[-1]
        return _at(sparql, tok, f"this «{tok.text}» is never closed: add «{_OPENERS[tok.text]}»")
    return None


def _unknown_word(sparql: str, toks: list[Token], _: Mapping[str, str]) -> Problem | None:
    for tok in toks:
        if tok.kind != "word" or tok.text == "a" or tok.text.upper() in KEYWORDS:
            continue
        close = get_close_matches(tok.text.upper(), sorted(KEYWORDS), n=1, cutoff=0.7)
        hint = f"; did you mean {close[0]}?" if close else ""
        return _at(sparql, tok, f"{tok.text} is not a SPARQL keyword{hint}")
    return None


def _missing_by(sparql: str, toks: list[Token], _: Mapping[str, str]) -> Problem | None:
    for tok, nxt in zip(toks, [*toks[1:], None], strict=True):
        if tok.kind == "word" and tok.text.upper() in ("ORDER", "GROUP") and (nxt is None or nxt.text.upper() != "BY"):
            return _at(sparql, tok, f"{tok.text} must be followed by BY ({tok.text.upper()} BY ?variable)")
    return None
