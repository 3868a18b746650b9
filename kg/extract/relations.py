"""Relation rules: from a parsed sentence and its mentions to facts in the vocabulary of relations.md.

Each rule family reads its cue words from ``ontology/cues/relations.toml`` and keys on syntax (subjects, objects,
appositions, coordination, complements of nouns), never on particular names. Every fact carries the rule id and a
confidence; facts stated under negation or modality ("n'a pas racheté", "pourrait racheter") are not made.

Families: verbs, relational nouns, acquisition offers, titles next to a person's name, lists after a relational
noun, agency-client pairs, data use and purchase, head office (demonyms and "basé à").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract.amounts import find_amounts, find_date
from kg.extract.context import DocContext, is_org, kind_of
from kg.extract.cues import fold, place_cues, relation_cues
from kg.model import Document, Mention, RelationMention

THING_KINDS = {"Product", "Event", "CreativeWork"}


def find_relations(doc: Document, parsed: Doc, mentions: list[Mention], offset: int = 0) -> list[RelationMention]:
    """All relation mentions of one parsed document, without duplicates, in text order."""
    ctx = DocContext(doc, parsed, mentions, offset)
    cues = relation_cues()
    found: dict[tuple, RelationMention] = {}
    families = (verb_rules, noun_rules, offer_rules, title_rules, list_rules, copula_rules, client_rules, data_rules,
                location_rules, funding_rules, stake_rules)
    for family in families:
        for rm in family(ctx, cues):
            if rm.subject.text == rm.object.text:
                continue
            key = (fold(rm.subject.text), rm.predicate, fold(rm.object.text), rm.evidence.sentence.start)
            if key not in found or found[key].evidence.confidence < rm.evidence.confidence:
                found[key] = rm
    return sorted(found.values(), key=lambda r: (r.evidence.start, r.evidence.end, r.predicate, r.subject.start))


def _rm(s: Mention, p: str, o: Mention, ev) -> RelationMention:
    return RelationMention(subject=s, predicate=p, object=o, evidence=ev)


def _lemma(tok: Token) -> str:
    return fold(tok.lemma_)


@cache
def _folded_set(*path: str) -> frozenset[str]:
    node: Any = relation_cues()
    for p in path:
        node = node[p]
    return frozenset(fold(w) for w in node)


def _pairs(subjects: list[Mention], objects: list[Mention], symmetric: bool) -> Iterator[tuple[Mention, Mention]]:
    for s in subjects:
        for o in objects:
            if fold(s.text) != fold(o.text):
                yield s, o
    if symmetric and not objects and len(subjects) > 1:  # "X et Y s'associent"
        for i, a in enumerate(subjects):
            for b in subjects[i + 1 :]:
                yield a, b


# ---------------------------------------------------------------------------------------------------------------
def verb_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X rachète Y", "Y est racheté par X", "X et Y ont lancé Z", "X s'associe avec Y"."""
    for rule in cues["verb_rules"]:
        lemmas = {fold(w) for w in rule["lemmas"]}
        preps = {fold(w) for w in rule.get("preps", [])}
        for tok in ctx.verbs:
            if ctx.lemmas[tok.i] not in lemmas:
                continue
            if ctx.negated(tok) or ctx.modal(tok):
                continue
            subjects, passive = ctx.subjects(tok)
            objects: list[Mention] = []
            agents: list[Mention] = []
            had_object = False
            for child in tok.children:
                if child.dep_ == "obj":
                    named = _object_arguments(ctx, child)
                    # a plain noun object ("les archives de Y") blocks the surface fallback; a type noun does not
                    had_object = had_object or (not named and ctx.mention(child) is None and child.pos_ == "NOUN"
                                                and fold(child.lemma_) not in _type_nouns_all())
                    objects += named
                elif child.dep_ == "obl:agent" or (child.dep_.startswith("obl") and any(
                        c.dep_ == "case" and fold(c.text) == "par" for c in child.children)):
                    agents += ctx.arguments(child)
                elif child.dep_.startswith("obl") and preps:
                    case = {fold(c.text) for c in child.children if c.dep_ == "case"}
                    if case & preps:
                        objects += ctx.arguments(child)
            conf, rule_id = rule["confidence"], rule["id"]
            if agents and not passive and _fronted_participle(tok):
                # "Fondée en 2015 par X, Y développe ...": the participle describes the subject after the comma
                passive, subjects = True, _name_after_comma(ctx, tok)
                rule_id += ".fronted-participle"
            if not objects and not passive and not had_object:
                objects = _object_after(ctx, tok)
                conf, rule_id = conf - 0.1, rule_id + ".surface-object"
            if not subjects and not passive:
                subjects = _subjects_before(ctx, tok)
                conf, rule_id = conf - 0.1, rule_id + ".surface-subject"
            elif not passive:  # "X et la société Y ont lancé": the parse may keep only Y as subject
                surface = _subjects_before(ctx, tok)
                if len(surface) > len(subjects) and all(m in surface for m in subjects):
                    subjects = surface
            if passive:
                subjects, objects = agents, subjects
            subjects = [m for m in subjects if _fits_subject(rule, m)]
            objects = [m for m in objects if _fits_object(rule, m)]
            if rule["predicate"] == "launched" and any(kind_of(m) == "Person" for m in subjects):
                continue
            attrs = _fact_attributes(tok, rule.get("fact", ""))
            for s, o in _pairs(subjects, objects, rule.get("symmetric", False)):
                yield _rm(s, rule["predicate"], o, ctx.evidence(tok, rule_id, conf, s, o, attributes=attrs))


def _fact_attributes(tok: Token, fact: str) -> list[tuple[str, str]]:
    """The amount (with currency) and date a deal or funding sentence gives: "a racheté X pour 40 millions
    d'euros", "a levé 12 millions d'euros en mars 2021". Only for rules that name a fact kind."""
    if not fact:
        return []
    attrs: list[tuple[str, str]] = [("date", find_date(tok.sent.text))]
    amounts = find_amounts(tok.sent.text)
    if amounts:
        a = min(amounts, key=lambda x: abs(tok.sent.start_char + x.start - tok.idx))
        attrs += [("amount", str(a.value)), ("currency", a.currency)]
        if a.max_value is not None:
            attrs.append(("maxAmount", str(a.max_value)))
    if len(attrs) > 1 or attrs[0][1]:
        attrs.append(("fact", fact))
    return attrs


def _fronted_participle(tok: Token) -> bool:
    """A past participle opening its sentence, with no auxiliary: "Fondée en 2015 par X, ..."."""
    return ("Part" in tok.morph.get("VerbForm") and tok.i == _real_sentence_start(tok)
            and not any(c.dep_.startswith("aux") for c in tok.children))


