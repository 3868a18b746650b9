"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, on 127.0.0.1, that no web page can abuse.

Why this shape: tools that speak SPARQL (SPARQLWrapper, YASGUI, Jena's ``rsparql``, notebooks) can then query a
graph without loading it themselves, and the graph never leaves the machine.

* **HTTP** is waitress's (a well-kept pure-Python WSGI server): a listen backlog of 1024, a fixed number of
  threads, idle or half-open connections closed after ``channel_timeout``, bodies over 1 MB refused (413) and a
  malformed ``Content-Length`` answered 400 by the server itself. The standard library's ``http.server`` did none
  of this (a backlog of 5, a thread per connection held for ever, ``Content-Length: -1`` read to the end).
* **Queries** run in worker processes (:mod:`kg.query_pool`): a query still running at the deadline is killed,
  so ``--timeout`` holds for any query (503), and the CPU stops when the answer is abandoned.
* **Browsers**: no CORS header unless ``--cors ORIGIN``; a request whose ``Host`` is not 127.0.0.1 or localhost
  (DNS rebinding) is refused with 421, one whose ``Origin`` is another site with 403.
* **Federation** (``SERVICE``) would make the server send requests to other hosts: refused (400) unless
  ``--allow-service``; a SERVICE that fails is a 400 too.
* **Read-only**: every SPARQL Update (``update=``, an ``application/sparql-update`` body, or update text sent as a
  query) is refused with 403. Every failure is an HTTP answer with a one-line reason, never a dropped connection.

At most ``max_rows`` solutions are returned; a cut result says so in the ``X-KG-Truncated: true`` header.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from kg.endpoint import EXAMPLE, QueryJob, Reply, form_page, negotiate, plain, to_html
from kg.query import KnowledgeGraph
from kg.query_pool import Deadline, PoolError, QueryPool

HOST = "127.0.0.1"
MAX_BODY = 1_000_000  # bytes; a query longer than this is not a question, it is an attack
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")  # the Host names this endpoint answers for

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)

# SPARQL tokens that can hide the word SERVICE: comments, strings, IRIs, variables and prefixed names.
_TOKENS = re.compile(
    r"#[^\n]*"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|[?$]\w+"
    r"|[A-Za-z_][\w.-]*:[\w.:%-]*"
    r"|(?P<word>[A-Za-z_]\w*)",
    re.S,
)


