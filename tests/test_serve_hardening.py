"""kg serve against a hostile client: every probe of issue 13, on a real server on 127.0.0.1 (free ports only).

Each loop here is bounded in count and time and stops by itself; the only listeners are ones these tests open on
127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.serve import SparqlServer, uses_service

MINI = Path(__file__).parent / "fixtures" / "mini.ttl"  # 235 triples: 235⁴ ≈ 3·10⁹ rows in a 4-way product
CARTESIAN = {
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "filter": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?a = ?l && ?c != ?g) }",
    "order by": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?l ?c LIMIT 1",
}


class Running:
    """A SparqlServer serving in a thread, with what a test needs to talk to it."""

    def __init__(self, **options: object) -> None:
        self.server = SparqlServer(MINI, 0, **options)  # type: ignore[arg-type]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.port = self.server.port
        self.url = self.server.url

    def request(self, method: str, path: str = "/sparql", body: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 20) -> tuple[int, http.client.HTTPMessage, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def get(self, query: str, headers: dict[str, str] | None = None, timeout: float = 20) -> tuple[int, dict, str]:
        return self.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers,
                            timeout=timeout)

    def worker_pids(self) -> set[int]:
        return {w.process.pid for w in self.server.pool._all}

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    running = Running(timeout=1.5, max_rows=1000, workers=2, channel_timeout=2)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def open_server() -> Iterator[Running]:
    running = Running(timeout=5, cors="http://localhost:3000", allow_service=True, workers=1)
    yield running
    running.stop()


class Listener:
    """A TCP listener on 127.0.0.1 that records whether anything connected, and answers 500 to what it reads."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self) -> None:
        deadline = time.monotonic() + 30
        while not self.done.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.hits.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nboom")
                except OSError:
                    pass

    def close(self) -> None:
        self.done.set()
        self.thread.join(timeout=5)
        self.sock.close()


# ---- SERVICE

def test_service_is_refused_and_reaches_no_host(server: Running) -> None:
    listener = Listener()
    try:
        status, _, body = server.get(f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}")
        time.sleep(0.3)
        assert status == 400 and "--allow-service" in body
        assert listener.hits == []
    finally:
        listener.close()


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } LIMIT 1',
    "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "PREFIX SERVICE: <http://x/>\nSELECT * WHERE { ?s ?p ?o } LIMIT 1  # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o } LIMIT 1",
])
def test_the_word_service_elsewhere_is_not_a_service_clause(server: Running, query: str) -> None:
    assert not uses_service(query)
    assert server.get(query)[0] == 200


@pytest.mark.parametrize("query", ["SELECT * { service <http://h/> { ?s ?p ?o } }",
                                   "SELECT * {SERVICE SILENT<http://h/>{?s ?p ?o}}",
                                   "SELECT * { ?s ?p ?o FILTER(?s<?o)SERVICE<http://h/>{?a ?b ?c} }"])
def test_service_is_found_whatever_its_case_or_spacing(query: str) -> None:
    assert uses_service(query)


def test_allowed_service_that_fails_is_a_400_not_a_dropped_connection(open_server: Running) -> None:
    listener = Listener()
    try:
        status, _, body = open_server.get(f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}")
        assert status == 400 and "the query failed" in body
    finally:
        listener.close()


def test_allowed_service_reaches_another_local_endpoint(open_server: Running, server: Running) -> None:
    query = f"SELECT (COUNT(*) AS ?n) {{ SERVICE <{server.url}> {{ ?s a ?type }} }}"
    status, _, body = open_server.get(query, headers={"Accept": "text/csv"})
    assert status == 200 and int(body.splitlines()[1]) > 0


# ---- browsers: CORS, Host, Origin

def test_no_cors_header_by_default(server: Running) -> None:
    for method in ("GET", "OPTIONS"):
        _, headers, _ = server.request(method, "/sparql?query=ASK%7B%7D", headers={"Origin": "http://localhost:1"})
        assert "Access-Control-Allow-Origin" not in headers


def test_cors_only_for_the_origin_given(open_server: Running) -> None:
    status, headers, _ = open_server.get("ASK {}", headers={"Origin": "http://localhost:3000"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    status, headers, _ = open_server.request("OPTIONS", "/sparql", headers={
        "Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    status, headers, _ = open_server.get("ASK {}", headers={"Origin": "http://elsewhere.example"})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}",
                                  "127.0.0.1:1", "localhost.:{port}", "[::2]:{port}"])
def test_a_host_that_is_not_this_machine_is_refused(server: Running, host: str) -> None:
    status, _, body = server.get("ASK {}", headers={"Host": host.format(port=server.port)})
    assert status == 421 and "refused" in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "[::1]:{port}"])
def test_local_hosts_are_served(server: Running, host: str) -> None:
    status, _, body = server.get("ASK {}", headers={"Host": host.format(port=server.port)})
    assert status == 200, body