def _name_after_comma(ctx: DocContext, tok: Token) -> list[Mention]:
    """The name right after the first comma that follows ``tok`` in its sentence (a description may come first)."""
    doc = ctx.parsed
    end = _real_sentence_end(tok)
    for k in range(tok.i + 1, end - 1):
        if doc[k].text == ",":
            return _object_after(ctx, doc[k])  # "..., la start-up Y développe": past a short description
    return []


def _object_arguments(ctx: DocContext, obj: Token) -> list[Mention]:
    """The names a verb's object stands for: the object itself ("rachète Y"), or the name a type noun introduces
    ("rachète la société Y", "lance un site baptisé Z"). Through any other noun the name is only a complement:
    "a acheté les archives de Y" does not buy Y."""
    if ctx.mention(obj) is not None or obj.pos_ != "NOUN" or fold(obj.lemma_) in _type_nouns_all():
        return ctx.arguments(obj, depth=3)
    return []


@cache
def _type_nouns_all() -> frozenset[str]:
    from kg.extract.cues import entity_cues

    return frozenset(entity_cues().type_nouns) | {"start", "start-up", "jeune", "pousse"}


def _object_after(ctx: DocContext, verb: Token) -> list[Mention]:
    """The object read off the surface when the parse gives none: the first name after the verb, past a short
    description ("rachète la start-up lyonnaise X", "a lancé un site baptisé X")."""
    doc = ctx.parsed
    for k in range(verb.i + 1, min(verb.sent.end, verb.i + 8)):
        t = doc[k]
        m = ctx.mention(t)
        if m is not None:
            return [m]
        if not (t.pos_ in {"DET", "NOUN", "ADJ", "X", "PROPN"} or t.text == "-" or fold(t.text) in {
                "baptise", "baptisee", "nomme", "nommee", "appele", "appelee", "denomme", "denommee"}):
            return []
    return []


def _real_sentence_start(tok: Token) -> int:
    """The first token after the last full stop or line break: spaCy's parser sometimes starts a sentence in the
    middle of a name ("... Pilot | Analytics ont lancé")."""
    doc = tok.doc
    k = tok.i - 1
    while k >= max(0, tok.i - 60):
        t = doc[k]
        if t.text in {".", "!", "?"} or "\n" in t.text or "\n" in t.whitespace_:
            return k + 1
        k -= 1
    return k + 1


def _real_sentence_end(tok: Token) -> int:
    """One past the next full stop or line break (see :func:`_real_sentence_start`)."""
    doc = tok.doc
    for k in range(tok.i + 1, min(len(doc), tok.i + 80)):
        if doc[k].text in {".", "!", "?", ";"} or "\n" in doc[k].text:
            return k
    return min(len(doc), tok.i + 80)


def _subjects_before(ctx: DocContext, verb: Token) -> list[Mention]:
    """Subjects read off the surface when the parse gives none: the names right before the verb and its
    auxiliaries, coordinated by "et", each possibly introduced by a description ("X et la société de conseil Y
    ont lancé Z"). A comma, a relative pronoun or another verb ends the search."""
    doc = ctx.parsed
    start = _real_sentence_start(verb)
    k = verb.i - 1
    while k >= start and (doc[k].pos_ == "AUX" or fold(doc[k].text) in {"ne", "n'", "se", "s'"}
                                    or doc[k].dep_ == "advmod"):
        k -= 1
    if k < start or ctx.mention(doc[k]) is None:
        return []
    found: list[Mention] = []
    linked = True  # a name is a subject when it is the first, or an "et" (or a list comma) came before it
    in_list = False
    described = 0
    while k >= start:
        t = doc[k]
        m = ctx.mention(t)
        if m is not None:
            if m not in found:
                if not linked:
                    break
                found.append(m)
                linked, described = False, 0
            k -= 1
            continue
        if fold(t.text) in {"et", "ou"} or (t.text == "," and in_list):
            linked = in_list = True
            k -= 1
            continue
        if t.pos_ in {"DET", "NOUN", "ADJ", "ADP", "ADV", "X"} and described < 8:
            described += 1  # the description before a name: "et la société de conseil Y"
            k -= 1
            continue
        break
    return list(reversed(found))


def _fits_subject(rule: dict, m: Mention) -> bool:
    kind = kind_of(m)
    if rule["predicate"] in {"founderOf", "leaderOf"}:
        return kind in {"Person", "Organization"}
    return _could_be_org(m)


def _fits_object(rule: dict, m: Mention) -> bool:
    kind = kind_of(m)
    if rule.get("object_kind") == "Thing":
        return kind in THING_KINDS or (kind == "Organization" and m.source.startswith("ner:MISC"))
    return _could_be_org(m)


# ---------------------------------------------------------------------------------------------------------------
def _owner_before(ctx: DocContext, tok: Token, exclude: list[Mention]) -> Mention | None:
    """The nearest organisation named before ``tok`` in its sentence (what "son", "ses", "le groupe" point to)."""
    for k in range(tok.i - 1, tok.sent.start - 1, -1):
        m = ctx.mention(ctx.parsed[k])
        if m is not None and is_org(m) and m not in exclude and not m.text.startswith("#"):
            return m
    return None


