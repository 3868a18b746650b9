"""Finding names in a parsed document and voting on what each one is.

The stage runs in five steps, one module each: :mod:`.spans` collects candidate token ranges (spaCy's NER, repaired
at hyphens, acronyms and institutional complements, plus capitalised runs, acronyms and quoted names it missed)
and cuts them at breaks; :mod:`.filters` drops what only looks like a name; :mod:`.votes` gives each mention its
type votes from the words around it; here the names coordinated in one list share their evidence, another name the
text gives for the same thing (« l'ex-X », « X (aujourd'hui Y) », « Metabolic Industries (Metind) ») is recorded
on the mention, and every exact repeat of a name already found becomes a mention too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from spacy.lexeme import Lexeme
from spacy.tokens import Doc

from kg.extract.cues import company_tails, entity_cues, fold, name_cues, place_cues
from kg.extract.mentions.filters import clean_text, keep
from kg.extract.mentions.institutions import expanded_acronyms
from kg.extract.mentions.marked import lower_case_names, quoted_names
from kg.extract.mentions.nouns import describing_noun
from kg.extract.mentions.spans import capitalised_runs, pieces, repair
from kg.extract.mentions.tokens import by_lexeme, caps_lines, has_upper, is_break, line_start, parsed_text
from kg.extract.mentions.votes import agreement, votes
from kg.model import Document, Mention

LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:et|ou|ou encore|ainsi que|mais aussi|&))\s*"
                      r"(?:(?:le|la|les|l'|de|d'|du|des|à|au|aux)\s*)*$")
CIRCUMSTANCE = re.compile(r"(?:^|\s)(?:[Ee]n|[Àà]|[Aa]u|[Dd]ans|[Dd]epuis|[Vv]ers)\s+$")
# « le compte Vidstream @x »: the handle is not the platform's
ADVERBS = r"(?:simplement|aussi|egalement|souvent|couramment|familierement)\s+"  # « X, simplement appelé Y »
FAMILY_VOTE = 2.0  # « la famille X » says what X is as clearly as « la société X »
ACCOUNT_NOUNS = {"compte", "profil", "page", "chaine", "fil", "account"}


def _renaming_gap() -> re.Pattern[str]:
    cues = name_cues()
    words = "|".join(sorted((re.escape(w) for w in cues.renaming_words), key=len, reverse=True))
    trade = "|".join(r"\s+".join(re.escape(w) for w in p) for p in cues.trade_name_phrases)
    return re.compile(rf"^\s*\)?\s*[,(]\s*(?:(?:l'|le |la |les )?(?:{ADVERBS})?(?:{words})(?:-|\s+)(?:depuis\s+)?"
                      rf"|(?:la |le |sa |son )?(?:{trade})\s+(?:de |d'|du |des ))\s*(?:l'|le |la |les )?$")


def find_mentions(doc: Document, parsed: Doc, offset: int = 0) -> list[Mention]:
    """Every name in the parsed text, cleaned and with its type votes; offsets are document offsets."""
    doc_text = parsed_text(doc, parsed, offset)
    caps = caps_lines(parsed, doc_text)
    candidates = [(*repair(parsed, e.start, e.end), f"ner:{e.label_}", e.label_) for e in parsed.ents
                  if not all(t.i in caps or t.is_space for t in e)]  # (an entity may end on the line break)
    candidates += quoted_names(parsed) + capitalised_runs(parsed, caps) + expanded_acronyms(parsed) + \
        lower_case_names(parsed) + _hashtags(parsed)
    surnames = frozenset(fold(e[-1].text) for e in parsed.ents if e.label_ == "PER" and len(e) >= 2)
    givens = frozenset(fold(e[0].text) for e in parsed.ents if e.label_ == "PER" and len(e) >= 2
                       and e[-1].text not in name_cues().legal_forms)  # (not « Marisol SA »)
    companies = _company_heads(parsed, candidates)
    mentions: dict[tuple[int, int], Mention] = {}
    for start, end, source, label in candidates:
        whole = source in {"hashtag", "quoted", "expansion"}
        one_word = source in {"hashtag", "lower"}  # (a lower-case brand is no run to trim)
        for a, b, honorific in ([(start, end, False)] if one_word else pieces(parsed, start, end, whole)):
            span = parsed[a:b]
            text = span.text if source == "hashtag" else clean_text(span)
            if source != "hashtag" and not keep(span, text):
                continue
            s = span.start_char + span.text.index(text[:1]) if text else span.start_char
            if fold(text).startswith("ex-") and len(text) > 4:  # « l'ex-Kapten »: the former name itself
                text, s = text[3:], s + 3
            if source != "hashtag" and _family_noun(parsed, a):  # « la famille X »: the family, not X
                end_char, s, a = s + len(text), parsed[a - 1].idx, a - 1
                text, span, label = parsed.text[s:end_char], parsed[a:b], "family"
            key = (s, s + len(text))
            if key in mentions:
                continue
            noun = "" if label == "family" else describing_noun(span) or ""
            mentions[key] = Mention(
                doc_id=doc.doc_id,
                start=offset + key[0],
                end=offset + key[1],
                text=text,
                type_votes=(("Organization", FAMILY_VOTE),) if label == "family" else votes(
                    span, text, label, source, honorific, surnames, givens, companies, noun),
                source=source,
                initial=_initial(span, text),
                handle=_handle(parsed, a, b),
                noun=noun,
            )
    found = _drop_nested(sorted(mentions.values(), key=lambda m: (m.start, -m.end)))
    found = _other_names(_coordinated(found, doc_text, offset), doc_text, offset)
    return _drop_nested(sorted(found + _repeats(doc, parsed, found, offset, caps, doc_text),
                               key=lambda m: (m.start, -m.end)))


def _company_heads(parsed: Doc, candidates: list[tuple[int, int, str, str | None]]) -> frozenset[str]:
    """The words of a name that only adds company words or a legal form to them (« Cantal Robotics »,
    « Morvan SA », « Cidreries Kervalec »): the text's own short forms of a company, whatever the gazetteer says of
    the word alone, or whoever else the text names with it (« Soazig Kervalec », of the founding family)."""
    tails = company_tails()
    heads = name_cues().generic_prefixes
    out = {fold(parsed[a].text) for a, b, _, _ in candidates
           if b - a >= 2 and all(fold(t.text) in tails for t in parsed[a + 1 : b])}
    return frozenset(out | {fold(parsed[b - 1].text) for a, b, _, _ in candidates
                            if b - a == 2 and fold(parsed[a].text) in heads and parsed[b - 1].text[:1].isupper()})


def _family_noun(parsed: Doc, a: int) -> bool:
    """Whether the name at token ``a`` follows « la famille », « le clan », « cette dynastie »: a family of owners
    named after the person or the company it shares a name with, and neither of them."""
    return a >= 2 and parsed[a - 1].text in name_cues().family_nouns and parsed[a - 2].pos_ == "DET"


def _hashtags(parsed: Doc) -> list[tuple[int, int, str, str | None]]:
    """A hashtag is a campaign's name; the capitalised words right before it on its line are its author's
    ("Agence Créative #Campagne")."""
    out: list[tuple[int, int, str, str | None]] = []
    tags = by_lexeme(parsed, _is_hashtag)
    for i in (i for i, tag in enumerate(tags) if tag):
        out.append((i, i + 1, "hashtag", None))
        k = i
        while k > 0 and not is_break(parsed[k - 1]) and (
            has_upper(parsed[k - 1]) or fold(parsed[k - 1].text) in {"de", "du", "des", "la", "le", "l'", "&"}
        ):
            k -= 1
        if k < i and line_start(parsed[k]):
            out.append((k, i, "before-hashtag", None))
    return out


def _is_hashtag(lex: Lexeme) -> bool:
    return lex.text.startswith("#") and len(lex.text) > 2 and lex.text[1:2].isalnum()


def _initial(span, text: str) -> bool:
    """A lone known word opening a sentence or a line: a name only if the corpus names it elsewhere too."""
    return (len(span) == 1 and (span[0].is_sent_start or line_start(span[0]))
            and not span.doc.vocab[span[0].lower_].is_oov and fold(text) not in place_cues().places)


def _handle(parsed: Doc, a: int, b: int) -> str:
    """The @account written right after a name is that name's, except after « le compte X »: there X is the
    platform and the account someone else's."""
    nxt = parsed[b] if b < len(parsed) else None
    if nxt is None or not nxt.text.startswith("@") or len(nxt.text) <= 2:
        return ""
    if a > 0 and fold(parsed[a - 1].lemma_) in ACCOUNT_NOUNS:
        return ""
    return nxt.text[1:]