def test_a_page_of_another_origin_is_refused(server: Running) -> None:
    status, _, _ = server.request("POST", "/sparql", body=b"query=ASK%7B%7D", headers={
        "Origin": "https://attacker.example", "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    own = {"Origin": f"http://127.0.0.1:{server.port}", "Content-Type": "application/x-www-form-urlencoded"}
    assert server.request("POST", "/sparql", body=b"query=ASK%7B%7D", headers=own)[0] == 200


# ---- the deadline holds

@pytest.mark.parametrize("kind", list(CARTESIAN))
def test_deadline_holds_for_any_query_and_the_work_stops(server: Running, kind: str) -> None:
    before = server.worker_pids()
    started = time.monotonic()
    status, headers, body = server.get(CARTESIAN[kind], timeout=30)
    elapsed = time.monotonic() - started
    assert status == 503 and "exceeded" in body and headers["Retry-After"]
    assert elapsed < 1.5 + 3  # the deadline, plus the time to kill a process
    killed = before - server.worker_pids()
    assert len(killed) == 1
    for pid in killed:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # the process that was computing is gone: no CPU burns after the answer
    assert server.get("ASK { ?s ?p ?o }")[0] == 200  # the other worker answers; a new one is loading


def test_client_that_goes_away_does_not_leave_work_running(server: Running) -> None:
    deadline = time.monotonic() + 20
    while len(server.worker_pids()) < 2 and time.monotonic() < deadline:  # let the pool refill after other tests
        time.sleep(0.1)
    before = server.worker_pids()
    sock = socket.create_connection(("127.0.0.1", server.port))
    path = "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN["count"]})
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    time.sleep(0.2)
    sock.close()
    deadline = time.monotonic() + 10
    while before <= server.worker_pids() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not before <= server.worker_pids()  # the worker running the abandoned query was killed


# ---- connections and request bodies

def test_two_hundred_concurrent_clients_are_all_answered_quickly(server: Running) -> None:
    def one(_: int) -> tuple[int, float]:
        started = time.monotonic()
        status = server.get("ASK { ?s ?p ?o }", timeout=30)[0]
        return status, time.monotonic() - started

    with ThreadPoolExecutor(200) as pool:
        results = list(pool.map(one, range(200)))
    assert {status for status, _ in results} == {200}
    assert max(latency for _, latency in results) < 15


@pytest.mark.parametrize("length", ["-1", "abc", "1e3", "+5", " 5x"])
def test_malformed_content_length_is_400(server: Running, length: str) -> None:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    with sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     + f"Content-Length: {length}\r\n\r\nASK {{}}".encode())
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 400")


def test_body_over_a_megabyte_is_refused_without_being_read(server: Running) -> None:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    with sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100000000\r\n\r\n" + b"#" * 65536)
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


def test_idle_half_open_connections_hold_no_threads_and_are_closed(server: Running) -> None:
    threads_before = threading.active_count()
    socks = []
    try:
        for _ in range(300):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
            socks.append(s)
        assert server.get("ASK {}", timeout=10)[0] == 200  # served while 300 connections hang
        assert threading.active_count() <= threads_before + 2
        time.sleep(2 + 2.5)  # channel_timeout is 2 s, checked every cleanup_interval
        closed = 0
        for s in socks:
            s.settimeout(5)
            try:
                closed += s.recv(1) == b""
            except OSError:
                closed += 1
        assert closed == len(socks)
    finally:
        for s in socks:
            s.close()


# ---- every failure is an answer

@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), [
    ("GET", "/sparql?query=%FF%FE", None, {}, 400),  # not UTF-8
    ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Chttp%3A//%5B%3A%3A1/x%3E%20%3Fp%20%3Fo%20%7D", None, {}, 400),
    ("GET", "/sparql?query=%%%", None, {}, 400),
    ("POST", "/sparql", b"\xff\xfe\x00", {"Content-Type": "application/sparql-query"}, 400),
    ("POST", "/sparql", b"query=%E9", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("POST", "/sparql", b"x", {"Content-Type": "image/png"}, 415),
    ("BREW", "/sparql", None, {}, 405),
    ("GET", "/../../etc/passwd", None, {}, 404),
    ("GET", "/sparql?query=" + "SELECT%20*%20%7B" * 2000, None, {}, 400),
])
def test_bad_requests_get_an_answer_and_no_traceback(server: Running, caplog: pytest.LogCaptureFixture,
                                                     method: str, path: str, body: bytes | None,
                                                     headers: dict[str, str], status: int) -> None:
    with caplog.at_level(logging.WARNING):
        got, _, text = server.request(method, path, body=body, headers=headers)
    assert got == status and text.strip()
    assert "Traceback" not in text and not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_unreadable_graph_stops_kg_serve_with_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "graph.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg", "serve", str(bad), "--port", "0"], capture_output=True,
                          text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "not a readable" in proc.stderr


def test_json_answers_stay_json_under_a_row_cap(server: Running) -> None:
    status, headers, body = server.get("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 1000