def uses_service(sparql: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (the keyword, not the word inside a string, IRI or name)."""
    return any((m.group("word") or "").upper() == "SERVICE" for m in _TOKENS.finditer(sparql))


def refuse_update() -> Reply:
    return plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")


class SparqlApp:
    """The WSGI application: ``/`` (the query form) and ``/sparql`` (the protocol endpoint)."""

    def __init__(self, pool: QueryPool, *, timeout: float, port: int, cors: str | None = None,
                 allow_service: bool = False, verbose: bool = False) -> None:
        self.pool = pool
        self.timeout = timeout
        self.port = port
        self.cors = cors
        self.allow_service = allow_service
        self.verbose = verbose

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            reply = self.handle(environ)
        except Exception as exc:  # every failure is an answer; the traceback only with --verbose
            if self.verbose:
                import traceback

                traceback.print_exc()
            reply = plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}")
        data = reply.text.encode("utf-8")
        headers = [("Content-Type", f"{reply.content_type}; charset=utf-8"), ("Content-Length", str(len(data))),
                   ("X-Content-Type-Options", "nosniff"), *reply.headers.items(), *self.cors_headers(environ)]
        start_response(f"{reply.status} {HTTPStatus(reply.status).phrase}", headers)
        if self.verbose:
            sys.stderr.write(f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')} {reply.status}\n")
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else data]

    # ---- who may ask

    def cors_headers(self, environ: dict[str, Any]) -> list[tuple[str, str]]:
        origin = environ.get("HTTP_ORIGIN", "")
        if self.cors is None or not origin or self.cors not in ("*", origin):
            return []
        return [("Access-Control-Allow-Origin", self.cors), ("Vary", "Origin")]

    def refuse_caller(self, environ: dict[str, Any]) -> Reply | None:
        """421 for a Host that is not this machine's loopback (a rebound DNS name), 403 for a foreign Origin."""
        host = environ.get("HTTP_HOST")
        if host is not None:
            match = re.fullmatch(r"(\[[^\]]*\]|[^:]*)(?::(\d*))?", host)
            name, port = (match.group(1).lower(), match.group(2)) if match else ("", None)
            if name not in LOCAL_NAMES or (port and port != str(self.port)):
                return plain(HTTPStatus.MISDIRECTED_REQUEST,
                             f"Host {host[:100]!r} refused: this endpoint answers for 127.0.0.1:{self.port} only")
        origin = environ.get("HTTP_ORIGIN")
        own = {f"http://{name}:{self.port}" for name in LOCAL_NAMES}
        if origin and origin not in own and self.cors not in (origin, "*"):
            return plain(HTTPStatus.FORBIDDEN, f"Origin {origin[:100]!r} refused (kg serve --cors ORIGIN allows one)")
        return None

    # ---- routes

    def handle(self, environ: dict[str, Any]) -> Reply:
        refused = self.refuse_caller(environ)
        if refused is not None:
            return refused
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/")
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "OPTIONS":
            allow = {"Allow": "GET, POST, HEAD, OPTIONS"}
            if self.cors_headers(environ):
                allow |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                          "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"}
            return Reply(204, "text/plain", "", allow)
        if method in ("PUT", "DELETE", "PATCH") or path == "/update":
            return refuse_update()
        if path not in ("/", "/sparql", "/query"):
            return plain(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
        if method in ("GET", "HEAD"):
            if "update" in params:
                return refuse_update()
            if "query" not in params:
                if path == "/sparql" and "text/html" not in environ.get("HTTP_ACCEPT", ""):
                    return plain(HTTPStatus.BAD_REQUEST, "missing query parameter")
                return self.form(EXAMPLE)
            return self.answer(params["query"][0], params, environ)
        if method != "POST":
            return plain(HTTPStatus.METHOD_NOT_ALLOWED, f"method {method} is not allowed")
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress has checked: digits only, at most MAX_BODY
        body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return refuse_update()
        if content_type == "application/sparql-query":
            return self.answer(body, params, environ)
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            if "update" in params:
                return refuse_update()
            if "query" in params:
                return self.answer(params["query"][0], params, environ)
            return plain(HTTPStatus.BAD_REQUEST, "missing query parameter")
        return plain(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported content type {content_type[:100]!r}")

    def answer(self, sparql: str, params: dict[str, list[str]], environ: dict[str, Any]) -> Reply:
        if _UPDATE.match(sparql):
            return refuse_update()
        if not self.allow_service and uses_service(sparql):
            return plain(HTTPStatus.BAD_REQUEST,
                         "SERVICE (federated query) is off: kg serve --allow-service lets queries reach other hosts")
        fmt = next((params[k][0] for k in ("format", "output") if params.get(k, [""])[0].strip()), "")
        try:
            return self.pool.run(QueryJob(sparql, fmt, environ.get("HTTP_ACCEPT", "")), self.timeout)
        except Deadline as exc:
            return Reply(503, "text/plain", f"{exc}; narrow the query or add a LIMIT\n", {"Retry-After": "1"})
        except PoolError as exc:
            return plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query could not be answered: {exc}")

    def form(self, query: str) -> Reply:
        info = self.pool.info
        return Reply(200, "text/html", form_page(info.get("triples", 0), info.get("source", ""), query, ""))


class SparqlServer:
    """The endpoint: waitress on 127.0.0.1 in front of a pool of query workers over the graph at ``source``.

    ``port`` 0 picks a free port (see :attr:`url`). :meth:`serve_forever` blocks; :meth:`shutdown` (from another
    thread) stops it and kills the workers.
    """

    def __init__(self, source: Path | str | KnowledgeGraph, port: int = 7878, *, timeout: float = 10.0,
                 max_rows: int = 10_000, workers: int = 2, threads: int = 8, cors: str | None = None,
                 allow_service: bool = False,
                 verbose: bool = False, channel_timeout: int = 30) -> None:
        from waitress.server import create_server

        if isinstance(source, KnowledgeGraph):  # each worker loads the graph itself: it needs the file
            if source.source is None:
                raise ValueError("kg serve serves a graph file; this KnowledgeGraph was not opened from one")
            source = source.build_folder or source.source  # a build folder's store: follow the folder's builds
        log = (lambda message: sys.stderr.write(message + "\n")) if verbose else None
        self.pool = QueryPool(_served(Path(source)), "kg.endpoint.answer_query", size=workers,
                              options={"max_rows": max_rows}, on_event=log)
        self.app = SparqlApp(self.pool, timeout=timeout, port=port, cors=cors, allow_service=allow_service,
                             verbose=verbose)
        try:
            self._server = create_server(
                self.app, host=HOST, port=port, threads=threads, backlog=1024, connection_limit=1000,
                channel_timeout=channel_timeout, cleanup_interval=max(1, min(30, channel_timeout)),
                max_request_body_size=MAX_BODY, ident="kg-sparql", expose_tracebacks=False,
            )
        except BaseException:
            self.pool.close()
            raise
        self.port = int(self._server.effective_port)
        self.app.port = self.port
        self._running = threading.Event()
        self._stopped = threading.Event()

    @property
    def triples(self) -> int:
        return int(self.pool.info.get("triples", 0))

    @property
    def source(self) -> str:
        return str(self.pool.info.get("source", ""))

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/sparql"

    def serve_forever(self) -> None:
        self._running.set()
        try:
            self._server.run()
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        from waitress import wasyncore

        # the sockets are closed by the server's own loop (a socket closed under a running select() is EBADF)
        if self._running.is_set() and not self._stopped.is_set():
            try:
                self._server.trigger.pull_trigger(lambda: wasyncore.close_all(self._server._map))
            except OSError:  # the loop closed its trigger on its way out (a race with its own end): no one to wake
                wasyncore.close_all(self._server._map)
            self._stopped.wait(10)
        else:
            wasyncore.close_all(self._server._map)
        self._server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        self.pool.close()

    def server_close(self) -> None:
        """Nothing left to close after :meth:`shutdown` (kept for callers of the former http.server API)."""

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


def serve(source: Path | str, port: int = 7878, *, ready: Callable[[SparqlServer], None] | None = None,
          **options: Any) -> None:
    """Serve until interrupted; ``ready`` is called with the server once it listens (it prints the URL)."""
    server = SparqlServer(source, port, **options)
    try:
        if ready:
            ready(server)
        server.serve_forever()
    finally:
        server.shutdown()


__all__ = ["HOST", "SparqlApp", "SparqlServer", "negotiate", "serve", "to_html", "uses_service"]


def _served(path: Path) -> Path:
    """What each worker opens: a build folder with an up-to-date store as it is (the worker opens the store, and
    follows a later build's), else the graph file."""
    from kg.graphstore import find_store
    from kg.query import resolve_graph_path

    if path.is_dir() and find_store(path) is not None:
        return path
    return resolve_graph_path(path)
