"""Reference across sentences: what a pronoun, a possessive, a definite description or « nous » stands for.

French news names an entity once and then says « il », « elle », « son », « la jeune pousse », « le groupe
lyonnais », « l'opérateur », or, in a quotation or an interview, « nous » and « nos clients ». The engine resolves
them only where the text makes it clear, and every fact resting on a reference carries ``source="reference"`` on
that argument, so its confidence is lower.

* A subject pronoun (« il », « elle ») is the subject of the previous sentence (or of the current one, before it),
  of a compatible type.
* A possessive is the subject of its clause, else the organisation named just before it, else the previous
  subject, else the organisation the text is about.
* A definite description is the last organisation introduced by the same noun (« la start-up X » … « la
  start-up »), else the organisation the text is about.
* « nous » / « notre » / « nos » is the organisation of « chez X » in the sentence, or of the speaker the
  quotation is attributed to (« déclare X, PDG de Y »), else the text's organisation.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext, fits, kind_of
from kg.extract.control import object_controller
from kg.extract.frames import Lexicon
from kg.extract.kind_nouns import apposed_noun, introduced_kinds, of_the_kind
from kg.extract.openings import detached_subject
from kg.extract.readers import PREPOSITIONS, Reader
from kg.extract.speakers import ORG, Speakers
from kg.model import Mention

__all__ = ["ORG", "References"]


class References(Speakers):
    def __init__(self, ctx: DocContext, reader: Reader, lex: Lexicon) -> None:
        self.ctx = ctx
        self.reader = reader
        self.lex = lex
        self._introduced: dict[str, list[tuple[int, Mention]]] | None = None
        self._kinds: dict[str, set[str]] | None = None

    # ----- what a token is -----
    def is_pronoun(self, i: int) -> bool:
        tok = self.ctx.tokens[i]
        return tok.pos_ == "PRON" and self.ctx.words[i] in self.lex.pronouns

    def is_definite(self, i: int, nouns: frozenset[str] | None = None) -> bool:
        """« le groupe », « la jeune pousse », « cette société »: a description with no name of its own."""
        ctx = self.ctx
        several = nouns is None and "Plur" in ctx.numbers[i]
        nouns = self.lex.definite_nouns if nouns is None else nouns
        if ctx.mention(i) is not None or ctx.lemmas[i] not in nouns:
            return False
        start, end = ctx.sentence(i)
        k = i - 1
        while k >= start and (ctx.tokens[k].pos_ == "ADJ" or ctx.words[k] in self.lex.fillers):
            if several and ctx.tokens[k].pos_ == "NUM":
                return False  # « des deux réseaux » stands for several organisations, not one
            k -= 1
        if k < start or ctx.words[k] not in self.lex.determiners:
            return False
        j = self.reader.skip_description(i + 1, end)  # « la société X »: X names it
        return not (j < end and ctx.mention(j) is not None and j - i <= 3)

    # ----- antecedents -----
    def subject_mentions(self, a: int, b: int, conj: bool = False) -> list[tuple[int, Mention]]:
        """(token, mention) of each subject named in tokens [a, b) (with ``conj``, names coordinated with one)."""
        out = []
        ctx = self.ctx
        deps = {"nsubj", "nsubj:pass", "conj"} if conj else {"nsubj", "nsubj:pass"}
        for i in range(a, b):
            tok = ctx.tokens[i]
            m = ctx.mention(i)
            if m is None and tok.dep_ in {"nsubj", "nsubj:pass"}:  # « le français X », « la société X »
                m = next((ctx.mention(c.i) for c in tok.children if c.dep_ in {"appos", "nmod", "flat:name"}
                          and ctx.mention(c.i) is not None and a <= c.i < b
                          and not any(g.dep_ == "case" for g in c.children)), None)  # not « marque de Y »
                left = min(t.i for t in tok.subtree)
                if m is None and left - 2 >= a and ctx.words[left - 1] == "," and ctx.mention(left - 2) is not None \
                        and not self._governed(ctx.mention(left - 2), a) and (
                        ctx.words[i] not in self.lex.relatives or ctx.bounds(ctx.mention(left - 2))[0] == a):
                    # « X, marque commerciale de Y, est … », « X, qui …, a fermé Z »: the apposed name (not « …,
                    # soutenu par Y, qui entre au capital »: Y is no subject of the sentence)
                    m = ctx.mention(left - 2)
            elif m is not None and tok.dep_ not in deps:
                m = None
            if m is not None and (not out or out[-1][1] != m):
                out.append((i, m))
        return out

    def _governed(self, m: Mention, a: int) -> bool:
        """Whether a preposition introduces the name ``m`` (« Diplômée de Y, l'ancienne consultante … »: Y is no
        apposed subject)."""
        k = self.reader.skip_description_back(self.ctx.bounds(m)[0], a) - 1  # « de l'université Y »
        if k >= a and self.ctx.tokens[k].pos_ == "DET":
            k -= 1
        return k >= a and self.ctx.words[k] in PREPOSITIONS

    def pronoun(self, i: int, allowed: frozenset[str]) -> Mention | None:
        """The entity « il » / « elle » at token ``i`` stands for."""
        ctx = self.ctx
        start, _ = ctx.sentence(i)
        here = [m for _, m in self.subject_mentions(start, i) if fits(m, allowed)]
        if here:
            return ctx.refer(i, here[-1])
        k = start - 1
        hops = 2  # the two previous sentences, and further while they too have « il » for subject
        while hops > 0 and k >= 0:
            hops -= 1
            s, e = ctx.sentence(k)
            subjects = [m for _, m in self.subject_mentions(s, e) if fits(m, allowed)]
            latter = self._latter(s, e, allowed)  # « X … Y. Ce dernier a … Il a fondé Z »: Y
            if latter is not None and not subjects:
                return ctx.refer(i, latter)
            if subjects:
                return ctx.refer(i, subjects[0])
            detached = detached_subject(ctx, self.reader, s, e, allowed, set())
            if detached is not None:
                return ctx.refer(i, detached)
            if hops < 2 and any(t.dep_ in {"nsubj", "nsubj:pass"} and ctx.words[t.i] == ctx.words[i]
                                for t in ctx.tokens[s:e]):
                hops += 1  # « il débarque … Il est embauché chez Y … En 1999, il fonde Z »: the same « il »
                k = s - 1
                continue
            described = next((t.i for t in ctx.tokens[s:e] if t.dep_ == "nsubj" and self.is_definite(t.i)), None)
            if described is not None and "Organization" in allowed:  # « La société est … Elle a levé … »
                m = self.definite(described)
                if m is not None:
                    return ctx.refer(i, m)
            person = next((t.i for t in ctx.tokens[s:e] if t.dep_ == "nsubj"
                           and self.is_definite(t.i, self.lex.person_nouns)), None)
            if person is not None and "Person" not in allowed:
                return None  # « … l'ancienne consultante de Y. Elle a lancé Z »: she, not an organisation there
            if person is not None:  # « Le nouveau patron pilotait … Il préside … »
                m = self.person(person)
                if m is not None:
                    return ctx.refer(i, m)
            named = [ctx.mention(t) for t in range(s, e) if ctx.mention(t) is not None]
            named = [m for m in named if m is not None and fits(m, allowed) and kind_of(m) in allowed]
            if len({m.text for m in named}) == 1:
                return ctx.refer(i, named[0])
            k = s - 1
        return None

    def _latter(self, s: int, e: int, allowed: frozenset[str]) -> Mention | None:
        """When the sentence [s, e) has « ce dernier » for subject: the last name of ``allowed`` type before it."""
        ctx = self.ctx
        k = next((t.i for t in ctx.tokens[s:e] if t.dep_ in {"nsubj", "nsubj:pass"} and t.i > 0 and
                  ctx.lemmas[t.i] in self.lex.latter_words and ctx.tokens[t.i - 1].pos_ == "DET"), None)
        if k is None:
            return None
        for j in range(k - 1, max(-1, ctx.sentence(max(0, s - 1))[0] - 1), -1):
            m = ctx.mention(j)
            if m is not None and fits(m, allowed):
                return m
        return None

    def possessive(self, i: int, exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The organisation « son » / « sa » / « ses » at token ``i`` points to: the subject of its clause (a name,
        or what a description or pronoun there stands for), else the organisation named just before it, else the
        subject of the previous sentence, else the text's organisation when one dominates it."""
        ctx = self.ctx
        if ctx.words[i] in self.lex.we_possessives or self.is_we(i):
            return self.we(i)
        start, _ = ctx.sentence(i)
        skip = {m.text for m in exclude}
        controller = object_controller(ctx, self.lex, i)  # « Y l'a persuadée de transférer son siège »: not Y
        if controller is not None:
            m = ctx.mention(controller.i)
            return ctx.refer(i, m) if m is not None and fits(m, ORG) and m.text not in skip else None
        subject = self.clause_subject(i)
        if subject is not None:
            m = ctx.mention(subject.i) or self.named(subject)
            if m is None and subject.i != i and (self.is_definite(subject.i) or self.is_pronoun(subject.i)):
                m = self.definite(subject.i, exclude) if self.is_definite(subject.i) else self.pronoun(subject.i, ORG)
            if m is not None and m.text not in skip and fits(m, ORG):
                return ctx.refer(i, m)
        for k in range(i - 1, start - 1, -1):
            m = ctx.mention(k)
            if m is not None and kind_of(m) == "Organization" and m.text not in skip and m.source != "hashtag":
                return ctx.refer(i, m)
        prev = self.previous_subject(start, ORG, skip)
        if prev is not None:
            return ctx.refer(i, prev)
        return self._topic(i, skip, dominant=True)

    def named(self, tok: Token) -> Mention | None:
        """The name a described subject carries: « la société X » parsed with X hanging from « société »."""
        for c in tok.children:
            if c.i > tok.i and c.dep_ in {"amod", "appos", "flat:name", "nmod", "compound"}:
                m = self.ctx.mention(c.i)
                if m is not None:
                    return m
        return None

    def clause_subject(self, i: int):
        """The subject of the verb governing token ``i`` (before ``i``)."""
        t = self.ctx.tokens[i]
        for _ in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            # a verb, a copula's predicate, or a participle tagged as an adjective (« s'était caché »)
            if t.pos_ in {"VERB", "AUX"} or any(c.dep_ in {"cop", "aux:tense", "aux:pass"} for c in t.children):
                for c in t.children:  # before the possessive, or fronted (« Lors de son mariage avec Y, X … »)
                    if c.dep_ in {"nsubj", "nsubj:pass"} and c.i != i and (c.i < i or c.i < t.i):
                        return c
        return None

    def definite(self, i: int, exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The organisation « le groupe » / « la jeune pousse » at token ``i`` stands for (:meth:`_definite`),
        unless the text introduced it with a noun of another kind (kg.extract.kind_nouns: after « l'assureur A s'appuie
        sur les données de B », « la start-up » is B)."""
        m = self._definite(i, exclude)
        if m is None:
            return None
        if self._kinds is None:
            self._kinds = introduced_kinds(self.introduced())
        return of_the_kind(self.ctx, self.lex, self._kinds, i, m, exclude)

    def _definite(self, i: int, exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The last organisation the same noun as token ``i`` introduced in the last sentences (« la start-up X »
        … « la start-up »), else the last organisation named before it in its sentence, else the subject of the
        previous sentence, else the last one the same noun introduced at all, else the text's organisation when
        one dominates it."""
        ctx = self.ctx
        skip = {m.text for m in exclude}
        noun = ctx.lemmas[i]
        start, _ = ctx.sentence(i)
        before = [(k, m) for k, m in self.introduced().get(noun, []) if k < i and m.text not in skip]
        recent = ctx.sentence_back(i, 3)
        if before and before[-1][0] >= recent:
            return ctx.refer(i, before[-1][1])
        fronted = "Part" in ctx.verb_forms[start]  # « Fondée par A et B, la start-up … »
        for k in range(i - 1, start - 1, -1):
            if ctx.words[k] in self.lex.clause_breaks or (fronted and ctx.words[k] == ","):
                break  # « A dirige X, tandis que B dirige Y, autre marque du groupe »; the participle's agents
            m = ctx.mention(k)
            if m is not None and kind_of(m) == "Organization" and m.text not in skip and m.source != "hashtag":
                return ctx.refer(i, m)
        section = ctx.section_topic(i)
        if section is not None and section.text not in skip:  # « 3. X – 600 millions » … « la société conçoit … »
            return ctx.refer(i, section)
        prev = self.previous_subject(start, ORG, skip)
        if prev is not None and kind_of(prev) == "Organization":
            return ctx.refer(i, prev)
        if before:
            return ctx.refer(i, before[-1][1])
        return self._topic(i, skip, dominant=True)

    def resolve(self, i: int, allowed: frozenset[str], exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The referent of the pronoun, possessive, description or « nous » at token ``i``, if any."""
        ctx = self.ctx
        word = ctx.words[i]
        if self.is_we(i):
            m = self.we(i)
        elif word in self.lex.possessives:
            m = self.possessive(i, exclude)
        elif self.is_pronoun(i):
            m = self.pronoun(i, allowed)
        elif self.is_definite(i):
            m = self.definite(i, exclude)
        elif "Person" in allowed and self.is_definite(i, self.lex.person_nouns):
            m = self.person(i, exclude)
        else:
            return None
        if m is None or not fits(m, allowed) or any(m.text == x.text for x in exclude):
            return None
        return m

    def person(self, i: int, exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The person « l'entrepreneur » / « le nouveau patron » stands for: a person subject of this or the
        previous sentence, else the person the text names most (if one dominates)."""
        ctx = self.ctx
        start, _ = ctx.sentence(i)
        people = frozenset({"Person"})
        skip = {m.text for m in exclude}
        here = [m for _, m in self.subject_mentions(start, i) if kind_of(m) == "Person" and m.text not in skip]
        if here:
            return ctx.refer(i, here[-1])
        prev = self.previous_subject(start, people, skip)
        if prev is not None and kind_of(prev) == "Person":
            return ctx.refer(i, prev)
        counts: dict[str, list[Mention]] = {}
        for m in ctx.mentions:
            if kind_of(m) == "Person" and " " in m.text:
                counts.setdefault(m.text, []).append(m)
        ranked = sorted(counts.values(), key=len, reverse=True)
        clear = ranked and len(ranked[0]) >= 3 and (len(ranked) == 1 or len(ranked[0]) >= 2 * len(ranked[1]))
        if clear and ranked[0][0].text not in skip:
            return ctx.refer(i, ranked[0][0])
        return None

    def within(self, a: int, b: int, allowed: frozenset[str], exclude: tuple[Mention, ...] = ()) -> Mention | None:
        """The referent of the description, pronoun or possessive in tokens [a, b) (« du club bavarois »)."""
        for k in range(a, b):
            if self.ctx.words[k] in self.lex.possessives and k + 1 < b and self.ctx.tokens[k + 1].pos_ == "NUM":
                return None  # « par ses quatre cofondateurs »: several, none of them the possessor
            if self.ctx.words[k] in self.lex.possessives and b == k + 1 and k + 1 < len(self.ctx.tokens) and \
                    self.ctx.tokens[k + 1].pos_ == "NOUN":
                return None  # « investir dans son usine »: a thing it has, no organisation
            if self.is_definite(k) or self.is_pronoun(k) or self.is_we(k) or self.ctx.words[k] in self.lex.possessives:
                m = self.resolve(k, allowed, exclude)
                if m is not None:
                    return m
        return None

    def other_than(self, a: int, b: int, allowed: frozenset[str], exclude: tuple[Mention, ...]) -> Mention | None:
        """Like :meth:`within`, for a frame's second argument: a definite description there (« sur les actions de
        la société ») stands for none of ``exclude``, the frame's other argument; a possessive or a pronoun may
        (« X vend à son partenaire »), and then the frame has no pair."""
        m = self.within(a, b, allowed)
        if m is None or not any(m.text == x.text for x in exclude):
            return m
        if any(self.ctx.words[k] in self.lex.possessives or self.is_pronoun(k) for k in range(a, b)):
            return m
        return self.within(a, b, allowed, exclude)

    # ----- helpers -----
    def introduced(self) -> dict[str, list[tuple[int, Mention]]]:
        """Description noun -> the names it introduced, in text order (« la start-up X », « X, une jeune pousse »)."""
        if self._introduced is None:
            ctx = self.ctx
            found: dict[str, list[tuple[int, Mention]]] = {}
            for m in ctx.mentions:
                a, b = ctx.bounds(m)
                if b <= a or kind_of(m) == "Place":  # « le constructeur de Lyon » introduces no name
                    continue
                start, _ = ctx.sentence(a)
                for k in range(max(start, a - 4), a):
                    if ctx.lemmas[k] in self.lex.definite_nouns and ctx.mention(k) is None and not any(
                            t.pos_ in {"VERB", "AUX"} and t.lemma_ not in {"être", "devenir"}
                            for t in ctx.tokens[k + 1 : a]):  # not « le groupe A a racheté B »
                        # (but « la société qui deviendra B » is still an introduction)
                        found.setdefault(ctx.lemmas[k], []).append((a, m))
                        break
                else:
                    noun = apposed_noun(ctx, self.lex, b)
                    if noun:
                        found.setdefault(noun, []).append((a, m))
            self._introduced = found
        return self._introduced

    def previous_subject(self, start: int, allowed: frozenset[str], skip: set[str]) -> Mention | None:
        """The entity the sentence before the one starting at ``start`` is about (its subject, else its one name)."""
        if start <= 0:
            return None
        ctx = self.ctx
        s, e = ctx.sentence(start - 1)
        subjects = [m for _, m in self.subject_mentions(s, e) if fits(m, allowed) and m.text not in skip]
        if subjects:
            return subjects[0]
        named = detached_subject(ctx, self.reader, s, e, allowed, skip)
        if named is not None:
            return named
        if not any(t.pos_ in {"VERB", "AUX"} for t in ctx.tokens[s:e]):  # a heading: « 1. X – 170 millions »
            named = [m for m in (ctx.mention(k) for k in range(s, e)) if m is not None and fits(m, allowed)]
            return named[0] if named and named[0].text not in skip else None
        # « Fondée en 2017 par …, elle loue … »: the previous subject is itself a pronoun or a description
        for t in ctx.tokens[s:e]:
            # (« Il reste président de Y »: the parser may take a personal « il » for an impersonal one)
            personal = t.dep_ == "expl:subj" and allowed == frozenset({"Person"})
            if (t.dep_ in {"nsubj", "nsubj:pass"} or personal) and t.head.dep_ == "ROOT":
                m = None
                if self.is_pronoun(t.i) and ctx.words[t.i] in {"il", "elle"}:
                    m = self.pronoun(t.i, allowed)
                elif self.is_definite(t.i) and "Organization" in allowed:
                    m = self.definite(t.i)
                if m is not None and m.text not in skip and fits(m, allowed):
                    return m
                break
        # a sentence the parser could not read (« La start-up X grandit. » with two roots): its only name
        named = {m.text: m for m in (ctx.mention(k) for k in range(s, e)) if m is not None and m.text not in skip
                 and (fits(m, allowed) or any(t in allowed and v >= 1 for t, v in m.type_votes))}
        # (« chez A et chez B »: two names, even when B's votes lean, barely, to another type)
        only = next(iter(named.values())) if len(named) == 1 else None
        return only if only is not None and fits(only, allowed) and kind_of(only) in allowed else None

    def _topic(self, i: int, skip: set[str], dominant: bool = False) -> Mention | None:
        topic = self.ctx.section_topic(i) or (self.ctx.topic if not dominant else self.ctx.dominant_topic or
                                              self._headline_topic())
        if topic is None or topic.text in skip:
            return None
        return self.ctx.refer(i, topic)

    def _headline_topic(self) -> Mention | None:
        """The text's most named organisation when it is also the subject of the headline (« Y boucle le rachat de
        Z »): what the text is about even when Z is named nearly as often."""
        ctx = self.ctx
        if ctx.topic is None or not ctx.tokens:
            return None
        s, e = ctx.sentence(0)
        subjects = [m for _, m in self.subject_mentions(s, e) if kind_of(m) == "Organization"]
        return ctx.topic if subjects and subjects[0].text == ctx.topic.text else None
