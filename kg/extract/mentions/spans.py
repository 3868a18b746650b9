"""Where names are and where they end: candidate token ranges, repaired and cut.

spaCy's NER is the starting point, but on news text it runs names across line breaks and list markers, glues a
campaign to its agency, stops inside hyphenated names ("Karl-Heinz"), cuts institutional names after their head
("Autorité" for « l'Autorité des marchés financiers ») and misses acronyms, quoted names and names after an
organisation noun. The repairs here are general: join hyphenated and acronym neighbours, run an institutional
head on over its lower-case complement, add capitalised runs and acronyms the NER missed (quoted names and
lower-case brands are in :mod:`.marked`), then cut at breaks and trim articles, honorifics and punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Token

from kg.extract.cues import company_tails, entity_cues, first_names, fold, name_cues, place_cues
from kg.extract.mentions.institutions import complement_end, institution_end, titled_head
from kg.extract.mentions.nouns import NAMING_WORDS as PARTICIPLES
from kg.extract.mentions.nouns import type_noun
from kg.extract.mentions.tokens import (
    ARTICLES,
    DE_WORDS,
    EDGE_WORDS,
    SPLIT_WORDS,
    by_lexeme,
    has_upper,
    is_acronym,
    is_break,
    line_start,
    model_number,
    name_like,
    opens_sentence,
    sector_acronym,
)

Candidate = tuple[int, int, str, str | None]  # token start, end, source, NER label

UNKNOWN_POS = {"PROPN", "NOUN"}  # a capitalised word no vector knows, mid-sentence: spaCy tags invented names both
ROMAN = re.compile(r"^[IVXLCDM]{1,4}$")
BRAND_MARK = re.compile(r"[^\W\d_]+!([.,;:]?)")


def _glued(doc: Doc, i: int) -> bool:
    """Token i is written against token i + 1 (no space between them)."""
    return 0 <= i < len(doc) - 1 and doc[i].whitespace_ == ""


def _hyphen_join(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """"Karl-Otto Vennemann", "Al-Farouqi", "Take-Off": a name is not cut at a hyphen inside a word."""
    while start >= 2 and doc[start - 1].text == "-" and _glued(doc, start - 2) and _glued(doc, start - 1) \
            and name_like(doc[start - 2]):
        start -= 2
    if end - start >= 2 and end < len(doc) and doc[end - 1].text == "-" and _glued(doc, end - 2) \
            and _glued(doc, end - 1) and name_like(doc[end]):
        end += 1  # NER stopped right after the hyphen: « Take- » + « Two »
    while end + 1 < len(doc) and doc[end].text == "-" and _glued(doc, end - 1) and _glued(doc, end) \
            and name_like(doc[end + 1]):
        end += 2
    return start, end


def _extend_caps(doc: Doc, end: int) -> int:
    """"Pilot" + "Analytics", "Nuvigen" + "Bio", "Fonds Vertal" + "Actions": NER often stops before a last
    capitalised word of a company name; a capitalised noun inside a sentence belongs to the name too."""
    org_words, not_names = entity_cues().org_name_words, entity_cues().not_names
    first = end
    while end < len(doc) and doc[end].text[:1].isupper() and not is_break(doc[end]) \
            and doc[end - 1].whitespace_ != "" and not doc[end].ent_type_ and "\n" not in doc[end - 1].whitespace_ \
            and (doc[end].pos_ in {"PROPN", "X", "NOUN", "ADJ"} or fold(doc[end].text) in org_words
                 or _mistagged(doc[end])):
        end += 1
    while end > first and fold(doc[end - 1].text) in not_names:
        end -= 1  # « X Business School » keeps « Business », « X Business » does not
    return end


def _mistagged(tok: Token) -> bool:
    """« X Fleet », « X Freight »: a capitalised foreign word spaCy tags a pronoun or a punctuation mark; no French
    word of those classes (« Il », « Elle ») is a stop word missing from its lists."""
    return tok.pos_ in {"PRON", "PUNCT", "SYM", "INTJ"} and tok.is_alpha and not tok.is_stop


def _extend_exclaimed(doc: Doc, end: int) -> int:
    """"Quimpo bank!", "Zorvi!": a brand may end in an exclamation mark written against it (French sets a space
    before the mark that ends a sentence), and a lower-case word glued to that mark belongs to the name."""
    k = end
    if k + 1 < len(doc) and doc[k].is_alpha and doc[k].text.islower() and _glued(doc, k) and doc[k + 1].text == "!":
        k += 1
    return k + 1 if k < len(doc) and _brand_mark(doc, k) else end


def _brand_mark(doc: Doc, k: int) -> bool:
    """Token k ends a name with an exclamation mark glued to it, one that ends no sentence: "!" against the word
    before it, or a word the tokenizer kept whole with its mark ("bank!", "bank!.")."""
    text = doc[k].text
    marked = BRAND_MARK.fullmatch(text)
    if not (marked or (text == "!" and k > 0 and _glued(doc, k - 1))):
        return False
    return bool(marked and marked.group(1)) or k + 1 == len(doc) or not doc[k + 1].text[:1].isupper()


def _extend_place(doc: Doc, start: int, end: int, acronym: bool = False) -> int:
    """"Fantasialand Paris", "Orvane France", "KTV São Paulo": a place written right after a name (no preposition)
    ends the name; "Brabant wallon": a lower-case demonym after a place ends the place's name."""
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or "\n" in doc[end - 1].whitespace_ or not doc[end - 1].whitespace_:
        return end
    # (a one-word « person » before a country is a company's name too: « Takemura France », not Mr Takemura)
    named = acronym or doc[start].ent_type_ in {"ORG", "MISC"} or (end - start == 1 and doc[start].ent_type_ == "PER")
    if nxt.ent_type_ in {"LOC", "GPE"} and nxt.ent_iob_ == "B" and named:
        k = end + 1
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        place = fold(doc[end:k].text)
        if place in place_cues().places and (doc[start].ent_type_ != "PER" or
                                             place_cues().kinds.get(place_cues().places[place]) == "country"):
            return k
    if doc[start].ent_type_ in {"LOC", "GPE"} and nxt.text.islower() and fold(nxt.text) in place_cues().demonyms:
        return end + 1
    return end


