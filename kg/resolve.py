"""Entity resolution: from mentions in many documents to one node per real-world entity.

Mentions are grouped by a normalised key (case, accents, articles and punctuation folded), so "Ciblex" and
"CibleX" are one entity while "Kestrel Lyon" and "Kestrel Lyon Digital" stay two. A lone surname joins the one person
of the corpus whose name ends with it, also when it is misspelt by one letter ("Vallaut" for "Vallaud"). An acronym
joins the one longer name of its document whose initials it spells. The type of
an entity is decided by votes: every mention's votes (NER label, name words, neighbouring nouns, gazetteer) plus the
votes of the relations it takes part in (the subject of ``ceoOf`` is a person, the object of ``basedIn`` a place).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.extract import DocumentExtraction
from kg.extract.cues import fold
from kg.iri import slugify
from kg.model import Entity, Evidence, Mention, Relation
from kg.vocab import ENTITY_TYPES, SYMMETRIC_PREDICATES

ARTICLES = re.compile(r"^(le|la|les|l|the)\s+")

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
# Where votes tie, the more common type in business news wins.
TYPE_ORDER = {t: i for i, t in enumerate(("Organization", "Person", "Place", "Product", "Event", "CreativeWork"))}


def name_key(text: str) -> str:
    """The key mentions are grouped by: folded, punctuation collapsed, leading articles dropped."""
    key = re.sub(r"[^\w#]+", " ", fold(text)).strip()
    prev = None
    while prev != key:
        prev, key = key, ARTICLES.sub("", key)
    return key


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def _surname_links(keys: dict[str, dict[str, int]]) -> dict[str, str]:
    """Map lone surnames ("vallaud", "vallaut") to the full name of the one person they can be."""
    people = [k for k, v in keys.items() if " " in k and max(v, key=lambda t: (v[t], -TYPE_ORDER[t])) == "Person"]
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in people:
        by_last[k.rsplit(" ", 1)[1]].append(k)
    links: dict[str, str] = {}
    for k in keys:
        if " " in k or len(k) < 4:
            continue
        exact = by_last.get(k, [])
        near = [p for last, ps in by_last.items() if len(k) >= 5 and _one_edit(k, last) for p in ps]
        candidates = exact or near
        if len(set(candidates)) == 1:
            links[k] = candidates[0]
    return links


SMALL_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "of", "the", "and", "a", "en"}


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-’']+", text) if w and fold(w) not in SMALL_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _acronym_pairs(mentions: Iterable[Mention]) -> set[tuple[str, str]]:
    """(acronym key, name key) for each acronym of one document ("JO", "BCE") and each longer name of the same
    document whose initials it spells ("Jeux Mondiaux de Lyon", "Banque centrale européenne")."""
    names: set[str] = set()
    acronyms: set[str] = set()
    for m in mentions:
        text = m.text.strip()
        if " " in text:
            names.add(m.text)
        if 2 <= len(text) <= 6 and text.isalpha() and text.isupper():
            acronyms.add(text)
    return {(name_key(a), name_key(n)) for a in acronyms for n in names if _initials(n) == a}


def _best_label(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to a full name over a surname or an acronym ("Bernard Vallaud",
    "Banque centrale européenne"), then to the one with inner capitals ("CibleX"), then alphabetical."""
    return sorted(forms, key=lambda f: (-forms[f], -(" " in f), -sum(c.isupper() for c in f), f))[0]


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


