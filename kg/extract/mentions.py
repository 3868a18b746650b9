"""Finding names in a parsed document and voting on what each one is.

spaCy's French NER is the starting point, but on news text it runs names across line breaks and list markers,
glues a campaign to its agency ("Kestrel Lyon #Campagne pour la Fondation Orme"), and types most company names as MISC.
The rules here are general repairs: cut spans at line breaks, hashtags, handles and linking prepositions, trim
articles and punctuation, drop speaker labels, bylines, job titles and generic words, then collect type votes from
the NER label, words inside the name, the noun the name stands beside, hashtags and the place gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import entity_cues, fold, place_cues
from kg.model import Document, Mention

SPLIT_WORDS = {"pour", "chez", "avec", "par", "selon", "contre", "via", "sur", "dans", "à", "au", "aux", "en"}
SPLIT_PUNCT = {":", "|", "–", "—", "(", ")", "«", "»", '"', "“", "”", "•", "·", ";", ",", "/", "[", "]", "…", "!", "?"}
EDGE_WORDS = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "the", "a"}
INITIALS = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?\.?$")
NER_VOTES = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Organization", "GPE": "Place"}


def _is_break(tok: Token) -> bool:
    if tok.is_space or "\n" in tok.text:
        return True
    if tok.text in SPLIT_PUNCT or tok.text.startswith(("#", "@")):
        return True
    return tok.text in SPLIT_WORDS  # lower-case only: "Pour" inside a name stays


def _joins_name(doc: Doc, i: int, start: int) -> bool:
    """"Fondation pour la Recherche ...": a preposition after a lone generic word is inside the name."""
    words = [fold(t.text) for t in doc[start:i] if not t.is_punct and fold(t.text) not in EDGE_WORDS]
    return bool(words) and len(words) == 1 and words[0] in entity_cues().org_name_words


def _extend_caps(doc: Doc, end: int) -> int:
    """"Pilot" + "Analytics": NER often stops before a last capitalised word of a company name."""
    while end < len(doc) and doc[end].pos_ in {"PROPN", "X"} and doc[end].text[:1].isupper() \
            and not _is_break(doc[end]) and doc[end - 1].whitespace_ != "" and not doc[end].ent_type_:
        end += 1
    return end


def _extend(doc: Doc, end: int) -> int:
    """"... Emploi Agricole et Rural": a name runs on over "et" + a capitalised adjective that ends it."""
    if end + 1 < len(doc) and doc[end].text == "et" and doc[end + 1].pos_ == "ADJ" and doc[end + 1].is_title:
        after = doc[end + 2] if end + 2 < len(doc) else None
        if after is None or not after.is_title:
            return end + 2
    return end


def _pieces(doc: Doc, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Cut token range [start, end) at breaks; trim articles, lower-case words and punctuation at both edges."""
    i = start
    while i < end:
        while i < end and _is_break(doc[i]):
            i += 1
        j = i
        while j < end and (not _is_break(doc[j]) or (doc[j].text in SPLIT_WORDS and _joins_name(doc, j, i))):
            j += 1
        a, b = i, j
        while a < b and (doc[a].is_punct or fold(doc[a].text) in EDGE_WORDS or not _has_upper(doc[a])):
            a += 1
        while b > a and (doc[b - 1].is_punct or fold(doc[b - 1].text) in EDGE_WORDS or not _has_upper(doc[b - 1])):
            b -= 1
        if a < b:
            yield a, b
        i = j


def _has_upper(tok: Token) -> bool:
    return any(c.isupper() for c in tok.text) or tok.text == "&"


def _clean_text(span: Span) -> str:
    text = span.text.strip().strip("\"'“”«»‘’.,;:")
    return re.sub(r"\s+", " ", text)


def _line_start(tok: Token) -> bool:
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    return k < 0 or "\n" in doc[k].text or "\n" in doc[k].whitespace_ or doc[k].text in {"•", "-", "*", "·"}


def _is_speaker_label(span: Span) -> bool:
    """``INf. :`` or ``A.G. :`` opening an interview line: a speaker's initials, not an entity."""
    doc = span.doc
    nxt = [t for t in doc[span.end : span.end + 2] if not t.is_space]
    followed_by_colon = any(t.text == ":" for t in nxt)
    return _line_start(span[0]) and followed_by_colon and (len(span.text) <= 4 or "." in span.text)


