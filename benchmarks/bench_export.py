"""Bulk loading a kg graph into other stores: how fast each loader takes the same file.

    .venv/bin/python benchmarks/bench_export.py                       # the 1 M-triple benchmark graph of bench_query
    .venv/bin/python benchmarks/bench_export.py --file OUT/graph.nq   # a build's N-Quads export

Loaders, each into a fresh folder, timed from the shell command's start to its end:

* ``oxigraph load`` (the ``oxigraph`` command installed with kg's test extras), Oxigraph's parallel bulk loader;
* ``tdb2.tdbloader`` of Apache Jena (Debian's ``libapache-jena-java``), run as ``java -cp ... tdb2.tdbloader``;
* pyoxigraph's ``Store(path).bulk_load`` in this process, as ``kg build`` fills ``out/store``;
* ``rapper -c`` (Raptor, Debian's ``raptor2-utils``): parse and count only, no store, the floor of any loader.

GraphDB's ``importrdf`` is not installed here; its command is in docs/scaling.md, unmeasured.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.jena import jena_command  # noqa: E402 (Debian's Jena needs a class-path fix, shared with the tests)


def count(path: Path) -> int:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.N_TRIPLES
    return sum(1 for _ in ox.parse(path=str(path), format=fmt))


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, help="an N-Triples or N-Quads file (default: bench_query's graph)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()
    path = args.file
    if path is None:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from bench_query import write_graph

        args.work.mkdir(parents=True, exist_ok=True)
        path = args.work / "synthetic-1000000.nt"
        if not path.exists():
            write_graph(path, 1_000_000)
    n = count(path)
    print(f"{path}: {n:,} quads, {path.stat().st_size / 2**20:.0f} MiB")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if Path(oxigraph).exists():
            results["oxigraph load"] = timed([oxigraph, "load", "--location", f"{tmp}/ox", "--file", str(path)])
        Path(f"{tmp}/jena").mkdir()
        tdbloader = jena_command("tdb2.tdbloader", Path(f"{tmp}/jena"))
        if tdbloader:
            results["tdb2.tdbloader"] = timed([*tdbloader, "--loc", f"{tmp}/tdb2", str(path)])
        if shutil.which("rapper"):
            syntax = "nquads" if path.suffix == ".nq" else "ntriples"
            results["rapper -c (parse only)"] = timed(["rapper", "-q", "-i", syntax, "-c", str(path)])
        import pyoxigraph as ox

        t = time.perf_counter()
        store = ox.Store(f"{tmp}/py")
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS if path.suffix == ".nq" else
                        ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store
        results["pyoxigraph bulk_load"] = time.perf_counter() - t
    print(f"\n{'loader':<24} {'seconds':>8} {'quads/s':>10}")
    for name, seconds in results.items():
        print(f"{name:<24} {seconds:>8.1f} {n / seconds:>10,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