def _coordinated(found: list[Mention], text: str, offset: int) -> list[Mention]:
    """Names in one coordinated list (« A, B et C ») share their type evidence (:func:`votes.agreement`)."""
    out = list(found)
    groups: list[list[int]] = []
    joined: list[bool] = []  # whether the group has an "et"/"ou": « A, B a dit » is an apposition, not a list
    fronted: list[bool] = []  # whether the group opens on « en X », « à X »
    for i, m in enumerate(found):
        gap = text[found[i - 1].end - offset : m.start - offset] if i else ""
        conjoined = gap.strip() not in {",", ""}
        # « En France, A, B et C »: a fronted place opens no list; « à Valence et Alicante » does
        if i and groups and LIST_GAP.match(gap) and m.source != "hashtag" and found[i - 1].source != "hashtag" \
                and not (fronted[-1] and len(groups[-1]) == 1 and not conjoined):
            groups[-1].append(i)
            joined[-1] = joined[-1] or conjoined
        else:
            groups.append([i])
            joined.append(False)
            fronted.append(bool(CIRCUMSTANCE.search(text[max(0, m.start - offset - 6) : m.start - offset])))
    for group, has_and in zip(groups, joined, strict=True):
        if len(group) < 2 or (len(group) < 3 and not has_and):
            continue
        extra = agreement([found[i].type_votes for i in group])
        for i, vote in zip(group, extra, strict=True):
            if vote:
                merged = dict(found[i].type_votes)
                merged[vote[0]] = merged.get(vote[0], 0.0) + vote[1]
                out[i] = dataclasses.replace(found[i], type_votes=tuple(sorted(merged.items())))
    return out


