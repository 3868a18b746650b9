"""What a name is, from the evidence around one mention of it.

Each mention casts weighted votes; resolution sums them over the corpus. The evidence, strongest first: a title
(« M. », « Mme ») or a legal form (« SA », « GmbH ») on the name, the noun that introduces it (« la société X »,
« le PDG X », « X, une start-up »), the role it is the complement of (« directeur général de X »: X is an
organisation), a verb of saying inverted after a quotation (« ..., explique X »: a person), a lower-case demonym
before it (« l'allemand X »: a company), the place gazetteer, words inside the name, and last spaCy's NER label,
which is weak on organisations (a lone unknown word it calls PER or LOC is most often a company in business news).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.cues import entity_cues, first_names, fold, name_cues, place_cues
from kg.extract.kinds import GIVEN_NAME
from kg.extract.mentions.nouns import (
    CLOSING_QUOTES,
    DETERMINERS,
    OPENING_QUOTES,
    listed_only,
    noun_type,
    type_noun,
    typed_lemma,
)
from kg.extract.mentions.tokens import ARTICLES, DE_WORDS, MODEL_NUMBER, capital_article, has_upper, line_start
from kg.model import Mention

MODEL_CODE = re.compile(r"[A-Z]{1,4}-\d{1,4}[A-Z]?")
WEAK_NER = 0.3  # NER's PER or LOC on a name it alone vouches for
NER_VOTES = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Organization", "GPE": "Place"}
# « la filiale de X »: X owns, it is no seat
RELATIONAL = {"filiale", "branche", "division", "pole", "entite", "maison", "regie", "marque", "holding", "client",
              "partenaire", "actionnaire", "enseigne", "studio", "chaine", "fonds", "centrale", "offre"}
HEAD_OF = {"tete", "direction", "presidence", "capital", "patron", "patronne"}  # « à la tête de X »
NOT_LOCATING = {"face", "grace", "quant", "propre", "jusqu'", "jusque", "rapport", "cede", "cedee", "vendu", "vendue",
                "confie", "confiee", "associe", "associee", "allie", "alliee", "oppose", "opposee", "rival"}
QUOTE_ENDS = {",", "»", '"', "”", "–", "—", "?", "!"}


@cache
def _role_words() -> frozenset[str]:
    """The person nouns, the titles and the « à la tête de » nouns (made once: asked of every name)."""
    cues = entity_cues()
    return frozenset({n for n, t in cues.type_nouns.items() if t == "Person"} | cues.title_words | HEAD_OF)


def _site_noun(tok: Token) -> bool:
    """« usine », « quartier », « port »: a noun whose « de X » complement is where the site is."""
    sites = entity_cues().place_nouns
    return fold(tok.text) in sites or fold(tok.lemma_) in sites


def _owner_of_role(span: Span) -> bool:
    """"directeur général de la X", "cofondateur et PDG d'X", "à la tête de X": the complement of a role is an
    organisation."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and fold(doc[k].text) in ARTICLES:
        k -= 1
    if k < 0 or fold(doc[k].text) not in DE_WORDS:
        return False
    roles = _role_words()
    for j in range(k - 1, max(-1, k - 6), -1):
        tok = doc[j]
        if _site_noun(tok):
            return False  # « directrice de l'usine d'Issoire »: she runs the plant, X is where it is
        if fold(tok.lemma_) in roles or fold(tok.text) in roles or fold(tok.text).split("-")[0] in roles:
            return True  # (« présidente-directrice générale de X »)
        participle = tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm")  # « directeur général délégué »
        if (tok.pos_ not in {"ADJ", "NOUN", "ADP", "DET", "CCONJ", "PROPN"} and not participle) or \
                tok.text in {",", "("} or has_upper(tok):
            return False
    return False


def _speaker(span: Span) -> bool:
    """« ... », explique X / a assuré X / se réjouit X: the inverted subject of a verb of saying is a person."""
    doc = span.doc
    k = span.start - 1
    if k < 0 or fold(doc[k].lemma_) not in name_cues().speech_verbs or doc[k].pos_ not in {"VERB", "AUX"}:
        return False
    k -= 1
    while k >= 0 and fold(doc[k].text) in {"a", "avait", "se", "s'", "ont", "t"}:
        k -= 1
    return k >= 0 and doc[k].text in QUOTE_ENDS


