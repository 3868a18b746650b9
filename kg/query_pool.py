"""SPARQL queries in worker processes, so a deadline really holds: a query still running at its deadline is killed.

Oxigraph evaluates a query in compiled code that Python cannot interrupt: a sort or a COUNT over a cartesian
product runs for minutes in one call, and a thread cannot be stopped. A process can. Each worker loads the graph
once and answers one query at a time over a pipe; the caller waits at most until the deadline, then kills the
worker (the CPU stops at once) and starts a fresh one in the background while the other workers go on serving.

Workers are started with the ``spawn`` method: the server that owns the pool runs threads, and forking a threaded
process can copy a lock held by another thread.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

_CONTEXT = multiprocessing.get_context("spawn")
START_TIMEOUT = 600.0  # seconds a worker may take to load the graph


class PoolError(RuntimeError):
    """No answer: the pool is closed, a worker died, or the graph could not be loaded."""


class Deadline(Exception):
    """The deadline passed before the answer came; the worker that was computing it has been killed."""


@dataclass(eq=False)  # compared and hashed by identity: kept in a set
class _Worker:
    process: Any
    conn: Connection
    info: dict[str, Any] = field(default_factory=dict)


def _worker_main(conn: Connection, source: str, handler_path: str, options: dict[str, Any]) -> None:
    """Load the graph, say so, then answer jobs until the pipe closes (or the server dies: then the kernel kills
    this worker too, so a query cannot outlive the server that asked it)."""
    import importlib

    _die_with_parent()

    module, _, name = handler_path.rpartition(".")
    try:
        from kg.query import KnowledgeGraph

        graph = KnowledgeGraph.open(Path(source))
        handler = getattr(importlib.import_module(module), name)
        conn.send(("ready", {"triples": len(graph), "source": str(graph.source)}))
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("failed", str(exc) or type(exc).__name__))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", handler(graph, job, options)))
        except Exception as exc:  # the handler turns expected errors into answers: this is a bug, still an answer
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _die_with_parent() -> None:
    """Linux: ask for SIGKILL when the parent process dies (prctl PR_SET_PDEATHSIG); elsewhere a no-op."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class QueryPool:
    """``size`` worker processes over the graph at ``source``; :meth:`run` sends one job to a free worker.

    ``handler`` names a function ``(graph, job, options) -> answer`` importable in the worker (a dotted path);
    the job and the answer cross the pipe, so they must be picklable.
    """

    def __init__(self, source: Path, handler: str, *, size: int = 2, options: dict[str, Any] | None = None,
                 on_event: Callable[[str], None] | None = None) -> None:
        self.source = Path(source)
        self.handler = handler
        self.options = options or {}
        self.size = size
        self.on_event = on_event or (lambda message: None)
        self.info: dict[str, Any] = {}
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Every worker is started by one long-lived thread: Linux's parent-death signal fires when the *thread*
        # that started a process ends, so a worker started by a short-lived thread would be killed with it.
        self._requests: queue.Queue[Future[_Worker] | None] = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn_loop, daemon=True, name="kg-query-spawner")
        self._spawner.start()
        first: Future[_Worker] = Future()
        self._requests.put(first)
        try:
            worker = first.result()  # in the foreground: a graph that cannot be loaded stops the server starting
        except PoolError:
            self.close()
            raise
        self.info = worker.info
        self._idle.put(worker)
        for _ in range(size - 1):
            self._replace()

    def _spawn_loop(self) -> None:
        while True:
            request = self._requests.get()
            if request is None:
                return
            try:
                request.set_result(self._start())
            except PoolError as exc:
                request.set_exception(exc)

    def _start(self) -> _Worker:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_worker_main, args=(child, str(self.source), self.handler, self.options),
                                   daemon=True, name="kg-query-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        if not parent.poll(START_TIMEOUT):
            self._kill(worker)
            raise PoolError(f"a query worker took over {START_TIMEOUT:g} s to load {self.source}")
        try:
            kind, payload = parent.recv()
        except (EOFError, OSError):
            self._kill(worker)
            raise PoolError(f"a query worker died while loading {self.source}") from None
        if kind != "ready":
            self._kill(worker)
            raise PoolError(payload)
        worker.info = payload
        return worker

    def _replace(self) -> None:
        """Start a worker in the background; it joins the idle ones once it has loaded the graph."""
        request: Future[_Worker] = Future()

        def started(done: Future[_Worker]) -> None:
            if done.exception() is not None:
                self.on_event(f"could not start a query worker: {done.exception()}")
            elif self._closed:
                self._kill(done.result())
            else:
                self._idle.put(done.result())

        request.add_done_callback(started)
        self._requests.put(request)

    def _kill(self, worker: _Worker) -> None:
        """Stop a worker once: ``close`` and a worker's start finishing after it may both ask (closing its pipe
        twice would close a descriptor another thread may already have reused)."""
        with self._lock:
            if worker.info.get("killed"):
                return
            worker.info["killed"] = True
            self._all.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def run(self, job: Any, timeout: float) -> Any:
        """The worker's answer to ``job``; :class:`Deadline` if it takes longer than ``timeout`` seconds in all
        (waiting for a free worker included)."""
        deadline = time.monotonic() + timeout
        if self._closed:
            raise PoolError("the query pool is closed")
        try:
            worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0.001))
        except queue.Empty:
            raise Deadline("every query worker stayed busy until the deadline") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                self._kill(worker)
                self._replace()
                self.on_event(f"query killed at its {timeout:g} s deadline")
                raise Deadline(f"query exceeded {timeout:g} s")
            kind, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._kill(worker)
            self._replace()
            raise PoolError("the query worker died (out of memory?)") from None
        self._idle.put(worker)
        if kind == "error":
            raise PoolError(payload)
        return payload

    def close(self) -> None:
        self._closed = True
        self._requests.put(None)
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