def _other_names(found: list[Mention], text: str, offset: int) -> list[Mention]:
    """« Vexalis, l'ex-Trovia », « Nortex (aujourd'hui Gen Vexa) », « X, marque commerciale de Y »,
    « Agence Nordique de Presse (ANP) », « Metabolic Industries (Metind) »: a name the text gives as another name of
    the name before it records that name in ``same_as``."""
    gap_re = _renaming_gap()
    out = list(found)
    for i in range(1, len(found)):
        prev, m = found[i - 1], found[i]
        gap = fold(text[prev.end - offset : m.start - offset])
        after = text[m.end - offset : m.end - offset + 1]
        renamed = gap_re.match(gap) or (gap.strip() in {",", "(", ", l'", "), l'"} and
                                        fold(text[m.start - offset - 3 : m.start - offset]) == "ex-")
        short = gap.strip() == "(" and after == ")" and _abbreviates(m.text, prev.text, prev.type_votes)
        if renamed or short:
            out[i] = dataclasses.replace(m, same_as=prev.text)
    return out


def _abbreviates(short: str, name: str, name_votes: Iterable[tuple[str, float]]) -> bool:
    """"ANP" for "Agence Nordique de Presse", "Metind" for "Metabolic Industries", "IEA" for "Agence
    internationale de l'énergie": a one-word bracketed form shorter than a name of two words or more, whose
    letters it takes in order from the first, or an acronym of its initials in any order after a name that is
    not a person's."""
    if " " in short or " " not in name.strip() or len(short) >= len(name):
        return False
    initials = {fold(w[0]) for w in re.split(r"[\s\-'’]+", name) if w}
    letters, target = fold(short), fold(name)
    if letters[:1] == target[:1]:
        pos = 0
        for c in letters:
            pos = target.find(c, pos) + 1
            if pos == 0:
                break
        else:
            return True
    person = dict(name_votes).get("Person", 0.0)
    return short.isupper() and short.isalpha() and set(letters) <= initials and person < max(
        (w for _, w in name_votes), default=0.0)