def _governing_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(4):
        if t.head is t:
            return t if t.pos_ in {"VERB", "AUX"} else None
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def noun_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"partenariat entre X et Y", "X et Y annoncent un partenariat", "son mariage avec Y", "en partenariat avec Y"."""
    for rule in cues["noun_rules"]:
        lemmas = {fold(w) for w in rule["lemmas"]}
        for tok in ctx.tokens:
            if tok.pos_ not in {"NOUN", "PROPN"} or (_lemma(tok) not in lemmas and fold(tok.text) not in lemmas):
                continue
            if rule["predicate"] == "acquired" and _is_offer_context(tok):
                continue
            between: list[Mention] = []
            partners: list[Mention] = []
            for t in tok.subtree:
                if t.i == tok.i or t.i - tok.i > 12:
                    continue
                case = {fold(c.text) for c in t.children if c.dep_ == "case"}
                if "entre" in case:
                    between = [m for m in ctx.arguments(t) if _could_be_org(m)]
                    if len(between) < 2:  # the parse lost the coordination: read "entre X et Y" off the text
                        marker = next(c for c in t.children if c.dep_ == "case" and fold(c.text) == "entre")
                        between = [m for m in _names_list_after(ctx, marker.i) if _could_be_org(m)]
                elif case & {"avec", "a"} and t.head.i in {tok.i} | {c.i for c in tok.children}:
                    partners += [m for m in ctx.arguments(t) if _partner_ok(m) and m not in partners]
            if not partners and not between:
                partners = _partners_after(ctx, tok)
            if len(between) >= 2:
                for a, b in _pairs(between, [], True):
                    yield _rm(a, rule["predicate"], b, ctx.evidence(tok, rule["id"] + ".between",
                                                                    rule["confidence"] + 0.1, a, b))
                continue
            owners: list[Mention] = []
            verb = _governing_verb(tok)
            if verb is not None and not ctx.negated(verb) and not ctx.modal(verb):
                owners, _ = ctx.subjects(verb)
                surface = _subjects_before(ctx, verb)  # "X et la société Y annoncent un partenariat"
                if len(surface) > len(owners) and all(m in surface for m in owners):
                    owners = surface
                owners = [m for m in owners if is_org(m)]
            possessive = _has_possessive(tok)
            conf = rule["confidence"]
            if not owners and possessive:
                owner = _owner_before(ctx, tok, partners) or _subject_after(ctx, tok, partners)
                owners = [owner] if owner else []
            if not owners and partners and _is_definite_or_possessed(tok):
                # "Après l'accord passé avec Y, X ...": the text's main organisation, if this sentence names it
                topic = _topic_in_sentence(ctx, tok, partners)
                owners, conf = ([topic], conf - 0.1) if topic else ([], conf)
            if rule["predicate"] == "acquired":
                yield from _nominal_acquisition(ctx, tok, verb, rule)
                continue
            if partners:
                for o in owners:
                    for p in partners:
                        if fold(o.text) != fold(p.text):
                            yield _rm(o, rule["predicate"], p, ctx.evidence(tok, rule["id"] + ".with", conf, o, p))
            elif len(owners) >= 2 and verb is not None and (
                    tok.dep_ in {"obj", "nsubj:pass"} or (tok.dep_ == "nmod" and tok.head.dep_ == "obj")):
                # "X et Y annoncent un partenariat" / "... la signature d'un partenariat"
                for a, b in _pairs(owners, [], True):
                    yield _rm(a, rule["predicate"], b, ctx.evidence(tok, rule["id"] + ".coordinated-subjects",
                                                                    rule["confidence"], a, b))


def _partner_ok(m: Mention) -> bool:
    """A partner is an organisation; an event too ("en partenariat avec <salon>"), since trade shows and
    conferences are run by organisations of the same name."""
    return kind_of(m) in {"Organization", "Event"}


COMPLETION_VERBS = {"finaliser", "boucler", "conclure", "realiser", "achever", "officialiser", "annoncer",
                    "confirmer", "mener", "signer", "parachever", "operer", "effectuer"}
PROJECT_NOUNS = {"projet", "intention", "negociation", "offre", "tentative", "proposition", "etude", "rumeur",
                 "hypothese", "possibilite", "perspective", "idee", "envie", "volonte"}


def _nominal_acquisition(ctx: DocContext, tok: Token, verb: Token | None, rule: dict) -> Iterator[RelationMention]:
    """"X a finalisé l'acquisition de Y", "le rachat de Y par X": an acquisition noun with its target after "de"
    and its buyer either the subject of a verb of completion or introduced by "par". A project, an intention or a
    negotiation of acquisition ("son projet de rachat de Y") states nothing."""
    if tok.head is not tok and fold(tok.head.lemma_) in PROJECT_NOUNS:
        return
    doc = ctx.parsed
    targets: list[Mention] = []
    buyers: list[Mention] = []
    k = tok.i + 1
    while k < len(doc) and (doc[k].pos_ == "ADJ" or doc[k].is_quote):
        k += 1
    if k < len(doc) and fold(doc[k].text) in {"de", "d'", "du", "des"}:
        targets = [m for m in _names_list_after(ctx, k)[:1] if _could_be_org(m)]
    if not targets:
        return
    end = _real_sentence_end(tok)
    after = ctx.mention(doc[k + 1]) or targets[0]
    j = max(t.i for t in doc[k + 1 : end] if ctx.mention(t) is after) + 1 if any(
        ctx.mention(t) is after for t in doc[k + 1 : end]) else k + 1
    if j < end and fold(doc[j].text) == "par":
        buyers = [m for m in _names_list_after(ctx, j)[:1] if _could_be_org(m)]
        rule_id = rule["id"] + ".by"
    elif verb is not None and _lemma(verb) in COMPLETION_VERBS and not ctx.negated(verb) and not ctx.modal(verb):
        subjects, passive = ctx.subjects(verb)
        if not subjects and not passive:
            subjects = _subjects_before(ctx, verb)
        buyers = [m for m in subjects if _could_be_org(m)] if not passive else []
        rule_id = rule["id"] + ".completed"
    for b in buyers:
        for t in targets:
            if fold(b.text) != fold(t.text):
                yield _rm(b, "acquired", t, ctx.evidence(tok, rule_id, rule["confidence"], b, t,
                                                         attributes=_fact_attributes(tok, "Deal")))


POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "notre", "nos"}


def _has_possessive(tok: Token) -> bool:
    return any(fold(c.text) in POSSESSIVES for c in tok.children) or (
        tok.i > 0 and fold(tok.doc[tok.i - 1].text) in POSSESSIVES
    )


def _is_definite_or_possessed(tok: Token) -> bool:
    prev = [fold(t.text) for t in tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]]
    return _has_possessive(tok) or any(w in {"l'", "le", "la", "cet", "ce", "cette"} for w in prev)


def _partners_after(ctx: DocContext, tok: Token) -> list[Mention]:
    """Surface reading of "NOUN [adjectives, participle] avec Y [et Z]" where the parse does not attach Y to the
    noun: "son mariage avec Y", "l'accord mondial passé avec Y"."""
    doc = ctx.parsed
    j = tok.i + 1
    end = min(tok.sent.end, tok.i + 7)
    while j < end and (doc[j].pos_ in {"ADJ", "ADV"} or doc[j].is_quote or doc[j].is_space
                       or (doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm"))):
        j += 1
    if j >= end or fold(doc[j].text) != "avec":
        return []
    return _names_list_after(ctx, j)


def _names_list_after(ctx: DocContext, j: int) -> list[Mention]:
    """The coordinated names right after token ``j`` ("avec Y et Z", "entre X et Y"), each possibly introduced by
    a description ("et la société Y")."""
    doc = ctx.parsed
    end = min(_real_sentence_end(doc[j]), j + 20)
    found: list[Mention] = []
    seps: list[str] = []
    expecting = True
    k = j + 1
    while k < end:
        m = ctx.mention(doc[k])
        if m is not None:
            if not expecting or not (_partner_ok(m) or _could_be_org(m)) or m in found:
                break
            found.append(m)
            expecting = False
            while k < len(doc) and ctx.mention(doc[k]) is m:
                k += 1
            continue
        word = fold(doc[k].text)
        if not expecting and word in {"et", ","}:
            seps.append(word)
            expecting = True
        elif not expecting or (doc[k].pos_ not in {"DET", "ADJ", "NOUN"} and not doc[k].is_space
                               and not (doc[k].text == "-" or doc[k].text.islower())):  # "la start-up Y"
            break
        k += 1
    if expecting and seps:  # the list ended on a separator that led nowhere
        seps.pop()
    # "avec Y, X annonce ...": a comma continues the list only when the list closes with "et"
    while seps and seps[-1] == ",":
        seps.pop()
        found.pop()
    return found[: len(seps) + 1]


def _subject_after(ctx: DocContext, tok: Token, exclude: list[Mention]) -> Mention | None:
    """"Lors de son mariage avec Y, X ...": a possessive in a fronted phrase points to the subject that follows."""
    for k in range(tok.i + 1, tok.sent.end):
        t = ctx.parsed[k]
        m = ctx.mention(t)
        if m is not None and m not in exclude and is_org(m) and t.dep_.startswith("nsubj"):
            return m
    return None


def _topic_in_sentence(ctx: DocContext, tok: Token, exclude: list[Mention]) -> Mention | None:
    """The document's main organisation when this sentence names it outside ``exclude``."""
    topic = ctx.topic
    if topic is None or any(fold(m.text) == fold(topic.text) for m in exclude):
        return None
    for k in range(tok.sent.start, tok.sent.end):
        m = ctx.mention(ctx.parsed[k])
        if m is not None and fold(m.text) == fold(topic.text):
            return m
    return None


