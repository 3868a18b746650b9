"""Who « nous » speaks for: the organisation of « chez X » in the sentence, or, in an interview or a quotation,
the interviewee's organisation (« Name (Organisation) » opening the text), else the text's organisation.

A mixin of :class:`kg.extract.reference.References` (it uses its ``ctx``, ``reader``, ``lex`` and ``_topic``), kept
apart from reference.py, which is at its size limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.context import DocContext, fits, kind_of
from kg.extract.frames import Lexicon
from kg.model import Mention

if TYPE_CHECKING:
    from kg.extract.readers import Reader

ORG = frozenset({"Organization"})


class Speakers:
    ctx: DocContext
    reader: Reader
    lex: Lexicon

    def _topic(self, i: int, skip: set[str], dominant: bool = False) -> Mention | None:
        raise NotImplementedError

    def is_we(self, i: int) -> bool:
        """« nous », « notre », « nos »; in an interview also « vous », « votre », « vos » (the interviewer
        addresses the interviewee's organisation)."""
        word = self.ctx.words[i]
        if self.ctx.mention(i) is not None:
            return False
        return word in self.lex.we_pronouns | self.lex.we_possessives or (
            self.ctx.interview and word in {"vous", "votre", "vos"})

    def we(self, i: int) -> Mention | None:
        """The organisation « nous » speaks for."""
        ctx = self.ctx
        start, end = ctx.sentence(i)
        for k in range(start, end):
            if ctx.words[k] == "chez" and k + 1 < end:
                names = self.reader.names_at(k + 1, end)
                if names and fits(names[0], ORG):
                    return ctx.refer(i, names[0])
        if not (ctx.interview or self._quoted(i)):
            return None
        speaker = self.speaker_org()
        if speaker is not None:
            return ctx.refer(i, speaker)
        return self._topic(i, set())

    def speaker_org(self) -> Mention | None:
        """The organisation of the interviewee, when the text opens on « Name (Organisation) »."""
        if not hasattr(self, "_speaker_org"):
            ctx = self.ctx
            self._speaker_org = None
            limit = min(len(ctx.tokens), 40)
            for k in range(limit - 2):
                m = ctx.mention(k)
                if m is not None and kind_of(m) == "Person" and ctx.words[ctx.bounds(m)[1]] == "(":
                    org = ctx.mention(ctx.bounds(m)[1] + 1)
                    if org is not None and fits(org, ORG):
                        self._speaker_org = org
                        break
                if "\n" in ctx.tokens[k].text:
                    break
        return self._speaker_org

    def _quoted(self, i: int) -> bool:
        """Token ``i`` is inside « … » or a quotation mark pair on its line."""
        ctx = self.ctx
        opened = 0
        k = i - 1
        while k >= 0 and "\n" not in ctx.tokens[k].text and "\n" not in ctx.tokens[k].whitespace_:
            if ctx.words[k] == "«":
                opened += 1
            elif ctx.words[k] == "»":
                opened -= 1
            k -= 1
        return opened > 0
