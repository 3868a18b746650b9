"""SPARQL mistakes get a message that says what to fix (issue 12), on the seed build and through ``kg query``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kg.cli import main
from kg.query import PREFIXES, KnowledgeGraph, QueryWarning, SparqlSyntaxError, UnknownTerm
from kg.questions import all_questions
from kg.sparql_check import check_terms, ontology_terms, tokens


@pytest.fixture(scope="module")
def graph(seed_build: Path) -> KnowledgeGraph:
    return KnowledgeGraph.open(seed_build)


def error_of(graph: KnowledgeGraph, sparql: str) -> str:
    with pytest.raises(SparqlSyntaxError) as info:
        graph.query(sparql)
    return str(info.value)


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELECT ?x WHERE { ?t kg:partnerWith ?x }",
     "kg:partnerWith is not in the ontology; did you mean kg:partnersWith?"),
    ("SELECT ?x WHERE { ?x a kg:Organisation }",
     "kg:Organisation is not in the ontology; did you mean kg:Organization?"),
    ("SELECT ?x WHERE { ?x kg:ceoof ?y }", "kg:ceoof is not in the ontology; did you mean kg:ceoOf?"),
    ("SELECT ?x WHERE { ?x <https://w3id.org/kg-news/ontology#ceo> ?y }", "did you mean kg:ceoOf?"),
    ("PREFIX o: <https://w3id.org/kg-news/ontology#> SELECT ?x WHERE { ?x o:basedAt ?y }",
     "o:basedAt is not in the ontology; did you mean kg:basedIn?"),
])
def test_a_misspelt_ontology_term_is_named_with_the_closest_one(graph: KnowledgeGraph, sparql: str,
                                                               message: str) -> None:
    with pytest.raises(UnknownTerm) as info:
        graph.query(sparql)
    assert message in str(info.value)


def test_terms_in_strings_comments_and_other_namespaces_are_not_checked() -> None:
    sparql = """# kg:nothing here
        PREFIX ex: <https://example.org/>
        SELECT ?x WHERE { ?x ex:partnerWith "kg:partnerWith" ; kg:partnersWith <https://w3id.org/kg-news/id/x> }"""
    assert check_terms(sparql, PREFIXES) is None


def test_every_bundled_question_and_every_term_kg_writes_is_in_the_ontology(seed_build: Path) -> None:
    for question in all_questions():
        assert check_terms(question.sparql, PREFIXES) is None, question.name
    written = KnowledgeGraph.open(seed_build / "graph.trig").query(
        "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } "
        "FILTER(STRSTARTS(STR(?t), 'https://w3id.org/kg-news/ontology#')) }").column("t")
    assert written and {t.rsplit("#", 1)[1] for t in written} <= ontology_terms()


@pytest.mark.parametrize("sparql", [
    'SELECT ?x WHERE { ?x skos:prefLabel "Twitter" }',
    'SELECT ?x WHERE { ?x skos:prefLabel ?name FILTER(?name = "Twitter") }',
    'SELECT ?x WHERE { ?x rdfs:label "Nobody", "Twitter" }',
])
def test_a_plain_literal_against_french_labels_is_a_warning(graph: KnowledgeGraph, sparql: str) -> None:
    with pytest.warns(QueryWarning, match=r'"Twitter" is a plain literal, but every .* is tagged @fr'):
        result = graph.query(sparql)
    assert any('write "Twitter"@fr' in w for w in result.warnings)


@pytest.mark.parametrize("sparql", [
    'SELECT ?x WHERE { ?x skos:prefLabel "Twitter"@fr }',
    'SELECT ?x WHERE { ?x skos:prefLabel ?n FILTER(STR(?n) = "Twitter") }',
    'SELECT ?x WHERE { ?x kg:fileName "003_58dc45d91cbe1925.txt" }',  # file names are plain literals
    'SELECT ?x WHERE { ?x kg:extractedBy "title.after-name.ceoOf" }',
])
def test_no_warning_when_the_literal_can_match(graph: KnowledgeGraph, sparql: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", QueryWarning)
        assert graph.query(sparql).warnings == []


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELCT ?x WHERE { ?x ?p ?o }", "line 1, column 1: SELCT is not a SPARQL keyword; did you mean SELECT?"),
    ("SELECT * { ?s ?p ?o } LIMT 3", "LIMT is not a SPARQL keyword; did you mean LIMIT?"),
    ("SELECT ?x WHERE { ?x foaf:name ?o }",
     "unknown prefix foaf: in foaf:name (predeclared: kg:, kgr:, rdf:, rdfs:, skos:, prov:, dcterms:, xsd:, owl:); "
     "add PREFIX foaf: <http://xmlns.com/foaf/0.1/>"),
    ("SELECT ?x WHERE { ?x skso:prefLabel ?o }", "unknown prefix skso:"),
    ("SELECT ?x WHERE { ?x skso:prefLabel ?o }", "did you mean skos:?"),
    ("SELECT ?x WHERE { ?x ?p ?o ", "line 1, column 17: this «{» is never closed: add «}»"),
    ("SELECT * WHERE { ?s ?p ?o }}", "«}» closes nothing"),
    ('SELECT ?x WHERE { ?x ?p "abc }', 'this string is never closed: add the missing "'),
    ("SELECT ?x WHERE { ?x ?p ?o } ORDER ?x", "ORDER must be followed by BY"),
    ("SELECT ?x WHERE { ?x ?p ?o . FILTER(?x = ) }", "expected a value, a variable or an expression"),
])
def test_syntax_errors_read_as_one_line_that_says_what_to_fix(graph: KnowledgeGraph, sparql: str,
                                                             message: str) -> None:
    text = error_of(graph, sparql)
    assert message in text
    assert "\n" not in text and "\\u{" not in text and "['" not in text and len(text) < 300


def test_tokens_skip_strings_iris_and_comments() -> None:
    kinds = [(t.kind, t.text) for t in tokens('SELECT ?x # a comment { \n WHERE { ?x <urn:a#b> "a { b"@fr }')]
    assert kinds == [("word", "SELECT"), ("var", "?x"), ("word", "WHERE"), ("punct", "{"), ("var", "?x"),
                     ("iri", "<urn:a#b>"), ("string", '"a { b"'), ("lang", "@fr"), ("punct", "}")]


def test_cli_prints_the_error_and_the_warning(seed_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(seed_build), "SELECT ?x WHERE { ?t kg:partnerWith ?x }"]) == 2
    assert capsys.readouterr().err == ("kg query: error: kg:partnerWith is not in the ontology; did you mean "
                                       "kg:partnersWith?\n")
    assert main(["query", str(seed_build), 'SELECT ?x WHERE { ?x skos:prefLabel "Twitter" }']) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith('kg query: warning: "Twitter" is a plain literal')
    assert captured.err.count("warning") == 1 and "(0 rows)" in captured.out


def test_the_endpoint_answers_400_with_the_same_message(seed_build: Path) -> None:
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.serve import SparqlServer

    server = SparqlServer(KnowledgeGraph.open(seed_build), 0, timeout=5, max_rows=50)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        query = urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?t kg:partnerWith ?x }"})
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"{server.url}?{query}", timeout=10)
        assert info.value.code == 400
        assert "did you mean kg:partnersWith?" in info.value.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()
