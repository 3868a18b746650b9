"""How fast the graph page is on a big graph: 5,000 entities and 20,000 relations (the issue-6 target).

Builds a synthetic graph that follows docs/graph-model.md (every relation with a statement node, a sentence and a
source document), renders it with ``kg.render.render_html``, opens the page from the file system in headless
Chromium with the network blocked, and reports:

* render time in Python (layout included) and page size;
* time to interactive: from navigation start until the page has drawn with its layout settled (``kgPage.readyAt``);
* the cost of one interaction once loaded: a search-and-focus on a well-connected entity until the next frame is
  drawn, and a plain redraw.

Target: interactive in under 5 s. Run from the repository root::

    /work/main/.venv/bin/python benchmarks/bench_render.py [--entities 5000] [--relations 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.render import render_html
from kg.vocab import ENTITY_TYPES, KG, RELATION_PREDICATES

BASE = Namespace("https://w3id.org/kg-news/id/")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SYLLABLES = ("ka", "lo", "mi", "ré", "tu", "sa", "vé", "no", "pa", "zi", "bé", "do")


def synthetic_graph(entities: int, relations: int, documents: int, seed: int = 6) -> Graph:
    """A random graph with a skewed degree distribution (a few hubs, many leaves), like news graphs."""
    rng = random.Random(seed)
    graph = Graph()
    names = []
    for index in range(entities):
        entity = BASE[f"entity/e{index}"]
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + f" {index}"
        names.append(name)
        graph.add((entity, RDF.type, KG[ENTITY_TYPES[min(5, int(rng.expovariate(0.9)))]]))
        graph.add((entity, SKOS.prefLabel, Literal(name, lang="fr")))
        graph.add((entity, RDFS.label, Literal(name, lang="fr")))
        graph.add((entity, SKOS.altLabel, Literal(name.upper(), lang="fr")))
        graph.add((entity, KG.mentionCount, Literal(rng.randint(1, 50))))
    for index in range(documents):
        doc = BASE[f"document/d{index}"]
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, KG.fileName, Literal(f"d{index}.txt")))
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(entities)]
    seen: set[tuple[int, str, int]] = set()
    while len(seen) < relations:
        a, b = rng.choices(range(entities), weights=weights, k=2)
        predicate = rng.choice(RELATION_PREDICATES)
        if a == b or (a, predicate, b) in seen or (b, predicate, a) in seen:
            continue
        seen.add((a, predicate, b))
        subject, obj = BASE[f"entity/e{a}"], BASE[f"entity/e{b}"]
        graph.add((subject, KG[predicate], obj))
        statement = BASE[f"statement/s{len(seen)}"]
        sentence = f"Selon le communiqué, {names[a]} et {names[b]} ont annoncé un accord ({predicate}) cette semaine."
        for p, o in (
            (RDF.type, KG.RelationStatement), (RDF.subject, subject), (RDF.predicate, KG[predicate]),
            (RDF.object, obj), (KG.sourceDocument, BASE[f"document/d{rng.randrange(documents)}"]),
            (KG.evidenceText, Literal(sentence, lang="fr")), (KG.sentenceStart, Literal(0)),
            (KG.sentenceEnd, Literal(len(sentence))), (KG.evidenceStart, Literal(21)),
            (KG.evidenceEnd, Literal(len(sentence) - 15)), (KG.extractedBy, Literal("bench.synthetic")),
            (KG.confidence, Literal(f"{rng.uniform(0.4, 1):.2f}", datatype=XSD.decimal)),
        ):
            graph.add((statement, p, o))
    return graph


def measure_page(html: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 900}, offline=True,
        )
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else (outside.append(route.request.url), route.abort()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        started = time.perf_counter()
        page.goto(html.resolve().as_uri())
        while not page.evaluate("Boolean(window.kgPage && kgPage.ready)"):
            page.wait_for_timeout(20)
        wall = time.perf_counter() - started
        ready_at = page.evaluate("kgPage.readyAt")
        counts = page.evaluate("[kgPage.network.body.nodeIndices.length, kgPage.network.body.edgeIndices.length]")
        # one interaction: search the biggest hub and focus it (details panel, edge labels), until painted
        focus_ms = page.evaluate("""() => new Promise(resolve => {
            const hub = kgPage.data.nodes.reduce((a, b) => (b.degree > a.degree ? b : a));
            const t0 = performance.now();
            document.getElementById('search').value = hub.label;
            document.getElementById('search-form').requestSubmit();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        })""")
        redraw_ms = page.evaluate("""() => new Promise(resolve => {
            kgPage.network.fit();
            const t0 = performance.now();
            kgPage.network.redraw();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        })""")
        timings = page.evaluate("kgPage.timings")
        context.close()
    if errors or outside:
        raise SystemExit(f"page errors {errors} / requests that left the page {outside}")
    return {"ready_ms": round(ready_at), "goto_to_ready_s": round(wall, 2), "nodes": counts[0], "edges": counts[1],
            "search_focus_ms": round(focus_ms), "full_redraw_ms": round(redraw_ms), "page_timings_ms": timings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=20000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="also copy the page here")
    args = parser.parse_args()

    started = time.perf_counter()
    graph = synthetic_graph(args.entities, args.relations, args.documents)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "big.html"
        started = time.perf_counter()
        render_html(graph, html)
        rendered = time.perf_counter() - started
        size_mb = html.stat().st_size / 1e6
        if args.keep:
            args.keep.write_bytes(html.read_bytes())
        page = measure_page(html)
    result = {"entities": args.entities, "relations": args.relations, "triples": len(graph),
              "graph_build_s": round(built, 1), "render_s": round(rendered, 1), "page_mb": round(size_mb, 1), **page}
    print(json.dumps(result, indent=2))
    target = "OK" if page["ready_ms"] < 5000 else "MISSED"
    print(f"time to interactive {page['ready_ms']} ms (target < 5000 ms): {target}")
    return 0 if target == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
