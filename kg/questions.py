"""The bundled questions: documented SPARQL files under ``kg/queries/``, run by ``kg ask NAME [ARG]``.

A question is plain SPARQL so it also runs as ``kg query GRAPH -f kg/queries/NAME.rq``. Its header comments give a
title, a description, and at most one parameter::

    # Partners of X
    #
    # Organizations that X partners with, ...
    #
    # @param x entity required

The parameter is a variable bound in the query by the line ``VALUES ?x { UNDEF }``: left alone it matches
everything; ``kg ask`` replaces ``UNDEF`` with the IRIs of the entities the user named. Binding by text, rather
than by an engine's own binding API, keeps the query identical on every engine (Oxigraph, rdflib, a remote
endpoint), which the benchmark relies on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.cli import UsageError

_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+entity\s+(required|optional)\s*$")


@dataclass(frozen=True)
class Question:
    """One bundled question."""

    name: str
    title: str
    description: str
    param: str | None  # the variable name bound by the user's argument, if any
    required: bool
    sparql: str

    @property
    def usage(self) -> str:
        """How to call it, as ``kg ask`` prints it."""
        if self.param is None:
            return f"kg ask {self.name}"
        return f"kg ask {self.name} {'NAME' if self.required else '[NAME]'}"


def parse_question(name: str, text: str) -> Question:
    """Read the header comments of a ``.rq`` file into a :class:`Question`."""
    title = ""
    description: list[str] = []
    param: str | None = None
    required = False
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM.match(line.strip())
        if match:
            param, required = match.group(1), match.group(2) == "required"
            continue
        body = line[1:].strip()
        if body.startswith("@"):
            continue
        if not title:
            title = body
        else:
            description.append(body)
    if param is not None and not _values_line(param).search(text):
        raise ValueError(f"{name}.rq declares @param {param} but has no 'VALUES ?{param} {{ UNDEF }}' line")
    return Question(name, title, " ".join(" ".join(description).split()), param, required, text)


def _values_line(param: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(param) + r"\s*\{\s*UNDEF\s*\}")


def bind_parameter(sparql: str, param: str, iris: list[str]) -> str:
    """The query with ``VALUES ?param { UNDEF }`` replaced by the given IRIs."""
    values = " ".join(f"<{iri}>" for iri in iris)
    return _values_line(param).sub(lambda _: f"VALUES ?{param} {{ {values} }}", sparql, count=1)


def _queries_dir() -> resources.abc.Traversable:
    return resources.files("kg").joinpath("queries")


@cache
def question_names() -> tuple[str, ...]:
    """Every bundled question, sorted by name."""
    return tuple(sorted(p.name[:-3] for p in _queries_dir().iterdir() if p.name.endswith(".rq")))


@cache
def load_question(name: str) -> Question:
    """A bundled question by name; a clear usage error listing the names when there is no such question."""
    if name not in question_names():
        raise UsageError(f"no question named {name!r}; known questions: {', '.join(question_names())}")
    return parse_question(name, _queries_dir().joinpath(f"{name}.rq").read_text(encoding="utf-8"))


def all_questions() -> list[Question]:
    return [load_question(name) for name in question_names()]
