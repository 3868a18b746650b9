"""Which names are other names of one thing: the links resolution follows from one name key to another.

Every rule links a key to the one key it can mean, and to nothing when several fit. The rules never join what the
votes say are different kinds of thing (a person and the company bearing their name, a company and the place in
its name) unless one side's type is only a weak guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from kg.extract.cues import company_tails, first_names, fold, name_cues, place_cues
from kg.extract.kinds import familiar
from kg.model import Mention

Votes = dict[str, dict[str, float]]
TYPE_ORDER = {t: i for i, t in enumerate(("Organization", "Person", "Place", "Product", "Event", "CreativeWork"))}
SMALL_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "of", "the", "and", "a", "en"}
WEAK = 1.0  # a winning weight below this is a guess, not evidence


def best_type(v: dict[str, float]) -> tuple[str, float]:
    if not v:
        return "Organization", 0.0
    kind = max(v, key=lambda t: (v[t], -TYPE_ORDER[t]))
    return kind, v[kind]


def compatible(votes: Votes, a: str, b: str, stated: bool = False) -> bool:
    """Whether keys a and b may name one thing: same type, or one side's type only a weak guess. Where the text
    itself says so (``stated``: an acronym, a former name), only a person and a non-person are kept apart."""
    (ta, wa), (tb, wb) = best_type(votes.get(a, {})), best_type(votes.get(b, {}))
    if stated:
        return (ta == "Person") == (tb == "Person") or min(wa, wb) < WEAK
    return ta == tb or min(wa, wb) < WEAK


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


def surname_links(votes: Votes) -> dict[str, str]:
    """Map lone surnames ("vallaud", "vallaut", "m aschenbroich" once stripped) to the full name of the one person
    they can be. A lone word the votes call a place or an organisation with real evidence is not a surname, and
    a near miss by one letter is only followed for a word that some evidence calls a person."""
    people = [k for k, v in votes.items() if " " in k and best_type(v)[0] == "Person"]
    given = first_names()
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in people:
        words = k.split()
        by_last[words[-1]].append(k)
        if len(words) >= 3 and words[1] not in given:  # « Claire Morand-Vasseur », « Karim Ben Salah »; never
            by_last[" ".join(words[1:])].append(k)  # two words opening on a given name (« Jean Pierre Martin »)
    links: dict[str, str] = {}
    for k, v in votes.items():
        several = " " in k  # a surname of two words: only one indexed above
        if len(k) < 4 or (several and k not in by_last):
            continue
        kind, weight = best_type(v)
        if kind != "Person" and weight >= WEAK:
            continue
        exact = by_last.get(k, [])
        person = kind == "Person" or v.get("Person", 0.0) > 0  # a near miss only for what NER took for a person
        near = [p for last, ps in by_last.items() if len(k) >= 5 and person and not several and _one_edit(k, last)
                for p in ps]
        candidates = set(exact or near)
        if len(candidates) == 1:
            links[k] = candidates.pop()
    return links


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-’']+", text) if w and fold(w) not in SMALL_WORDS]
    return "".join(fold(w)[0] for w in words).upper() if len(words) >= 2 else ""  # (« Énergies »: E)


def text_links(mentions: Iterable[Mention], key: Callable[[str], str]) -> dict[str, set[str]]:
    """Other names a text gives: an acronym and the longer name of its document whose initials it spells
    ("BCE", "Banque centrale européenne"), a lone given name and the full name of its document it opens
    (« Ingrid », « Ingrid Solberg »), and every ``same_as`` a mention carries (« l'ex-X », « Y (Z) »)."""
    mentions = list(mentions)
    names_by_doc: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if " " in m.text.strip():
            names_by_doc[m.doc_id].add(m.text)
    candidates: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        text = m.text.strip()
        if m.same_as:
            candidates[key(text)].add(key(m.same_as))
        elif 2 <= len(text) <= 6 and text.isalpha() and text.isupper():
            for name in names_by_doc.get(m.doc_id, ()):
                if _initials(name) == text:
                    candidates[key(text)].add(key(name))
        elif familiar(m, dict(m.type_votes)):  # « Ingrid » after « Ingrid Solberg » (several: none is linked)
            for name in names_by_doc.get(m.doc_id, ()):
                if name.startswith(text + " "):
                    candidates[key(text)].add(key(name))
    return candidates


def _head_length(long: str, forms: Mapping[str, Counter[str]]) -> int:
    """How many words of a name say only what kind of body bears it: a generic head ("Groupe", "Association")
    and the lower-case words after it in the name's most frequent surface form (« Association familiale X »)."""
    words = long.split()
    if len(words) < 2 or words[0] not in name_cues().generic_prefixes or not forms.get(long):
        return 0
    surface = forms[long].most_common(1)[0][0].split()
    if len(surface) != len(words):
        return 0
    n = 1
    while n < len(words) - 1 and surface[n][:1].islower():
        n += 1
    return n


def short_form_links(votes: Votes, acronyms: set[str], forms: Mapping[str, Counter[str]] | None = None,
                     together: Mapping[str, set[str]] | None = None,
                     nouns: Mapping[str, set[str]] | None = None) -> dict[str, set[str]]:
    """"Brelio" for "Brelio Systems", "Valmetrix" for "Valmetrix AG", "KTX" for "KTXcloud", "Avril" for "Groupe
    Avril", "Veronyx" for "Veronyx Risk Solutions" (a trade, then a word saying "a company", both capitalised): a
    name is the short form of a longer one that only adds words saying "a company" (legal forms,
    "Group", "Partners"; a generic head before it) or glues a lower-case word to an acronym. A division or a
    country subsidiary ("X Media", "X France") adds a real word and stays apart. A fund's word ("X Ventures")
    makes a short form only where every text naming X also names the fund (``together``): a company's own fund
    ("Y Ventures" beside the company Y of other texts) is another body. A company named after its founder in full
    (« Christian X Couture ») answers to the surname alone where that is a company too (:func:`_founder_links`).
    Where a short form fits several longer names, one a text calls a holding (``nouns``: « X SE, la holding ») or
    named so (« X Holding ») is not it: « X » beside « X AG » is the company trading as X. Nor is a holding the
    short form of a name a text calls a group: « le groupe X » is not « la holding familiale X Participations »."""
    cues, nouns = name_cues(), nouns or {}
    generic = company_tails()
    local = generic | cues.fund_suffixes
    gazetteer = {re.sub(r"[^\w]+", " ", p).strip() for p in place_cues().places}  # "Paris" is no short form,
    places = {p for p in gazetteer if p not in votes or not _company(votes[p])}  # unless the votes make it a
    # company (« Cantal Robotics » and the « Cantal » that « a conseillé … »)
    groups = {k for k, ns in nouns.items() if ns & cues.group_nouns}  # « le groupe X »
    out: dict[str, set[str]] = defaultdict(set)
    for long in votes:
        words = long.split()
        head = _head_length(long, forms or {})
        if head and (base := " ".join(words[head:])) in votes and base not in places:
            out[base].add(long)
        for n in range(1, len(words)):
            base, rest = " ".join(words[:n]), words[n:]
            if base not in votes or base in places:
                continue
            if all(w in generic for w in rest) or (all(w in local for w in rest)
                                                   and long in (together or {}).get(base, ())) or (
                    len(rest) == 2 and rest[-1] in generic and rest[0] not in gazetteer and base not in groups
                    and _capitalised_tail(long, forms or {})):  # (« X Europe BV », « X Alimentaire SAS » of the
                # group X are subsidiaries)
                out[base].add(long)
        if len(words) == 1:
            for base in acronyms:
                if long.startswith(base) and len(long) - len(base) >= 3 and long[len(base):].isalpha():
                    out[base].add(long)
    for base, long in _founder_links(votes):
        out[base].add(long)
    holdings = {k for k, ns in nouns.items() if ns & cues.holding_nouns}
    named = {k for k in votes if any(w in cues.holding_nouns for w in k.split()[1:])}  # « X Holding »
    for base, longs in out.items():
        longs -= {k for k in longs if any(k.startswith(o + " ") and all(w in generic for w in k[len(o):].split())
                                          for o in longs)}  # « X Software Inc » is « X Software », one candidate
        if base in groups:
            longs -= holdings
        if len(longs) > 1 and (trading := longs - holdings - named):
            out[base] = trading
    return out


def _founder_links(votes: Votes) -> Iterable[tuple[str, str]]:
    """(« x », « christian x couture »): an organisation whose name opens on a person's full name and goes on
    (« Christian X Couture », « Hugo Y AG ») is what a text calling the company by the surname alone means. Both
    must be organisations by real evidence: a lone surname that may be a person's is left to the people."""
    given = first_names()
    for long, v in votes.items():
        words = long.split()
        if len(words) < 3 or words[0] not in given or words[1] not in votes:
            continue
        if _company(v) and _company(votes[words[1]]):
            yield words[1], long


def _company(v: dict[str, float]) -> bool:
    """Whether the votes make a key an organisation by real evidence, not a guess."""
    kind, weight = best_type(v)
    return kind == "Organization" and weight >= WEAK


def _capitalised_tail(long: str, forms: Mapping[str, Counter[str]]) -> bool:
    """« X Risk Solutions », « X Data Systems »: the name's two last words are capitalised in its most frequent
    form, the last one only saying "a company": the name is the company X's, told in full."""
    if not forms.get(long):
        return False
    words = forms[long].most_common(1)[0][0].split()
    return len(words) >= 3 and all(w[:1].isupper() for w in words[-2:])


def place_links(votes: Votes, key: Callable[[str], str]) -> dict[str, str]:
    """"Hexagone" is France, "USA" the United States: a gazetteer alias the votes call a place is its place."""
    places = {key(alias): canonical for alias, canonical in place_cues().places.items()}
    links: dict[str, str] = {}
    for k, v in votes.items():
        canonical = places.get(k)
        if canonical and best_type(v)[0] == "Place" and key(canonical) != k:
            links[k] = key(canonical)
    return links