def _is_offer_context(tok: Token) -> bool:
    return tok.head.i != tok.i and fold(tok.head.lemma_) in _folded_set("offers", "nouns")


# ---------------------------------------------------------------------------------------------------------------
def offer_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X a décliné une offre de rachat de 500 millions de dollars émanant de Y" -> Y offeredToAcquire X."""
    oc = cues["offers"]
    nouns = {fold(w) for w in oc["nouns"]}
    qualifiers = {fold(w) for w in oc["qualifiers"]}
    markers = [fold(w) for w in oc["bidder_markers"]]
    status_verbs = {fold(k): v for k, v in oc["status_verbs"].items()}
    bidder_verbs = {fold(k): v for k, v in oc["bidder_verbs"].items()}
    for tok in ctx.tokens:
        if _lemma(tok) not in nouns:
            continue
        sub = list(tok.subtree)
        if _lemma(tok) in {"offre", "proposition"} and not any(_lemma(t) in qualifiers for t in sub):
            continue
        sent_text = fold(tok.sent.text)
        bidders: list[Mention] = []
        targets: list[Mention] = []
        status = ""
        # bidder after a marker ("émanant du site Y")
        after = fold(ctx.parsed[tok.i : tok.sent.end].text)
        for marker in markers:
            pos = after.find(marker)
            if pos >= 0:
                char = ctx.parsed[tok.i].idx + pos + len(marker)
                for m in ctx.mentions:
                    if m.start - ctx.offset >= char and _could_be_org(m):
                        bidders = [m]
                        break
                break
        verb = _governing_verb(tok)
        if verb is not None:
            lemma = _lemma(verb)
            subj, _ = ctx.subjects(verb)
            subj = [m for m in subj if _could_be_org(m)]
            if lemma in status_verbs:
                status, targets = status_verbs[lemma], subj
            elif lemma in bidder_verbs and not bidders:
                status, bidders = bidder_verbs[lemma], subj
            if ctx.negated(verb):
                continue
        for t in sub:
            case = {fold(c.text) for c in t.children if c.dep_ == "case"}
            if case & {fold(p) for p in oc["target_preps"]}:
                targets = targets or [m for m in ctx.arguments(t) if _could_be_org(m)]
        attrs: list[tuple[str, str]] = [("fact", "AcquisitionOffer"), ("status", status),
                                        ("date", find_date(tok.sent.text))]
        amounts = find_amounts(tok.sent.text)
        if amounts:
            a = amounts[0]
            attrs += [("amount", str(a.value)), ("currency", a.currency)]
            if a.max_value is not None:
                attrs.append(("maxAmount", str(a.max_value)))
        del sent_text
        for b in bidders:
            for t in targets:
                if fold(b.text) != fold(t.text):
                    yield _rm(b, "offeredToAcquire", t,
                              ctx.evidence(tok, "offer.noun", oc["confidence"], b, t, attributes=attrs))


# ---------------------------------------------------------------------------------------------------------------
@cache
def _role_table() -> list[tuple[tuple[str, ...], str]]:
    """Role phrases (as folded word tuples, longest first) and the predicate each states."""
    table = []
    for predicate, words in relation_cues()["roles"].items():
        if predicate.endswith("Of"):
            for w in words:
                table.append((tuple(re.findall(r"[\w.'-]+", fold(w))), predicate))
    return sorted(table, key=lambda x: -len(x[0]))


def _roles_in(words: list[str]) -> list[tuple[str, int, int]]:
    """(predicate, start, end) of every role phrase in a list of folded words."""
    found = []
    i = 0
    while i < len(words):
        for phrase, predicate in _role_table():
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append((predicate, i, i + len(phrase)))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _title_predicates(title_words: list[str]) -> list[str]:
    """What a title says: "co-fondateur et CEO" -> founderOf, ceoOf; "vice president" -> employeeOf;
    "président" alone -> leaderOf, but "president global, revenue" (a qualified title) -> employeeOf."""
    roles = _roles_in(title_words)
    preds: list[str] = []
    for predicate, start, end in roles:
        if predicate == "leaderOf":
            before = title_words[start - 1] if start else ""
            rest = [w for w in title_words[end:] if w not in {",", "et", "&"}]
            if before in {"vice", "vice-"} or rest:
                predicate = "employeeOf"
        if predicate not in preds:
            preds.append(predicate)
    if any(p in preds for p in ("ceoOf", "leaderOf", "founderOf")) and "employeeOf" in preds:
        preds.remove("employeeOf")
    return preds


