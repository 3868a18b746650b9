"""kg serve: a real HTTP server on 127.0.0.1 queried by a real SPARQL client (SPARQLWrapper) and by urllib."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.serve import SparqlServer, negotiate

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"
REPO = Path(__file__).resolve().parent.parent
PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = SparqlServer(MINI, 0, timeout=5, max_rows=50)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()


def client(url: str, query: str, fmt: str = JSON, method: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def test_sparqlwrapper_select_over_get_and_post(endpoint: str) -> None:
    for method in (None, POST):
        result = client(endpoint, PEOPLE, JSON, method).queryAndConvert()
        assert [b["name"]["value"] for b in result["results"]["bindings"]] == ["Jeanne Martin", "Paul Durand"]


def test_sparqlwrapper_ask_construct_csv_and_xml(endpoint: str) -> None:
    assert client(endpoint, "ASK { ?x kg:ceoOf ?y }").queryAndConvert()["boolean"] is True
    graph = client(endpoint, "CONSTRUCT WHERE { ?x kg:ceoOf ?y }", TURTLE).queryAndConvert()
    assert b"ceoOf" in graph
    csv_text = client(endpoint, PEOPLE, CSV).queryAndConvert().decode("utf-8")
    assert csv_text.splitlines() == ["name", "Jeanne Martin", "Paul Durand"]
    xml = client(endpoint, PEOPLE, XML).queryAndConvert()
    assert len(xml.getElementsByTagName("result")) == 2


def test_syntax_error_is_400_with_line_and_column(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed):
        client(endpoint, "SELECT ?x WHERE {\n ?x ?y \n}").queryAndConvert()
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE {\n ?x ?y \n}"}))
    assert status == 400 and "line 3, column" in body


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_content_negotiation(endpoint: str, accept: str, content_type: str) -> None:
    status, headers, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE}), headers={"Accept": accept})
    assert status == 200
    assert headers["Content-Type"].startswith(content_type)


def test_unacceptable_media_type_is_406(endpoint: str) -> None:
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE}), headers={"Accept": "image/png"})
    assert status == 406


def test_post_with_a_sparql_query_body(endpoint: str) -> None:
    status, _, body = http(
        endpoint, PEOPLE.encode(), {"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    )
    assert status == 200 and body.splitlines()[1] == "Jeanne Martin"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"update=" + urllib.parse.quote_plus("INSERT DATA { <urn:a> <urn:b> <urn:c> }").encode(),
         "application/x-www-form-urlencoded"),
        (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        (b"query=" + urllib.parse.quote_plus("PREFIX x: <urn:x>\nDROP ALL").encode(),
         "application/x-www-form-urlencoded"),
    ],
)
def test_updates_are_refused_with_403_and_change_nothing(endpoint: str, data: bytes, content_type: str) -> None:
    status, _, body = http(endpoint, data, {"Content-Type": content_type})
    assert status == 403 and "read-only" in body
    assert client(endpoint, "ASK { <urn:a> ?p ?o }").queryAndConvert()["boolean"] is False


def test_result_size_cap(endpoint: str) -> None:
    status, headers, body = http(
        endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_query_timeout_is_503() -> None:
    server = SparqlServer(MINI, 0, timeout=0.5, max_rows=10_000_000, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        slow = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 235³ solutions, streamed
        status, _, body = http(server.url + "?" + urllib.parse.urlencode({"query": slow}))
        assert status == 503 and "exceeded" in body
    finally:
        server.shutdown()


def test_html_form_and_html_results(endpoint: str) -> None:
    root = endpoint.removesuffix("sparql")
    status, headers, page = http(root)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<form action="/sparql"' in page and "<textarea" in page
    status, _, page = http(endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE, "format": "html"}))
    assert status == 200 and "<td>Jeanne Martin</td>" in page


def test_negotiate_prefers_quality_then_order() -> None:
    offered = {"text/csv": "csv", "application/json": "json"}
    assert negotiate("", offered, "json") == "json"
    assert negotiate("text/csv;q=0.4, application/json;q=0.9", offered, "json") == "json"
    assert negotiate("image/png", offered, "json") is None


def test_kg_serve_command_starts_and_answers(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(MINI), "--port", "0"],
        cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "serving" in line and "238 triples" in line
        url = line.split(" at ")[1].split()[0]
        result = client(url, PEOPLE).queryAndConvert()
        assert len(result["results"]["bindings"]) == 2
    finally:
        proc.terminate()
        proc.wait(timeout=10)
