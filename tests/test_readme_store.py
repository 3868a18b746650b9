"""The README's store section against a real Oxigraph server: its worked-example query answers as printed.

``kg load`` keeps one named graph per document; a query without ``GRAPH`` sees them only if the store's default graph
is their union. The README gives two ways, both checked here: ``kg load --default-graph`` into a plain server, or the
named graphs into a server started with ``--union-default-graph``. The query is read from the README itself.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.cli import main
from kg.query import PREFIXES, KnowledgeGraph
from tests.docsnippets import REPO, blocks, kg_commands
from tests.oxigraph_server import OXIGRAPH, oxigraph

pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server binary is not installed")


def readme_partner_query() -> str:
    """The SPARQL of the README's first worked example (``kg query out '...'``)."""
    for block in blocks(REPO / "README.md"):
        for args in kg_commands(block):
            if args[0] == "query" and "kg:partnersWith ?p" in args[-1]:
                return args[-1]
    raise AssertionError("the README's worked example is gone")


def ask_store(base: str, sparql: str) -> list[str]:
    """The first column of a SELECT sent to the store, the predeclared prefixes written out (a store lacks them)."""
    text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + sparql
    request = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        doc = json.load(response)
    first = doc["head"]["vars"][0]
    return [row[first]["value"] for row in doc["results"]["bindings"] if first in row]


def test_load_into_the_default_graph_answers_the_readme_query(seed_build: Path, tmp_path: Path) -> None:
    query = readme_partner_query()
    expected = KnowledgeGraph.open(seed_build).query(query).column("partner")
    assert {"Publicis", "Starcom MediaVest", "WPP"} <= set(expected)
    with oxigraph(tmp_path / "plain") as base:
        assert main(["load", str(seed_build), "--endpoint", f"{base}/store"]) == 0
        assert ask_store(base, query) == []  # the pitfall: facts sit in named graphs only
        assert main(["load", str(seed_build), "--endpoint", f"{base}/store", "--default-graph"]) == 0
        assert ask_store(base, query) == expected


def test_named_graphs_and_a_union_default_graph_answer_the_readme_query(seed_build: Path, tmp_path: Path) -> None:
    query = readme_partner_query()
    expected = KnowledgeGraph.open(seed_build).query(query).column("partner")
    with oxigraph(tmp_path / "union", "--union-default-graph") as base:
        assert main(["load", str(seed_build), "--endpoint", f"{base}/store"]) == 0
        assert ask_store(base, query) == expected


def test_default_graph_and_graph_exclude_each_other(seed_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["load", str(seed_build), "--endpoint", "http://127.0.0.1:9/store", "--default-graph",
              "--graph", "https://example.org/g"])
    assert "not allowed with argument" in capsys.readouterr().err
