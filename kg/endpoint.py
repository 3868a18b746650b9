"""What ``kg serve`` answers to one query: run it, negotiate the format, render it (or the HTML form).

This runs in a query worker process (:mod:`kg.query_pool`), so everything here crosses a pipe: a :class:`QueryJob`
goes in, a :class:`Reply` comes out. The HTTP side (who may ask, which routes, limits) is :mod:`kg.serve`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from kg.query import KnowledgeGraph, Result, SparqlSyntaxError, term_text
from kg.results import GRAPH_FORMATS, render

# media type -> kg.results format, for SELECT/ASK and for CONSTRUCT/DESCRIBE
SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/html": "html",
    "text/plain": "table",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
    "text/html": "html",
}
# the ``format=`` / ``output=`` parameter some clients send instead of (or besides) an Accept header
FORMAT_PARAM: dict[str, str] = {
    "json": "json", "csv": "csv", "tsv": "tsv", "xml": "xml", "html": "html",
    "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples", "rdfxml": "rdfxml",
    "jsonld": "jsonld", "json-ld": "jsonld",
}
CONTENT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
    "table": "text/plain",
    "html": "text/html",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto}}textarea{{width:100%;font-family:monospace}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}}</style></head>
<body><h1>kg SPARQL endpoint</h1>
<p>{triples} triples from <code>{source}</code>. Read-only; prefixes kg:, kgr:, rdf:, rdfs:, skos:, prov:,
dcterms:, xsd:, owl: are predeclared.</p>
<form action="/sparql" method="get">
<textarea name="query" rows="12">{query}</textarea>
<p><label>Results as <select name="format">
<option value="html">HTML table</option><option value="json">JSON</option><option value="csv">CSV</option>
<option value="tsv">TSV</option><option value="xml">XML</option><option value="turtle">Turtle (CONSTRUCT)</option>
</select></label> <button type="submit">Run</button></p></form>
{body}
</body></html>
"""
EXAMPLE = """SELECT ?organization (COUNT(*) AS ?relations) WHERE {
  ?o a kg:Organization ; skos:prefLabel ?organization .
  { ?o ?p ?x } UNION { ?x ?p ?o }
  ?x a ?type .
} GROUP BY ?organization ORDER BY DESC(?relations) LIMIT 10"""


def to_html(result: Result) -> str:
    """An HTML table of the result, for people using the query form."""
    if result.kind == "ask":
        return f"<p>{'yes' if result.boolean else 'no'}</p>"
    if result.kind == "graph":
        return f"<pre>{html.escape(render(result, 'turtle'))}</pre>"
    head = "".join(f"<th>{html.escape(v)}</th>" for v in result.variables)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(term_text(t))}</td>" for t in row) + "</tr>" for row in result.rows
    )
    note = " (truncated)" if result.truncated else ""
    return f"<p>{len(result.rows)} rows{note}</p><table><tr>{head}</tr>{rows}</table>"


def negotiate(accept: str, offered: dict[str, str], default: str) -> str | None:
    """The format for the best media type of an Accept header among ``offered``; ``None`` if nothing fits."""
    if not accept.strip():
        return default
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        media = media.lower()
        if q <= 0:
            continue
        if media in offered:
            choices.append((-q, position, offered[media]))
        elif media in ("*/*", "application/*", "text/*"):
            choices.append((-q, position + 1000, default))
    return min(choices)[2] if choices else None


@dataclass
class Reply:
    """One HTTP answer, made in a query worker or in the server (it crosses the worker's pipe)."""

    status: int
    content_type: str
    text: str
    headers: dict[str, str] = field(default_factory=dict)


def plain(status: HTTPStatus, message: str) -> Reply:
    return Reply(int(status), "text/plain", message.rstrip("\n") + "\n")


@dataclass
class QueryJob:
    """What a query worker needs to answer: the query and how the client wants the result."""

    sparql: str
    format: str  # the format= / output= parameter, "" if none
    accept: str


def form_page(triples: int, source: str, query: str, body: str) -> str:
    return FORM.format(triples=triples, source=html.escape(source), query=html.escape(query), body=body)


def answer_query(graph: KnowledgeGraph, job: QueryJob, options: dict[str, Any]) -> Reply:
    """Run one query and render it as the client asked: the work of a query worker (see :class:`SparqlApp`)."""
    try:
        result = graph.query(job.sparql, max_rows=options.get("max_rows"))
    except SparqlSyntaxError as exc:
        return plain(HTTPStatus.BAD_REQUEST, str(exc))
    except (OSError, RuntimeError, ValueError, SyntaxError) as exc:  # a failing SERVICE, a bad IRI, ...
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        return plain(HTTPStatus.BAD_REQUEST, f"the query failed: {reason}")
    fmt = choose_format(result, job)
    if fmt is None:
        offered = GRAPH_TYPES if result.kind == "graph" else SOLUTION_TYPES
        return plain(HTTPStatus.NOT_ACCEPTABLE, f"can answer with: {', '.join(offered)}")
    headers = {"X-KG-Truncated": "true"} if result.truncated else {}
    if fmt == "html":
        return Reply(200, "text/html", form_page(len(graph), str(graph.source), job.sparql, to_html(result)), headers)
    return Reply(200, CONTENT_TYPES[fmt], render(result, fmt), headers)


def choose_format(result: Result, job: QueryJob) -> str | None:
    is_graph = result.kind == "graph"
    wanted = FORMAT_PARAM.get(job.format.strip().lower())
    if wanted == "html" or (wanted and (wanted in GRAPH_FORMATS) == is_graph):
        return wanted
    offered = GRAPH_TYPES if is_graph else SOLUTION_TYPES
    return negotiate(job.accept, offered, "turtle" if is_graph else "json")