_WORD_RUN = re.compile(r"\w+")


def _whole_word_hits(name: str, text: str, words: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    """Where ``name`` occurs in ``text`` as whole words, as ``(?<![\\w#@])(?<!\\w-)NAME(?!\\w)(?!-\\w)`` finds it, but
    looked up from the positions of its first word: linear in the text, where one regex scan of the text per name
    was quadratic on a long text (issue 13)."""
    first = _WORD_RUN.match(name)
    if first is None:
        pattern = rf"(?<![\w#@])(?<!\w-){re.escape(name)}(?![\w])(?!-\w)"
        yield from ((h.start(), h.end()) for h in re.finditer(pattern, text))
        return
    resume = 0
    for a in words.get(first.group(), ()):
        b = a + len(name)
        if a < resume or not text.startswith(name, a):
            continue
        if a and (text[a - 1] in "#@" or _WORD_RUN.match(text, a - 1)
                  or (text[a - 1] == "-" and a > 1 and _WORD_RUN.match(text, a - 2))):
            continue
        if _WORD_RUN.match(text, b) or (text.startswith("-", b) and _WORD_RUN.match(text, b + 1)):
            continue
        resume = b  # matches do not overlap, as with re.finditer
        yield a, b


def _word_positions(text: str, wanted: set[str]) -> dict[str, list[int]]:
    """Where each of the ``wanted`` words starts in ``text`` as a whole run of word characters, in text order.

    A short text is searched for each word; a long one with many words is cut into its runs once (searching it
    for each word would be quadratic: issue 13). Cutting every text into runs cost more than the search."""
    if len(text) * len(wanted) > WORD_SEARCH_LIMIT:
        words: dict[str, list[int]] = {}
        for w in _WORD_RUN.finditer(text):
            if w.group() in wanted:
                words.setdefault(w.group(), []).append(w.start())
        return words
    found: dict[str, list[int]] = {}
    for word in wanted:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, end):
                found.setdefault(word, []).append(at)
            at = text.find(word, at + 1)
    return found


_WORD_CHAR = re.compile(r"\w")
WORD_SEARCH_LIMIT = 5_000_000  # characters times words above which a text is cut into runs instead of searched


def _repeats(doc: Document, parsed: Doc, found: list[Mention], offset: int, caps: set[int],
             text: str | None = None) -> list[Mention]:
    """Other occurrences of a name already found in the document.

    spaCy's NER misses a name in a headline, a caption or an unusual sentence even when it found it elsewhere in
    the same text ("X, co-fondateur de Kiwano - Photo ..."); once a text has named something, each exact repeat
    of that name (same case, whole words; in capitals on a headline written in capitals) is a mention of it too.
    Votes are copied at a quarter weight so the repeat takes its type from the original without outvoting other
    evidence in resolution.
    """
    text = parsed.text if text is None else text
    # which characters a mention already covers: an overlap test costs the hit's length, not the number of
    # mentions (testing every mention per hit was quadratic on a long text, issue 13)
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
    caps_chars = {parsed[i].idx for i in caps}
    names = [(name, model, [name] + ([name.upper()] if caps_chars and name.upper() != name else []))
             for name, model in sorted(by_text.items())]
    words = _word_positions(text, {w.group() for _, _, forms in names for f in forms if (w := _WORD_RUN.match(f))})
    for name, model, forms in names:
        for form in forms:
            for a, b in _whole_word_hits(form, text, words):
                if taken.find(1, a, b) != -1:
                    continue
                span = parsed.char_span(a, b)
                if span is None or (form != name and span[0].idx not in caps_chars):
                    continue
                taken[a:b] = b"\x01" * (b - a)
                out.append(Mention(
                    doc_id=doc.doc_id, start=offset + a, end=offset + b, text=form,
                    type_votes=tuple((k, w * 0.25) for k, w in model.type_votes), source="repeat",
                ))
    return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (a hashtag inside a longer span is kept apart by the cuts)."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
