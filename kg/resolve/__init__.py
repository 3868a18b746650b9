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

from kg.extract import DocumentExtraction
from kg.extract.cues import entity_cues, fold, name_cues
from kg.extract.mentions.votes import corpus_votes
from kg.iri import slugify
from kg.model import Entity, Evidence, Mention, Relation
from kg.resolve.aliases import Alias
from kg.resolve.links import (
    TYPE_ORDER,
    compatible,
    place_links,
    short_form_links,
    surname_links,
    text_links,
)
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


def name_key(text: str) -> str:
    """The key mentions are grouped by: folded, punctuation collapsed, leading articles and honorifics dropped."""
    key = re.sub(r"[^\w#&]+", " ", fold(text)).strip()
    honorifics = {h.rstrip(".") for h in name_cues().honorifics}
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


def resolve(extractions: Iterable[DocumentExtraction], aliases: dict[str, Alias] | None = None
            ) -> tuple[list[Entity], list[Relation]]:
    """Merge the mentions of all documents into entities and lift relation mentions onto them.

    ``aliases`` (:func:`kg.resolve.aliases.read_aliases`) maps names to a canonical name and type the user fixed.
    """
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
        for kind, weight in corpus_votes(m):
            votes[name_key(m.text)][kind] += weight
    cast: set[tuple[str, int, int, str, int]] = set()  # a mention votes once per predicate and role
    for ex in extractions:
        for r in ex.relations:
            for role, m, kinds in ((0, r.subject, ARGUMENT_VOTES.get(r.predicate, ({}, {}))[0]),
                                   (1, r.object, ARGUMENT_VOTES.get(r.predicate, ({}, {}))[1])):
                if (m.doc_id, m.start, m.end, r.predicate, role) in cast:
                    continue  # « A, B et C ont créé X »: three facts, one piece of evidence about X
                cast.add((m.doc_id, m.start, m.end, r.predicate, role))
                for kind, weight in kinds.items():
                    votes[name_key(m.text)][kind] += weight
    user = {name_key(n): a for n, a in (aliases or {}).items()}
    links = {k: name_key(a.canonical) for k, a in user.items() if a.canonical and name_key(a.canonical) != k}
    acronyms = text_links(mentions, name_key)
    _unique(acronyms, votes, links, stated=True)
    capitals = {name_key(m.text) for m in mentions if m.text.isupper() and m.text.isalpha()}
    _unique(short_form_links(votes, capitals), votes, links)
    for source in (place_links(votes, name_key), surname_links(votes)):
        for k, target in source.items():
            links.setdefault(k, target)
    not_names = name_cues().common_words | entity_cues().not_names | name_cues().institution_heads

    def follow(key: str) -> str:
        hops = 0
        while key in links and hops < 8:
            key, hops = links[key], hops + 1
        return key

    def canonical(m: Mention) -> str | None:
        key = name_key(m.text)
        if not key or (m.initial and key not in seen_inside) or key in not_names:
            return None
        if key in user and not user[key].canonical:
            return None
        return follow(key)

    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = canonical(m)
        if key:
            groups[key].append(m)
    entities: dict[str, Entity] = {}
    used_slugs: Counter[str] = Counter()
    labels = {follow(k): a.canonical for k, a in user.items() if a.canonical}
    for key in sorted(groups):
        group = groups[key]
        total: dict[str, float] = defaultdict(float)
        keys = {name_key(m.text) for m in group}
        guessed = {k for k in keys if k in acronyms and k != key}  # an acronym's type is only a guess
        for k in keys - guessed if keys - guessed else keys:
            for kind, w in votes[k].items():
                total[kind] += w
        kind = max(ENTITY_TYPES, key=lambda t: (total.get(t, 0.0), -TYPE_ORDER[t]))
        forced = next((user[k].type for k in sorted(keys | {key}) if k in user and user[k].type), None)
        confidence = 1.0 if forced else type_confidence(total, kind)
        forms = Counter(m.text for m in group)
        label = labels.get(key) or _best_label(forms)
        slug = slugify(label)
        used_slugs[slug] += 1
        if used_slugs[slug] > 1:
            slug = f"{slug}-{used_slugs[slug]}"
        entities[key] = Entity(
            entity_id=slug,
            label=label,
            type=forced or kind,
            aliases={f for f in forms if f != label} | {m.handle for m in group if m.handle},
            mentions=sorted(group, key=lambda m: (m.doc_id, m.start)),
            type_confidence=confidence,
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
