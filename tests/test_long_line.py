"""One huge line costs what ordinary text costs (issue 13): no look-back over the line, no scan per name.

Speed itself is measured by ``benchmarks/bench_long_line.py`` (figures in benchmarks/README.md); these tests pin
the two properties that made it quadratic, so they cannot come back unnoticed.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.context import DocContext
from kg.extract.cues import fold
from kg.extract.mentions import _WORD_RUN, _whole_word_hits
from kg.model import Document, Mention


def test_speaker_look_back_folds_a_few_characters_not_the_line(nlp, monkeypatch) -> None:
    from kg.extract import context, extract_document

    folded: list[int] = []

    def recording_fold(text: str) -> str:
        folded.append(len(text))
        return fold(text)

    monkeypatch.setattr(context, "fold", recording_fold)
    text = " ".join(f"Norvex{i % 97} Daltora :" for i in range(1000)) + " Le Journal : bonjour"
    extract_document(Document("t", "t.txt", text, "", "utf-8", ""), nlp(text))
    assert folded and max(folded) < 200  # before: the line up to each mention (tens of kB each, all cached)


def test_speaker_labels_are_still_found(nlp) -> None:
    text = "Intro\n  Le Journal : bonjour\nOn a vu Journal : non\nJournal: oui\n" + "x " * 50 + "Journal : non"

    def at(n: int) -> Mention:
        i = [m.start() for m in re.finditer("Journal", text)][n]
        return Mention("d", i, i + 7, "Journal", (), "ner:ORG")

    ctx = DocContext(Document("t", "t.txt", text, "", "utf-8", ""), nlp(text), [])
    assert [ctx.is_speaker(at(n)) for n in range(4)] == [True, False, True, False]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab Cd-#@é_1\n", max_size=60),
       st.sampled_from(["Ab", "Ab Ab", "Ab-Cd", "Cd", "é", "-Ab", "#Ab", "Ab Cd", "1", "Ab_", "Ab-"]))
def test_whole_word_hits_find_what_the_regex_found(text: str, name: str) -> None:
    words: dict[str, list[int]] = {}
    for w in _WORD_RUN.finditer(text):
        words.setdefault(w.group(), []).append(w.start())
    pattern = rf"(?<![\w#@])(?<!\w-){re.escape(name)}(?![\w])(?!-\w)"
    regex = [(h.start(), h.end()) for h in re.finditer(pattern, text)]
    assert list(_whole_word_hits(name, text, words)) == regex


def test_line_breaks_start_sentences_in_one_pass(nlp) -> None:
    """kg_line_breaks sets the marks through one array (the per-token setter rescans the Doc: quadratic)."""
    from kg.nlp import line_breaks

    doc = line_breaks(nlp.tokenizer("Titre du jour\nLe texte suit ici.\n\nUn autre paragraphe."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Titre", "Le", "Un"]
    assert all(t.is_sent_start is False for t in doc if t.is_space and t.i > 0 and "\n" not in doc[t.i - 1].text
               + doc[t.i - 1].whitespace_)


def test_speaker_lines_are_counted_in_linear_time_on_blanked_text() -> None:
    """A text whose furniture was blanked is long runs of spaces and newlines: the count must not backtrack
    across them (``^\\s*`` did: 7.7 s on 50 kB). Counted on 60 kB of blank lines with two labels at the end."""
    from kg.extract.context import SPEAKER_LINE

    text = (" " * 60 + "\n") * 1000 + "Le Journal : bonjour\nMme Durand : merci\n"
    assert len(SPEAKER_LINE.findall(text)) == 2


def test_a_document_of_several_chunks_is_parsed_chunk_by_chunk_in_order(nlp, monkeypatch) -> None:
    """Long documents are parsed one chunk at a time (a batch of 16 big chunks held 2.9 GB), in document order."""
    from kg import nlp as kg_nlp
    from kg.engines import serial

    monkeypatch.setattr(serial, "chunks", lambda text: kg_nlp.chunks(text, 120))
    short = Document("a", "a.txt", "Norvex signe avec Daltora.\n", "", "utf-8", "")
    long = Document("b", "b.txt", "Le groupe Norvex annonce un accord avec Daltora.\n\n" * 8, "", "utf-8", "")
    out = list(serial.extract_stream([short, long, short], batch_size=2))
    assert [ex.doc_id for ex in out] == ["a", "b", "a"]
    starts = [m.start for m in out[1].mentions]
    assert starts == sorted(starts) and max(starts) > 300  # mentions from every chunk, at document offsets
