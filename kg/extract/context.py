"""What relation rules need to know about one parsed document: which token belongs to which mention, what kind
each mention is, who the subjects of a verb are, and which organisation a text is about.

The helpers here follow the Universal Dependencies labels of spaCy's French models (nsubj, nsubj:pass, obl:agent,
obj, obl, appos, nmod, conj, acl, xcomp, advcl).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import fold, relation_cues
from kg.model import Document, Evidence, Mention
from kg.model import Span as TextSpan

NAME_DEPS = {"appos", "flat:name", "flat", "nmod", "compound", "fixed", "dep", "amod"}
LIST_DEPS = {"conj", "appos"}
# A fact whose argument is a pronoun or a description resolved to an entity named elsewhere ("vous", "le groupe")
# is less sure than one naming both sides in the sentence.
REFERENCE_FACTOR = 0.85
# a label opening a line: blanks before it stay on its line (``^\s*`` ran across every blank line that follows,
# quadratic on a text whose furniture was blanked into long runs of spaces and newlines: issue 13)
SPEAKER_LINE = re.compile(r"^[^\S\n]*[\w.’'\- ]{1,40}\s?:\s+\S", re.M)


def kind_of(m: Mention) -> str:
    """The type a mention's own votes favour."""
    if not m.type_votes:
        return "Organization"
    return max(m.type_votes, key=lambda kv: kv[1])[0]


def is_org(m: Mention) -> bool:
    return kind_of(m) == "Organization"


def _pool_votes(mentions: list[Mention]) -> list[Mention]:
    """Each mention with the votes of every mention of the same name in the document.

    spaCy types the same name differently from sentence to sentence ("Quantix" ORG here, PER there); a rule
    deciding whether an argument is an organisation should see what the whole text says about the name. Only the
    rules see pooled votes: resolution still counts each mention's own votes once.
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
        out.append(replace(m, type_votes=tuple(sorted(votes.items()))) if votes else m)
    return out


@lru_cache(maxsize=4)
def _line_index(text: str) -> tuple[list[int], list[int]]:
    """The offset of each line's start and of its first non-blank character, computed once per text.

    ``_is_speaker`` looks back from a mention to its line start; scanning back with ``rfind`` and folding the whole
    stretch cost O(line length) per mention, so quadratic on one huge line (issue 13). With this index a look-back
    is a bisection, and only a few characters are ever folded.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    firsts = [m.end() for m in re.finditer(r"(?m)^[^\S\n]*", text)]
    return starts, firsts


def _is_speaker(text: str, m: Mention) -> bool:
    """A name opening a line (after an article at most) and followed by a colon: an interview's speaker label."""
    if not text[m.end : m.end + 3].lstrip(" ").startswith(":"):
        return False
    starts, firsts = _line_index(text)
    first = firsts[bisect_right(starts, m.start) - 1]
    if m.start - first > 8:  # longer than any article: not a line opening
        return False
    prefix = fold(text[first : m.start]).strip() if first < m.start else ""
    return prefix in {"", "le", "la", "l'", "les"}


