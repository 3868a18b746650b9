"""Any name — quotes, accents, emoji, spaces, slashes, ``<script>``, control characters — makes a valid absolute
IRI and a literal that survives Turtle, TriG and N-Triples unchanged, read back by rdflib and by pyoxigraph in
strict mode (which rejects any IRI or string the standards do not allow)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph import add_entity
from kg.iri import entity_iri, slugify
from kg.model import Entity
from kg.vocab import DEFAULT_BASE_IRI

NASTY = ['"', "'", "\\", "<script>alert(1)</script>", "/", " ", "é", "Ü", "ß", "🚀", "👩‍💻", "&", "#", "%20", "{",
         "}", "|", "^", "`", "\n", "\r\n", "\t", "\x00", "\x7f", "\u2028", "\ufeff", "»", "«", ":", "?", "@"]
names = st.lists(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=4)), min_size=1, max_size=8).map(
    "".join
)
IRI_FORBIDDEN = set(' <>"{}|\\^`') | {chr(c) for c in range(0x21)}


def _entity_graph(name: str) -> tuple[Graph, URIRef]:
    g = Dataset().graph(URIRef(DEFAULT_BASE_IRI + "graph/entities"))
    entity = Entity(entity_id=slugify(name), label=name, type="Organization", aliases={name + " Inc"})
    return g, add_entity(g, DEFAULT_BASE_IRI, entity)


@given(names)
def test_every_name_makes_an_absolute_iri_without_forbidden_characters(name: str) -> None:
    iri = str(entity_iri(DEFAULT_BASE_IRI, slugify(name)))
    assert iri.startswith(DEFAULT_BASE_IRI + "entity/")
    assert not IRI_FORBIDDEN & set(iri)
    assert iri.isascii()
    ox.NamedNode(iri)  # raises ValueError on an invalid IRI


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(names)
@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig"])
def test_every_name_round_trips_through_the_text_formats_in_two_strict_parsers(fmt: str, name: str) -> None:
    g, node = _entity_graph(name)
    data = g.serialize(format=fmt, encoding="utf-8")
    ox_format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG}[fmt]
    labels = {q.object.value for q in ox.parse(data, format=ox_format)
              if q.predicate == ox.NamedNode(str(SKOS.prefLabel))}
    assert labels == {name}
    back = Dataset(default_union=True)
    back.parse(data=data, format=fmt)
    assert set(back.objects(node, SKOS.prefLabel)) == {Literal(name, lang="fr")}


def test_a_graph_of_nasty_names_passes_rapper(tmp_path: Path) -> None:
    g = Graph()
    for i, name in enumerate([*NASTY, "".join(NASTY)]):
        sub, _ = _entity_graph(f"{name}{i}")
        for triple in sub:
            g.add(triple)
    for fmt, syntax in (("turtle", "turtle"), ("nt", "ntriples")):
        path = tmp_path / f"nasty.{fmt}"
        g.serialize(path, format=fmt, encoding="utf-8")
        proc = subprocess.run(["rapper", "-q", "-c", "-i", syntax, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names)
def test_every_name_round_trips_through_the_exports(tmp_path: Path, name: str) -> None:
    from kg.export import write_exports

    ds = Dataset()
    g = ds.graph(URIRef(DEFAULT_BASE_IRI + "graph/entities"))
    add_entity(g, DEFAULT_BASE_IRI, Entity(entity_id=slugify(name), label=name, type="Organization"))
    paths = write_exports(ds, tmp_path, ["nt", "nq", "jsonld"])
    fmts = {"nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
    for fmt, path in paths.items():
        labels = {q.object.value for q in ox.parse(path=path, format=fmts[fmt])
                  if q.predicate == ox.NamedNode(str(SKOS.prefLabel))}
        assert labels == {name}, fmt
