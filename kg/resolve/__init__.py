"""Entity resolution: from mentions in many documents to one node per real-world entity.

Mentions are grouped by a normalised key (case, accents, articles and punctuation folded), so "Ciblex" and
"CibleX" are one entity while "Kestrel Lyon" and "Kestrel Lyon Digital" stay two. Keys are then linked
(:mod:`kg.resolve.links`): a lone surname to the one person it can be, an acronym or a short form to the one name
it stands for, a former name to the current one, a gazetteer alias to its place, a name of the user's aliases file
to its canonical name. The type of an entity is decided by votes: every mention's votes (NER label, name words,
neighbouring nouns, gazetteer) plus the votes of the relations it takes part in (the subject of ``ceoOf`` is a
person, the object of ``basedIn`` a place); how clearly the votes decide is the entity's type confidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract import DocumentExtraction
from kg.extract.cues import entity_cues, fold, name_cues
from kg.extract.mentions.votes import corpus_votes
from kg.iri import slugify
from kg.model import Entity, Evidence, Mention, Relation
from kg.resolve.aliases import Alias
from kg.resolve.links import (
    TYPE_ORDER,
    best_type,
    compatible,
    place_links,
    short_form_links,
    surname_links,
    text_links,
)
from kg.vocab import ENTITY_TYPES, SYMMETRIC_PREDICATES

ARTICLES = re.compile(r"^(le|la|les|l|the)\s+")
_PUNCTUATION = re.compile(r"[^\w#&]+")
LEADING = {"leaderOf", "ceoOf"}  # predicates that say more than ``employeeOf`` of the same pair

# Votes a relation casts for the types of its arguments (domain, range); weights sum with mention votes.
ARGUMENT_VOTES: dict[str, tuple[dict[str, float], dict[str, float]]] = {
    "partnersWith": ({"Organization": 1.0}, {"Organization": 1.0}),
    "usesDataFrom": ({"Organization": 1.0}, {"Organization": 1.0}),
    "buysDataFrom": ({"Organization": 1.0}, {"Organization": 1.0}),
    "subsidiaryOf": ({"Organization": 1.5}, {"Organization": 1.0}),
    "clientOf": ({"Organization": 1.0}, {"Organization": 1.0}),
    "founderOf": ({"Person": 1.0}, {"Organization": 1.5}),
    "leaderOf": ({"Person": 1.5}, {"Organization": 1.5}),
    "ceoOf": ({"Person": 1.5}, {"Organization": 1.5}),
    "employeeOf": ({"Person": 1.5}, {"Organization": 1.5}),
    "memberOf": ({}, {"Organization": 1.0}),
    "acquired": ({"Organization": 1.0}, {"Organization": 1.0}),
    "offeredToAcquire": ({"Organization": 1.0}, {"Organization": 1.0}),
    "investedIn": ({}, {"Organization": 1.0}),
    "launched": ({"Organization": 1.0}, {"Product": 1.2}),  # a launched thing may be an event: type nouns decide
    "basedIn": ({"Organization": 1.0}, {"Place": 3.0}),
    "competitorOf": ({"Organization": 1.0}, {"Organization": 1.0}),
}


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(h.rstrip(".") for h in name_cues().honorifics)


@lru_cache(maxsize=1 << 16)  # a build asks for the key of every mention: a few keys per name, thousands of mentions
def name_key(text: str) -> str:
    """The key mentions are grouped by: folded, punctuation collapsed, leading articles and honorifics dropped."""
    key = _PUNCTUATION.sub(" ", fold(text)).strip()
    honorifics = _honorifics()
    prev = None
    while prev != key:
        prev, key = key, ARTICLES.sub("", key)
        head, _, rest = key.partition(" ")
        if rest and head in honorifics:
            key = rest
    return key


def _best_label(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to a full name over a surname or an acronym ("Bernard Vallaud",
    "Banque centrale européenne"), then to the one with inner capitals ("CibleX"), then alphabetical. A form in
    capitals only (a headline) is a label only when there is no other."""
    return sorted(forms, key=lambda f: (f.isupper() and len(f) > 6, -forms[f], -(" " in f),
                                        -sum(c.isupper() for c in f), f))[0]


