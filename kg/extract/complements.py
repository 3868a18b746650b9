"""The complements of a trigger: a noun's, the slots a noun shares with its verb, and what a clitic or a
preposition's noun stands for.

    « le rachat de Y »                       of Y                 (noun_of; past an amount: « une offre de 3 Md€ de X »)
    « X a finalisé le rachat de Y »          support X            (the subject of a support verb)
    « Y a rejeté l'offre de X »              status_target Y      (who answers an offer is its target)
    « sa filiale », « X, dont le siège … »   possessor, whose     (a possessive, « dont »)
    « un partenariat entre A et B »          between A, B
    « le tour de table réunit A, B et C »    verb_object          (the object of a « having » verb)
    « un tour auquel ont participé A et B »  joined_by            (the subject of a relative « joining » verb)
    « X y a investi », « X en détient 6 % »  clitic_object        (the organisation named before)
    « sur sa compatriote X », « à Lyon, en France »               (any noun before a name; a wider place)

A mixin of :class:`kg.extract.arguments.Arguments`, which gives it the verb readers (``subject``, ``prep``, ``voice``,
``object``) these slots lean on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.context import DocContext, kind_of
from kg.extract.frames import Frame, Lexicon
from kg.extract.modality import governing_verb, modal, negated
from kg.extract.readers import LINKS, Reader
from kg.extract.reference import References
from kg.model import Mention

RELATIVE_OBJECTS = {"auquel", "auxquels", "auxquelles", "laquelle", "lequel", "lesquels", "lesquelles"}
ANY = frozenset({"Organization", "Person", "Place", "Product", "Event", "CreativeWork"})


@dataclass(frozen=True)
class Found:
    mentions: tuple[Mention, ...] = ()
    how: str = ""  # "parse", "surface", "reference"


NONE = Found()


class NounComplements:
    ctx: DocContext
    reader: Reader
    refs: References
    lex: Lexicon

    def between(self, b: int) -> Found:
        """« entre X et Y » after the trigger."""
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        for k in range(b, min(end, b + 8)):
            if ctx.words[k] == "entre":
                names = self.reader.names_at(k + 1, end)
                return Found(tuple(names), "parse") if len(names) >= 2 else NONE
        return NONE

    # ----- nouns -----

    def noun_of(self, b: int) -> Found:
        """« le rachat de Y », « l'acquisition du lyonnais Y »: the de-complement of a noun."""
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        k = b
        while k < end and (ctx.tokens[k].pos_ == "ADJ" or ctx.tokens[k].is_quote or ctx.words[k] in {"-", "»", "«"}):
            k += 1
        k = self._past_amount(k, end)  # « une offre de 3 milliards d'euros de X sur Y »
        if k < end and ctx.words[k] in LINKS:
            names = self.reader.names_at(k + 1, end)
            if names:
                return Found(tuple(names), "parse")
            m = self.refs.within(k + 1, self.reader.skip_description(k + 1, end), ANY)
            if m is not None:
                return Found((m,), "reference")
        elif k < end and ctx.mention(k) is not None:  # « le rachat Y » is rare; a name right after: « l'OPA X »
            return NONE
        return NONE

    def _past_amount(self, k: int, end: int) -> int:
        """The index after « de 3 milliards d'euros » / « à 31 livres par action » at ``k``, else ``k``."""
        ctx = self.ctx
        if not (k + 1 < end and ctx.words[k] in {"de", "d'", "a"} and ctx.tokens[k + 1].like_num):
            return k
        j = k + 1
        money = self.lex.money_words
        while j < end and (ctx.tokens[j].like_num or ctx.words[j] in money or ctx.words[j] in {"par", "action"} or (
                ctx.words[j] in {"de", "d'"} and j + 1 < end and ctx.words[j + 1] in money)):
            j += 1
        return j

    def status_target(self, head: Token, frame: Frame, allowed: frozenset[str]) -> Found:
        """Who declines, accepts, receives or studies an offer: its target (« Y a rejeté l'offre de X »)."""
        verb = governing_verb(self.ctx, head.i)
        if verb is None or head.dep_ in {"nsubj", "nsubj:pass"}:
            return NONE
        status = dict(frame.status_verbs).get(self.ctx.lemmas[verb.i], "")
        if status not in {"declined", "accepted", "received", "under review"}:
            return NONE
        return self.subject(verb, allowed)

    def support(self, head: Token, allowed: frozenset[str]) -> Found:
        """The subject of the support verb a noun is the object of: « X a finalisé l'acquisition de Y »."""
        verb = governing_verb(self.ctx, head.i)
        if verb is None or head.dep_ in {"nsubj", "nsubj:pass"}:
            return NONE
        if self.ctx.lemmas[verb.i] not in self.lex.support_verbs:
            return NONE
        voice = self.voice(verb, verb.i)
        if voice == "passive":
            return self.prep(("par",), verb.i + 1)
        if voice == "participle":
            return self.prep(("par",), verb.i + 1)
        return self.subject(verb, allowed)

    def led_by(self, head: Token, allowed: frozenset[str]) -> Found:
        """Who leads what the noun names: « X a mené le tour de table », « le tour a été conduit par X »."""
        verb = governing_verb(self.ctx, head.i)
        if verb is None or self.ctx.lemmas[verb.i] not in self.lex.leading_verbs:
            return NONE
        if head.dep_ == "nsubj:pass" or self.voice(verb, verb.i) != "active":
            return self.prep(("par",), verb.i + 1)
        return NONE if head.dep_ == "nsubj" else self.subject(verb, allowed)

    def whose(self, a: int) -> Found:
        """The name « dont » stands for before a noun: « X, dont le siège est à Lille » (X's seat)."""
        ctx = self.ctx
        start, _ = ctx.sentence(a)
        k = a - 1
        while k >= start and (ctx.tokens[k].pos_ in {"DET", "ADJ"}):
            k -= 1
        if k - 1 < start or ctx.words[k] != "dont":
            return NONE
        m = self.reader.name_before(k, start)
        return Found((m,), "parse") if m is not None else NONE

    def possessor(self, a: int) -> Found:
        ctx = self.ctx
        start, _ = ctx.sentence(a)
        k = a - 1
        while k >= start and ctx.tokens[k].pos_ == "ADJ":
            k -= 1
        if k >= start and (ctx.words[k] in self.lex.possessives or self.refs.is_we(k)):
            m = self.refs.possessive(k)
            return Found((m,), "reference") if m is not None else NONE
        return NONE

    def possessor_within(self, a: int, b: int) -> Found:
        """Whom a possessive inside a verb phrase points to: « ont choisi sa plateforme » (its owner)."""
        for k in range(a, b):
            if self.ctx.words[k] in self.lex.possessives:
                m = self.refs.possessive(k)
                return Found((m,), "reference") if m is not None else NONE
        return NONE

    def verb_object(self, head: Token, allowed: frozenset[str]) -> Found:
        """The object of the verb a noun is the subject of: « le tour de table réunit A, B et C »."""
        if head.dep_ != "nsubj" or head.head.pos_ != "VERB" or self.ctx.lemmas[head.head.i] not in \
                self.lex.having_verbs:
            return NONE
        return self.object(head.head, head.head.i + 1, allowed)

    def joined_by(self, b: int) -> Found:
        """Who joins what the noun names, in a relative clause after it: « un tour de table (de 5 M€) auquel ont
        participé A et B », « une levée à laquelle A a souscrit ». Read on the surface: the parser often hangs such
        a clause from the wrong word, and the subject may follow the verb."""
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        k = b
        while k < min(end, b + 8) and ctx.words[k] not in RELATIVE_OBJECTS:
            if ctx.mention(k) is not None or ctx.tokens[k].pos_ in {"VERB", "AUX"}:
                return NONE
            k += 1
        verb = next((v for v in range(k + 1, min(end, k + 10)) if ctx.tokens[v].pos_ == "VERB"), None)
        if verb is None or ctx.lemmas[verb] not in self.lex.joining_verbs or negated(ctx, verb, self.lex) or \
                modal(ctx, verb, self.lex):
            return NONE
        names = [m for m in self.reader.names_at(k + 1, verb) if ctx.bounds(m)[1] <= verb]
        if not names:  # « auquel ont aussi participé A et B »
            j = verb + 1
            while j < end and ctx.tokens[j].pos_ == "ADV":
                j += 1
            names = self.reader.names_at(j, end)
        return Found(tuple(names), "parse") if names else NONE

    def line_head(self, a: int) -> Found:
        """The name opening the line before a hashtag or a work: « Agence X #Campagne pour Y »."""
        names = self.reader.names_before(a)
        return Found(tuple(names[:1]), "parse") if names else NONE

    def clitic_object(self, a: int, subjects: tuple[Mention, ...], share: bool) -> Found:
        """« X y a investi 1,5 milliard », « X en a racheté 20 % » (``share``), « Y, qui l'avait finalement
        rachetée »: a clitic before the verb group opening at ``a`` stands for the organisation named before."""
        ctx = self.ctx
        start, _ = ctx.sentence(a)
        k = a - 1
        while k > start and ctx.tokens[k].pos_ in {"AUX", "ADV"}:
            k -= 1
        clitics = {"y", "en"} if share else {"l'", "le", "la", "les"}
        if k > start and ctx.words[k] in clitics and ctx.tokens[k].pos_ == "PRON":
            return self.of_clitic(k, start, subjects)
        return NONE

    def of_clitic(self, en: int, start: int, holders: tuple[Mention, ...]) -> Found:
        """What « en » stands for before a verb: the last organisation named before it that does not hold the share,
        else the subject of the previous sentence."""
        ctx = self.ctx
        skip = {m.text for m in holders}
        for k in range(en - 1, start - 1, -1):
            m = ctx.mention(k)
            if m is not None and m.text not in skip and kind_of(m) == "Organization":
                return Found((m,), "reference")
        m = self.refs.previous_subject(start, frozenset({"Organization"}), skip)
        return Found((m,), "reference") if m is not None else NONE

    def _wider_place(self, names: list[Mention], end: int) -> list[Mention]:
        """« à Nyon, en Suisse »: the country or region set after a place, a place of the same thing."""
        ctx = self.ctx
        if any(kind_of(m) != "Place" for m in names):
            return []
        k = ctx.bounds(names[-1])[1]
        if k + 2 < end and ctx.words[k] == "," and ctx.words[k + 1] in {"en", "au", "aux", "dans"}:
            m = ctx.mention(k + 2)
            after = ctx.bounds(m)[1] if m is not None else 0
            if m is not None and kind_of(m) == "Place" and (after >= end or ctx.words[after] in {",", ".", ")"}):
                return [m]
        return []

    def share_company(self, j: int, end: int, exclude: tuple[Mention, ...] = ()) -> Found:
        """« sur l'ensemble des actions de Y », « sur le capital de la société »: the company whose shares the
        words from ``j`` name (NONE when they name no share)."""
        ctx = self.ctx
        k = j + 1 if j < end and ctx.tokens[j].pos_ == "DET" else j
        if k >= end or ctx.words[k] not in self.lex.share_nouns or ctx.mention(k) is not None:
            return NONE
        while k < end and ctx.mention(k) is None and (ctx.words[k] in self.lex.share_nouns or
                                                      ctx.tokens[k].pos_ == "DET" or ctx.words[k] in LINKS):
            k += 1
        if k >= end or (ctx.words[k - 1] not in LINKS and ctx.tokens[k - 1].pos_ != "DET"):
            return NONE
        names = self.reader.names_at(k, end)
        if names:
            return Found(tuple(names[:1]), "parse")
        start = k - 1 if ctx.tokens[k - 1].pos_ == "DET" else k
        m = self.refs.other_than(start, self.reader.skip_description(start, end), ANY, exclude)
        return Found((m,), "reference") if m is not None else NONE

    def _after_any_noun(self, j: int, end: int) -> list[Mention]:
        """« sur sa compatriote X », « à son concurrent X »: a determiner, any common noun (and adjectives), then the
        name it describes, though the noun is none of the lexicon's descriptions. The noun may have a number and a
        complement, and the names may follow a comma when their number agrees with it (« par trois docteurs en
        robotique, A, B et C », « par deux anciens ingénieurs de Y, A et B »)."""
        ctx = self.ctx
        k = j
        if k < end and ctx.tokens[k].pos_ == "DET":
            k += 1
        while k < end and ctx.tokens[k].pos_ in {"NUM", "ADJ"} and ctx.tokens[k].text.islower():
            k += 1  # « trois », « deux anciens »
        if k >= end or ctx.tokens[k].pos_ != "NOUN" or ctx.mention(k) is not None:
            return []
        noun = k
        k = self._past_adjectives(k + 1, end)
        while k + 1 < end and ctx.words[k] in {"en", "de", "d'", "du", "chez"}:
            m = ctx.mention(k + 1)
            if m is not None and kind_of(m) == "Organization":
                k = self._past_adjectives(ctx.bounds(m)[1], end)  # « de Y »
            elif m is None and ctx.tokens[k + 1].pos_ == "NOUN" and ctx.tokens[k + 1].text.islower():
                k = self._past_adjectives(k + 2, end)  # « en robotique »
            else:
                break
        if k + 1 < end and ctx.words[k] == "," and k > noun + 1 and ctx.mention(k + 1) is not None:
            names = self.reader.names_at(k + 1, end)
            return names if (len(names) > 1) == (ctx.numbers[noun] == "Plur") else []
        if k > noun + 1 and ctx.tokens[k - 1].pos_ != "ADJ":
            return []  # (a complement, then a name with no comma: not described by the noun)
        return self.reader.names_at(k, end) if k < end and ctx.mention(k) is not None else []

    def _past_adjectives(self, k: int, end: int) -> int:
        ctx = self.ctx
        while k < end and ctx.tokens[k].pos_ == "ADJ" and ctx.mention(k) is None:
            k += 1
        return k
