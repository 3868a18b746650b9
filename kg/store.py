"""Push a build into any triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol.

Only the protocol is assumed (``POST``/``DELETE`` on ``{endpoint}?graph=IRI`` or ``?default``), so Oxigraph, Jena
Fuseki, GraphDB, Virtuoso or Blazegraph all work. Triples go as N-Triples in chunks, so a large build never has to
fit in one request and a store with a body limit still accepts it. Standard library HTTP only: no new dependency.
"""

from __future__ import annotations

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


class StoreError(Exception):
    """The store could not be reached, or refused a request; the message says which and why."""


@dataclass
class LoadResult:
    """How many triples went into which graph (``""`` is the default graph), in how many requests."""

    triples: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    @property
    def total(self) -> int:
        return sum(self.triples.values())


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


def _request(method: str, url: str, body: bytes | None = None, timeout: float = 120.0) -> int:
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", NT_TYPE)
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


def load(ds: Dataset, endpoint: str, graph: str | None = None, replace: bool = False,
         chunk_size: int = DEFAULT_CHUNK) -> LoadResult:
    """POST every graph of ``ds`` (or all of it into ``graph``) to ``endpoint``; with ``replace``, drop it first."""
    if not urllib.parse.urlsplit(endpoint).scheme.startswith("http"):
        raise ValueError(f"endpoint must be an http(s) URL: {endpoint!r}")
    result = LoadResult()
    for name, triples in graphs_of(ds, graph).items():
        if replace:
            _request("DELETE", _url(endpoint, name))
            result.requests += 1
        for body in _chunks(triples, chunk_size):
            _request("POST", _url(endpoint, name), body)
            result.requests += 1
        result.triples[name] = len(triples)
    return result