def type_confidence(total: dict[str, float], kind: str) -> float:
    """How clearly the votes decide the type: the winner's share of all votes, lowered when the winner has only
    weak evidence (one NER guess, one quarter-weight repeat)."""
    votes = sum(total.values())
    if votes <= 0:
        return 0.3
    share = total.get(kind, 0.0) / votes
    strength = min(1.0, total.get(kind, 0.0) / 3.0)
    return round(share * (0.5 + 0.5 * strength), 3)


def _unique(candidates: dict[str, set[str]], votes, links: dict[str, str], stated: bool = False) -> None:
    """Link each key to its one candidate (none when several fit), never in a cycle nor across types."""
    for k, targets in sorted(candidates.items()):
        targets = {t for t in targets if t != k}
        if len(targets) == 1 and k not in links:
            target = next(iter(targets))
            end, hops = target, 0
            while end in links and hops < 8:
                end, hops = links[end], hops + 1
            if end != k and compatible(votes, k, target, stated):  # « GV, l'ex-Google Ventures » links one way only
                links[k] = target


VOTE_UNIT = 1e-9  # type votes are counted in billionths: exact sums in any order


def _units(weight: float) -> int:
    return round(weight / VOTE_UNIT)


def document_mentions(ex: DocumentExtraction) -> list[Mention]:
    """The names of one document: its mentions, then the arguments of its relations that are not among them (e.g.
    places named by a demonym), once each, or their votes would count twice."""
    mentions = list(ex.mentions)
    seen = {(m.doc_id, m.start, m.end, m.text) for m in mentions}
    for r in ex.relations:
        for m in (r.subject, r.object):
            if (m.doc_id, m.start, m.end, m.text) not in seen:
                seen.add((m.doc_id, m.start, m.end, m.text))
                mentions.append(m)
    return mentions


