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


def _surname_links(keys: dict[str, dict[str, float]]) -> dict[str, str]:
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


def _acronym_links(mentions: list[Mention]) -> dict[str, str]:
    """Map an acronym ("JO", "BCE") to the one longer name of the same document whose initials it spells
    ("Jeux Mondiaux de Lyon", "Banque centrale européenne"); left alone when no name or several names fit."""
    names_by_doc: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if " " in m.text.strip():
            names_by_doc[m.doc_id].add(m.text)
    candidates: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        text = m.text.strip()
        if 2 <= len(text) <= 6 and text.isalpha() and text.isupper():
            for name in names_by_doc.get(m.doc_id, ()):
                if _initials(name) == text:
                    candidates[name_key(text)].add(name_key(name))
    return {k: next(iter(v)) for k, v in candidates.items() if len(v) == 1}


def _best_label(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to a full name over a surname or an acronym ("Bernard Vallaud",
    "Banque centrale européenne"), then to the one with inner capitals ("CibleX"), then alphabetical."""
    return sorted(forms, key=lambda f: (-forms[f], -(" " in f), -sum(c.isupper() for c in f), f))[0]


def resolve(extractions: Iterable[DocumentExtraction]) -> tuple[list[Entity], list[Relation]]:
    """Merge the mentions of all documents into entities and lift relation mentions onto them."""
    extractions = list(extractions)
    mentions: list[Mention] = [m for ex in extractions for m in ex.mentions]
    seen = {(m.doc_id, m.start, m.end, m.text) for m in mentions}
    for ex in extractions:  # arguments of relations (e.g. places named by a demonym) are mentions too
        for r in ex.relations:
            for m in (r.subject, r.object):
                if (m.doc_id, m.start, m.end, m.text) not in seen:  # once each, or its votes would count twice
                    seen.add((m.doc_id, m.start, m.end, m.text))
                    mentions.append(m)
    seen_inside = {name_key(m.text) for m in mentions if not m.initial}
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in mentions:
        for kind, weight in m.type_votes:
            votes[name_key(m.text)][kind] += weight
    for ex in extractions:
        for r in ex.relations:
            dom, rng = ARGUMENT_VOTES.get(r.predicate, ({}, {}))
            for kind, weight in dom.items():
                votes[name_key(r.subject.text)][kind] += weight
            for kind, weight in rng.items():
                votes[name_key(r.object.text)][kind] += weight
    links = _surname_links(votes)
    acronyms = _acronym_links(mentions)
    links.update(acronyms)

    def canonical(m: Mention) -> str | None:
        key = name_key(m.text)
        if not key or (m.initial and key not in seen_inside):
            return None
        return links.get(key, key)

    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = canonical(m)
        if key:
            groups[key].append(m)
    entities: dict[str, Entity] = {}
    used_slugs: Counter[str] = Counter()
    for key in sorted(groups):
        group = groups[key]
        total: dict[str, float] = defaultdict(float)
        keys = {name_key(m.text) for m in group}
        for k in keys - set(acronyms) if keys - set(acronyms) else keys:  # an acronym's type is only a guess
            for kind, w in votes[k].items():
                total[kind] += w
        kind = max(ENTITY_TYPES, key=lambda t: (total.get(t, 0.0), -TYPE_ORDER[t]))
        forms = Counter(m.text for m in group)
        label = _best_label(forms)
        slug = slugify(label)
        used_slugs[slug] += 1
        if used_slugs[slug] > 1:
            slug = f"{slug}-{used_slugs[slug]}"
        entities[key] = Entity(
            entity_id=slug,
            label=label,
            type=kind,
            aliases={f for f in forms if f != label} | {m.handle for m in group if m.handle},
            mentions=sorted(group, key=lambda m: (m.doc_id, m.start)),
        )
    relations = _lift_relations(extractions, entities, canonical)
    return sorted(entities.values(), key=lambda e: e.entity_id), relations


def _lift_relations(extractions: list[DocumentExtraction], entities: dict[str, Entity], canonical) -> list[Relation]:
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for ex in extractions:
        for r in ex.relations:
            sk, ok = canonical(r.subject), canonical(r.object)
            if not sk or not ok or sk not in entities or ok not in entities or sk == ok:
                continue
            s, o = entities[sk].entity_id, entities[ok].entity_id
            if r.predicate in SYMMETRIC_PREDICATES and o < s:
                s, o = o, s
            key = (s, r.predicate, o)
            if r.evidence not in evidence[key]:
                evidence[key].append(r.evidence)
    return [
        Relation(s, p, o, tuple(sorted(ev, key=lambda e: (e.doc_id, e.start, e.end, e.rule))))
        for (s, p, o), ev in sorted(evidence.items())
    ]
