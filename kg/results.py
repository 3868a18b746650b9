"""Writing query results: an aligned table for people, and the standard SPARQL result formats for programs.

SELECT and ASK results go out as SPARQL 1.1 Query Results JSON, CSV, TSV or XML; CONSTRUCT and DESCRIBE results as
an RDF syntax (Turtle with the ontology's prefixes, N-Triples, RDF/XML, JSON-LD). The same functions serve
``kg query`` and the HTTP endpoint of ``kg serve``, so a result looks the same whichever way it was asked.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.cli import UsageError

if TYPE_CHECKING:
    from kg.query import Result, Term

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {
    "table": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
FORMATS = (*SOLUTION_FORMATS, *(f for f in GRAPH_FORMATS if f != "table"))
MAX_CELL = 80  # table cells longer than this are cut, so one long sentence does not wreck the layout

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def render(result: Result, fmt: str) -> str:
    """``result`` written in ``fmt``; a usage error when the format does not fit the kind of result."""
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise UsageError(f"a CONSTRUCT/DESCRIBE result is RDF: use --format {'|'.join(GRAPH_FORMATS)}")
        return render_graph(result, GRAPH_FORMATS[fmt])
    renderers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt not in renderers:
        raise UsageError(f"a SELECT/ASK result is a table: use --format {'|'.join(SOLUTION_FORMATS)}")
    return renderers[fmt](result)


def render_graph(result: Result, fmt: ox.RdfFormat) -> str:
    from kg.query import PREFIXES

    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    data = ox.serialize(result.triples, format=fmt, prefixes=prefixes) if prefixes else ox.serialize(
        result.triples, format=fmt
    )
    return data.decode("utf-8")


def to_table(result: Result) -> str:
    """Columns padded to their widest cell, a rule under the header, and a row count (``yes``/``no`` for ASK)."""
    from kg.query import term_text

    if result.kind == "ask":
        return "yes\n" if result.boolean else "no\n"
    header = list(result.variables)
    body = [[_cut(term_text(term)) for term in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body]
    count = len(result.rows)
    note = " (truncated)" if result.truncated else ""
    lines.append(f"({count} row{'s' if count != 1 else ''}{note})")
    return "\n".join(lines) + "\n"


def _cut(text: str) -> str:
    """One line of at most MAX_CELL characters, cut after a whole word (a word longer than that is cut)."""
    text = " ".join(text.split())
    if len(text) <= MAX_CELL:
        return text
    head = text[: MAX_CELL - 1]
    space = head.rfind(" ")
    if space >= MAX_CELL // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return str(term)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV: plain values, CRLF line ends (an ASK result is one ``_askResult`` column)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerows([["_askResult"], ["true" if result.boolean else "false"]])
        return out.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in row] for row in result.rows)
    return out.getvalue()


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: ``?var`` headers and terms in their N-Triples/Turtle syntax."""
    if result.kind == "ask":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None} for row in result.rows
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term: Term) -> str:
    from xml.sax.saxutils import escape, quoteattr  # it imports urllib.request: 20 ms of every command's start-up
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML."""
    from xml.sax.saxutils import quoteattr
    parts = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        parts += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(parts) + "\n"
    parts += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    parts += ["</head>", "<results>"]
    for row in result.rows:
        parts.append("<result>")
        parts += [
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(result.variables, row, strict=True)
            if t is not None
        ]
        parts.append("</result>")
    parts += ["</results>", "</sparql>"]
    return "\n".join(parts) + "\n"