class NameTable:
    """What resolution keeps of a corpus, fed one document at a time: per name key, its type votes, its surface
    forms with their counts and its handles; which keys are seen inside a sentence; which acronyms spell which names.

    Its size grows with the number of distinct names, not with the number of documents, so a year of news fits in
    memory; :meth:`resolve` turns it into entities. Votes are summed as whole numbers of :data:`VOTE_UNIT`, so the
    order documents come in (cache hits first, parsed documents after) never changes a sum, and equal votes tie
    exactly.
    """

    def __init__(self) -> None:
        self.votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        self.handles: dict[str, set[str]] = defaultdict(set)
        self.inside: set[str] = set()
        self.acronyms: dict[str, set[str]] = defaultdict(set)

    def add(self, ex: DocumentExtraction) -> None:
        mentions = document_mentions(ex)
        for m in mentions:
            key = name_key(m.text)
            if not m.initial:
                self.inside.add(key)
            for kind, weight in m.type_votes:
                self.votes[key][kind] += _units(weight)
            if key:
                self.forms[key][m.text] += 1
                if m.handle:
                    self.handles[key].add(m.handle)
        for r in ex.relations:
            dom, rng = ARGUMENT_VOTES.get(r.predicate, ({}, {}))
            for kind, weight in dom.items():
                self.votes[name_key(r.subject.text)][kind] += _units(weight)
            for kind, weight in rng.items():
                self.votes[name_key(r.object.text)][kind] += _units(weight)
        for acronym, name in _acronym_pairs(mentions):
            self.acronyms[acronym].add(name)

    def resolve(self) -> Resolution:
        """Decide the entities: links between keys, then one entity per group of keys, typed by their votes."""
        votes = {k: dict(v) for k, v in self.votes.items()}
        links = _surname_links(votes)
        acronyms = {k: next(iter(v)) for k, v in self.acronyms.items() if len(v) == 1}
        links.update(acronyms)
        groups: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.forms):
            if key in self.inside:  # a key seen only opening sentences is no name
                groups[links.get(key, key)].append(key)
        entities: dict[str, Entity] = {}
        used_slugs: Counter[str] = Counter()
        for group_key in sorted(groups):
            keys = groups[group_key]
            total: dict[str, int] = defaultdict(int)
            voters = [k for k in keys if k not in acronyms] or keys  # an acronym's type is only a guess
            for k in voters:
                for kind, w in votes.get(k, {}).items():
                    total[kind] += w
            kind = max(ENTITY_TYPES, key=lambda t: (total.get(t, 0), -TYPE_ORDER[t]))
            forms: Counter[str] = Counter()
            handles: set[str] = set()
            for k in keys:
                forms.update(self.forms[k])
                handles |= self.handles.get(k, set())
            label = _best_label(forms)
            slug = slugify(label)
            used_slugs[slug] += 1
            if used_slugs[slug] > 1:
                slug = f"{slug}-{used_slugs[slug]}"
            entities[group_key] = Entity(
                entity_id=slug,
                label=label,
                type=kind,
                aliases={f for f in forms if f != label} | handles,
                mention_count=sum(forms.values()),
            )
        return Resolution(entities, links, frozenset(self.inside))


@dataclass(frozen=True)
class Resolution:
    """The entities of a corpus by group key, and how a mention finds its entity (:meth:`entity_of`)."""

    entities: dict[str, Entity]
    links: dict[str, str]
    inside: frozenset[str]

    def canonical(self, m: Mention) -> str | None:
        key = name_key(m.text)
        if not key or key not in self.inside:  # only names seen inside a sentence somewhere are entities
            return None
        return self.links.get(key, key)

    def entity_of(self, m: Mention) -> Entity | None:
        key = self.canonical(m)
        return self.entities.get(key) if key else None

    def mentioned(self, ex: DocumentExtraction) -> list[Entity]:
        """The entities one document names, each once, in entity id order."""
        found = {e.entity_id: e for m in document_mentions(ex) if (e := self.entity_of(m)) is not None}
        return [found[k] for k in sorted(found)]

    def lift(self, ex: DocumentExtraction) -> list[tuple[str, str, str, Evidence]]:
        """One document's relation mentions lifted onto entities: (subject id, predicate, object id, evidence), each
        piece of evidence once per fact, in reading order. Symmetric facts are written in one direction."""
        seen: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        out: list[tuple[str, str, str, Evidence]] = []
        for r in ex.relations:
            se, oe = self.entity_of(r.subject), self.entity_of(r.object)
            if se is None or oe is None or se is oe:
                continue
            s, o = se.entity_id, oe.entity_id
            if r.predicate in SYMMETRIC_PREDICATES and o < s:
                s, o = o, s
            key = (s, r.predicate, o)
            if r.evidence not in seen[key]:
                seen[key].append(r.evidence)
                out.append((s, r.predicate, o, r.evidence))
        return out


def relations_from(lifted: Iterable[tuple[str, str, str, Evidence]]) -> list[Relation]:
    """Lifted evidence of any number of documents as relations, sorted, each with its evidence sorted."""
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for s, p, o, ev in lifted:
        evidence[(s, p, o)].append(ev)
    return [
        Relation(s, p, o, tuple(sorted(ev, key=lambda e: (e.doc_id, e.start, e.end, e.rule))))
        for (s, p, o), ev in sorted(evidence.items())
    ]


def resolve(extractions: Iterable[DocumentExtraction]) -> tuple[list[Entity], list[Relation]]:
    """Merge the mentions of all documents into entities and lift relation mentions onto them.

    This is :class:`NameTable` and :class:`Resolution` on extractions held in memory; entities come with their
    mentions. ``kg.build`` streams the same steps over documents without holding them (:mod:`kg.assemble`).
    """
    extractions = list(extractions)
    table = NameTable()
    for ex in extractions:
        table.add(ex)
    resolution = table.resolve()
    members: dict[str, list[Mention]] = defaultdict(list)
    for ex in extractions:
        for m in document_mentions(ex):
            key = resolution.canonical(m)
            if key in resolution.entities:
                members[key].append(m)
    for key, e in resolution.entities.items():
        e.mentions = sorted(members[key], key=lambda m: (m.doc_id, m.start))
    relations = relations_from(t for ex in extractions for t in resolution.lift(ex))
    return sorted(resolution.entities.values(), key=lambda e: e.entity_id), relations