def _demonym_before(span: Span) -> str | None:
    """"l'allemand X", "la lilloise X", "son rival américain X": a lower-case demonym before a name marks a
    company; a capitalised one (« le Français X ») a person."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or fold(doc[k].text) not in place_cues().demonyms:
        return None
    before = doc[k - 1]
    if not (fold(before.text) in DETERMINERS or before.pos_ == "NOUN"):
        return None
    return "Person" if doc[k].text[:1].isupper() else "Organization"


def _seat(span: Span) -> bool:
    """"le groupe de Rueil-Malmaison", "l'agence de Pantin", "l'usine d'Issoire": a place name after an organisation
    noun or a site noun and "de" is where the organisation or the site sits."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or fold(doc[k].text) not in {"de", "d'"}:
        return False
    if _site_noun(doc[k - 1]):
        return True
    lemma = typed_lemma(doc, k - 1)
    return lemma is not None and entity_cues().type_nouns[lemma] == "Organization" and lemma not in RELATIONAL


def _speaker_line(span: Span) -> bool:
    """"Jeanne Martin – Nous avons ...", "Jeanne Martin (Orvane) : ...": a name of two words opening an interview
    line before a dash or a colon is the speaker's. On a headline only a quotation after it says so (« Jeanne
    Martin : « Nous irons » » is hers, « Laiterie Orvane : la reprise échoue » is news of a company)."""
    doc = span.doc
    if len(span) < 2 or span.text.isupper() or not line_start(span[0]):
        return False
    k = span.end
    if k < len(doc) and doc[k].text == "(":
        while k < len(doc) and doc[k].text != ")" and k - span.end < 6:
            k += 1
        k += 1
    if k >= len(doc) or doc[k].text not in {"–", "—", ":"}:
        return False
    first_break = doc.text.find("\n")
    headline = first_break < 0 or span.start_char < first_break
    return not headline or (k + 1 < len(doc) and doc[k + 1].text in OPENING_QUOTES)


def _located(span: Span) -> bool:
    """« à X », « en X »: where something happens; not « face à X », « grâce à X », « de A à B »."""
    doc = span.doc
    k = span.start - 1
    if k < 0:
        return False
    word = fold(doc[k].text)
    if word == "en":
        return True
    if word not in {"a", "à"}:
        return False
    before = fold(doc[k - 1].text) if k > 0 else ""
    ranged = k >= 2 and doc[k - 1].text[:1].isupper() and fold(doc[k - 2].text) in DE_WORDS
    return before not in NOT_LOCATING and not ranged