def _split_place(doc: Doc, start: int, end: int) -> int:
    """"à Paris Nexaria, une banque ...": after « à » or « en », a leading place is not part of the next name."""
    if start < 1 or fold(doc[start - 1].text) not in {"a", "à", "en"} or end - start < 2:
        return start
    for k in range(start + 1, min(end, start + 4)):
        if fold(doc[start:k].text) in place_cues().places and doc[k].text[:1].isupper() \
                and fold(doc[k:end].text) not in place_cues().places and doc[k - 1].whitespace_:
            return k
    return start


def _extend_and(doc: Doc, end: int) -> int:
    """"... Emploi Agricole et Rural": a name runs on over "et" + a capitalised adjective that ends it."""
    if end + 1 < len(doc) and doc[end].text == "et" and doc[end + 1].pos_ == "ADJ" and doc[end + 1].is_title:
        after = doc[end + 2] if end + 2 < len(doc) else None
        if after is None or not after.is_title:
            return end + 2
    return end


def _acronym_join(doc: Doc, start: int) -> int:
    """"KMA TGB": an acronym right before an acronym the NER found belongs to the same name (also when the NER
    made each a name of its own)."""
    while start > 0 and is_acronym(doc[start - 1]) and is_acronym(doc[start]) and doc[start - 1].whitespace_ == " ":
        start -= 1
    return start


def _suffix_join(doc: Doc, start: int, end: int) -> int:
    """« auprès de Vinéa Capital », « Quelvan Analytics Inc. recrute »: a span made only of words saying « a
    company » (« Capital », « Partners », a legal form; a place before a legal form: « Europe BV ») starts at the
    capitalised word before it, which the NER left out."""
    cues = name_cues()
    words = [fold(t.text).rstrip(".") for t in doc[start:end] if t.text != "."]
    tails = company_tails()
    companyish = bool(words) and all(w in tails for w in words[1:]) and (
        words[0] in cues.generic_suffixes or (len(words) > 1 and words[0] in place_cues().places))
    if start == 0 or not companyish:
        return start
    prev = doc[start - 1]
    return start - 1 if prev.is_alpha and prev.text[:1].isupper() and prev.pos_ not in {"DET", "ADP"} else start


