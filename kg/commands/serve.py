"""``kg serve GRAPH [--port 7878]``: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1."""

from __future__ import annotations

import argparse
import re
import signal
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve a built graph as a read-only SPARQL endpoint on 127.0.0.1",
        description="Serve a built graph over the SPARQL 1.1 Protocol (GET and POST) at http://127.0.0.1:PORT/sparql, "
        "with a query form at http://127.0.0.1:PORT/. Updates are refused (403).",
    )
    parser.add_argument("graph", type=Path, help="graph.ttl / graph.trig, or the output folder of kg build")
    parser.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    parser.add_argument("--max-rows", type=int, default=10_000, help="most solutions returned (default 10000)")
    parser.add_argument("--workers", type=int, default=2,
                        help="query worker processes, each holding the graph (default 2); a query still running "
                        "at --timeout is killed with its worker")
    parser.add_argument("--cors", metavar="ORIGIN",
                        help="let web pages from ORIGIN (e.g. http://localhost:3000, or *) read results; "
                        "by default no page of another origin can")
    parser.add_argument("--allow-service", action="store_true",
                        help="allow SERVICE (federated queries: the server then sends requests to other hosts)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each request on stderr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.cli import UsageError
    from kg.query_pool import PoolError
    from kg.serve import SparqlServer, serve

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    if args.timeout <= 0 or args.max_rows < 1 or args.workers < 1:
        raise UsageError("--timeout, --max-rows and --workers must be positive")
    if args.cors is not None and args.cors != "*" and not re.fullmatch(r"https?://[^/\s]+", args.cors):
        raise UsageError(f"--cors must be an origin such as http://localhost:3000 (or *): {args.cors!r}")

    def ready(server: SparqlServer) -> None:
        print(f"serving {server.source} ({server.triples} triples) at {server.url}  (Ctrl-C stops)", flush=True)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does: workers killed, port closed

    signal.signal(signal.SIGTERM, stop)
    try:
        serve(args.graph, args.port, timeout=args.timeout, max_rows=args.max_rows, workers=args.workers,
              cors=args.cors, allow_service=args.allow_service, verbose=args.verbose, ready=ready)
    except PoolError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    except KeyboardInterrupt:
        print("stopped", flush=True)
    return 0