class DocContext:
    """A parsed document (or chunk) with its mentions, indexed for the rules."""

    def __init__(self, doc: Document, parsed: Doc, mentions: list[Mention], offset: int = 0) -> None:
        self.doc = doc
        self.parsed = parsed
        self.offset = offset
        # Iterating a Doc makes new Token objects each time; rules walk the tokens many times, so keep one list.
        self.tokens: list[Token] = list(parsed)
        self.lemmas: list[str] = [fold(t.lemma_) for t in self.tokens]
        self.verbs: list[Token] = [t for t in self.tokens if t.pos_ in {"VERB", "AUX"}]
        end = offset + len(parsed.text)  # Doc.text joins every token: compute it once, not once per mention
        self.mentions = _pool_votes([m for m in mentions if offset <= m.start and m.end <= end])
        self.by_token: dict[int, Mention] = {}
        text = doc.text
        for m in self.mentions:
            if _is_speaker(text, m):
                continue  # "Le Journal : ..." opens a line of an interview: a speaker, not an argument
            span = parsed.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, m)
        self.topic = self._topic()
        self.interview = len(SPEAKER_LINE.findall(doc.text)) >= 2
        self.we_pronouns = {fold(w) for w in relation_cues()["reference"]["we_pronouns"]}
        self.definite_nouns = {fold(w) for w in relation_cues()["reference"]["definite_nouns"]}

    def _topic(self) -> Mention | None:
        """The organisation the text is about: the one named most often (first named wins a tie)."""
        text = self.doc.text
        speakers = {fold(m.text) for m in self.mentions if _is_speaker(text, m)}
        # the interviewer's outlet opening question lines ("Le Journal : ...") is not what the text is about
        counts = Counter(fold(m.text) for m in self.mentions
                         if is_org(m) and not m.initial and fold(m.text) not in speakers)
        if not counts:
            return None
        best = max(counts.values())
        for m in self.mentions:
            if counts.get(fold(m.text)) == best and is_org(m):
                return m
        return None

    # ----- mentions of tokens -----
    def mention(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def names_under(self, tok: Token, depth: int = 2, deps: set[str] = NAME_DEPS) -> list[Mention]:
        """The mention of ``tok``, else the mentions its name-like dependents carry ("la société X" -> X)."""
        m = self.mention(tok)
        if m is not None:
            return [m]
        if depth == 0:
            return []
        found: list[Mention] = []
        for child in tok.children:
            if child.dep_ in deps and child.i not in {t.i for t in tok.ancestors}:
                for cm in self.names_under(child, depth - 1, deps):
                    if cm not in found:
                        found.append(cm)
            if found:
                break
        return found

    def conjuncts(self, tok: Token) -> list[Token]:
        """``tok`` and the words coordinated with it ("X, Y et Z")."""
        out = [tok]
        for c in tok.conjuncts:
            if c.i not in {t.i for t in out}:
                out.append(c)
        return sorted(out, key=lambda t: t.i)

    def arguments(self, tok: Token, depth: int = 2) -> list[Mention]:
        """The mentions a subject or object token stands for, coordination expanded."""
        found: list[Mention] = []
        for t in self.conjuncts(tok):
            for m in self.names_under(t, depth):
                if m not in found:
                    found.append(m)
            if self.topic is not None and (self._is_we(t) or (not found and self._is_definite(t))):
                found.append(self.refer(t, self.topic))
        return found

    def _is_we(self, tok: Token) -> bool:
        """"nous" / "vous" of an interviewee, who speaks for their organisation."""
        return self.interview and not self.mention(tok) and fold(tok.text) in self.we_pronouns

    def _is_definite(self, tok: Token) -> bool:
        """"le groupe", "la société", "le réseau social": a definite description of an organisation."""
        return (
            tok.pos_ == "NOUN"
            and fold(tok.lemma_) in self.definite_nouns
            and any(fold(c.text) in {"le", "la", "l'", "les", "ce", "cette"} for c in tok.children)
        )

    def refer(self, tok: Token, target: Mention) -> Mention:
        """A mention of ``target`` at the place of a pronoun or definite description that points to it."""
        return Mention(
            doc_id=target.doc_id,
            start=self.offset + tok.idx,
            end=self.offset + tok.idx + len(tok.text),
            text=target.text,
            type_votes=(),
            source="reference",
        )

    def subjects(self, verb: Token, _depth: int = 0) -> tuple[list[Mention], bool]:
        """The subjects of ``verb`` (its own, or inherited from the verb it depends on) and whether it is passive."""
        passive = any(c.dep_ in {"nsubj:pass", "aux:pass"} for c in verb.children)
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubj:pass"}:
                found = self.arguments(child)
                if found:  # a verb may carry two subjects in a broken parse ("Journal : vous avez lancé")
                    return found, passive
        # an infinitive or participle takes the subject of the verb it depends on; spaCy sometimes hangs it from
        # an auxiliary it mis-parsed ("a expliqué avoir récupéré"), which passes the subject on the same way
        inherits = verb.dep_ in {"xcomp", "ccomp", "advcl", "conj", "acl", "acl:relcl"} or (
            (verb.head.pos_ == "AUX" or verb.pos_ == "AUX") and verb.dep_ not in {"nsubj", "obj"})
        if _depth < 3 and inherits and verb.head is not verb:
            if verb.dep_ in {"acl", "acl:relcl"}:
                return self.names_under(verb.head), passive
            subj, _ = self.subjects(verb.head, _depth + 1)
            return subj, passive
        return [], passive

    # ----- text and evidence -----
    def sentence_of(self, tok: Token) -> Span:
        return tok.sent

    def evidence(self, tok_or_span: Token | Span, rule: str, confidence: float, *mentions: Mention,
                 attributes: Iterable[tuple[str, str]] = ()) -> Evidence:
        """Evidence for a fact read in the sentence of ``tok_or_span``, spanning the cue and the mentions."""
        sent = tok_or_span.sent
        s_start = self.offset + sent.start_char
        s_end = self.offset + sent.end_char
        text = self.doc.text[s_start:s_end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        s_start += lead
        s_end = s_start + len(text)
        cue_start = self.offset + (tok_or_span.idx if isinstance(tok_or_span, Token) else tok_or_span.start_char)
        cue_end = cue_start + len(tok_or_span.text)
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
            confidence=round(confidence * (REFERENCE_FACTOR if any(m.source == "reference" for m in mentions)
                                           else 1.0), 3),
            attributes=tuple(sorted((k, v) for k, v in attributes if v)),
        )

    def negated(self, verb: Token) -> bool:
        words = set(relation_cues()["modality"]["negation_words"])
        return any(fold(c.text) in words for c in verb.children) and any(
            fold(c.text) in {"ne", "n'"} for c in verb.children
        )

    def modal(self, verb: Token) -> bool:
        """The fact is only possible, wished or planned: "pourrait racheter", "envisage de racheter"."""
        modals = set(relation_cues()["modality"]["modal_lemmas"])
        if "Cnd" in verb.morph.get("Mood") or any("Cnd" in c.morph.get("Mood") for c in verb.children
                                                   if c.dep_.startswith("aux")):
            return True
        head = verb.head
        return verb.dep_ in {"xcomp", "ccomp"} and fold(head.lemma_) in modals
