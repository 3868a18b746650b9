"""One parsed document as the frame engine sees it: tokens with their folded forms, which token belongs to which
mention, what kind each mention is, where sentences really start and end, and which organisation the text is about.

Everything here is computed once per document in linear time, so the readers that walk the tokens many times stay
cheap (a 1 MB text with one line is read as fast as a 1 MB text of short lines).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property
from itertools import pairwise
from typing import cast

from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, POS, SENT_START
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from kg.extract.columns import folded_lemmas, folded_words, morph_feature, texts
from kg.extract.cues import fold
from kg.extract.kinds import fits, kind_of  # (readers import them from here too)
from kg.extract.mentions.tokens import parsed_length
from kg.extract.phrase_tables import by_first_word, by_last_word
from kg.model import Document, Evidence, Mention
from kg.model import Span as TextSpan

# A fact whose argument is a pronoun or a description resolved to an entity named elsewhere is less sure.
REFERENCE_FACTOR = 0.85
# blanks before a label stay on its line (``^\s*`` ran across every blank line that follows: quadratic)
SPEAKER_LINE = re.compile(r"^[^\S\n]*[\w.’'\- ]{1,40}\s?:\s+\S", re.M)
# « Hélène Varsac – C'était trop petit » : an answer opened by the speaker's name and a dash.
ANSWER_LINE = re.compile(r"^[^\S\n]*[A-ZÀ-Ý][\w.’'\- ]{1,40}\s[–—]\s+\S", re.M)
QUESTION_LINE = re.compile(r"^[^\n]{5,300}\?\s*$", re.M)
NEWLINE = re.compile("\n")
SENTENCE_END = {".", "!", "?", "…"}
CLOSING = SENTENCE_END | {";", "»", '"', "”"}  # what ends a sentence where spaCy starts one
SPEAKER_WORDS = 4  # at most this many words before a colon that ends a sentence: a speaker or a kicker
ORGANISATION = frozenset({"Organization"})
HEADING_STOPS = {".", "!", "?", "…", "»", ":", ";", ",", '"', "”"}
WEAK_LABELS = {"ner:PER", "ner:LOC", "ner:MISC", "caps", "expansion", "lower", "repeat"}


def _pool_votes(mentions: list[Mention]) -> list[Mention]:
    """Each mention with the votes of every mention of the same name in the document.

    spaCy types the same name differently from sentence to sentence; a frame deciding whether an argument is an
    organisation should see what the whole text says about the name. Resolution still counts each mention once.
    """
    pooled: dict[str, dict[str, float]] = {}
    for m in mentions:
        if m.source == "hashtag":
            continue
        votes = pooled.setdefault(fold(m.text), {})
        for kind, w in m.type_votes:
            votes[kind] = votes.get(kind, 0.0) + w
    out = []
    for m in mentions:
        votes = pooled.get(fold(m.text))
        merged = tuple(sorted(votes.items())) if votes else m.type_votes
        out.append(m if merged == m.type_votes else replace(m, type_votes=merged))  # (a name said once: the same)
    return out

# A word's forms when they are its folded word and lemma alone, by (word, lemma): the same frozenset for every token.
_PAIRS: dict[tuple[str, str], frozenset[str]] = {}
_TRIPLES: dict[tuple[str, str, str], frozenset[str]] = {}  # forms by word, lemma and part of speech (see _all_forms)
PAIRS_KEPT = 100_000


class DocContext:
    """A parsed document (or chunk) with its mentions, indexed for the frame engine."""

    def __init__(self, doc: Document, parsed: Doc, mentions: list[Mention], offset: int = 0) -> None:
        self.doc = doc
        self.parsed = parsed
        self.offset = offset
        # Iterating a Doc makes new Token objects each time; the readers walk the tokens many times: keep one list.
        self.tokens: list[Token] = list(parsed)
        # Columns read once through ``to_array``: a Token's ``pos_`` or ``is_space`` costs a call each time.
        self.texts: list[str] = texts(parsed)
        self.pos: list[str] = [POS_NAMES[p] for p in parsed.to_array(POS).tolist()]
        self.words: list[str] = folded_words(parsed)
        self.lemmas: list[str] = folded_lemmas(parsed)
        text = doc.text
        self._line_starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
        end = offset + parsed_length(parsed)
        self.mentions = _pool_votes([m for m in mentions if offset <= m.start and m.end <= end])
        self.by_token: dict[int, Mention] = {}
        self.span_of: dict[tuple[int, int], tuple[int, int]] = {}  # mention key -> token [start, end)
        self.speakers: set[str] = set()
        self.memo: dict[tuple, object] = {}  # answers readers keep per document (keyed by reader name and token)
        for m in self.mentions:
            if self.is_speaker(m):
                self.speakers.add(fold(m.text))
                continue  # "Le Journal : ..." opens a line of an interview: a speaker, not an argument
            span = parsed.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None:
                continue
            self.span_of[(m.start, m.end)] = (span.start, span.end)
            for tok in span:
                self.by_token.setdefault(tok.i, m)
        self.forms: list[frozenset[str]] = self._all_forms()  # after the names
        self.sent_start, self.sent_end = self._sentences()
        speakers = len(SPEAKER_LINE.findall(text)) + len(ANSWER_LINE.findall(text))
        self.interview = speakers >= 2 or (speakers >= 1 and len(QUESTION_LINE.findall(text)) >= 2)
        self.topic = self._topic()
        self.section_topics = self._section_topics()

    def _section_topics(self) -> list[Mention | None]:
        """Per token, the organisation its section is about, or None. A section opens
        at a heading: a short line after the title with no closing punctuation that names an organisation first
        (« 3. X – 600 millions d'euros », « À propos de X », « X : le rachat de Y suit son cours »)."""
        out: list[Mention | None] = [None] * len(self.tokens)
        headings: list[tuple[int, int]] = []
        i = 0
        while i < len(self.tokens):
            a, b = self.sentence(i)
            line = [t for t in self.tokens[a:b] if not t.is_space]
            if a > 0 and 0 < len(line) <= 12 and line[-1].text not in HEADING_STOPS and (
                    b >= len(self.tokens) or "\n" in self.tokens[b - 1].whitespace_ or self.tokens[b - 1].is_space):
                headings.append((a, b))
            i = b
        if len(headings) < 2:  # one short line under the title is a caption or a byline, not a section
            return out
        for n, (a, b) in enumerate(headings):
            first = next((self.by_token[k] for k in range(a, b) if k in self.by_token), None)
            if first is None or not fits(first, ORGANISATION) or first.source == "hashtag":
                continue
            if all(self.by_token.get(k) is first or self.tokens[k].is_punct or self.tokens[k].is_space
                   for k in range(a, b)):
                continue  # « COMMUNIQUÉ », « Contact »: a line that is a name alone labels, it does not say
            until = headings[n + 1][0] if n + 1 < len(headings) else len(self.tokens)
            out[a:until] = [first] * (until - a)
        return out

    def section_topic(self, i: int) -> Mention | None:
        """The organisation the section holding token ``i`` is about, if a heading names one."""
        return self.section_topics[i]

    def _all_forms(self) -> list[frozenset[str]]:
        """``_forms`` of every token. Most words end in neither « e » nor « ent »: theirs is the pair of word and
        lemma, looked up in one pass (shared across documents, _PAIRS, since it depends on nothing else). The
        others' forms depend on their part of speech too, and on the words around only for a noun or adjective
        that is its own lemma (:meth:`_forms`): the rest are kept by word, lemma and part of speech (_TRIPLES)."""
        words, lemmas, pos, pairs, triples = self.words, self.lemmas, self.pos, _PAIRS, _TRIPLES
        out: list[frozenset[str] | None] = list(map(pairs.get, zip(words, lemmas, strict=True)))
        for i in [k for k, forms in enumerate(out) if forms is None]:  # (« e » / « ent » words, and new pairs)
            word, lemma = words[i], lemmas[i]
            if not word.endswith(("e", "ent")):
                if len(pairs) >= PAIRS_KEPT:  # (a year of news has many names and numbers: memory stays bounded)
                    pairs.clear()
                out[i] = pairs[(word, lemma)] = frozenset((word, lemma))
            elif i > 0 and pos[i] in {"NOUN", "ADJ"} and lemma == word and word.endswith("e"):
                out[i] = self._forms(i)  # (the words before it say whether it is a verb)
            else:
                key = (word, lemma, pos[i])
                forms = triples.get(key)
                if forms is None:
                    if len(triples) >= PAIRS_KEPT:
                        triples.clear()
                    forms = triples[key] = self._forms(i)
                out[i] = forms
        return cast("list[frozenset[str]]", out)  # (every None was replaced)

    def _forms(self, i: int) -> frozenset[str]:
        """The word and its lemma; for a present-tense verb the tagger read as a noun right after its subject (a
        name or a pronoun, or given a subject by the parser: « X siège au conseil », « la holding qui contrôle Y »),
        the infinitive too; likewise for
        a present tense the lemmatizer gave a wrong infinitive."""
        word, lemma = self.words[i], self.lemmas[i]
        pos = self.pos[i]
        if not word.endswith(("e", "ent")):
            return frozenset((word, lemma))  # (every case below reads a word ending in « e » or « ent »)
        if (
            pos in {"NOUN", "ADJ"}
            and i > 0
            and word.endswith("e")
            and lemma == word
            and (((self.pos[i - 1] in {"PROPN", "PRON"} or (i - 1 in self.by_token and i not in self.by_token))
                  and self.words[i - 1] not in {"le", "la", "l'"})
                 or any(c.dep_ == "nsubj" and c.i < i for c in self.tokens[i].children)  # « cette association … »
                 or self._after_apposition(i))
        ):
            return frozenset((word, lemma, word + "r"))
        if pos == "VERB" and lemma == word and word.endswith("e") and len(word) > 3:
            return frozenset((word, lemma, word + "r"))  # a present tense left as it is (« X pilote le marketing »)
        if pos == "VERB" and lemma != word and not lemma.endswith("er"):
            # the lemmatizer misreads present tenses of -er verbs: « fonde » -> « fondre », « lance » -> …
            if word.endswith("e"):
                return frozenset((word, lemma, word + "r"))
            if word.endswith("ent") and len(word) > 5:
                return frozenset((word, lemma, word[:-3] + "er"))
        return frozenset((word, lemma))

    def _after_apposition(self, i: int) -> bool:
        """« Le benjamin, X, pilote le marketing »: a name closed by a comma, then a verb (before « le / la »)."""
        return i + 1 < len(self.tokens) and self.words[i - 1] == "," and i - 2 in self.by_token and \
            self.words[i + 1] in {"le", "la", "les", "l'"}

    # ----- sentences -----
    def _sentences(self) -> tuple[list[int], list[int]]:
        """Sentence bounds per token. spaCy's parser sometimes starts a sentence in the middle of a name or a list;
        a sentence here runs from a full stop, a line break or a spaCy start after closing punctuation, to the next.
        A token's trailing whitespace is one space or none, so a line break is a space token's."""
        n = len(self.tokens)
        texts = self.texts
        space = self.parsed.to_array(IS_SPACE).tolist()
        sent_start = [s == 1 for s in self.parsed.to_array(SENT_START).tolist()]  # 1 a start, -1 (2**64 - 1) not
        bounds = [0]
        for i in range(1, n):
            prev = texts[i - 1]
            # a colon ends a sentence before a quotation or after a speaker (« Le Journal : … »), not before a list
            # (« … compte 22 membres : A, B et C »)
            if (space[i - 1] and "\n" in prev) or (prev in SENTENCE_END and not space[i]) or (sent_start[i] and (
                    prev in CLOSING or (prev == ":" and (texts[i] in {"«", '"', "“"} or
                                                         i - 1 - bounds[-1] <= SPEAKER_WORDS)))):
                bounds.append(i)
        bounds.append(n)
        starts: list[int] = []
        ends: list[int] = []
        for a, b in pairwise(bounds):  # (a sentence per pair of bounds, as starts and ends per token)
            starts += [a] * (b - a)
            ends += [b] * (b - a)
        return starts, ends

    def sentence(self, i: int) -> tuple[int, int]:
        return self.sent_start[i], self.sent_end[i]

    def sentence_back(self, i: int, n: int) -> int:
        """The first token of the ``n``-th sentence before token ``i``'s (0 past the text's start)."""
        start = self.sent_start[i]
        for _ in range(n):
            start = self.sent_start[start - 1] if start > 0 else 0
        return start

    @cached_property
    def punct(self) -> list[bool]:
        """Per token, whether it is punctuation (one ``to_array`` instead of a Token call per question)."""
        return [p == 1 for p in self.parsed.to_array(IS_PUNCT).tolist()]

    @cached_property
    def deps(self) -> list[str]:
        """Per token, its dependency label (« nsubj », « aux:pass »...), read once."""
        strings = self.parsed.vocab.strings
        return [strings[h] for h in self.parsed.to_array(DEP).tolist()]

    @cached_property
    def verb_forms(self) -> list[str]:
        """Per token, its morphology's ``VerbForm`` (« Inf », « Part », « Fin » or "")."""
        return morph_feature(self.parsed, "VerbForm")

    @cached_property
    def moods(self) -> list[str]:
        """Per token, its ``Mood`` (« Cnd » for the conditional): asked of every verb a trigger stands on."""
        return morph_feature(self.parsed, "Mood")

    @cached_property
    def numbers(self) -> list[str]:
        """Per token, its ``Number`` (« Sing », « Plur »; « Plur,Sing » as ``morph.get`` would list them)."""
        return morph_feature(self.parsed, "Number")

    @cached_property
    def tenses(self) -> list[str]:
        """Per token, its ``Tense`` (« Imp » for the imperfect, « Pres »...)."""
        return morph_feature(self.parsed, "Tense")

    # ----- mentions -----
    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every (folded) word of the text, made once, when a frame first asks what the text talks about."""
        return frozenset(self.words)

    def phrase_ending(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """The length of the first of ``phrases`` whose last word is token ``k`` in its sentence (0 if none):
        « s'était en revanche offert » has « en revanche » ending before the verb."""
        start, words = self.sent_start[k], self.words
        for p in by_last_word(phrases).get(words[k], ()):
            if k - len(p) + 1 >= start and tuple(words[k - len(p) + 1 : k + 1]) == p:
                return len(p)
        return 0

    def phrase_starting(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """The length of the first of ``phrases`` whose first word is token ``k`` in its sentence (0 if none)."""
        end, words = self.sent_end[k], self.words
        for p in by_first_word(phrases).get(words[k], ()):
            if k + len(p) <= end and tuple(words[k : k + len(p)]) == p:
                return len(p)
        return 0

    def mention(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def bounds(self, m: Mention) -> tuple[int, int]:
        """Token [start, end) of a mention of this document (a reference: the pronoun's token)."""
        found = self.span_of.get((m.start, m.end))
        if found is not None:
            return found
        span = self.parsed.char_span(m.start - self.offset, m.end - self.offset, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)

    def is_speaker(self, m: Mention) -> bool:
        """A name opening a line (after an article at most) and followed by a colon: an interview's speaker."""
        text = self.doc.text
        line = self._line_starts[bisect.bisect_right(self._line_starts, m.start) - 1]
        if m.start - line > 8:
            return False
        prefix = fold(text[line : m.start]).strip()
        return prefix in {"", "le", "la", "l'", "les"} and text[m.end : m.end + 3].lstrip(" ").startswith(":")

    def _topic(self) -> Mention | None:
        """The organisation the text is about: the one named most often (first named wins a tie). It *dominates*
        the text (``dominant_topic``) when it is named at least three times and twice as often as any other."""
        self.dominant_topic: Mention | None = None
        counts = Counter(
            fold(m.text)
            for m in self.mentions
            if kind_of(m) == "Organization"
            and not m.initial
            and fold(m.text) not in self.speakers
            and m.source != "hashtag"
        )
        if not counts:
            return None
        best = max(counts.values())
        ranked = sorted(counts.values(), reverse=True)
        for m in self.mentions:
            if counts.get(fold(m.text)) == best and kind_of(m) == "Organization" and m.source != "hashtag":
                if best >= 3 and (len(ranked) == 1 or best >= 2 * ranked[1]):
                    self.dominant_topic = m
                return m
        return None

    def refer(self, i: int, target: Mention, source: str = "reference") -> Mention:
        """A mention of ``target`` at the place of the pronoun or description at token ``i`` that points to it."""
        tok = self.tokens[i]
        return Mention(
            doc_id=target.doc_id,
            start=self.offset + tok.idx,
            end=self.offset + tok.idx + len(tok.text),
            text=target.text,
            type_votes=target.type_votes,
            source=source,
        )

    # ----- evidence -----
    def evidence(
        self,
        first: int,
        last: int,
        rule: str,
        confidence: float,
        mentions: Iterable[Mention],
        attributes: Iterable[tuple[str, str]] = (),
    ) -> Evidence:
        """Evidence for a fact read in the sentence of token ``first``, spanning the cue and both arguments.

        The quoted span runs from the first to the last of the cue and the arguments named in the sentence, so it
        contains both ends of the fact (a reference's antecedent may lie in another sentence)."""
        a, b = self.sentence(first)
        s_start = self.offset + self.tokens[a].idx
        s_end = self.offset + self.tokens[b - 1].idx + len(self.tokens[b - 1].text)
        text = self.doc.text[s_start:s_end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        s_start += lead
        s_end = s_start + len(text)
        cue_start = self.offset + self.tokens[first].idx
        cue_end = self.offset + self.tokens[last].idx + len(self.tokens[last].text)
        mentions = list(mentions)
        points = [cue_start, cue_end] + [p for m in mentions for p in (m.start, m.end)]
        start, end = max(min(points), s_start), min(max(points), s_end)
        if end <= start:
            start, end = s_start, s_end
        return Evidence(
            doc_id=self.doc.doc_id,
            sentence=TextSpan(s_start, s_end, " ".join(text.split())),
            start=start,
            end=end,
            rule=rule,
            confidence=round(confidence, 3),
            attributes=tuple(sorted((k, v) for k, v in attributes if v)),
        )

    def span(self, a: int, b: int) -> Span:
        return self.parsed[a:b]