def _past_term(doc: Doc, start: int, end: int) -> int:
    """« l'impression 3D Vexlab Ouest »: a technical term before a name (« 3D », « 5G ») is not part of it."""
    while end - start > 1 and doc[start].text[:1].isdigit() and fold(doc[start].text) in name_cues().common_words:
        start += 1
    return start


def _particle_surname(doc: Doc, start: int, end: int) -> int:
    """« Antoine Le Gouvic », « Marie La Rocca »: a given name the NER stopped at, followed by a
    capitalised article and a capitalised word, goes on over the surname the article opens."""
    if end - start != 1 or end + 1 >= len(doc) or fold(doc[start].text) not in first_names():
        return end
    article, name = doc[end], doc[end + 1]
    if article.text in {"Le", "La"} and name.text[:1].isupper() and name.is_alpha and not is_break(name) \
            and fold(doc[end : end + 2].text) not in place_cues().places:  # (not « La Rochelle »)
        return end + 2
    return end


def _joined_entity(doc: Doc, start: int, end: int) -> int:
    """« le fonds Creuse Amorçage »: a place the NER ended right before a one-word name of its own, both introduced
    by an organisation noun, is the first word of one name."""
    if end >= len(doc) or doc[start].ent_type_ not in {"LOC", "GPE"} or doc[end].ent_iob_ != "B" \
            or doc[end].ent_type_ not in {"ORG", "MISC"} or doc[end - 1].whitespace_ != " " \
            or (end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I"):
        return end
    return end + 1 if type_noun(doc[start:end]) == "Organization" else end


def repair(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A NER span with its boundaries repaired."""
    start, end = _hyphen_join(doc, _past_term(doc, start, end), end)
    start = _split_place(doc, _acronym_join(doc, _suffix_join(doc, start, end)), end)
    end = _extend_and(doc, end) if end - start >= 3 else _extend_caps(doc, end)
    end = _extend_exclaimed(doc, institution_end(doc, start, end))
    end = _particle_surname(doc, start, _joined_entity(doc, start, _extend_place(doc, start, end)))
    end += model_number(doc, end)
    legal = end < len(doc) and doc[end].text in name_cues().legal_forms and doc[end - 1].whitespace_ == " "
    return start, end + legal  # « Brenmoor Trust plc »: a legal form the NER left out, in any case


def capitalised_runs(doc: Doc, caps: set[int]) -> list[Candidate]:
    """Names spaCy's NER missed: runs of capitalised words that a type noun introduces ("la société de conseil
    Pilot Analytics", "une application baptisée Kalima"), institutional heads ("l'Autorité ..."), acronyms
    inside a sentence ("le BHV"), and proper nouns unknown to the vocabulary. They come after NER candidates, so
    a name NER found keeps its span and label."""
    out: list[Candidate] = []
    ents = {t.i for e in doc.ents for t in e}
    common = name_cues().common_words | entity_cues().not_names
    named = by_lexeme(doc, _in_run)
    n, skipped, after = len(doc), ents | caps, 0
    for i in [k for k, yes in enumerate(named) if yes and k not in skipped]:  # (few tokens: a list, not a loop)
        if i < after:
            continue  # inside the run just read
        tok = doc[i]
        if fold(tok.text) in ARTICLES and opens_sentence(tok):
            continue  # « L'École supérieure … » opening a sentence: the run starts after the article
        j = i
        while j < n and j not in ents and (named[j] or (doc[j].text == "&" and j + 1 < n and named[j + 1])):
            j += 1  # (« Poquette & Co »)
        if (k := _through_place(doc, i, j)) > j:  # « Centre-Val de Loire Amorçage »
            j = k
            while j < n and j not in ents and named[j]:
                j += 1
        span = doc[i:j]
        first = opens_sentence(span[0])
        introduced = type_noun(span) is not None
        unknown = all(t.pos_ in UNKNOWN_POS and t.is_oov for t in span) and not first
        inner = any(name_like(t) and not t.text[0].isupper() for t in span)  # "eBay", "iPhone"
        head = fold(tok.text) in name_cues().institution_heads and not first
        acronym = len(span) == 1 and is_acronym(tok) and not ROMAN.match(tok.text) and not line_start(tok)
        opening = first and _opening_name(doc, i, j)
        company = not first and j - i >= 2 and fold(doc[j - 1].text) in entity_cues().org_name_words  # « X Capital »
        if introduced or unknown or inner or head or acronym or opening or company:
            a, b = _hyphen_join(doc, _past_term(doc, i, j), j)
            b = institution_end(doc, a, b) if head else _extend_place(doc, a, b, acronym) if acronym else b
            if fold(doc[a:b].text) not in common:  # « École » alone is a common noun, « École supérieure … » a name
                out.append((a, b, "caps", None))
        after = max(j, i + 1)
    return out


def _through_place(doc: Doc, start: int, end: int) -> int:
    """Where a run of capitalised words ending at ``end`` goes on as a place the gazetteer writes with « de » inside
    (« Centre-Val de Loire », « Pays de la Loire »): the end of that place, else ``end``."""
    places = place_cues().places
    for i in range(start, end):
        for k in range(end + 2, min(len(doc), end + 3) + 1):
            if name_like(doc[k - 1]) and fold(doc[i:k].text) in places:
                return k
    return end


def _opening_name(doc: Doc, i: int, j: int) -> bool:
    """« Upfront Ventures a mené le tour », « Metabolic Explorer (Metex) a été racheté »: capitalised words opening
    a sentence are a name NER missed when the last one is a company word or an acronym in brackets follows."""
    if j - i < 2 or doc[i].is_stop or fold(doc[i].text) in name_cues().common_words:
        return False
    bracketed = j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and has_upper(doc[j + 1])
    return bracketed or fold(doc[j - 1].text) in entity_cues().org_name_words


def _in_run(lex: Lexeme) -> bool:
    """A word that can be in a run of capitalised words (:func:`capitalised_runs`)."""
    return name_like(lex) and not is_break(lex)


CO_WORDS = {"co", "cie", "sons"}  # « Lazard et Cie », « X and Co »: the name goes on


def _cuts_names(doc: Doc, i: int, start: int) -> bool:
    """"Orvex et Home Tiplo", "Morgan Stanley and Bank of America": "et", "ou" or "and" between two names
    separates them (a capitalised adjective after "et" is part of the name, see :func:`_extend_and`; "&" joins).
    English "and" after a single word is inside the name: "Bureau of Land Management", "Barnes and Noble"."""
    word = doc[i].text
    if not (word in {"et", "ou"} or (word in {"and", "or"} and i - start >= 2)):
        return False
    if word in {"et", "ou"} and i > start and i + 1 < len(doc) and fold(doc[i + 1].text) in ARTICLES:
        return True  # « la Fondation pour la forêt et l'association Verdal »: an article opens the second name
    return i > start and i + 1 < len(doc) and name_like(doc[i - 1]) and name_like(doc[i + 1]) \
        and doc[i + 1].pos_ != "ADJ" and fold(doc[i + 1].text) not in name_cues().generic_suffixes | CO_WORDS


def _joins_name(doc: Doc, i: int, start: int) -> bool:
    """"Fondation pour la Recherche ...": a preposition after a lone generic word is inside the name."""
    words = [fold(t.text) for t in doc[start:i] if not t.is_punct and fold(t.text) not in EDGE_WORDS]
    return bool(words) and len(words) == 1 and words[0] in entity_cues().org_name_words


def _opening_article(doc: Doc, a: int, b: int) -> bool:
    """« la campagne « Le goût du matin » »: a quoted title keeps the capital article it opens on."""
    return b - a > 1 and doc[a].text[:1].isupper() and fold(doc[a].text) in ARTICLES


def _place_article(doc: Doc, a: int, b: int) -> bool:
    """« La Rochelle », « Le Havre », « Les Sables-d'Olonne »: the article of a place's name is part of it."""
    return _opening_article(doc, a, b) and fold(doc[a:b].text) in place_cues().places


def _elided(doc: Doc, k: int) -> bool:
    """« Le Floc'h », « Le Goff »: a lower-case letter glued after an apostrophe ends the word before it."""
    return k > 0 and doc[k].is_lower and len(doc[k].text) <= 2 and doc[k - 1].text.endswith(("'", "’")) \
        and not doc[k - 1].whitespace_ and has_upper(doc[k - 1])


def _edge(tok) -> bool:
    return tok.is_punct or fold(tok.text) in EDGE_WORDS or not has_upper(tok)


def _past_opening_role(doc: Doc, a: int, b: int) -> int:
    """« Cofondatrice de X en 1995, elle … », « Directrice générale de X, … »: a role noun opening the sentence,
    capitalised only because it opens it, is not part of the name after its « de »."""
    from kg.extract.frames import load_frames, role_words

    if fold(doc[a].text) not in role_words(load_frames()):
        return a
    k = a + 1
    while k < b - 1 and not has_upper(doc[k]) and doc[k].pos_ == "ADJ":
        k += 1
    if k < b - 1 and fold(doc[k].text) in DE_WORDS:
        k += 1
        while k < b - 1 and fold(doc[k].text) in ARTICLES:
            k += 1
        return k
    return a


def _place_demonym(doc: Doc, a: int, b: int) -> bool:
    """"Brabant wallon", "Suisse romande": the lower-case demonym :func:`_extend_place` put after a place stays."""
    return b - a >= 2 and doc[b - 2].ent_type_ in {"LOC", "GPE"} and doc[b - 1].text.islower() \
        and fold(doc[b - 1].text) in place_cues().demonyms


def pieces(doc: Doc, start: int, end: int, whole: bool = False) -> Iterable[tuple[int, int, bool]]:
    """Cut token range [start, end) at breaks; trim articles, honorifics, lower-case words and punctuation at both
    edges. Yields (start, end, honorific) where honorific says a title such as « M. » or « Mme » was trimmed.
    A quoted name (``whole``) is only trimmed."""
    honorifics = name_cues().honorifics
    i = start
    while i < end:
        while i < end and not whole and is_break(doc[i]):
            i += 1
        j = i
        while j < end and (whole or ((not is_break(doc[j]) or (doc[j].text in SPLIT_WORDS and _joins_name(doc, j, i)))
                                     and not _cuts_names(doc, j, i))):
            j += 1
        if j < end and _brand_mark(doc, j):
            j += 1  # « Quimpo bank! »: the mark ends the name
        a, b = i, j
        honorific = False
        while a < b and not (whole and _opening_article(doc, a, b)) and not _place_article(doc, a, b) and (
                _edge(doc[a]) or (b - a > 1 and (
                fold(doc[a].text) in honorifics or fold(doc[a].text) in PARTICIPLES or sector_acronym(doc[a])))):
            honorific = honorific or fold(doc[a].text) in honorifics
            a += 1
        if not whole and b - a > 2 and opens_sentence(doc[a]):
            a = _past_opening_role(doc, a, b)
        while b > a and not _brand_mark(doc, b - 1) and not _place_demonym(doc, a, b) and not _elided(doc, b - 1) \
                and not (b - a > 1 and (model_number(doc, b - 1) or doc[b - 1].text in name_cues().legal_forms)) and (
                doc[b - 1].is_punct or fold(doc[b - 1].text) in EDGE_WORDS
                or (not whole and not has_upper(doc[b - 1]))):
            b -= 1
        if a < b and not whole and titled_head(doc, a):  # keep « de la concurrence » after « Autorité »
            b = min(j, max(b, complement_end(doc, b)))
        if a < b:
            yield a, b, honorific
        i = max(j, i + 1)
