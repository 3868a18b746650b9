"""The frame engine: one mechanism that applies every frame of ``ontology/frames/`` to a parsed document.

For each trigger the Matcher finds (:mod:`kg.extract.triggers`), the engine checks that it states a fact
(:mod:`kg.extract.modality`), fills the frame's subject and object slots (:mod:`kg.extract.arguments` for verbs and
nouns, :mod:`kg.extract.roles` for role nouns and demonyms), keeps the arguments of the allowed types, and makes one
:class:`~kg.model.RelationMention` per pair. The rule of each fact is the frame id, with ``+surface`` when an
argument was read off the surface rather than the parse and ``+reference`` when it rests on a pronoun or a
description; its confidence is the rule's measured precision (``ontology/frames/calibration.toml``, made by
``scripts/calibrate.py``), else the frame's own.

``trace``, when given, receives one line per trigger saying what became of it: ``kg try`` prints them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract import modality
from kg.extract.appointed import appointed_for
from kg.extract.arguments import ETRE_VERBS, NONE, Arguments, Found
from kg.extract.attributes import fact_attributes
from kg.extract.branches import branch_names
from kg.extract.calibration import confidences
from kg.extract.context import DocContext, fits
from kg.extract.departments import led_object
from kg.extract.families import family_fact
from kg.extract.frames import Frame, FrameSet, load_frames, role_words, words_of
from kg.extract.implicit import PEOPLE_PREDICATES, having_subject, implicit_org, of_it, other_clause_org, round_org
from kg.extract.locate import Locator
from kg.extract.modality import governing_verb, modal, negated, not_stated, past_or_future_role
from kg.extract.offices import recipient
from kg.extract.participles import SUBDIVISION
from kg.extract.readers import Reader
from kg.extract.reference import References
from kg.extract.requirements import unmet
from kg.extract.roles import Chain, RoleMatch, RoleReader, chains
from kg.extract.succession import succession_verb
from kg.extract.triggers import Trigger, appointee, trigger_index
from kg.model import Document, Mention, RelationMention

PREPOSITION_ENDS = {"de", "d'", "du", "des", "a", "au", "aux", "sur", "dans", "avec", "pour", "chez", "en", "par",
                    "entre", "aupres"}
ROLE_PREDICATES = {"ceoOf", "leaderOf", "employeeOf", "memberOf"}
ORG = frozenset({"Organization"})
# Participles (and « présent ») whose described name does what they say: « X, entré au capital en 2019 ».
DONE_BY_THE_DESCRIBED = ETRE_VERBS | {"present"}


def find_relations(doc: Document, parsed: Doc, mentions: list[Mention], offset: int = 0, *,
                   frames: FrameSet | None = None, trace: list[str] | None = None) -> list[RelationMention]:
    """All relation mentions of one parsed document (or chunk), without duplicates, in text order."""
    ctx = DocContext(doc, parsed, mentions, offset)
    return Engine(ctx, frames or load_frames(), trace).run()


class Engine:
    def __init__(self, ctx: DocContext, frames: FrameSet, trace: list[str] | None = None) -> None:
        self.ctx = ctx
        self.frames = frames
        self.lex = frames.lexicon
        self.reader = Reader(ctx, self.lex)
        self.refs = References(ctx, self.reader, self.lex)
        self.args = Arguments(ctx, self.reader, self.refs, self.lex, role_words(frames, person_only=True))
        self.roles = RoleReader(ctx, self.reader, self.refs, self.args, self.lex)
        self.trace = trace
        self.confidence_of = confidences()

    def note(self, t: Trigger | None, frame: Frame, what: str) -> None:
        if self.trace is not None:
            words = " ".join(tok.text for tok in self.ctx.tokens[t.a : t.b]) if t else ""
            self.trace.append(f"{frame.id:<26} {words!r:<28} {what}")

    def run(self) -> list[RelationMention]:
        found: dict[tuple, RelationMention] = {}
        triggers = trigger_index(self.frames).find(self.ctx)
        facts: list[RelationMention] = []
        role_matches: list[RoleMatch] = []
        for t in triggers:
            if t.frame.kind == "role":
                role_matches.append(RoleMatch(t.a, t.b, t.frame.id))
                continue
            reason = not_stated(self.ctx, t.frame, t.a, t.b, t.head, self.lex)
            if reason:
                self.note(t, t.frame, f"no fact: {reason}")
                continue
            facts += self.verb(t) if t.frame.kind == "verb" else self.noun(t)
        self._relata: dict[tuple[int, str], Found] = {}
        for chain in chains(self.ctx, role_matches):
            facts += self.role(chain)
        locator = Locator(self.ctx, self.reader, self.refs, self.lex)
        for frame in self.frames.frames:  # (the facts are sorted at the end: the frames' order does not matter)
            if frame.kind == "demonym":
                for cue, holders, place in locator.find(frame):
                    facts += self.emit(frame, frame.predicate, holders, Found((place,), "parse"), cue, cue)
            elif frame.kind in {"affiliation", "seat"}:  # « A (Y) »: a person's organisation, a company's town
                for cue, a, b in locator.affiliations() if frame.kind == "affiliation" else locator.seats():
                    facts += self.emit(frame, frame.predicate, Found((a,), "parse"), Found((b,), "parse"), cue, cue + 1)
            elif frame.kind == "branch_name":
                for cue, branch, parent in branch_names(self.ctx):
                    facts += self.emit(frame, frame.predicate, Found((branch,), "parse"), parent, cue, cue + 1)
        for rm in filter(None, (family_fact(rm, self.lex) for rm in facts)):  # (a family is no company)
            s, o = rm.subject.text.casefold(), rm.object.text.casefold()
            if s == o:
                continue
            if rm.predicate in {"partnersWith", "competitorOf"} and o < s:
                s, o = o, s
            key = (s, rm.predicate, o, rm.evidence.sentence.start)
            if key not in found or found[key].evidence.confidence < rm.evidence.confidence:
                found[key] = rm
        return sorted(found.values(), key=lambda r: (r.evidence.start, r.evidence.end, r.predicate, r.subject.start))

    # ----- emitting -----
    def emit(self, frame: Frame, predicate: str, subjects: Found, objects: Found, a: int, b: int,
             attributes: list[tuple[str, str]] | None = None) -> Iterator[RelationMention]:
        subs = [m for m in dict.fromkeys(subjects.mentions) if fits(m, frame.subject_types)]
        objs = [m for m in dict.fromkeys(objects.mentions) if fits(m, frame.object_types) and (
            frame.symmetric or m not in subs)]  # « X a investi dans Y, tout comme A »: A is no object
        pairs = [(s, o) for s in subs for o in objs if s.text.casefold() != o.text.casefold()]
        if frame.symmetric and not objs and len(subs) > 1:
            pairs = [(x, y) for i, x in enumerate(subs) for y in subs[i + 1 :]]
            objects = subjects
        if not pairs:
            return  # (most triggers: the sentence's attributes and the rule's confidence are not read)
        variant = "+reference" if "reference" in (subjects.how, objects.how) else (
            "+surface" if "surface" in (subjects.how, objects.how) else "")
        rule = frame.id + variant
        conf = self.confidence_of(rule, frame.confidence)
        attrs = (attributes or []) + fact_attributes(self.ctx, frame, a)
        for s, o in pairs:
            named = [m for m in (s, o) if m.source != "reference"]
            yield RelationMention(s, predicate, o, self.ctx.evidence(a, max(a, b - 1), rule, conf, named, attrs))

    # ----- verbs and nouns -----
    def verb(self, t: Trigger) -> list[RelationMention]:
        frame = t.frame
        head = self.ctx.tokens[t.head]
        if head.pos_ == "NOUN" and (self.ctx.words[t.head],) in frame.triggers and any(
                c.dep_ in {"det", "amod"} for c in head.children):
            # an infinitive that is also a noun, with its article: « l'ancien conseiller du président » advises no one
            self.note(t, frame, "no fact: a noun")
            return []
        voice = self.args.voice(head, t.a) if head.pos_ in {"VERB", "AUX", "ADJ"} else (
            "participle" if self._opening_participle(head) else "active")
        missing = unmet(self.ctx, self.args, self.lex, frame, t, voice)
        if missing:
            self.note(t, frame, f"no fact: requires {missing}")
            return []
        tense = modality.past_tense(self.ctx, t.head, self.lex) if frame.predicate in ROLE_PREDICATES else ""
        if tense:
            self.note(t, frame, f"no fact: past ({tense})")
            return []
        if frame.predicate in ROLE_PREDICATES and past_or_future_role(self.ctx, t.a, t.b, self.lex) == "past":
            self.note(t, frame, "no fact: past role")  # « qui a dirigé Y jusqu'en 2020 », « dirigée jusqu'en 2020 »
            return []
        inside = (appointee(self.ctx, t) or appointed_for(self.ctx, self.lex, t.a)) if frame.subject[:1] == (
            "agent",) else []
        subjects = Found(tuple(inside), "parse") if inside else self._first(
            frame.subject, lambda s: self.verb_slot(s, t, voice, frame.subject_types), "subject" in frame.gather)
        if not subjects.mentions:  # no fact without a subject: its object is not looked for
            return self._made(t, iter(()), subjects, NONE)
        objects = self._first(frame.object, lambda s: self.verb_slot(s, t, voice, frame.object_types,
                                                                     subjects.mentions), "object" in frame.gather)
        if frame.predicate == "leaderOf":  # « pilote le marketing de Y », « la présidence du directoire de Y »
            objects = led_object(self.ctx, self.reader, self.refs, self.lex, t.b, objects)
        if not objects.mentions and voice == "active" and (frame.predicate == "investedIn" or (
                frame.object[:1] == ("patient",) and self.ctx.words[t.b - 1] not in PREPOSITION_ENDS)):
            objects = self.args.clitic_object(t.a, subjects.mentions, frame.predicate == "investedIn")
        predicate = "employeeOf" if objects.how == SUBDIVISION and frame.predicate == "leaderOf" else frame.predicate
        return self._made(t, self.emit(frame, predicate, subjects, objects, t.a, t.b), subjects, objects)

    def _opening_participle(self, head: Token) -> bool:
        """« Créée en 2016 par X, Y … » tagged as a proper noun: a capitalised past participle opening a sentence."""
        start, _ = self.ctx.sentence(head.i)
        return head.pos_ in {"PROPN", "NOUN"} and head.i == start and self.ctx.words[head.i].endswith(
            ("e", "ee", "es", "ees", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes"))

    def _made(self, t: Trigger, facts: Iterator[RelationMention], subjects: Found, objects: Found
              ) -> list[RelationMention]:
        made = list(facts)
        if made:
            self.note(t, t.frame, f"{len(made)} fact(s)")
        else:
            side = "subject" if not subjects.mentions else "object" if not objects.mentions else "type"
            self.note(t, t.frame, f"no fact: no {side}" if side != "type" else "no fact: argument of another type")
        return made

    def _first(self, slots: tuple[str, ...], read, gather: bool = False) -> Found:
        """The names of the first slot that has any; with ``gather``, those of every slot (« mené par A, aux côtés
        de B et C »: three investors)."""
        found: list[Mention] = []
        how = ""
        for slot in slots:
            got = read(slot)
            if got.mentions:
                if not gather:
                    return got
                found += [m for m in got.mentions if m not in found]
                how = how if how in {"surface", "reference"} else got.how
        return Found(tuple(found), how) if found else NONE

    def verb_slot(self, slot: str, t: Trigger, voice: str, allowed: frozenset[str],
                  other: tuple[Mention, ...] = ()) -> Found:
        args = self.args
        head = self.ctx.tokens[t.head]
        # a verb the tagger took for a noun still has its subject: « la holding qui contrôle Y »
        verbal = head.pos_ in {"VERB", "AUX"} or voice != "active" or any(c.dep_ == "nsubj" for c in head.children)
        phrase = t.b - t.a > 1 and self.ctx.words[t.b - 1] in PREPOSITION_ENDS and verbal
        if phrase and slot in {"agent", "patient"}:
            # a phrase ending in a preposition says its own voice (« être détenu par », « appartenir à »): the agent
            # is its grammatical subject (or the name a participle describes), the patient the names after it
            if slot == "patient":
                found = args.after_trigger(t.b)
                return found if found.mentions else args.whole_of(t.b)
            if voice == "participle":
                return args.modified(head, t.a, t.b)
            return args.subject(head, allowed)
        if slot == "agent":
            if voice == "participle" and self.ctx.lemmas[head.i] in DONE_BY_THE_DESCRIBED:
                return args.modified(head, t.a, t.b)  # « X, entré au capital en 2019 »: X did it, no « par »
            if voice in {"passive", "participle"}:
                return args.prep(("par",), t.b)
            if not verbal:  # « X, à la tête de Y »; « la compétition Z en partenariat avec Y »: who runs Z
                m = self.reader.copula_subject(t.a) or self.reader.name_before(t.a)
                k = self.ctx.bounds(m)[0] - 2 if m is not None else -1
                if k >= 0 and self.ctx.words[k + 1] in {"de", "du", "d'"} and self.ctx.lemmas[k] in args.person_roles:
                    return args.names_of(self.ctx.tokens[k], allowed)  # « le président de Y siège au conseil de Z »
                if m is not None and fits(m, allowed):
                    verb = succession_verb(self.ctx, self.lex, m)  # « X succède à Z à la tête de Y »: X
                    return args.subject(verb, allowed) if verb is not None else Found((m,), "parse")
                verb = governing_verb(self.ctx, t.a)
                return args.subject(verb, allowed) if verb is not None else NONE
            return args.subject(head, allowed)
        if slot == "patient":
            if voice == "passive":
                return args.subject(head, allowed)
            if voice == "participle":
                agents = args.prep(("par",), t.b)
                after = max((self.ctx.bounds(m)[1] for m in agents.mentions), default=0)
                return args.modified(head, t.a, t.b, after)
            found = args.object(head, t.b, allowed)
            obj = next((c.i for c in head.children if c.dep_ == "obj"), -1)
            named = [m for m in other if m.text in {f.text for f in found.mentions} and m.source != "reference"]
            if found.how == "reference" and obj >= 0 and named:  # « A et B ont rejoint l'initiative »: not B
                m = self.refs.other_than(obj, obj + 1, allowed, other)
                return Found((m,), "reference") if m is not None else NONE
            return found
        if slot.startswith("prep:"):
            return args.prep(words_of(slot[5:]), t.b, exclude=other)
        if slot == "companions":
            return args.companions(head, allowed) if verbal else NONE
        if slot == "possessor_within":
            return args.possessor_within(t.a, t.b)
        return self.common_slot(slot, t, allowed, other)

    def common_slot(self, slot: str, t: Trigger, allowed: frozenset[str], other: tuple[Mention, ...]) -> Found:
        args = self.args
        head = self.ctx.tokens[t.head]
        if slot == "clause_subject":
            if t.frame.kind == "noun" and head.dep_ == "obj" and head.head.pos_ == "VERB" and \
                    self.ctx.lemmas[head.head.i] not in self.lex.support_verbs:
                return NONE  # « A, B et C se disputent les contrats »: their verb, not the noun, says what they do
            return args.clause_subject(t.a, allowed)
        if slot == "topic":
            return args.topic(t.a, other)
        if slot == "topic_data":
            return args.topic(t.a, other) if args.has_object_noun(t.b, t.frame) else NONE
        if slot == "patient_of":
            return args.patient_of(head, t.b, t.frame)
        if slot == "share_of":
            return args.share_of(t.b, t.a, other)
        if slot == "between":
            return args.between(t.b)
        return NONE

    def noun(self, t: Trigger) -> list[RelationMention]:
        frame = t.frame
        missing = unmet(self.ctx, self.args, self.lex, frame, t)
        if missing:
            self.note(t, frame, f"no fact: requires {missing}")
            return []
        subjects = self._first(frame.subject, lambda s: self.noun_slot(s, t, frame.subject_types),
                               "subject" in frame.gather)
        if not subjects.mentions:
            return self._made(t, iter(()), subjects, NONE)
        objects = self._first(frame.object, lambda s: self.noun_slot(s, t, frame.object_types, subjects.mentions),
                              "object" in frame.gather)
        return self._made(t, self.emit(frame, frame.predicate, subjects, objects, t.a, t.b), subjects, objects)

    def noun_slot(self, slot: str, t: Trigger, allowed: frozenset[str], other: tuple[Mention, ...] = ()) -> Found:
        args = self.args
        head = self.ctx.tokens[t.head]
        if slot == "of":
            return args.noun_of(t.b)
        if slot == "by":
            return args.prep(("par",), t.b, phrase_only=True)
        if slot in {"support", "led_by"}:
            return args.support(head, allowed) if slot == "support" else args.led_by(head, allowed)
        if slot == "possessor":
            return args.possessor(t.a)
        if slot == "whose":
            return args.whose(t.a)
        if slot == "status_target":
            return args.status_target(head, t.frame, allowed)
        if slot in {"verb_object", "joined_by"}:
            return args.verb_object(head, allowed) if slot == "verb_object" else args.joined_by(t.b)
        if slot == "line_head":
            return args.line_head(t.a)
        if slot == "recipient":
            return recipient(self.ctx, self.reader, self.lex, t.a, t.b)
        if slot in {"place_adjective", "place_before"}:  # « son siège parisien », « à Y, au siège de X »
            locator = Locator(self.ctx, self.reader, self.refs, self.lex)
            return locator.adjective_after(t.b) if slot == "place_adjective" else locator.place_before(t.a)
        if slot.startswith("prep:"):
            return args.prep(words_of(slot[5:]), t.b, exclude=other)
        return self.common_slot(slot, t, allowed, other)

    # ----- roles -----
    def role(self, chain: Chain) -> list[RelationMention]:
        ctx = self.ctx
        frames = [self.frames.by_id[r.frame_id] for r in chain.roles]
        person = any(f.subject_types == frozenset({"Person"}) for f in frames)
        t = Trigger(frames[0], chain.a, chain.b, chain.a)
        if not_stated(ctx, frames[0], chain.a, chain.b, chain.a, self.lex):
            self.note(t, frames[0], "no fact: hearsay")
            return []
        when = past_or_future_role(ctx, chain.a, chain.b, self.lex)
        if when:
            self.note(t, frames[0], f"no fact: {when} role")
            return []
        relatum, after, inner = self.roles.relatum(chain, person)
        allowed = frames[0].subject_types if frames[0].subject[0] == "holder" else frames[0].object_types
        if inner is not None:
            holders, how, verb = Found((inner,), "parse"), "inner", None
        else:
            holders, how, verb = self.roles.holders(chain, after, allowed)
        held = {m.text for m in holders.mentions}
        if relatum.how == "reference" and held & {m.text for m in relatum.mentions}:
            # « A, B et C figurent parmi ses clients »: « ses » is none of the holders
            relatum = self.roles.relatum(chain, person, holders.mentions)[0]
        if verb is not None and (negated(ctx, verb, self.lex) or modal(ctx, verb, self.lex)):
            self.note(t, frames[0], "no fact: negated or conditional")
            return []
        tense = modality.past_tense(ctx, verb, self.lex) if person and verb is not None else ""
        if tense:  # « X était PDG de Y », « X avait été PDG de Y »
            self.note(t, frames[0], f"no fact: past ({tense})")
            return []
        if not relatum.mentions and how == "appointed":
            relatum = self.roles.appointer(chain, ORG)
        if not relatum.mentions:  # « Y compte 22 membres, dont A »
            relatum = having_subject(ctx, self.lex, self.args, frames[0], chain.a)
        sentence = ctx.sentence(chain.a)[0]
        if not relatum.mentions and holders.mentions:  # « entités du groupe Y, dont A et plusieurs enseignes dont B »
            earlier = self._relata.get((sentence, frames[0].id))
            if earlier is None and of_it(self.ctx, chain.a):  # « ses cofondateurs, A, qui en est le PDG, et B »
                earlier = self._relata.get((sentence, ""))
            if earlier is not None and frames[0].predicate in PEOPLE_PREDICATES and \
                    other_clause_org(ctx, self.lex, earlier, chain.a):
                earlier = None  # « le DG de A …, puis B rejoindra C, sous l'autorité du PDG X »: not A's
            relatum = Found(earlier.mentions, "surface") if earlier is not None else relatum
        elif relatum.mentions and holders.mentions:  # (a role with no holder, « la marque X », lends no relatum)
            if self.roles.possessive_before(chain) < 0:  # « A et sa marque B, … la filiale C »: « sa » is B's alone
                self._relata[(sentence, frames[0].id)] = relatum
            self._relata[(sentence, "")] = relatum
        if not relatum.mentions and holders.mentions:  # « ajoute X, cofondateur et co-CEO. »
            relatum = implicit_org(ctx, chain.a, how) if frames[0].predicate in PEOPLE_PREDICATES else \
                round_org(ctx, self.lex, self.args, frames[0], chain.a, holders.mentions)
        relatum_at = ctx.bounds(relatum.mentions[0])[0] if relatum.how in {"parse", "surface"} else -1
        out: list[RelationMention] = []
        role_text = " ".join(tok.text for tok in ctx.tokens[self._title_start(chain.a) : chain.b])
        for r, frame in zip(chain.roles, frames, strict=False):
            single = Chain((r,))
            predicate = frame.predicate
            if frame.deputy and self.roles.deputy(single, frame.deputy, relatum_at):
                predicate = frame.deputy_predicate
            if "relatum_explicit" in frame.requires and relatum.how != "parse":
                continue
            subj, obj = (holders, relatum) if frame.subject[0] == "holder" else (relatum, holders)
            attrs = [("role", role_text)] if predicate in ROLE_PREDICATES else []
            made = list(self.emit(frame, predicate, subj, obj, chain.a, chain.b, attrs))
            trig = Trigger(frame, r.a, r.b, r.a)
            self.note(trig, frame, f"{len(made)} fact(s) ({how or 'no holder'})" if made else
                      f"no fact: {'no holder' if not holders.mentions else 'no relatum'}")
            out += made
        return out

    def _title_start(self, a: int) -> int:
        """Where an apposed title begins: « X, research vice president chez Y » keeps its foreign qualifier."""
        ctx = self.ctx
        start, _ = ctx.sentence(a)
        k = a
        while k - 1 > start and a - k < 2 and ctx.tokens[k - 1].pos_ == "X" and ctx.words[k - 1].isalpha() \
                and ctx.mention(k - 1) is None:
            k -= 1
        return k if k < a and ctx.words[k - 1] in {",", "("} else a