def _dateline(span: Span) -> bool:
    """"LYON – Brontal ..." or "Paris, le 3 mai": a place opening a line before a dash, or a comma and a date."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return line_start(span[0]) and nxt is not None and nxt.text in {"–", "—", "-", ","} and (
        span.text.isupper() or (span.end + 2 < len(doc) and fold(doc[span.end + 1].text) == "le"
                                and doc[span.end + 2].text[:1].isdigit()))  # not « X, le PDG de Y, … »


def _contains_place(span: Span, folded: str, label: str | None) -> bool:
    """"Orvane Italie", "Manchester Rovers", "Kestrel London": a longer name holding a place is not that place. In a
    name spaCy calls a person's, a first word that is a place (« Maurice » is a country and a first name) and a
    last word that is a town or a region (« Inès Morvan ») are the person's names; a country there still makes a
    company (« Takemura France »)."""
    cues = place_cues()
    places = cues.places
    if folded in places or len(span) < 2:
        return False
    for i in range(1, len(span)):
        place = places.get(fold(span[i:].text))
        if place and not (label == "PER" and i == len(span) - 1 and cues.kinds.get(place) in {"city", "region"}):
            return True
    words = [fold(t.text) for t in span if t.text[:1].isupper()]
    return label != "PER" and any(w in places for w in words)


def _given_name(span: Span) -> bool | None:
    """Whether a name of two words or more opens on a given name (« Corinne Wetzel », « Jean-Marie X », « J. X »);
    None when there is no list of given names or the name is one word."""
    names = first_names()
    if not names or len(span) < 2:
        return None
    first = span[0].text
    if len(first.rstrip(".")) == 1 or (first.endswith(".") and first[:1].isupper()):
        return True  # an initial
    return all(fold(part) in names for part in first.split("-") if part)


def votes(span: Span, text: str, label: str | None, source: str, honorific: bool = False,
          surnames: frozenset[str] = frozenset(),
          givens: frozenset[str] = frozenset(),
          companies: frozenset[str] = frozenset(),
          described: str | None = None) -> tuple[tuple[str, float], ...]:
    """The (type, weight) votes of one mention. ``surnames`` are the last words of the people the text names in
    full: there a lone « Morvan » is the person's surname before it is the gazetteer's region, unless the words
    around it place it (« à Morvan », « le groupe de Morvan »). ``givens`` are their first words: a lone given
    name among them (« Ingrid connaît nos clients » after « Ingrid Solberg ») is that person, named familiarly.
    ``companies`` are the first words of the text's names that only add company words to them (« Cantal
    Robotics »): there a lone « Cantal » is the company told short, unless the words around it place it.
    ``described`` is the noun beside the span if the caller read it already (:func:`describing_noun`; "" for none)."""
    cues = entity_cues()
    places = place_cues().places
    out: dict[str, float] = {}

    def add(kind: str, weight: float) -> None:
        out[kind] = out.get(kind, 0.0) + weight

    folded = fold(text)
    words = [fold(t.text) for t in span]
    titled = span.start > 0 and capital_article(span.doc[span.start - 1])  # « La Gazette », « Le Phare »
    holds_place = _contains_place(span, folded, label)
    company = folded in companies and not (_located(span) or _dateline(span) or _seat(span))
    placeish = not titled and not holds_place and not company
    if source == "hashtag":
        add("CreativeWork", 2.0)
    if company:
        add("Organization", 1.5)
    if honorific:
        add("Person", 2.5)
    if text.split()[-1] in name_cues().legal_forms and len(text.split()) > 1:
        add("Organization", 2.5)
    kind = NER_VOTES.get(label or "")
    single = len(span) == 1 or " " not in text
    if kind == "Person" and any(c.isdigit() for c in text):
        kind = "Organization"  # « Kub3 », « 1PointFive »: no one's name holds a digit
    given = _given_name(span)
    in_quotes = span.start > 0 and span.doc[span.start - 1].text in OPENING_QUOTES and span.end < len(span.doc) \
        and span.doc[span.end].text in CLOSING_QUOTES  # « baptisée « Moisson Sûre » »: a title, no one's name
    if kind == "Person" and in_quotes:
        pass
    elif kind == "Person":  # « Twinea Edge », « Conserves Morvennec »: two words spaCy calls a person, no given name
        add("Person", 1.0 if not single and given is not False else WEAK_NER)
    elif given and not any(w in cues.org_name_words for w in words):
        add("Person", 0.5)  # « Corinne Wetzel » that spaCy calls an organisation
    elif kind == "Place" and placeish:
        add("Place", 1.0) if folded in places else add("Place", WEAK_NER)
    elif kind:
        add("Organization", 1.0 if label == "ORG" else 0.4)
    if single and folded in givens and folded in first_names() and folded not in surnames:
        add("Person", GIVEN_NAME)
    if folded in places and placeish and (folded not in surnames or _located(span) or _dateline(span) or _seat(span)):
        add("Place", 2.0)
    noun = type_noun(span) if described is None else noun_type(described)
    if (titled or holds_place) and not noun:
        add("Organization", 1.0)
    if kind == "Place" and placeish and _located(span):
        add("Place", 0.5)  # "basée à Pantin", "en Floride": a place the gazetteer does not know
    model = MODEL_CODE.fullmatch(text) is not None  # « la QX-40 », « le VR-7 »: a model's code, no acronym
    if (model or (len(span) >= 2 and MODEL_NUMBER.fullmatch(span[-1].text) and not holds_place and
                  fold(span[:-1].text) not in places and not any(w in cues.org_name_words for w in words) and
                  words[0] not in name_cues().institution_heads)) and not noun:
        add("Product", 1.2)  # « le Quimbo 3 », « l'Orbix 500 »: a model, unless a noun says more
    if any(w in cues.event_name_words for w in words) and (
            words[-1] not in cues.org_name_words or any(w in DE_WORDS for w in words)):
        add("Event", 1.5)  # (« Forum Capital » is a fund: its last word says what it is; not « Salon de l'industrie »)
    elif any(w in cues.org_name_words for w in words) or (text.isupper() and len(text) <= 6 and label != "LOC"
                                                          and not model):
        add("Organization", 1.5)
    if span.start > 0 and fold(span.doc[span.start - 1].text) == "chez":
        add("Organization", 1.0)  # "vice-président chez X", "chez X, nous ...": a workplace
    if noun and noun != "Person" and kind == "Person" and given and listed_only(span):
        noun = None  # « deux anciennes joueuses du club, A et B »: the list's noun is the complement's, not theirs
    if noun:
        quoted = span.start > 0 and span.doc[span.start - 1].text in OPENING_QUOTES
        add(noun, 2.0 if quoted else 1.5)  # « la conférence « X » »: the quotes set apart the name the noun gives
    if _owner_of_role(span):
        add("Organization", 1.5)
    if _speaker(span):
        add("Person", 2.0)
    demonym = _demonym_before(span)
    if demonym:
        add(demonym, 1.5 if demonym == "Organization" else 1.0)
    if _dateline(span) or (kind == "Place" and _seat(span)):
        add("Place", 1.5)
    if _speaker_line(span):
        add("Person", 1.5)
    if not out:
        add("Organization", 0.2)
    return tuple(sorted(out.items()))


def corpus_votes(m: Mention) -> tuple[tuple[str, float], ...]:
    """The votes resolution counts for a mention: its own, with business news' prior on a lone word spaCy calls a
    person or a place without a gazetteer entry: most often a company (« Quorvex », « Brelio »), sometimes a surname
    (so a hint of person stays). Relation rules see the NER guess as it is (:func:`kg.extract.context.kind_of`)."""
    if m.source not in {"ner:PER", "ner:LOC"} or " " in m.text or fold(m.text) in place_cues().places:
        return m.type_votes
    out = dict(m.type_votes)
    kind = "Person" if m.source == "ner:PER" else "Place"
    shifted = min(out.get(kind, 0.0), WEAK_NER)
    out[kind] = out.get(kind, 0.0) - shifted + (0.1 if kind == "Person" else 0.0)
    out["Organization"] = out.get("Organization", 0.0) + shifted
    return tuple(sorted((k, w) for k, w in out.items() if w > 0))


def best(votes_: tuple[tuple[str, float], ...]) -> tuple[str, float]:
    """The strongest (type, weight) of a mention's votes."""
    return max(votes_, key=lambda kv: kv[1]) if votes_ else ("Organization", 0.0)


def agreement(members: list[tuple[tuple[str, float], ...]]) -> list[tuple[str, float] | None]:
    """"Sanvera, Atolis, BMW, Qinetix et Drelmo": names coordinated in one list are most often of one type. Each
    member gets half the support the other members give their common type (capped), so a member with no evidence
    of its own takes the list's type, while strong evidence of its own still wins."""
    out: list[tuple[str, float] | None] = []
    for i in range(len(members)):
        support: dict[str, float] = {}
        for j, other in enumerate(members):
            if j != i and other:
                kind, weight = best(other)
                support[kind] = support.get(kind, 0.0) + min(weight, 1.0)
        if not support:
            out.append(None)
            continue
        kind, total = max(support.items(), key=lambda kv: kv[1])
        out.append((kind, min(0.5 * total, 1.5)) if total >= 1.0 else None)
    return out

