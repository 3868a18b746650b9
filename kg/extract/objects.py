"""What a verb is done to, when a noun names it: the provider of the data a frame's verb uses (« utilise les
données de Y », « les tweets Y », « ses données »), whether the sentence names such a noun at all, and the company
a share is of (« détient 20 % de Y », « X en possède 20 % »).

A mixin of :class:`kg.extract.arguments.Arguments` (through which it has the noun complements of
:class:`~kg.extract.complements.NounComplements`); kept apart so each module stays small.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.complements import NONE, Found, NounComplements
from kg.extract.frames import Frame
from kg.extract.readers import LINKS
from kg.model import Mention


class ObjectReaders(NounComplements):
    def patient_of(self, head: Token, b: int, frame: Frame) -> Found:
        """The provider of what the verb uses: « utilise les données de Y », « les tweets Y », « ses données »."""
        ctx = self.ctx
        _, end = ctx.sentence(head.i)
        for k in range(b, min(end, b + 12)):
            if ctx.lemmas[k] in frame.object_nouns or ctx.words[k] in frame.object_nouns:
                j = k + 1
                while j < end and ctx.tokens[j].pos_ == "ADJ":
                    j += 1
                if j < end and ctx.words[j] in {"et", "ou"}:  # « les données et les espaces publicitaires de Y »
                    n = j + 1
                    while n < min(end, j + 5) and ctx.mention(n) is None and ctx.tokens[n].pos_ in {"DET", "NOUN",
                                                                                                    "ADJ"}:
                        n += 1
                    j = n if n < end and ctx.words[n] in LINKS else j
                if j < end and ctx.mention(j) is not None:
                    return Found((ctx.mention(j),), "parse")
                if j < end and ctx.words[j] in LINKS:
                    names = self.reader.names_at(j + 1, end) or self._owner_past_kind(j + 1, end)
                    if names:
                        return Found(tuple(names), "parse")
                names = self._provided_by(k + 1, end)
                if names:
                    return Found(tuple(names), "parse")
                if k > 0 and ctx.words[k - 1] in self.lex.possessives:
                    m = self.refs.possessive(k - 1)
                    return Found((m,), "reference") if m is not None else NONE
                return NONE
        return NONE

    def _owner_past_kind(self, j: int, end: int) -> list[Mention]:
        """« les données de géolocalisation de l'opérateur Y »: past a bare noun that says what kind of data it is
        (no determiner), the next « de » names its owner."""
        ctx = self.ctx
        n = j
        while n < min(end, j + 4) and ctx.mention(n) is None and (ctx.tokens[n].pos_ in {"NOUN", "ADJ"} or (
                ctx.tokens[n].pos_ == "VERB" and "Part" in ctx.verb_forms[n])):
            n += 1  # « de santé anonymisées de Y »
        return self.reader.names_at(n + 1, end) if j < n < end and ctx.words[n] in LINKS else []

    def _provided_by(self, j: int, end: int) -> list[Mention]:
        """« les données de navigation fournies par l'opérateur Y »: a participle and « par » after the data name
        its source."""
        ctx = self.ctx
        for n in range(j, min(end - 1, j + 6)):
            if ctx.mention(n) is not None or ctx.tokens[n].pos_ in {"AUX", "PUNCT"}:
                return []
            if ctx.words[n + 1] == "par" and ctx.tokens[n].pos_ in {"VERB", "ADJ"} and \
                    "Part" in ctx.verb_forms[n]:
                return self.reader.names_at(n + 2, end)
        return []

    def has_object_noun(self, b: int, frame: Frame) -> bool:
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        return any(ctx.lemmas[k] in frame.object_nouns or ctx.words[k] in frame.object_nouns
                   for k in range(b, min(end, b + 12)))

    def share_of(self, b: int, a: int = -1, holders: tuple[Mention, ...] = ()) -> Found:
        """« détient 20 % de Y », « possède 68 % du capital de Y », « la majorité de Y »; « X en possède 20 % »:
        « en » stands for the organisation named before (in the sentence, else the previous sentence's subject), as
        « son » does in « X détient 18 % de son capital »."""
        ctx = self.ctx
        start, end = ctx.sentence(b - 1)
        for k in range(b, min(end, b + 6)):
            if ctx.words[k] in {"%", "pourcent", "majorite", "moitie", "totalite", "part", "parts", "tiers", "quart"}:
                j = k + 1
                if j + 2 < end and ctx.words[j] in {"de", "d'"} and ctx.words[j + 1] in self.lex.possessives and \
                        ctx.words[j + 2] == "capital":  # « X détient 18 % de son capital »: whose, not X's
                    m = self.refs.possessive(j + 1, holders)
                    return Found((m,), "reference") if m is not None and m not in holders else NONE
                for words in (("du", "capital", "de"), ("du", "capital", "du"), ("du", "capital", "d'"),
                              ("de", "l'", "action"), ("de",), ("d'",), ("du",), ("des",)):
                    nxt = self.reader.match(j, words)
                    if nxt > 0:
                        names = self.reader.names_at(nxt, end)
                        return Found(tuple(names[:1]), "parse") if names else NONE
                if a > start and ctx.words[a - 1] == "en":
                    return self.of_clitic(a - 1, start, holders)
        return NONE

    def whole_of(self, b: int) -> Found:
        """« a racheté la totalité du capital de Y », « a mis la main sur l'intégralité de Y », « 100 % de Y »: the
        whole of a company is the company (a part of it is a share: :meth:`share_of`)."""
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        if b + 1 < end and ctx.words[b] == "100" and ctx.words[b + 1] in {"%", "pourcent"}:
            return self.share_of(b)  # « a racheté 100 % de Y »
        k = b + 1 if b < end and ctx.pos[b] == "DET" else b
        if k >= end or ctx.words[k] not in self.lex.whole_nouns:
            return NONE
        return self.share_company(b, end)