def title_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X, co-fondateur et CEO de Y", "explique X, vice-président chez Y", "X, <fonction>, Y", "le PDG de Y, X",
    "X, à la tête de Y"."""
    links = {fold(w) for w in cues["roles"]["org_links"]}
    leader_phrases = [fold(p) for p in cues["roles"]["leader_phrases"]]
    people = [m for m in ctx.mentions if kind_of(m) == "Person"]
    for person in people:
        span = ctx.parsed.char_span(person.start - ctx.offset, person.end - ctx.offset, alignment_mode="expand")
        if span is None:
            continue
        yield from _title_after(ctx, person, span, links, leader_phrases)
        yield from _title_before(ctx, person, span, links)
        yield from _title_possessive(ctx, person, span)


def _org_at(ctx: DocContext, i: int) -> Mention | None:
    if i >= len(ctx.parsed):
        return None
    m = ctx.mention(ctx.parsed[i])
    return m if m is not None and _could_be_org(m) else None


def _title_after(ctx: DocContext, person: Mention, span: Span, links: set[str],
                 leader_phrases: list[str]) -> Iterator[RelationMention]:
    doc = ctx.parsed
    i = span.end
    if i >= len(doc):
        return
    appointed = False
    if doc[i].text != ",":
        i = _appointment_verb(ctx, i)  # "X a été nommée directrice générale de Y", "X devient président de Y"
        if i < 0:
            return
        appointed = True
    words: list[str] = []
    j = i + 1
    limit = min(len(doc), j + 14)
    while j < limit:
        tok = doc[j]
        if (tok.is_space and "\n" in tok.text) or tok.is_quote or tok.text in {"«", "»", ".", ";", "?", "!"}:
            return  # a quotation or a new sentence starts: what follows is no longer the title
        org = _org_at(ctx, j)
        if org is not None:
            prev = fold(doc[j - 1].text)
            prev2 = fold(doc[j - 2].text) if j >= 2 else ""
            title = [w for w in words if w not in {"le", "la", "l'", "un", "une", "notre", "son", "sa"}]
            while title and title[-1] in _type_noun_orgs() and len(title) > 1:
                title = title[:-1]  # "directrice générale de la banque Y": the type noun belongs to Y
            trailing_link = title and (title[-1] in links or prev in links or prev2 in links)
            if (prev == "," and not appointed) or trailing_link:
                while title and (title[-1] in links or title[-1] == ","):
                    title = title[:-1]
                phrase = " ".join(words)
                preds = [] if not title else _title_predicates(title)
                if any(lp in phrase + " " for lp in leader_phrases):
                    preds = ["leaderOf"]
                role = " ".join(t.text for t in doc[i + 1 : j] if not t.is_space).strip(" ,")
                role = re.sub(r"\s*,?\s*(de|du|des|d'|chez|at|of)$", "", role).strip(" ,")
                role = re.sub(r"\s+,", ",", role)
                parts = role.split()
                while len(parts) > 1 and fold(parts[-1]) in _type_noun_orgs() | links | {"le", "la", "l'", "les"}:
                    parts.pop()  # "directrice générale de la banque" -> "directrice générale"
                role = " ".join(parts)
                conf = 0.85 if prev in links or prev2 in links else 0.7
                for pred in preds:
                    attrs = [("role", role)] if pred in {"employeeOf", "leaderOf", "ceoOf"} else []
                    yield _rm(person, pred, org, ctx.evidence(doc[i:j], f"title.after-name.{pred}", conf, person,
                                                              org, attributes=attrs))
            return
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "acl"} and fold(tok.text) not in {"tete"}:
            return
        if ctx.mention(tok) is not None and kind_of(ctx.mention(tok)) == "Person":
            return
        words.append(fold(tok.text))
        j += 1


APPOINTMENT_LEMMAS = {"nommer", "devenir", "elire", "designer", "promouvoir", "reconduire", "choisir", "rester",
                      "demeurer", "etre", "titulariser", "confirmer", "introniser"}


def _appointment_verb(ctx: DocContext, i: int) -> int:
    """The index of the appointment verb (or copula) that follows a name, past auxiliaries: "a été nommée",
    "devient", "est". -1 when there is none, or when it is negated or only possible ("n'a pas été nommé",
    "pourrait devenir")."""
    doc = ctx.parsed
    modals = _folded_set("modality", "modal_lemmas")
    j = i
    while j < min(len(doc), i + 5):
        t = doc[j]
        lemma = _lemma(t)
        if fold(t.text) in {"ne", "n'", "pas", "jamais"} or lemma in modals or "Cnd" in t.morph.get("Mood"):
            return -1
        if lemma in APPOINTMENT_LEMMAS and (t.pos_ == "VERB" or lemma in {"etre", "devenir", "rester"}):
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if lemma == "etre" and nxt is not None and _lemma(nxt) in APPOINTMENT_LEMMAS - {"etre"}:
                j += 1  # "a été nommée": the participle after "été"
                continue
            return j
        if t.pos_ != "AUX" and t.dep_ != "advmod":
            return -1
        j += 1
    return -1


def _title_before(ctx: DocContext, person: Mention, span: Span, links: set[str]) -> Iterator[RelationMention]:
    """"le cofondateur de Y, X" / "le PDG de Y X" / "X, le cofondateur de Y" is handled by _title_after."""
    doc = ctx.parsed
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0:
        return
    org = _org_at(ctx, k)
    if org is None:
        return
    org_span = doc.char_span(org.start - ctx.offset, org.end - ctx.offset, alignment_mode="expand")
    if org_span is None or org_span.start < 2:
        return
    link = fold(doc[org_span.start - 1].text)
    if link not in links:
        return
    words = []
    j = org_span.start - 2
    while j >= max(0, org_span.start - 6) and doc[j].pos_ in {"NOUN", "ADJ", "PROPN", "X", "CCONJ", "PUNCT"}:
        if doc[j].text in {",", ".", ":"}:
            break
        words.insert(0, fold(doc[j].text))
        j -= 1
    for pred in _title_predicates(words):
        yield _rm(person, pred, org, ctx.evidence(doc[j + 1 : span.end], f"title.before-name.{pred}", 0.75,
                                                  person, org, attributes=[("role", " ".join(words))]))


# ---------------------------------------------------------------------------------------------------------------
def copula_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X est une filiale de Y", "X est désormais client de Y", "X reste l'actionnaire de Y": the relational
    noun of a list rule as the predicate of "être", its subject the member and its complement the owner."""
    by_noun: dict[str, dict] = {}
    for rule in cues["list_rules"]:
        for n in rule["nouns"]:
            by_noun[fold(n)] = rule
    copulas = {"etre", "devenir", "rester", "demeurer"}
    for tok in ctx.tokens:
        rule = by_noun.get(_lemma(tok)) if tok.pos_ == "NOUN" else None
        if rule is None or ctx.negated(tok):
            continue
        appositive = _apposition_member(ctx, tok)
        if appositive is not None:  # "X, filiale du groupe Y, ...": the same fact without "être"
            owners = [m for m in _names_list_after(ctx, tok.i) if _could_be_org(m)]
            if not owners:
                owners = [m for c in tok.children if c.dep_ == "nmod" for m in ctx.names_under(c)
                          if _could_be_org(m)]
            for o in owners[:1]:
                if fold(appositive.text) != fold(o.text):
                    yield _rm(appositive, rule["predicate"], o, ctx.evidence(
                        tok, rule["id"].replace(".list", ".apposition"), rule["confidence"], appositive, o))
            continue
        cop = [c for c in tok.children if c.dep_ == "cop" or (c.dep_.startswith("aux") and _lemma(c) in copulas)]
        if not cop and not (tok.dep_ in {"xcomp", "obj"} and _lemma(tok.head) in copulas):
            continue
        verb = tok.head if not cop else tok
        members = [m for c in verb.children if c.dep_ == "nsubj" for m in ctx.arguments(c) if _could_be_org(m)]
        owners = [m for c in tok.children if c.dep_ == "nmod" for m in ctx.names_under(c) if _could_be_org(m)]
        for m in members:
            for o in owners[:1]:
                if fold(m.text) != fold(o.text):
                    yield _rm(m, rule["predicate"], o, ctx.evidence(tok, rule["id"].replace(".list", ".copula"),
                                                                    rule["confidence"] + 0.1, m, o))


