"""The name a participle describes, whatever its place: « Y, racheté par X » (the name before it), « Racheté par
X, Y … » (fronted: the subject of the main clause, after the participle's own complements), « le groupe dirigé par
X » (a description: its referent), « la société, basée à X » (a description before the comma).

A mixin of :class:`kg.extract.arguments.Arguments` (it uses its ``names_of`` and its readers); kept apart from
arguments.py, which is at its size limit. The pieces it calls are in :mod:`kg.extract.participles`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.acting import acting_on
from kg.extract.complements import ANY, NONE, Found
from kg.extract.context import DocContext
from kg.extract.frames import Lexicon
from kg.extract.participles import (
    apposed_name,
    before_comma,
    compared,
    coordinated_with_opening,
    first_conjunct,
    governor_subject,
)
from kg.extract.readers import Reader
from kg.extract.reference import References
from kg.model import Mention

MAX_APPOSED = 7  # tokens of « une place de marché » read back from a participle to the name it is apposed to

class DescribedNames:
    ctx: DocContext
    reader: Reader
    refs: References
    lex: Lexicon

    def names_of(self, tok: Token, allowed: frozenset[str] = ANY) -> Found:
        raise NotImplementedError

    def modified(self, head: Token, a: int, b: int, after: int = 0) -> Found:
        """The name a participle describes: « Y, racheté par X » (before it), « Racheté par X, Y … » (fronted:
        the subject of the main clause, after the participle's own complements, which end at ``after``)."""
        ctx = self.ctx
        first = first_conjunct(head)
        if first.i != head.i:
            head, a, b = first, first.i, first.i + 1
        start, end = ctx.sentence(a)
        fronted = a == start or all(ctx.tokens[k].is_punct or ctx.tokens[k].is_space for k in range(start, a)) \
            or coordinated_with_opening(ctx, a)
        if fronted:
            subject = governor_subject(head)
            found = self.names_of(subject) if subject is not None else NONE
            if found.mentions and subject is not None:
                return Found(found.mentions[:1] + compared(ctx, self.reader, a, subject.i), found.how)
            b = max(b, after, head.right_edge.i + 1 if head.dep_ == "advcl" and head.right_edge.i < end else 0)
            for k in range(b, end):
                tok = ctx.tokens[k]
                if tok.pos_ in {"VERB", "AUX"} and ("Fin" in ctx.verb_forms[k] or any(
                        c.dep_ in {"nsubj", "nsubj:pass"} and c.i >= b for c in tok.children)):  # (mis-tagged)
                    for child in tok.children:
                        if child.dep_ in {"nsubj", "nsubj:pass"} and child.i >= b:
                            found = self.names_of(child)
                            if found.mentions:  # « Installée à Y, comme Z, X … »: Z too
                                return Found(found.mentions[:1] + compared(ctx, self.reader, a, child.i), found.how)
                    break
            for k in range(b, end - 1):
                if ctx.words[k] == "," and self.reader.apposed_description(k + 1, end):
                    continue  # « Créée par A et B, docteur en biologie, la société … »: B's apposition
                if ctx.words[k] == ",":
                    names = self.reader.names_at(k + 1, end)
                    if names:
                        return Found(tuple(names[:1]), "parse")
                    j = self.reader.skip_description(k + 1, end)
                    m = self.refs.within(k + 1, j, ANY)
                    if m is not None:
                        return Found((m,), "reference")
                    break
            return NONE
        surface = before_comma(ctx, self.reader, self.lex, a)
        if surface is not None:
            return surface
        if head.dep_ in {"acl", "amod", "appos"} and ctx.mention(head.head.i) is not None:
            return Found((ctx.mention(head.head.i),), "parse")
        apposed = apposed_name(ctx, head)
        if apposed is not None:
            return Found((apposed,), "parse")
        if head.dep_ in {"acl", "amod"} and head.head.i < a and self.refs.is_definite(head.head.i):
            m = self.refs.resolve(head.head.i, ANY, acting_on(self.refs, head.head.i))  # « le groupe dirigé par X »
            if m is not None:
                return Found((m,), "reference")
        k = self.reader.skip_description_back(a, start) - 1
        if k >= start and ctx.words[k] == ",":  # « A et B, regroupés au sein de Y »
            names = self.reader.names_before(k, start)
            if names:
                return Found(tuple(names), "surface")
        m = self.reader.name_before(a)
        if m is not None:
            return Found((m,), "surface")
        m = self._past_indefinite(a, start)
        if m is not None:
            return Found((m,), "surface")
        # « la société, basée à X »
        if k >= start and ctx.words[k] == ",":
            j = self.reader.skip_description_back(k, start)
            if j < k and j - 2 >= start and ctx.words[j - 1] == "," and ctx.mention(j - 2) is not None:
                return Found((ctx.mention(j - 2),), "parse")  # « Y, sa régie omnicanale, pilotée par X »
            if j < k:  # (not the subject acting on it: « La venue de Y va soutenir l'essor de la société, »)
                acting = next((acting_on(self.refs, d) for d in range(j, k) if self.refs.is_definite(d)), ())
                m = self.refs.within(j, k, ANY, acting)
                if m is not None:
                    return Found((m,), "reference")
        return NONE

    def _past_indefinite(self, a: int, start: int) -> Mention | None:
        """« Y, une place de marché cédée à Z en 2008 »: the name before an indefinite noun phrase in apposition
        that the participle at ``a`` ends, whatever its noun."""
        ctx = self.ctx
        j = a - 1
        while j > start and a - j <= MAX_APPOSED and ctx.mention(j) is None and ctx.words[j] != "," and \
                ctx.tokens[j].pos_ in {"NOUN", "ADJ", "ADP", "DET"}:
            j -= 1
        if j - 1 >= start and ctx.words[j] == "," and j + 1 < a and ctx.words[j + 1] in {"un", "une"}:
            return ctx.mention(j - 1)
        return None
