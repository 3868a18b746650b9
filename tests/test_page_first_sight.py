"""The graph page at first sight (issue 12), in real headless Chromium: what a user sees before touching anything.

Geometry is read from vis-network's own objects (node positions and sizes, the boxes it measured for every name it
drew), so "no node over a name" is checked on what is painted, independently of the page's own arranging code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace

import kg
from kg.ontology import french_labels
from kg.render import render_html
from kg.vocab import KG
from tests.test_page_browser import FIXTURE, PageRun, browser, open_page  # noqa: F401 - pytest fixtures

ENT = Namespace("https://w3id.org/kg-news/id/entity/")

# Canvas-unit boxes of every node's shape, every node's name and every relation's name, as vis-network drew them.
GEOMETRY = """() => {
    const net = kgPage.network;
    net.redraw();
    const box = z => z && z.width ? {l: z.left, r: z.left + z.width, t: z.top, b: z.top + z.height} : null;
    const nodes = net.body.nodeIndices.map(id => {
        const n = net.body.nodes[id], half = (n.shape.width || 2 * n.options.size) / 2;
        return {id: id, label: n.options.label, degree: kgPage.data.nodes[id].degree,
                shape: {l: n.x - half, r: n.x + half, t: n.y - half, b: n.y + half},
                name: box(n.labelModule.size), font: n.labelModule.fontOptions.size};
    });
    const edges = net.body.edgeIndices.map(id => {
        const e = net.body.edges[id];
        return {id: id, from: e.fromId, to: e.toId, label: e.options.label, name: box(e.labelModule.size)};
    });
    return {nodes: nodes, edges: edges, scale: net.getScale()};
}"""


# Which nodes are painted in their type's colour and which are faded, as vis-network holds them for drawing.
PAINTED = """id => {
    const net = kgPage.network, near = new Set(net.getConnectedNodes(id).concat([id]));
    const faded = net.body.nodeIndices.filter(n =>
        net.body.nodes[n].options.color.background !== kgPage.data.types[kgPage.data.nodes[n].type].color);
    return {near: Array.from(near), faded: faded, total: net.body.nodeIndices.length};
}"""


def meets(a: dict, b: dict) -> bool:
    return min(a["r"], b["r"]) > max(a["l"], b["l"]) and min(a["b"], b["b"]) > max(a["t"], b["t"])


def on_screen(run: PageRun, box: dict) -> bool:
    """Whether a canvas-unit box is inside the visible canvas."""
    return run.page.evaluate("""b => {
        const net = kgPage.network, c = document.getElementById('graph').getBoundingClientRect();
        const a = net.canvasToDOM({x: b.l, y: b.t}), z = net.canvasToDOM({x: b.r, y: b.b});
        return a.x >= 0 && a.y >= 0 && z.x <= c.width && z.y <= c.height;
    }""", box)


@pytest.fixture
def seeds_page(open_page, seed_build: Path) -> PageRun:  # noqa: F811
    return open_page(seed_build / "graph.html")


def test_the_best_connected_names_read_at_the_opening_zoom(seeds_page: PageRun) -> None:
    geometry = seeds_page.page.evaluate(GEOMETRY)
    best = sorted(geometry["nodes"], key=lambda n: (-n["degree"], n["id"]))[:5]
    for node in best:
        assert node["font"] * geometry["scale"] >= 12, f"{node['label']} is too small to read"
        assert on_screen(seeds_page, node["name"]), f"{node['label']} is not in view"


def test_every_name_is_drawn_once_zoomed_in(seeds_page: PageRun) -> None:
    seeds_page.page.evaluate("kgPage.network.moveTo({scale: 1, animation: false})")
    geometry = seeds_page.page.evaluate(GEOMETRY)
    threshold = seeds_page.page.evaluate("kgPage.network.body.nodes[0].options.scaling.label.drawThreshold")
    assert all(node["font"] * geometry["scale"] >= threshold for node in geometry["nodes"])


def test_entities_without_relation_are_gathered_apart(seeds_page: PageRun) -> None:
    geometry = seeds_page.page.evaluate(GEOMETRY)
    block = seeds_page.page.evaluate("kgPage.isolatedBox()")
    alone = [n for n in geometry["nodes"] if n["degree"] == 0]
    linked = [n for n in geometry["nodes"] if n["degree"] > 0]
    assert alone and linked and block["count"] == len(alone)
    assert all(meets(n["shape"], block) and n["shape"]["l"] >= block["l"] and n["shape"]["r"] <= block["r"]
               for n in alone)
    assert not any(meets(n["shape"], block) for n in linked)
    assert block["t"] > max(n["shape"]["b"] for n in linked)  # below everything that is linked


def _crowded_graph() -> Graph:
    """A hub with a dozen relations of long names, and pairs of entities that physics alone lets drift onto them."""
    graph = Graph()

    def entity(name: str):
        node = ENT[name.lower().replace(" ", "-")]
        graph.add((node, RDF.type, KG.Organization))
        graph.add((node, SKOS.prefLabel, Literal(name, lang="fr")))
        graph.add((node, RDFS.label, Literal(name, lang="fr")))
        return node

    hub = entity("Groupe Central")
    for index in range(12):
        graph.add((entity(f"Filiale numéro {index}"), KG.offeredToAcquire if index % 2 else KG.buysDataFrom, hub))
    for index in range(4):
        graph.add((entity(f"Alpha {index}"), KG.offeredToAcquire, entity(f"Beta {index}")))
    return graph


@pytest.mark.parametrize("which", ["seeds", "small", "crowded"])
def test_no_node_is_drawn_over_a_name(open_page, seed_build: Path, tmp_path: Path, which: str) -> None:  # noqa: F811
    if which == "seeds":
        run = open_page(seed_build / "graph.html")
    else:
        render_html(Graph().parse(FIXTURE) if which == "small" else _crowded_graph(), tmp_path / "page.html")
        run = open_page(tmp_path / "page.html")
    geometry = run.page.evaluate(GEOMETRY)
    names = [(n["id"], n["label"], n["name"]) for n in geometry["nodes"] if n["name"]]
    names += [(None, e["label"], e["name"]) for e in geometry["edges"] if e["name"]]
    assert len(names) >= len(geometry["nodes"])
    covered = [(node["label"], label) for node in geometry["nodes"] for owner, label, box in names
               if owner != node["id"] and meets(node["shape"], box)]
    assert covered == []


def test_clicking_an_entity_focuses_its_neighbourhood(seeds_page: PageRun) -> None:
    page = seeds_page.page
    hub = page.evaluate("kgPage.findEntity('Starcom MediaVest')")
    x, y = page.evaluate("""id => {
        const p = kgPage.network.canvasToDOM(kgPage.network.getPosition(id));
        const box = document.getElementById('graph').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", hub)
    page.mouse.click(x, y)
    page.wait_for_timeout(600)  # the view moves in 400 ms
    assert page.evaluate("kgPage.focused()") == hub
    state = page.evaluate(PAINTED, hub)
    assert len(state["near"]) == 6  # the agency and its five related entities
    assert not set(state["near"]) & set(state["faded"])
    assert len(state["faded"]) == state["total"] - len(state["near"])
    geometry = page.evaluate(GEOMETRY)
    for node in geometry["nodes"]:
        if node["id"] in state["near"]:
            assert on_screen(seeds_page, node["shape"]), node["label"]
    assert page.locator("#details h3").first.text_content() == "Starcom MediaVest"
    empty = page.evaluate("""() => {
        const box = document.getElementById('graph').getBoundingClientRect(), net = kgPage.network;
        for (let y = 20; y < box.height; y += 23) for (let x = 20; x < box.width; x += 31) {
            if (net.getNodeAt({x: x, y: y}) === undefined && net.getEdgeAt({x: x, y: y}) === undefined)
                return [box.left + x, box.top + y];
        }
        return null;
    }""")
    page.mouse.click(*empty)
    page.wait_for_timeout(100)
    assert page.evaluate("kgPage.focused()") is None
    assert page.evaluate(PAINTED, hub)["faded"] == []


def test_the_page_speaks_french_with_the_local_name_on_hover(seeds_page: PageRun) -> None:
    page = seeds_page.page
    terms = french_labels()["terms"]
    assert page.evaluate("kgPage.edges.get().map(e => e.label)").count(terms["partnersWith"]) >= 1
    label = page.locator("#predicate-filters label[title='kg:partnersWith']")
    assert "partenaire de" in label.text_content()
    page.fill("#search", "Twitter")
    page.press("#search", "Enter")
    page.wait_for_timeout(500)
    details = page.locator("#details")
    assert "partenaire de" in details.text_content() and "partnersWith" not in details.text_content()
    assert details.locator(".term[title='kg:partnersWith']").count() >= 1
    offer = details.locator(".fact .head[title='kg:AcquisitionOffer']")
    assert offer.first.text_content() == "offre de rachat"
    status = details.locator("dd[title='declined']")
    assert status.first.text_content() == "déclinée"
    assert "declined" not in details.text_content()
    text = " ".join(details.text_content().replace("\u202f", " ").replace("\xa0", " ").split())
    assert "500 000 000 USD" in text and "500000000" not in text  # amounts as French writes them


def test_statuses_kg_can_write_have_a_french_name() -> None:
    from kg.ontology import load_toml

    statuses = set(french_labels()["statuses"])
    offers = load_toml("cues/relations.toml")["offers"]
    written = set(offers["status_verbs"].values()) | set(offers.get("bidder_verbs", {}).values())
    assert written <= statuses, written - statuses


def _graph_with(entities: int) -> Graph:
    graph = Graph()
    for index in range(entities):
        node = ENT[f"e{index}"]
        graph.add((node, RDF.type, KG.Organization))
        graph.add((node, SKOS.prefLabel, Literal(f"Société {index}", lang="fr")))
        graph.add((node, RDFS.label, Literal(f"Société {index}", lang="fr")))
    return graph


@pytest.mark.parametrize(("entities", "sentence"), [
    (0, "Ce graphe ne contient aucune entité"),
    (3, "Aucune relation n’a été trouvée entre les 3 entités de ce graphe"),
])
def test_a_graph_with_nothing_to_draw_opens_on_a_sentence(open_page, tmp_path: Path, entities: int,  # noqa: F811
                                                          sentence: str) -> None:
    render_html(_graph_with(entities), tmp_path / "empty.html")
    run = open_page(tmp_path / "empty.html")
    note = run.page.locator("#empty-note")
    assert note.is_visible() and sentence in note.text_content()
    assert run.errors == []


def test_a_build_that_finds_no_name_opens_on_a_sentence(open_page, tmp_path: Path) -> None:  # noqa: F811
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "meteo.txt").write_text("Il a plu toute la journée et il fera encore gris demain matin, avec du vent "
                                      "et quelques averses dans l'après-midi, puis un peu de soleil le soir.\n",
                                      encoding="utf-8")
    result = kg.build(corpus, tmp_path / "out")
    assert result.entities == []
    run = open_page(tmp_path / "out" / "graph.html")
    note = run.page.locator("#empty-note")
    assert note.is_visible() and "aucune entité" in note.text_content() and "1 document" in note.text_content()
    assert run.errors == []


def test_the_readme_screenshot_is_taken_by_a_script(seed_build: Path, tmp_path: Path) -> None:
    import struct
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "scripts" / "page_screenshot.py"
    png = tmp_path / "graph.png"
    done = subprocess.run([sys.executable, str(script), str(seed_build), "-o", str(png)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 900)