def _title_possessive(ctx: DocContext, person: Mention, span: Span) -> Iterator[RelationMention]:
    """"... a annoncé son président, X": a possessive title before the name points to the organisation named
    before it in the sentence."""
    doc = ctx.parsed
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    words: list[str] = []
    while k >= 0 and doc[k].pos_ in {"NOUN", "ADJ", "PROPN", "X"} and len(words) < 4 and ctx.mention(doc[k]) is None:
        words.insert(0, fold(doc[k].text))
        k -= 1
    if not words or k < 0 or fold(doc[k].text) not in {"son", "sa", "leur"}:
        return
    # the possessor is the subject of the clause ("Y a racheté Z, a annoncé son président"), else the one
    # organisation named before in the sentence
    verb = _governing_verb(doc[k + len(words) - 1])
    subjects = [m for m in ctx.subjects(verb)[0] if _could_be_org(m)] if verb is not None else []
    before = {fold(ctx.mention(t).text) for t in doc[tok_sent_start(doc, k) : k] if ctx.mention(t) is not None
              and _could_be_org(ctx.mention(t))}
    owner = subjects[0] if subjects else (_owner_before(ctx, doc[k], [person]) if len(before) == 1 else None)
    if owner is None:
        return
    role = doc[k + 1 : k + 1 + len(words)].text
    for pred in _title_predicates(words):
        yield _rm(person, pred, owner, ctx.evidence(doc[k : span.end], f"title.possessive.{pred}", 0.65, person,
                                                    owner, attributes=[("role", role)]))


def tok_sent_start(doc: Doc, k: int) -> int:
    return _real_sentence_start(doc[k])


def _apposition_member(ctx: DocContext, tok: Token) -> Mention | None:
    """The name a singular relational noun stands in apposition to: "X, filiale de Y" / "X, concurrent direct de Y"
    (the noun follows "X ," with at most an article and adjectives between)."""
    doc = ctx.parsed
    k = tok.i - 1
    while k >= 0 and (doc[k].pos_ in {"ADJ", "DET"}):
        k -= 1
    if k < 1 or doc[k].text != "," or tok.morph.get("Number") == ["Plur"]:
        return None
    m = ctx.mention(doc[k - 1])
    return m if m is not None and _could_be_org(m) else None


# ---------------------------------------------------------------------------------------------------------------
def list_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"ses clients A, B, C ou encore D" -> A clientOf owner, ...; "entités du groupe X, dont A, B et C"."""
    by_noun: dict[str, dict] = {}
    for rule in cues["list_rules"]:
        for n in rule["nouns"]:
            by_noun[fold(n)] = rule
    doc = ctx.parsed
    for tok in ctx.tokens:
        rule = by_noun.get(_lemma(tok)) if tok.pos_ == "NOUN" else None
        if rule is None:
            continue
        if tok.morph.get("Number") != ["Plur"] and fold(tok.text) == _lemma(tok):
            continue  # a list needs a plural noun: "ses clients", "entités"
        members: list[Mention] = []
        owner: Mention | None = None
        # owner: "du groupe X" / "de X" right after the noun
        for child in tok.children:
            if child.dep_ == "nmod":
                named = [m for m in ctx.names_under(child) if is_org(m)]
                if named:
                    owner = named[0]
                elif _lemma(child) in {fold(w) for w in relation_cues()["reference"]["definite_nouns"]}:
                    owner = _owner_before(ctx, tok, [])
        if owner is None and any(fold(c.text) in {"ses", "leurs", "son", "sa", "leur"} for c in tok.children):
            owner = _owner_before(ctx, tok, [])
        if owner is None:
            verb = _governing_verb(tok)
            if verb is not None:
                subj, _ = ctx.subjects(verb)
                subj = [m for m in subj if is_org(m)]
                owner = subj[0] if subj else None
        if owner is None:
            continue
        # members: names listed after the noun, up to the end of the clause
        j = tok.i + 1
        while j < _real_sentence_end(tok):
            t = doc[j]
            m = ctx.mention(t)
            if m is None and (t.text in {".", ";", "?", "!"} or (t.pos_ in {"VERB", "AUX"}
                                                                  and t.dep_ not in {"amod", "acl"})):
                break
            if m is None and t.pos_ == "ADP" and fold(t.text) not in {"de", "d'", "du", "des"}:
                break  # "les données de ses clients à la société Y": Y is not a client
            if (m is not None and m is not owner and m not in members and _could_be_org(m)
                    and not m.text.startswith("#")):
                members.append(m)
            j += 1
        for m in members:
            if fold(m.text) == fold(owner.text):
                continue
            yield _rm(m, rule["predicate"], owner, ctx.evidence(tok, rule["id"], rule["confidence"], m, owner))


def _could_be_org(m: Mention) -> bool:
    """An organisation, or a lone word spaCy only guessed to be a person or a place (no gazetteer entry, no first
    name): where a rule expects a company, a one-word name is a company far more often than a surname alone."""
    if is_org(m):
        return True
    return kind_of(m) in {"Person", "Place"} and " " not in m.text and sum(w for _, w in m.type_votes) < 1.0


# ---------------------------------------------------------------------------------------------------------------
def client_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"A #Campagne pour B", "#Campagne présentée par A pour B", "la campagne de A pour B" -> B clientOf A."""
    cc = cues["clients"]
    agent_markers = [fold(m) for m in cc["agent_markers"]]
    work_nouns = {fold(w) for w in cc["work_nouns"]}
    doc = ctx.parsed
    for tok in ctx.tokens:
        if tok.text != "pour":
            continue
        client = None
        for j in range(tok.i + 1, min(len(doc), tok.i + 5)):
            m = ctx.mention(doc[j])
            if m is not None:
                client = m if is_org(m) and not m.text.startswith("#") else None
                break
        if client is None:
            continue
        agency = None
        marker = False
        for k in range(tok.i - 1, max(-1, tok.i - 10), -1):
            t = doc[k]
            if t.is_space and "\n" in t.text:
                break
            m = ctx.mention(t)
            if m is not None and m.text.startswith("#"):
                marker = True
                continue
            if _lemma(t) in work_nouns:
                marker = True
            if m is not None and is_org(m):
                agency = m
                first = k
                while first > 0 and ctx.mention(doc[first - 1]) is m:
                    first -= 1
                left = fold(doc[max(0, first - 3) : first].text)
                if any(left.endswith(am) for am in agent_markers):
                    marker = True
                break
        if agency is None or not marker or fold(agency.text) == fold(client.text):
            continue
        yield _rm(client, "clientOf", agency, ctx.evidence(tok, "client.agency-for", cc["confidence"], agency, client))