def document_surnames(mentions: list[Mention]) -> set[str]:
    """The last words of the people a document names in full (« Octave Vrelik »): there, the lone word is most often
    that person, whatever NER took it for. A full name is a person's by the votes of all its mentions in the
    document (a headline « Laiterie X : … » spaCy calls a person does not make « X » a surname)."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in mentions:
        if " " in (key := name_key(m.text)):
            for kind, weight in m.type_votes:
                totals[key][kind] += weight
    return {key.rsplit(" ", 1)[1] for key, v in totals.items() if v and best_type(v)[0] == "Person"}


def surname_votes(m: Mention) -> tuple[tuple[str, float], ...]:
    """A lone surname of a person of its document: a vote NER alone cast (or a reference copied from such a
    mention) goes to the person; evidence of its own (« le groupe X », a legal form) stands."""
    weight = max((w for _, w in m.type_votes), default=0.0)
    if (m.source.startswith("ner:") or m.source == "reference") and 0.0 < weight <= 1.0:
        return (("Person", weight),)
    return corpus_votes(m)


class NameTable:
    """What resolution keeps of a corpus, fed one document at a time: per name key, its type votes, its surface
    forms with their counts and its handles; which keys are seen inside a sentence or in capitals; which other names
    the texts give for a name (acronyms, « l'ex-X »).

    Its size grows with the number of distinct names, not with the number of documents, so a year of news fits in
    memory; :meth:`resolve` turns it into entities. Votes are summed as whole numbers of :data:`VOTE_UNIT`, so the
    order documents come in (cache hits first, parsed documents after) never changes a sum.
    """

    def __init__(self, aliases: dict[str, Alias] | None = None) -> None:
        self.aliases = aliases or {}
        self.votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.handles: dict[str, set[str]] = defaultdict(set)
        self.inside: set[str] = set()
        self.capitals: set[str] = set()
        self.stated: dict[str, set[str]] = {}
        self.together: dict[str, set[str]] = {}  # key -> the longer names starting with it in every text it is in
        self.nouns: dict[str, set[str]] = defaultdict(set)  # key -> the nouns texts describe it with (« la holding X »)

    def add(self, ex: DocumentExtraction) -> list[str]:
        """Take one document in; returns the name keys it uses (what its graph depends on, with their entities)."""
        mentions = document_mentions(ex)
        surnames = document_surnames(mentions)
        names: set[str] = set()
        for m in mentions:
            key = name_key(m.text)
            names.add(key)
            if not m.initial:
                self.inside.add(key)
            for kind, weight in (surname_votes(m) if key in surnames else corpus_votes(m)):
                self.votes[key][kind] += _units(weight)
            if key:
                self.forms[key][m.text] += 1
                if m.handle:
                    self.handles[key].add(m.handle)
            if m.text.isupper() and m.text.isalpha():
                self.capitals.add(key)
            if m.noun:
                self.nouns[key].add(m.noun)
        cast: set[tuple[str, int, int, str, int]] = set()  # a mention votes once per predicate and role
        for r in ex.relations:
            for role, m, kinds in ((0, r.subject, ARGUMENT_VOTES.get(r.predicate, ({}, {}))[0]),
                                   (1, r.object, ARGUMENT_VOTES.get(r.predicate, ({}, {}))[1])):
                if (m.doc_id, m.start, m.end, r.predicate, role) in cast:
                    continue  # « A, B et C ont créé X »: three facts, one piece of evidence about X
                cast.add((m.doc_id, m.start, m.end, r.predicate, role))
                for kind, weight in kinds.items():
                    self.votes[name_key(m.text)][kind] += _units(weight)
        for key, targets in text_links(mentions, name_key).items():
            self.stated.setdefault(key, set()).update(targets)
        for key in names:
            longer = {n for n in names if n.startswith(key + " ")}
            self.together[key] = self.together[key] & longer if key in self.together else longer
        return sorted(names)

    def resolve(self) -> Resolution:
        """Decide the entities: links between keys, then one entity per group of keys, typed by their votes."""
        votes: dict[str, dict[str, float]] = {k: {t: u / 1e9 for t, u in v.items()} for k, v in self.votes.items()}
        user = {name_key(n): a for n, a in self.aliases.items()}
        links = {k: name_key(a.canonical) for k, a in user.items() if a.canonical and name_key(a.canonical) != k}
        acronyms = self.stated
        _unique(acronyms, votes, links, stated=True)
        _unique(short_form_links(votes, self.capitals, self.forms, self.together, self.nouns), votes, links)
        for source in (place_links(votes, name_key), surname_links(votes)):
            for k, target in source.items():
                links.setdefault(k, target)
        not_names = name_cues().common_words | entity_cues().not_names | name_cues().institution_heads

        def follow(key: str) -> str:
            hops = 0
            while key in links and hops < 8:
                key, hops = links[key], hops + 1
            return key

        group_of: dict[str, str] = {}  # every name key that names an entity -> the entity's key
        groups: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.forms):
            if key not in self.inside or key in not_names or (key in user and not user[key].canonical):
                continue  # seen only opening sentences, a common word, or dropped by the user
            group_of[key] = follow(key)
            groups[group_of[key]].append(key)
        entities: dict[str, Entity] = {}
        used_slugs: Counter[str] = Counter()
        labels = {follow(k): a.canonical for k, a in user.items() if a.canonical}
        for key in sorted(groups):
            keys = set(groups[key])
            total_units: dict[str, int] = defaultdict(int)
            guessed = {k for k in keys if k in acronyms and k != key}  # an acronym's type is only a guess
            for k in sorted(keys - guessed if keys - guessed else keys):
                for kind, u in self.votes.get(k, {}).items():
                    total_units[kind] += u
            total = {t: u / 1e9 for t, u in total_units.items()}
            kind = max(ENTITY_TYPES, key=lambda t: (total.get(t, 0.0), -TYPE_ORDER[t]))
            forced = next((user[k].type for k in sorted(keys | {key}) if k in user and user[k].type), None)
            confidence = 1.0 if forced else type_confidence(total, kind)
            forms: Counter[str] = Counter()
            handles: set[str] = set()
            for k in keys:
                forms.update(self.forms[k])
                handles |= self.handles.get(k, set())
            label = labels.get(key) or _best_label(forms)
            slug = slugify(label)
            used_slugs[slug] += 1
            if used_slugs[slug] > 1:
                slug = f"{slug}-{used_slugs[slug]}"
            entities[key] = Entity(
                entity_id=slug,
                label=label,
                type=forced or kind,
                aliases={f for f in forms if f != label} | handles,
                type_confidence=confidence,
                mention_count=sum(forms.values()),
            )
        _legal_form_aliases(entities, group_of)
        return Resolution(entities, group_of)


def without_legal_form(name: str) -> str:
    """« Norvalys SA » → « Norvalys », « Tarvik Holding GmbH » → « Tarvik Holding »; a name that is only a legal
    form, or has none, is returned as it is."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in name_cues().legal_forms:
        words.pop()
    return " ".join(words)


def _legal_form_aliases(entities: dict[str, Entity], group_of: dict[str, str]) -> None:
    """A name without its legal form is an alias of the entity (« Norvalys » for « Norvalys SA »), so the entity
    answers to it, unless that shorter name is another entity's or two entities share it (« Trelvo AG » and
    « Trelvo SE »)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, e in entities.items():
        for form in {e.label, *e.aliases}:
            if (base := without_legal_form(form)) != form:
                owners[base].add(key)
    for base, keys in sorted(owners.items()):
        if len(keys) == 1 and name_key(base) not in group_of and name_key(base) not in entities:
            entities[next(iter(keys))].aliases.add(base)


@dataclass(frozen=True)
class Resolution:
    """The entities of a corpus by group key, and the group key of every name that names one."""

    entities: dict[str, Entity]
    group_of: dict[str, str]

    def canonical(self, m: Mention) -> str | None:
        return self.group_of.get(name_key(m.text))

    def entity_id(self, name: str) -> str | None:
        """The id of the entity a name key stands for, if any."""
        key = self.group_of.get(name)
        return self.entities[key].entity_id if key is not None else None

    def entity_of(self, m: Mention) -> Entity | None:
        key = self.canonical(m)
        return self.entities[key] if key is not None else None

    def mentioned(self, ex: DocumentExtraction) -> list[Entity]:
        """The entities one document names, each once, in entity id order."""
        found = {e.entity_id: e for m in document_mentions(ex) if (e := self.entity_of(m)) is not None}
        return [found[k] for k in sorted(found)]

    def lift(self, ex: DocumentExtraction) -> list[tuple[str, str, str, Evidence]]:
        """One document's relation mentions lifted onto entities: (subject id, predicate, object id, evidence), each
        piece of evidence once per fact, in reading order. Symmetric facts are written in one direction. Where the
        document says a person leads an organisation (``leaderOf``, ``ceoOf``), their ``employeeOf`` the same
        organisation says less and is left out (« X (Y) » in a heading, « il a rejoint le groupe »)."""
        seen: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        out: list[tuple[str, str, str, Evidence]] = []
        for r in ex.relations:
            sk, ok = self.canonical(r.subject), self.canonical(r.object)
            if sk is None or ok is None or sk == ok:
                continue
            s, o = self.entities[sk].entity_id, self.entities[ok].entity_id
            if r.predicate in SYMMETRIC_PREDICATES and o < s:
                s, o = o, s
            key = (s, r.predicate, o)
            if r.evidence not in seen[key]:
                seen[key].append(r.evidence)
                out.append((s, r.predicate, o, r.evidence))
        leads = {(s, o) for s, p, o, _ in out if p in LEADING}
        return [t for t in out if not (t[1] == "employeeOf" and (t[0], t[2]) in leads)]


def relations_from(lifted: Iterable[tuple[str, str, str, Evidence]]) -> list[Relation]:
    """Lifted evidence of any number of documents as relations, sorted, each with its evidence sorted."""
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for s, p, o, ev in lifted:
        evidence[(s, p, o)].append(ev)
    return [
        Relation(s, p, o, tuple(sorted(ev, key=lambda e: (e.doc_id, e.start, e.end, e.rule))))
        for (s, p, o), ev in sorted(evidence.items())
    ]


def resolve(extractions: Iterable[DocumentExtraction], aliases: dict[str, Alias] | None = None
            ) -> tuple[list[Entity], list[Relation]]:
    """Merge the mentions of all documents into entities and lift relation mentions onto them.

    ``aliases`` (:func:`kg.resolve.aliases.read_aliases`) maps names to a canonical name and type the user fixed.
    This is :class:`NameTable` and :class:`Resolution` on extractions held in memory; entities come with their
    mentions. ``kg.build`` streams the same steps over documents without holding them.
    """
    extractions = list(extractions)
    table = NameTable(aliases)
    for ex in extractions:
        table.add(ex)
    resolution = table.resolve()
    members: dict[str, list[Mention]] = defaultdict(list)
    for ex in extractions:
        for m in document_mentions(ex):
            key = resolution.canonical(m)
            if key is not None:
                members[key].append(m)
    for key, e in resolution.entities.items():
        e.mentions = sorted(members[key], key=lambda m: (m.doc_id, m.start))
    relations = relations_from(t for ex in extractions for t in resolution.lift(ex))
    return sorted(resolution.entities.values(), key=lambda e: e.entity_id), relations
