"""Push a build into any triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol.

Only the protocol is assumed (``POST``/``PUT``/``DELETE`` on ``{endpoint}?graph=IRI`` or ``?default``), so Oxigraph,
Jena Fuseki, GraphDB, Virtuoso or Blazegraph all work. Triples go as N-Triples in chunks, so a large build never has
to fit in one request and a store with a body limit still accepts it. Standard library HTTP only: no new dependency.

A store can fail in the middle of a load. Then :class:`StoreError` carries what was committed (each graph whose
triples all went in, and how far the graph being sent got), so the user knows what the store holds and how to
resume. ``replace`` never opens a window of loss: a graph that fits in one request is replaced by one ``PUT``; a
larger one is sent to a staging graph, then moved over the target by one SPARQL Update (``MOVE``, one transaction),
or, without an update endpoint, sent whole in one ``PUT``. An interrupted replace leaves each graph as it was or
complete, never half.
"""

from __future__ import annotations

import contextlib
import hashlib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

DEFAULT_CHUNK = 20_000  # triples per request
NT_TYPE = "application/n-triples; charset=utf-8"


@dataclass
class LoadResult:
    """How many triples went into which graph (``""`` is the default graph), in how many requests.

    After a failure: ``triples`` has the graphs committed whole, ``partial`` the graph being sent and how many of
    its triples the store had accepted (none visible in the target with ``replace``), ``pending`` the graphs not
    sent at all.
    """

    triples: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    partial: tuple[str, int, int] | None = None  # (graph, triples accepted, triples in the graph)
    pending: list[str] = field(default_factory=list)
    replace: bool = False
    staging: str | None = None  # a staging graph the failure left in the store (the next --replace drops it)

    @property
    def total(self) -> int:
        return sum(self.triples.values())


class StoreError(Exception):
    """The store could not be reached, or refused a request; the message says which and why, and ``progress``
    what had been committed before."""

    def __init__(self, message: str, progress: LoadResult | None = None) -> None:
        super().__init__(message)
        self.progress = progress


def graphs_of(ds: Dataset, target: str | None) -> dict[str, list[tuple[Node, Node, Node]]]:
    """Triples per target graph: each named graph to itself, or everything merged into ``target`` if given."""
    out: dict[str, set[tuple[Node, Node, Node]]] = {}
    for s, p, o, ctx in ds.quads((None, None, None, None)):
        gid = getattr(ctx, "identifier", ctx)
        name = target if target is not None else ("" if gid in (None, DATASET_DEFAULT_GRAPH_ID) else str(gid))
        out.setdefault(name, set()).add((s, p, o))
    return {name: sorted(triples) for name, triples in sorted(out.items())}


def _chunks(triples: list[tuple[Node, Node, Node]], size: int) -> Iterator[bytes]:
    for i in range(0, len(triples), size):
        lines = (f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples[i:i + size])
        yield "".join(lines).encode("utf-8")


def _url(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph == "" else f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _request(method: str, url: str, body: bytes | None = None, timeout: float = 120.0,
             content_type: str = NT_TYPE) -> int:
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        if method == "DELETE" and exc.code == 404:  # dropping a graph that is not there is fine
            return 404
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        reason = f": {detail[0][:200]}" if detail else ""
        raise StoreError(f"the store refused {method} {url}: HTTP {exc.code} {exc.reason}{reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        why = getattr(exc, "reason", exc)
        raise StoreError(f"cannot reach the store at {url}: {why}") from exc


def update_endpoint(endpoint: str) -> str | None:
    """The SPARQL Update endpoint beside a Graph Store endpoint, by the usual layouts: Oxigraph's ``/store`` ->
    ``/update``, Fuseki's ``/ds/data`` -> ``/ds/update``; None if the path says nothing."""
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rpartition("/")
    if last not in ("store", "data"):
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def staging_graph(name: str) -> str:
    """Where ``replace`` sends a large graph before moving it over ``name``: fixed per target, so a rerun reuses it."""
    return f"urn:kg-load:staging:{hashlib.sha256(name.encode()).hexdigest()[:24]}"


def _graph_ref(name: str) -> str:
    return "DEFAULT" if name == "" else f"GRAPH <{name}>"


def _replace_graph(endpoint: str, update: str | None, name: str, triples: list[tuple[Node, Node, Node]],
                   chunk_size: int, result: LoadResult) -> None:
    """Make graph ``name`` hold exactly ``triples``, in one step the store applies whole (see the module doc)."""
    chunks = list(_chunks(triples, chunk_size))
    if len(chunks) <= 1 or update is None:
        result.requests += 1
        _request("PUT", _url(endpoint, name), b"".join(chunks))
        return
    staging = staging_graph(name)
    _request("DELETE", _url(endpoint, staging))
    result.requests += 1
    try:
        for i, body in enumerate(chunks):
            _request("POST", _url(endpoint, staging), body)
            result.requests += 1
            result.partial = (name, min((i + 1) * chunk_size, len(triples)), len(triples))
        move = f"MOVE SILENT GRAPH <{staging}> TO {_graph_ref(name)}"
        _request("POST", update, urllib.parse.urlencode({"update": move}).encode(),
                 content_type="application/x-www-form-urlencoded")
        result.requests += 1
    except StoreError:
        result.staging = staging
        with contextlib.suppress(StoreError):  # best effort: the next --replace of this graph drops it anyway
            _request("DELETE", _url(endpoint, staging), timeout=10)
            result.staging = None
        raise


def load(ds: Dataset, endpoint: str, graph: str | None = None, replace: bool = False,
         chunk_size: int = DEFAULT_CHUNK, update: str | None = None) -> LoadResult:
    """POST every graph of ``ds`` (or all of it into ``graph``) to ``endpoint``; with ``replace``, each target graph
    is replaced whole (``update``: the SPARQL Update endpoint, guessed from ``endpoint`` if None).

    Raises :class:`StoreError` with ``progress`` set to what the store holds of this load when it fails.
    """
    if not urllib.parse.urlsplit(endpoint).scheme.startswith("http"):
        raise ValueError(f"endpoint must be an http(s) URL: {endpoint!r}")
    update = update or update_endpoint(endpoint)
    result = LoadResult(replace=replace)
    graphs = graphs_of(ds, graph)
    names = list(graphs)
    for i, (name, triples) in enumerate(graphs.items()):
        result.pending = names[i + 1 :]
        try:
            if replace:
                _replace_graph(endpoint, update, name, triples, chunk_size, result)
            else:
                for k, body in enumerate(_chunks(triples, chunk_size)):
                    _request("POST", _url(endpoint, name), body)
                    result.requests += 1
                    result.partial = (name, min((k + 1) * chunk_size, len(triples)), len(triples))
        except StoreError as exc:
            if result.partial is None or result.partial[0] != name:
                result.partial = (name, 0, len(triples))
            raise StoreError(str(exc), result) from exc
        result.partial = None
        result.triples[name] = len(triples)
    result.pending = []
    return result