# ---------------------------------------------------------------------------------------------------------------
def data_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X utilise les données de Y" (usesDataFrom), "X a récupéré, moyennant finance, des tweets" (buysDataFrom),
    "Y vend ses données à X" (X buysDataFrom Y). Without a named provider, the text's main organisation is taken."""
    dc = cues["data"]
    nouns = {fold(w) for w in dc["nouns"]}
    use, buy, sell = ({fold(w) for w in dc[k]} for k in ("use_verbs", "buy_verbs", "sell_verbs"))
    markers = [fold(w) for w in dc["buy_markers"]]
    for tok in ctx.tokens:
        lemma = _lemma(tok)
        if tok.pos_ not in {"VERB", "AUX"} or lemma not in use | buy | sell:
            continue
        if ctx.negated(tok) or ctx.modal(tok):
            continue
        data_tok = None
        for child in tok.children:
            if child.dep_ in {"obj", "obl", "obl:arg", "nsubj:pass"}:
                for t in child.subtree:
                    if _lemma(t) in nouns or fold(t.text) in nouns:
                        data_tok = t
                        break
            if data_tok is not None:
                break
        if data_tok is None:
            data_tok = _data_noun_after(tok, nouns)
        if data_tok is None:
            continue
        if tok.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in tok.children):
            continue  # "X a sanctionné Y pour avoir revendu ...": who sold is not the main subject
        subjects, _ = ctx.subjects(tok)
        subjects = [m for m in subjects if is_org(m)]
        provider: list[Mention] = []
        for t in data_tok.subtree:
            if t.i != data_tok.i:
                named = [m for m in ctx.names_under(t, 1) if is_org(m)]
                if named:
                    provider = named
                    break
        if not provider:
            for t in data_tok.children:
                if t.dep_ == "nmod":
                    provider = [m for m in ctx.arguments(t) if is_org(m)]
        conf = dc["confidence"]
        if not provider and ctx.topic is not None and is_org(ctx.topic):
            provider = [ctx.refer(data_tok, ctx.topic)]  # confidence lowered by the reference factor
        sentence = fold(tok.sent.text)
        bought = lemma in buy or any(m in sentence for m in markers)
        if lemma in sell:
            buyers = []
            for child in tok.children:
                if child.dep_.startswith("obl") and any(fold(c.text) in {"a", "au", "aux"} for c in child.children):
                    buyers += [m for m in ctx.arguments(child) if is_org(m)]
            for b in buyers:
                for s in subjects:
                    yield _rm(b, "buysDataFrom", s, ctx.evidence(tok, "data.sell-to", conf, b, s))
            continue
        predicate = "buysDataFrom" if bought else "usesDataFrom"
        for s in subjects:
            for p in provider:
                if fold(s.text) != fold(p.text):
                    yield _rm(s, predicate, p, ctx.evidence(tok, f"data.{lemma}", conf, s, p))


def _data_noun_after(verb: Token, nouns: set[str]) -> Token | None:
    """The data noun a few words after the verb, in the same clause, when the parse does not attach it:
    "a récupéré, moyennant finance, une poignée d'anciens tweets"."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.sent.end, verb.i + 10)):
        t = doc[k]
        if t.text in {".", ";", "?", "!"} or ("Fin" in t.morph.get("VerbForm") and t.pos_ in {"VERB", "AUX"}):
            return None
        if t.pos_ == "NOUN" and (_lemma(t) in nouns or fold(t.text) in nouns):
            return t
    return None


# ---------------------------------------------------------------------------------------------------------------
def _place_mention(ctx: DocContext, tok: Token, place: str) -> Mention:
    return Mention(doc_id=ctx.doc.doc_id, start=ctx.offset + tok.idx, end=ctx.offset + tok.idx + len(tok.text),
                   text=place, type_votes=(("Place", 3.0),), source="demonym")


def location_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"une entreprise allemande, X" / "la société allemande X" -> X basedIn Allemagne; "X, basée à Lyon"."""
    lc = cues["location"]
    places = place_cues()
    participles = {fold(w) for w in lc["participles"]}
    doc = ctx.parsed
    for tok in ctx.tokens:
        folded = fold(tok.text)
        if folded in places.demonyms and not (tok.pos_ == "ADJ" and tok.dep_ == "amod"):
            # "la start-up lyonnaise X", "la jeune pousse bordelaise X": read off the text when the parse is lost
            m = ctx.mention(doc[tok.i + 1]) if tok.i + 1 < len(doc) else None
            if m is not None and _could_be_org(m) and _org_noun_before(doc, tok.i):
                place = _place_mention(ctx, tok, places.demonyms[folded])
                yield _rm(m, "basedIn", place, ctx.evidence(tok, "location.demonym.surface",
                                                            lc["demonym_confidence"] - 0.1, m, place))
        if tok.pos_ == "ADJ" and folded in places.demonyms and tok.dep_ == "amod":
            noun = tok.head
            orgs = [m for m in ctx.names_under(noun, 1, {"appos", "flat:name", "nmod", "flat"}) if is_org(m)]
            if not orgs and noun.dep_ == "appos":
                m = ctx.mention(noun.head)
                orgs = [m] if m is not None and is_org(m) else []
            if not orgs:  # "X, une entreprise française": the name before the comma, whatever the parse says
                k = min(t.i for t in noun.subtree if t.i <= noun.i) - 1
                while k >= 0 and (doc[k].pos_ in {"DET", "ADJ"} and doc[k].i != tok.i):
                    k -= 1
                if k >= 1 and doc[k].text == ",":
                    m = ctx.mention(doc[k - 1])
                    orgs = [m] if m is not None and _could_be_org(m) else []
            if not orgs:  # "une entreprise britannique, X": X right after the noun phrase
                k = max(t.i for t in noun.subtree) + 1
                while k < len(doc) and doc[k].text in {",", "("}:
                    k += 1
                m = ctx.mention(doc[k]) if k < len(doc) else None
                orgs = [m] if m is not None and is_org(m) else []
            if orgs and fold(noun.lemma_) in {fold(k) for k in _type_noun_orgs()}:
                place = _place_mention(ctx, tok, places.demonyms[folded])
                for o in orgs:
                    yield _rm(o, "basedIn", place, ctx.evidence(tok, "location.demonym", lc["demonym_confidence"],
                                                                o, place))
        elif _base_forms(folded) & participles or _lemma(tok) in participles:
            targets = []
            for child in tok.children:
                if child.dep_.startswith("obl") and any(fold(c.text) in {"a", "en", "au"} for c in child.children):
                    targets += [m for m in ctx.arguments(child) if kind_of(m) == "Place"]
            if not targets:
                continue
            orgs = [m for m in ctx.names_under(tok.head, 1) if is_org(m)] if tok.dep_ in {"acl", "amod"} else []
            if not orgs:
                subj, _ = ctx.subjects(tok)
                orgs = [m for m in subj if is_org(m)]
            for o in orgs:
                for t in targets:
                    yield _rm(o, "basedIn", t, ctx.evidence(tok, "location.based-in", lc["confidence"], o, t))