def _keep(span: Span, text: str) -> bool:
    cues = entity_cues()
    folded = fold(text)
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    if folded in cues.not_names or INITIALS.match(text.replace(" ", "")):
        return False
    if _is_speaker_label(span):
        return False
    words = [fold(t.text) for t in span]
    titles = sum(1 for w in words if w in cues.title_words)
    return not (titles and titles * 2 >= len(words))


NAMING_WORDS = {"baptise", "baptisee", "baptises", "baptisees", "nomme", "nommee", "nommes", "nommees", "appele",
                "appelee", "appeles", "appelees", "denomme", "denommee", "intitule", "intitulee", "surnomme",
                "surnommee"}


def _type_noun(span: Span) -> str | None:
    """The type named by a noun the span stands beside: "la société X", "X, une entreprise ...", "le site X"."""
    nouns = entity_cues().type_nouns
    root = span.root
    # the noun just before the name ("la société CibleX"), skipping adjectives and "de ..." modifiers
    k = span.start - 1
    steps = 0
    # "le président de X", "chez X": a name after a preposition is a complement, not what the noun names
    if k >= 0 and span.doc[k].pos_ == "ADP":
        k = -1
    # "une application baptisée X": the noun before a naming participle names X
    if k >= 1 and fold(span.doc[k].text) in NAMING_WORDS:
        k -= 1
    while k >= 0 and steps < 6 and not span.doc[k].is_space:
        tok = span.doc[k]
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in nouns and (
            steps == 0 or tok.i == root.head.i or root.head.i == tok.i or all(
                t.pos_ in {"ADJ", "ADP", "NOUN", "DET"} for t in span.doc[k + 1 : span.start])
        ):
            return nouns[_head_noun(span.doc, k)]
        if tok.pos_ not in {"ADJ", "ADP", "DET", "NOUN", "ADV"} or tok.text in {",", "("}:
            break
        k -= 1
        steps += 1
    # "une entreprise britannique, X": a noun phrase then a comma right before the name (whatever the parse says)
    k = span.start - 1
    if k > 0 and span.doc[k].text == ",":
        k -= 1
        while k >= 0 and span.doc[k].pos_ == "ADJ":
            k -= 1
        tok = span.doc[k] if k >= 0 else None
        if tok is not None and tok.pos_ == "NOUN" and fold(tok.lemma_) in nouns and k > 0 and fold(
            span.doc[k - 1].text
        ) in {"un", "une", "le", "la", "l'"}:
            return nouns[fold(tok.lemma_)]
    listed = _list_type(span)
    if listed:
        return listed
    # "X, une entreprise française ...": a comma, an article and a type noun right after the name
    doc = span.doc
    k = span.end
    if k + 2 < len(doc) and doc[k].text == "," and fold(doc[k + 1].text) in {"un", "une", "le", "la", "l'"}:
        k += 2
        while k < len(doc) and doc[k].pos_ == "ADJ":
            k += 1
        if k < len(doc) and doc[k].pos_ == "NOUN" and fold(doc[k].lemma_) in nouns:
            return nouns[fold(doc[k].lemma_)]
    # apposition either way: "une entreprise britannique, Ciblex" / "Socialis, le réseau social"
    head = root.head
    complement = any(c.dep_ == "case" for c in root.children) or (
        span.start > 0 and span.doc[span.start - 1].pos_ == "ADP")  # "le président de X": X is not a president
    if root.dep_ in {"appos", "nmod", "flat:name"} and head.pos_ == "NOUN" and fold(head.lemma_) in nouns \
            and not complement:
        return nouns[fold(head.lemma_)]
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and fold(child.lemma_) in nouns:
            return nouns[fold(child.lemma_)]
    return None


LIST_INTRODUCERS = {"dont", "comme", "notamment", "parmi"}


def _list_type(span: Span) -> str | None:
    """"des plateformes telles que A, B ou C", "plusieurs enseignes dont C": a name listed after a plural noun
    of a known type is of that type."""
    doc = span.doc
    nouns = entity_cues().type_nouns
    k = span.start - 1
    steps = 0
    while k >= 0 and steps < 20:
        t = doc[k]
        word = fold(t.text)
        if word in LIST_INTRODUCERS or (word == "que" and k > 0 and fold(doc[k - 1].text) in {
                "tels", "telles", "tel", "telle"}):
            k -= 2 if word == "que" else 1
            for j in range(k, max(-1, k - 5), -1):
                if doc[j].pos_ == "NOUN" and fold(doc[j].lemma_) in nouns:
                    return nouns[_head_noun(doc, j)]
                if doc[j].pos_ not in {"ADJ", "ADP", "NOUN", "DET"}:
                    break
            return None
        if not (t.text in {",", "et", "ou", "encore"} or t.is_space or _has_upper(t) or t.pos_ in {"PROPN", "DET"}):
            return None
        k -= 1
        steps += 1
    return None


