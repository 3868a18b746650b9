"""Reading a corpus as a user expects (issue 12): one source per article, titles that end on a word, a size limit
stated once, and articles that are not in French recognised instead of parsed as French."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.corpus import DEFAULT_MAX_BYTES, first_line, megabytes, read_corpus, read_document
from kg.language import detect
from kg.model import Document, Skipped
from tests.conftest import SEEDS, SHARED

FRENCH = ("La société Alpha Industries et le groupe Beta Media ont annoncé mardi un partenariat stratégique qui "
          "doit permettre aux clients des deux entreprises de partager leurs données. Selon le directeur général, "
          "cet accord est une étape importante pour le groupe, qui veut aussi se développer en Europe et aux "
          "États-Unis dans les prochaines années.")
ENGLISH = ("Alpha Industries and the Beta Media group announced on Tuesday a strategic partnership that will let "
           "the clients of both companies share their data. According to the chief executive, the deal is an "
           "important step for the group, which also wants to grow in Europe and in the United States over the "
           "next few years.")
SPANISH = ("El grupo Alpha Industries anunció el martes una alianza estratégica con la empresa Beta Media, que "
           "permitirá a los clientes de las dos empresas compartir sus datos. Según el director general, el acuerdo "
           "es una etapa importante para el grupo, que también quiere crecer en Europa y en los Estados Unidos.")


def test_the_size_limit_reads_the_same_in_the_help_and_in_the_message(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("mot " * 550_000)  # 2.2 MB
    skipped = read_document(big, "big.txt")
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "too large: 2.2 MB, over the 2 MB limit (--max-file-size)"
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "default: 2 MB" in " ".join(capsys.readouterr().out.split())
    assert DEFAULT_MAX_BYTES == 2_000_000


def test_a_size_just_over_the_limit_does_not_read_as_the_limit() -> None:
    assert megabytes(2_004_000, above=2_000_000) == "2.004"
    assert megabytes(2_000_000) == "2" and megabytes(2_500_000) == "2.5"


def test_titles_are_not_cut_inside_a_word() -> None:
    paragraph = ("Nous venons d’apprendre que la société revend nos anciens messages à des fins commerciales. En "
                 "effet, la société a expliqué avoir récupéré, moyennant finance, une poignée d’anciens messages "
                 "datant de deux ans maintenant dans le but de les exploiter")
    assert first_line(paragraph) == "Nous venons d’apprendre que la société revend nos anciens messages à des fins " \
                                    "commerciales."
    words = "mot " * 80
    title = first_line(words)
    assert title.endswith("mot…") and len(title) <= 201
    assert first_line("Un titre court\n\nLe texte.") == "Un titre court"


def test_seed_titles_end_on_a_word(seed_build: Path) -> None:
    g = Graph().parse(seed_build / "graph.ttl")
    titles = [str(t) for t in g.objects(None, DCTERMS.title)]
    sources = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    assert titles
    for title in titles:
        plain = title.removesuffix("…")
        text = next(" ".join(t.split()) for t in sources.values() if " ".join(t.split()).find(plain) >= 0)
        after = text[text.find(plain) + len(plain):][:1]
        assert title.endswith(("…", ".", "?", "!")) or after in ("", " ", "\n"), title


def test_the_same_article_under_two_names_is_one_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "copie de a.txt").write_text(FRENCH.replace(" ", "  "), encoding="cp1252")  # same words
    (corpus / "b.txt").write_text(FRENCH.replace("mardi", "lundi"), encoding="utf-8")
    report = read_corpus(corpus)
    assert [d.path for d in report.documents] == ["a.txt", "b.txt"]
    assert report.skipped == [Skipped("copie de a.txt", "duplicate: the same text as a.txt (one source, read once)")]
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "documents: 2 read, 1 skipped" in out and "duplicate: the same text as a.txt" in out
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(g.subjects(predicate=DCTERMS.language))) == 2


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (ENGLISH, "en"), (SPANISH, "es")])
def test_language_is_detected_from_function_words(text: str, code: str) -> None:
    assert detect(text).code == code


def test_a_short_text_is_not_judged() -> None:
    assert detect("Alpha Industries").code is None


def test_a_french_article_quoting_english_stays_french() -> None:
    quote = " « We are thrilled to work with the team », a déclaré le directeur."
    assert detect(FRENCH + quote).code == "fr"


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_every_article_of_the_shared_corpora_is_french(corpus: str) -> None:
    report = read_corpus(SHARED / "corpus" / corpus)
    assert report.documents and not [s for s in report.skipped if "not French" in s.reason]


def test_an_english_article_is_skipped_with_a_warning_and_lang_forces_it(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "documents: 1 read, 1 skipped" in out
    assert "skipped en.txt: written in English (en), not French: not read (--lang fr reads it as French)" in out
    assert main(["build", str(corpus), "-o", str(tmp_path / "forced"), "--no-html", "--lang", "fr"]) == 0
    assert "documents: 2 read, 0 skipped" in capsys.readouterr().out
    g = Graph().parse(tmp_path / "forced" / "graph.ttl")
    assert set(g.objects(None, DCTERMS.language)) == {Literal("fr")}


def test_lang_stamps_the_language_it_is_given(tmp_path: Path) -> None:
    report = read_corpus(SEEDS, language="en")
    assert {d.language for d in report.documents} == {"en"}
    assert all(isinstance(d, Document) for d in report.documents)


def test_lang_must_be_a_language_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEEDS), "-o", str(tmp_path), "--lang", "French!"]) == 2
    assert "--lang takes a language code" in capsys.readouterr().err