def _base_forms(word: str) -> set[str]:
    """"basée", "basés", "établie" -> {"base", ...}: candidates for the masculine singular of a participle."""
    w = word[:-1] if word.endswith("s") else word
    return {word, w, w[:-1]} if w.endswith("e") else {word, w}


def _org_noun_before(doc: Doc, i: int) -> bool:
    """An organisation noun right before token ``i``: "société", "groupe", "start-up" (however tokenised)."""
    if i == 0:
        return False
    prev = doc[i - 1]
    words = "".join(t.text for t in doc[max(0, i - 3) : i])
    return fold(prev.lemma_) in _type_noun_orgs() or fold(prev.text) in _type_noun_orgs() or fold(words).endswith(
        ("start-up", "startup"))


@cache
def _type_noun_orgs() -> frozenset[str]:
    from kg.extract.cues import entity_cues

    return frozenset(k for k, v in entity_cues().type_nouns.items() if v == "Organization")


# ---------------------------------------------------------------------------------------------------------------
def funding_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X a bouclé un tour de table de 12 millions d'euros auprès du fonds Y" -> Y investedIn X, with a
    FundingRound fact carrying the amount."""
    fc = cues["funding"]
    funding_cues = [fold(c) for c in fc["cues"]]
    markers = sorted((fold(m) for m in fc["investor_markers"]), key=len, reverse=True)
    for sent in ctx.parsed.sents:
        text = fold(sent.text)
        if not any(re.search(rf"\b{re.escape(c)}", text) for c in funding_cues) and not any(
                _lemma(t) in funding_cues for t in sent):
            continue
        for tok in sent:
            phrase = fold(ctx.parsed[tok.i : tok.i + 5].text)
            marker = next((m for m in markers if phrase.startswith(m + " ") or phrase == m), None)
            if marker is None or (tok.i > sent.start and fold(ctx.parsed[tok.i - 1].text) in {"auprès"}):
                continue
            last = tok.i + len(marker.split()) - 1
            while last < sent.end - 1 and fold(ctx.parsed[last].text) != marker.split()[-1]:
                last += 1
            investors = [m for m in _names_list_after(ctx, last) if _could_be_org(m) or kind_of(m) == "Person"]
            verb = _governing_verb(tok) or sent.root
            if ctx.negated(verb) or ctx.modal(verb):
                continue
            funded, _ = ctx.subjects(verb)
            funded = [m for m in funded if _could_be_org(m)] or [m for m in _subjects_before(ctx, verb)
                                                                  if _could_be_org(m)]
            conf = fc["confidence"]
            if not funded:  # "X, une entreprise ..., a bouclé un tour de table": the name opening the sentence
                first = _real_sentence_start(tok)
                opening = [ctx.mention(t) for t in ctx.parsed[first : first + 3] if ctx.mention(t) is not None]
                funded = [m for m in opening[:1] if _could_be_org(m) and m not in investors]
                conf -= 0.1
            attrs = _fact_attributes(tok, "FundingRound") or []
            if not any(k == "fact" for k, _ in attrs):
                attrs.append(("fact", "FundingRound"))
            for inv in investors:
                for f in funded[:1]:
                    if fold(inv.text) != fold(f.text):
                        yield _rm(inv, "investedIn", f, ctx.evidence(tok, "funding.investor", conf, inv, f,
                                                                      attributes=attrs))


STAKE_VERBS = {"entrer", "prendre", "acquerir", "detenir", "monter", "renforcer", "porter", "racheter"}


def stake_rules(ctx: DocContext, cues: dict) -> Iterator[RelationMention]:
    """"X est entré au capital de Y", "X a pris une participation de 30 % dans Y" -> X investedIn Y."""
    doc = ctx.parsed
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or _lemma(tok) not in {"capital", "participation", "part", "stake"}:
            continue
        verb = _governing_verb(tok)
        if verb is None or _lemma(verb) not in STAKE_VERBS or ctx.negated(verb) or ctx.modal(verb):
            continue
        k = tok.i + 1
        end = min(_real_sentence_end(tok), tok.i + 8)
        while (k < end and fold(doc[k].text) not in {"dans", "de", "du", "d'", "au"}) or (
                k < end and k + 1 < len(doc) and doc[k + 1].like_num):
            k += 1  # past "de 30 %"
        if k >= end:
            continue
        if fold(doc[k].text) == "au":  # "une participation au capital de Y"
            k += 2
        targets = [m for m in _names_list_after(ctx, k)[:1] if _could_be_org(m)]
        subjects, passive = ctx.subjects(verb)
        if not subjects and not passive:
            subjects = _subjects_before(ctx, verb)
        investors = [m for m in subjects if _could_be_org(m) or kind_of(m) == "Person"]
        for inv in investors:
            for t in targets:
                if fold(inv.text) != fold(t.text):
                    yield _rm(inv, "investedIn", t, ctx.evidence(tok, "investment.stake", 0.7, inv, t,
                                                                 attributes=_fact_attributes(tok, "FundingRound")))
