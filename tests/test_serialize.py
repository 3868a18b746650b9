"""The Turtle/TriG writer: the same triples always give the same bytes, and every parser reads them back exactly."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef

from kg.graph import RUN_DEPENDENT
from kg.serialize import UnwritableTerm, write_trig, write_turtle
from kg.vocab import KG

PREFIXES = {"kg": str(KG._NS), "xsd": str(XSD), "rdf": str(RDF), "ex": "https://example.org/"}
EX = "https://example.org/"


def turtle(triples) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_turtle(triples, PREFIXES, out)
    return out.getvalue()


def trig(quads, out) -> None:  # type: ignore[no-untyped-def]
    names = {q[3] for q in quads}
    write_trig(names, lambda name: [q[:3] for q in quads if q[3] == name], PREFIXES, out)


def test_graph_ttl_is_the_union_of_the_named_graphs_less_run_metadata(seed_build: Path) -> None:
    ds = Dataset()
    ds.parse(seed_build / "graph.trig", format="trig")
    union = {(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None)) if p not in RUN_DEPENDENT}
    assert set(Graph().parse(seed_build / "graph.ttl")) == union


def test_insertion_order_does_not_change_a_byte(seed_build: Path) -> None:
    triples = list(Graph().parse(seed_build / "graph.ttl"))
    shuffled = triples[:]
    random.Random(3).shuffle(shuffled)
    assert turtle(triples) == turtle(shuffled)


def test_only_the_prefixes_used_are_declared() -> None:
    text = turtle([(URIRef(EX + "a"), RDF.type, KG.Organization)])
    assert "@prefix kg:" in text
    assert "@prefix xsd:" not in text
    assert "ex:a a kg:Organization ." in text


literals = st.one_of(
    st.builds(Literal, st.text()),
    st.builds(lambda t: Literal(t, lang="fr"), st.text()),
    st.builds(Literal, st.integers()),
    st.builds(lambda d: Literal(f"{d:.3f}", datatype=XSD.decimal), st.floats(-1e6, 1e6)),
    st.builds(Literal, st.booleans()),
    st.builds(lambda y: Literal(f"{y:04d}", datatype=XSD.gYear), st.integers(1000, 2999)),
)
iris = st.one_of(
    st.sampled_from([URIRef(EX + "a"), URIRef(EX + "entity/b-2"), URIRef(EX + "ç/é?x=1"), URIRef("urn:x:é"),
                     KG.Person]),
    st.from_regex(r"[a-z][a-z0-9/_.-]{0,12}", fullmatch=True).map(lambda s: URIRef(EX + s)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(iris, iris, st.one_of(iris, literals)), min_size=1, max_size=8))
def test_any_triples_read_back_the_same_in_rdflib_and_oxigraph(triples: list) -> None:
    text = turtle(triples)
    assert set(Graph().parse(data=text, format="turtle")) == set(triples)
    parsed = list(pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(parsed) == len(set(triples))


def test_trig_keeps_each_triple_in_its_graph() -> None:
    a, b, c = (URIRef(EX + x) for x in "abc")
    g1, g2 = URIRef(EX + "graph/1"), URIRef(EX + "graph/2")
    quads = [(a, KG.partnersWith, b, g1), (a, KG.partnersWith, c, g2), (c, RDF.type, KG.Organization, None)]
    out = io.StringIO()
    trig(quads, out)
    ds = Dataset()
    ds.parse(data=out.getvalue(), format="trig")
    assert (a, KG.partnersWith, b) in ds.graph(g1)
    assert (a, KG.partnersWith, c) in ds.graph(g2)
    assert (a, KG.partnersWith, c) not in ds.graph(g1)
    assert (c, RDF.type, KG.Organization) in ds.default_graph


def test_trig_declares_prefixes_used_only_inside_named_graphs() -> None:
    a, g = URIRef(EX + "a"), URIRef(EX + "graph/1")
    out = io.StringIO()
    trig([(a, KG.date, Literal("2009", datatype=XSD.gYear), g)], out)
    assert "@prefix xsd:" in out.getvalue()
    parsed = list(pyoxigraph.parse(out.getvalue().encode(), format=pyoxigraph.RdfFormat.TRIG))
    assert len(parsed) == 1


# ---- every term comes back identical (issue 13)

def oxigraph_terms(text: str) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE)}


def raw(lexical: str, datatype: URIRef) -> Literal:
    return Literal(lexical, datatype=datatype, normalize=False)


@pytest.mark.parametrize("lit", [
    raw("1", XSD.decimal),  # turtle-subm-26: written 1.0 it would be another term, and merge with "1.0"
    raw("500000000", XSD.decimal),  # an amount of the seeds
    raw("١٢٣", XSD.integer),  # Arabic-Indic digits: a \d regex took them for INTEGER and wrote them bare
    raw("١٢.٥", XSD.decimal),
    raw("+01", XSD.integer),
    raw("1e3", XSD.double),
    raw("TRUE", XSD.boolean),
    Literal("tab\there \x00 nul \x7f del", lang="fr"),
])
def test_literal_is_written_as_the_same_term(lit: Literal) -> None:
    text = turtle([(URIRef(EX + "s"), URIRef(EX + "p"), lit)])
    kind = {"language": lit.language} if lit.language else {"datatype": pyoxigraph.NamedNode(str(lit.datatype))}
    (quad,) = pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    assert quad.object == pyoxigraph.Literal(str(lit), **kind), text


def test_whole_decimal_and_its_decimal_twin_stay_two_triples() -> None:
    s, p = URIRef(EX + "s"), URIRef(EX + "p")
    text = turtle([(s, p, raw("1", XSD.decimal)), (s, p, raw("1.0", XSD.decimal))])
    assert len(oxigraph_terms(text)) == 2


def test_lone_surrogate_is_a_clear_error_not_an_encoding_crash() -> None:
    with pytest.raises(UnwritableTerm, match="lone surrogate"):
        turtle([(URIRef(EX + "s"), URIRef(EX + "p"), Literal("caf\udce9"))])
    with pytest.raises(UnwritableTerm):
        turtle([(URIRef(EX + "s\ud800"), URIRef(EX + "p"), Literal("x"))])


def test_blank_node_ids_that_are_not_turtle_labels_are_renamed_injectively() -> None:
    p = URIRef(EX + "p")
    nodes = [BNode("a.b"), BNode("a-b"), BNode("é"), BNode("ab"), BNode("u_6162")]
    text = turtle([(n, p, Literal(str(i))) for i, n in enumerate(nodes)])
    assert len(oxigraph_terms(text)) == len(nodes)
    assert len({s for s, _, _ in oxigraph_terms(text)}) == len(nodes)


def test_a_prefix_turtle_cannot_declare_is_not_used() -> None:
    out = io.StringIO()
    prefixes = {"bad name": EX, "sp": "http://x/a b/"}
    write_turtle([(URIRef("http://x/a%20b/c"), URIRef(EX + "p"), Literal("v"))], prefixes, out)
    assert "@prefix" not in out.getvalue()
    assert len(oxigraph_terms(out.getvalue())) == 1


def test_graph_ttl_and_graph_nt_of_one_build_are_isomorphic(tmp_path: Path) -> None:
    """The seeds had kg:amount 500000000.0 in graph.ttl and "500000000" in graph.nt: two different graphs."""
    from kg.export import write_exports
    from kg.pipeline import write_graph_files

    ds = Dataset()
    g = ds.graph(URIRef(EX + "graph/doc"))
    g.add((URIRef(EX + "fact/1"), KG.amount, raw("500000000", XSD.decimal)))
    g.add((URIRef(EX + "fact/1"), KG.confidence, raw("0.900", XSD.decimal)))
    write_graph_files(ds, tmp_path / "graph.ttl", tmp_path / "graph.trig")
    write_exports(ds, tmp_path, ["nt", "nq"])
    read = {name: {(str(q.subject), str(q.predicate), str(q.object)) for q in pyoxigraph.parse(path=tmp_path / name)}
            for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.nq")}
    assert read["graph.ttl"] == read["graph.trig"] == read["graph.nt"] == read["graph.nq"]
    assert any('"500000000"^^' in o for _, _, o in read["graph.ttl"])