def _head_noun(doc: Doc, k: int) -> str:
    """"cabinet d'étude X", "société de conseil X": the noun heading "N de N" names the type, not its modifier."""
    nouns = entity_cues().type_nouns
    best = fold(doc[k].lemma_)
    j = k - 1
    while j >= 1 and fold(doc[j].text) in {"de", "d'", "du", "des"}:
        j -= 1
        while j >= 0 and doc[j].pos_ == "ADJ":
            j -= 1
        if j >= 0 and doc[j].pos_ == "NOUN" and fold(doc[j].lemma_) in nouns:
            best = fold(doc[j].lemma_)
            j -= 1
        else:
            break
    return best


def _votes(span: Span, text: str, label: str | None, source: str) -> tuple[tuple[str, float], ...]:
    cues = entity_cues()
    places = place_cues()
    votes: dict[str, float] = {}

    def add(kind: str, weight: float) -> None:
        votes[kind] = votes.get(kind, 0.0) + weight

    folded = fold(text)
    words = [fold(t.text) for t in span]
    if source == "hashtag":
        add("CreativeWork", 2.0)
    if label:
        kind = NER_VOTES.get(label)
        if kind == "Person":
            add("Person", 1.0 if len(span) >= 2 else 0.3)
        elif kind == "Place":
            add("Place", 1.0 if folded in places.places else 0.3)
        elif kind == "Organization":
            add("Organization", 1.0 if label == "ORG" else 0.4)
    if folded in places.places:
        add("Place", 2.0)
    if any(w in cues.event_name_words for w in words):
        add("Event", 1.5)
    elif any(w in cues.org_name_words for w in words) or (text.isupper() and len(text) <= 6 and label != "LOC"):
        add("Organization", 1.5)
    if span.start > 0 and fold(span.doc[span.start - 1].text) == "chez":
        add("Organization", 1.0)  # "vice-président chez X", "chez X, nous ...": a workplace
    noun_type = _type_noun(span)
    if noun_type:
        add(noun_type, 1.5)
    if not votes:
        add("Organization", 0.2)
    return tuple(sorted(votes.items()))


def find_mentions(doc: Document, parsed: Doc, offset: int = 0) -> list[Mention]:
    """Every name in the parsed text, cleaned and with its type votes; offsets are document offsets."""
    candidates: list[tuple[int, int, str, str | None]] = []
    for ent in parsed.ents:
        end = _extend(parsed, ent.end) if len(ent) >= 3 else _extend_caps(parsed, ent.end)
        candidates.append((ent.start, end, f"ner:{ent.label_}", ent.label_))
    candidates += _capitalised_runs(parsed)
    for tok in parsed:
        if tok.text.startswith("#") and len(tok.text) > 2 and tok.text[1:2].isalnum():
            candidates.append((tok.i, tok.i + 1, "hashtag", None))
            # the capitalised words right before a hashtag on the same line: "Agence Créative #Campagne"
            k = tok.i
            while k > 0 and not _is_break(parsed[k - 1]) and (
                _has_upper(parsed[k - 1]) or fold(parsed[k - 1].text) in {"de", "du", "des", "la", "le", "l'", "&"}
            ):
                k -= 1
            if k < tok.i and _line_start(parsed[k]):
                candidates.append((k, tok.i, "before-hashtag", None))
    mentions: dict[tuple[int, int], Mention] = {}
    for start, end, source, label in candidates:
        for a, b in ([(start, end)] if source == "hashtag" else _pieces(parsed, start, end)):
            span = parsed[a:b]
            text = span.text if source == "hashtag" else _clean_text(span)
            if source != "hashtag" and not _keep(span, text):
                continue
            s = span.start_char + span.text.index(text[:1]) if text else span.start_char
            key = (s, s + len(text))
            if key in mentions:
                continue
            initial = (
                len(span) == 1
                and (span[0].is_sent_start or _line_start(span[0]))
                and not parsed.vocab[span[0].lower_].is_oov
                and fold(text) not in place_cues().places
            )
            handle = ""
            nxt = parsed[b] if b < len(parsed) else None
            if nxt is not None and nxt.text.startswith("@") and len(nxt.text) > 2:
                handle = nxt.text[1:]
            mentions[key] = Mention(
                doc_id=doc.doc_id,
                start=offset + key[0],
                end=offset + key[1],
                text=text,
                type_votes=_votes(span, text, label, source),
                source=source,
                initial=initial,
                handle=handle,
            )
    found = _drop_nested(sorted(mentions.values(), key=lambda m: (m.start, -m.end)))
    return _drop_nested(sorted(found + _repeats(doc, parsed, found, offset), key=lambda m: (m.start, -m.end)))


