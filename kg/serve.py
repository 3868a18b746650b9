"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, on 127.0.0.1, with the standard library's HTTP server.

Why this shape: tools that speak SPARQL (SPARQLWrapper, YASGUI, Jena's ``rsparql``, notebooks) can then query a
graph without loading it themselves, and the graph never leaves the machine. It is read-only by construction: the
store is loaded once, queries go through :meth:`KnowledgeGraph.query`, and every SPARQL Update (``update=``, an
``application/sparql-update`` body, or update text sent as a query) is refused with 403.

Limits: each request gets ``timeout`` seconds, checked as solutions stream out (a single blocking step such as a
sort over millions of rows is only noticed when it ends), and at most ``max_rows`` solutions; a cut result says so
in the ``X-KG-Truncated: true`` header.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.query import KnowledgeGraph, QueryTimeout, Result, SparqlSyntaxError, term_text
from kg.results import GRAPH_FORMATS, render

HOST = "127.0.0.1"
MAX_BODY = 1_000_000  # bytes; a query longer than this is not a question, it is an attack

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
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)

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


class SparqlHandler(BaseHTTPRequestHandler):
    """Answers ``/`` (the query form) and ``/sparql`` (the protocol endpoint)."""

    server: SparqlServer
    server_version = "kg-sparql/0.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # ---- HTTP verbs

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path not in ("/", "/sparql", "/query"):
            self.reply(HTTPStatus.NOT_FOUND, "text/plain", "not found: the endpoint is /sparql\n")
            return
        if "update" in params:
            self.refuse_update()
            return
        if "query" not in params:
            if url.path == "/sparql" and "text/html" not in self.headers.get("Accept", ""):
                self.reply(HTTPStatus.BAD_REQUEST, "text/plain", "missing query parameter\n")
            else:
                self.send_form(EXAMPLE, "")
            return
        self.answer(params["query"][0], params)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query", "/update"):
            self.reply(HTTPStatus.NOT_FOUND, "text/plain", "not found: the endpoint is /sparql\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain", "request body too large\n")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/update" or content_type == "application/sparql-update":
            self.refuse_update()
            return
        if content_type == "application/sparql-query":
            self.answer(body, params)
            return
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            if "update" in params:
                self.refuse_update()
            elif "query" in params:
                self.answer(params["query"][0], params)
            else:
                self.reply(HTTPStatus.BAD_REQUEST, "text/plain", "missing query parameter\n")
            return
        self.reply(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "text/plain", f"unsupported content type {content_type!r}\n")

    def do_PUT(self) -> None:
        self.refuse_update()

    def do_DELETE(self) -> None:
        self.refuse_update()

    # ---- answers

    def answer(self, sparql: str, params: dict[str, list[str]]) -> None:
        if _UPDATE.match(sparql):
            self.refuse_update()
            return
        try:
            result = self.server.graph.query(sparql, timeout=self.server.timeout, max_rows=self.server.max_rows)
        except SparqlSyntaxError as exc:
            self.reply(HTTPStatus.BAD_REQUEST, "text/plain", f"{exc}\n")
            return
        except QueryTimeout as exc:
            self.reply(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", f"{exc}; narrow the query or add a LIMIT\n")
            return
        fmt = self.choose_format(result, params)
        if fmt is None:
            offered = GRAPH_TYPES if result.kind == "graph" else SOLUTION_TYPES
            self.reply(HTTPStatus.NOT_ACCEPTABLE, "text/plain", f"can answer with: {', '.join(offered)}\n")
            return
        headers = {"X-KG-Truncated": "true"} if result.truncated else {}
        if fmt == "html":
            self.send_form(sparql, to_html(result), headers)
            return
        self.reply(HTTPStatus.OK, CONTENT_TYPES[fmt], render(result, fmt), headers)

    def choose_format(self, result: Result, params: dict[str, list[str]]) -> str | None:
        is_graph = result.kind == "graph"
        for key in ("format", "output"):
            wanted = FORMAT_PARAM.get(params.get(key, [""])[0].strip().lower())
            if wanted == "html" or (wanted and (wanted in GRAPH_FORMATS) == is_graph):
                return wanted
        offered = GRAPH_TYPES if is_graph else SOLUTION_TYPES
        return negotiate(self.headers.get("Accept", ""), offered, "turtle" if is_graph else "json")

    def refuse_update(self) -> None:
        self.reply(HTTPStatus.FORBIDDEN, "text/plain", "this endpoint is read-only: SPARQL Update is refused\n")

    def send_form(self, query: str, body: str, headers: dict[str, str] | None = None) -> None:
        graph = self.server.graph
        page = FORM.format(triples=len(graph), source=html.escape(str(graph.source)), query=html.escape(query),
                           body=body)
        self.reply(HTTPStatus.OK, "text/html", page, headers)

    def reply(self, status: HTTPStatus, content_type: str, text: str, headers: dict[str, str] | None = None) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server plus what every request needs: the graph and the limits."""

    daemon_threads = True

    def __init__(
        self,
        graph: KnowledgeGraph,
        port: int = 7878,
        *,
        timeout: float = 10.0,
        max_rows: int = 10_000,
        verbose: bool = False,
    ) -> None:
        super().__init__((HOST, port), SparqlHandler)
        self.graph = graph
        self.timeout = timeout
        self.max_rows = max_rows
        self.verbose = verbose

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/sparql"


def serve(
    graph: KnowledgeGraph,
    port: int = 7878,
    *,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    verbose: bool = False,
    ready: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve until interrupted; ``ready`` is called with the server once it listens (it prints the URL)."""
    with SparqlServer(graph, port, timeout=timeout, max_rows=max_rows, verbose=verbose) as server:
        if ready:
            ready(server)
        server.serve_forever()