_WORD_RUN = re.compile(r"\w+")


def _whole_word_hits(name: str, text: str, words: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    """Where ``name`` occurs in ``text`` as whole words (what ``(?<![\\w#@])NAME(?!\\w)`` finds), looked up from
    the positions of its first word: linear in the text, where one regex scan per name was quadratic (issue 13)."""
    first = _WORD_RUN.match(name)
    if first is None:
        yield from ((h.start(), h.end()) for h in re.finditer(rf"(?<![\w#@]){re.escape(name)}(?!\w)", text))
        return
    resume = 0
    for a in words.get(first.group(), ()):
        b = a + len(name)
        if a < resume or not text.startswith(name, a):
            continue
        if (a and (text[a - 1] in "#@" or _WORD_RUN.match(text, a - 1))) or _WORD_RUN.match(text, b):
            continue
        resume = b  # matches do not overlap, as with re.finditer
        yield a, b


def _repeats(doc: Document, parsed: Doc, found: list[Mention], offset: int) -> list[Mention]:
    """Other occurrences of a name already found in the document.

    spaCy's NER misses a name in a headline, a caption or an unusual sentence even when it found it elsewhere in
    the same text ("X, co-fondateur de Kiwano - Photo ..."); once a text has named something, each exact repeat
    of that name (same case, whole words) is a mention of it too. Votes are copied at a quarter weight so the
    repeat takes its type from the original without outvoting other evidence in resolution.
    """
    text = parsed.text
    # which characters a mention already covers: an overlap test costs the hit's length, not the number of
    # mentions (a scan of every mention per hit was quadratic on a long text, issue 13)
    taken = bytearray(len(text) + 1)
    for m in found:
        a, b = max(m.start - offset, 0), min(m.end - offset, len(text))
        taken[a:b] = b"\x01" * max(b - a, 0)
    by_text: dict[str, Mention] = {}
    for m in found:
        if m.initial or m.source in {"hashtag", "repeat"} or len(m.text) < 3 or fold(m.text) in entity_cues().not_names:
            continue
        by_text.setdefault(m.text, m)
    out: list[Mention] = []
    words: dict[str, list[int]] = {}
    for w in _WORD_RUN.finditer(text):
        words.setdefault(w.group(), []).append(w.start())
    for name, model in sorted(by_text.items()):
        for a, b in _whole_word_hits(name, text, words):
            if taken.find(1, a, b) != -1:
                continue
            span = parsed.char_span(a, b)
            if span is None:
                continue
            taken[a:b] = b"\x01" * (b - a)
            out.append(Mention(
                doc_id=doc.doc_id, start=offset + a, end=offset + b, text=name,
                type_votes=tuple((k, w * 0.25) for k, w in model.type_votes), source="repeat",
            ))
    return out


def _capitalised_runs(parsed: Doc) -> list[tuple[int, int, str, str | None]]:
    """Names spaCy's NER missed: runs of capitalised words that a type noun introduces ("la société de conseil
    Pilot Analytics", "une application baptisée Kalima"), or proper nouns unknown to the vocabulary inside a
    sentence. They come after NER candidates, so a name NER found keeps its span and label."""
    out = []
    ents = {t.i for e in parsed.ents for t in e}
    i = 0
    while i < len(parsed):
        tok = parsed[i]
        if tok.i in ents or not tok.text[:1].isupper() or tok.is_punct or _is_break(tok):
            i += 1
            continue
        j = i
        while j < len(parsed) and j not in ents and parsed[j].text[:1].isupper() and not _is_break(parsed[j]) \
                and not parsed[j].is_punct:
            j += 1
        span = parsed[i:j]
        introduced = _type_noun(span) is not None
        unknown = all(t.pos_ == "PROPN" and t.is_oov for t in span) and not (span[0].is_sent_start or
                                                                              _line_start(span[0]))
        if (introduced or unknown) and fold(span.text) not in entity_cues().not_names:
            out.append((i, j, "caps", None))
        i = max(j, i + 1)
    return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (a hashtag inside a longer span is kept apart by the cuts)."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
