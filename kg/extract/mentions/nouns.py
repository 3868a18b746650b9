"""The type a noun beside a name gives it: before it (« la société X », « le PDG X », « le spécialiste du recyclage
de batteries X »), in apposition (« X, une start-up »), or heading the list it is in (« des enseignes comme X »).
The noun is looked up in ``type_nouns`` (``ontology/cues/entities.toml``); in a chain « N de N », the head noun wins.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.cues import entity_cues, fold
from kg.extract.mentions.tokens import ARTICLES, DE_WORDS, has_upper

NAMING_WORDS = {stem + end for stem in ("baptise", "nomme", "appele", "denomme", "intitule", "surnomme")
                for end in ("", "e", "s", "es")}
LIST_INTRODUCERS = {"dont", "comme", "notamment", "parmi"}
DETERMINERS = ARTICLES | {"un", "une", "du", "des", "au", "aux", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
                          "cette", "ces"}
APPOSED_DETERMINERS = {"un", "une", "le", "la", "l'", "son", "sa", "leur", "notre"}
OPENING_QUOTES = {"«", '"', "“"}
CLOSING_QUOTES = {"»", '"', "”"}


def _noun(doc: Doc, k: int) -> tuple[str, int]:
    """The folded lemma of the noun ending at token k, and its first token ("start - up" is one noun)."""
    if fold(doc[k].text) == "up" and k >= 2 and doc[k - 1].text == "-" and fold(doc[k - 2].text) == "start":
        return "start-up", k - 2
    return fold(doc[k].lemma_), k


def typed_lemma(doc: Doc, k: int) -> str | None:
    """The ``type_nouns`` key of the noun ending at token k, if it is one (« site internet »: the compound)."""
    nouns = entity_cues().type_nouns
    lemma, first = _noun(doc, k)
    before = first - 1
    while before > 0 and doc[before].pos_ == "ADJ" and first - before <= 2:
        before -= 1  # « une jeune pousse » (« pousse » tagged a verb)
    after_det = before >= 0 and fold(doc[before].text) in DETERMINERS  # « son offre »: a noun, whatever the tag
    if (doc[k].pos_ in {"NOUN", "PROPN", "X"} or after_det) and (lemma in nouns or fold(doc[k].text) in nouns):
        word = lemma if lemma in nouns else fold(doc[k].text)
        compound = f"{word} {fold(doc[k + 1].text)}" if k + 1 < len(doc) else ""
        return compound if compound in nouns else word  # « site internet »: a website, not a news outlet
    part = lemma.split("-")[0]  # « l'assureur-crédit X », « le constructeur-carrossier X »: the compound's head
    if doc[k].pos_ in {"NOUN", "X"} and "-" in lemma and part in nouns and nouns[part] != "Person":
        return part
    return None


def _noun_before(span: Span) -> str | None:
    """"la société X", "le PDG X", "le géant américain X", "la société de conseil X", "une application baptisée X".
    The word right before the name must be the noun, an adjective after it or a naming participle: in « le
    président de la X » the name is a complement, not what the noun names."""
    doc, k = span.doc, span.start - 1
    if k >= 1 and doc[k].text in OPENING_QUOTES:  # « le hackathon « Données publiques » »
        k -= 1
    if k >= 1 and fold(doc[k].text) in NAMING_WORDS:
        k -= 1 + (k >= 2 and doc[k - 1].text == ",")  # « sa plateforme, baptisée X »
    if k < 0 or doc[k].is_space or (doc[k].pos_ not in {"NOUN", "PROPN", "ADJ", "X"}
                                    and not (k > 0 and fold(doc[k - 1].text) in DETERMINERS)):  # « son offre » VERB
        return None
    steps = 0
    while k >= 0 and steps < 6 and not doc[k].is_space:
        lemma = typed_lemma(doc, k)
        if lemma:
            return _head_noun(doc, _noun(doc, k)[1], lemma)
        if doc[k].pos_ not in {"ADJ", "ADP", "DET", "NOUN", "X"} or doc[k].text in {",", "("}:
            break
        k = _noun(doc, k)[1] - 1
        steps += 1
    return None


def _head_noun(doc: Doc, k: int, lemma: str) -> str:
    """"cabinet d'étude X", "société de conseil X", "le spécialiste du recyclage de batteries X", "un concours de
    création d'entreprises, X", "la coopérative de coursiers à vélo X": the noun heading "N de N (à N)" names the
    type, not its modifiers, typed or not.
    The chain starts on a bare « de »: in « l'offre de rachat du groupe X », « du groupe » is X's own phrase."""
    best = lemma
    j, chained = k - 1, False
    while j >= 1:
        word = fold(doc[j].text)
        if word in {"de", "d'", "en"} or doc[j].lower_ == "à" or (chained and word in {"du", "des"}):
            j -= 1
        elif chained and word in ARTICLES and fold(doc[j - 1].text) in {"de", "d'"}:
            j -= 2  # « de la », « de l' »
        else:
            break
        chained = True
        while j >= 0 and doc[j].pos_ == "ADJ":
            j -= 1
        if j < 0 or doc[j].pos_ != "NOUN":
            break
        best = typed_lemma(doc, j) or best
        j -= 1
    return best


def _apposition(span: Span) -> str | None:
    """"une entreprise britannique, X", "X, une entreprise française", "X, spécialiste de ...", "X, le PDG de Y":
    a type noun in apposition either side of a comma. A noun that is the subject of the next verb (« Fondée par
    A et B, l'entreprise a ... ») is not in apposition."""
    doc = span.doc
    titles = entity_cues().title_words
    k = span.start - 1
    if k > 0 and doc[k].text in OPENING_QUOTES:
        k -= 1  # « son nouveau jeu, « X » »
    if k > 0 and doc[k].text == ",":
        k -= 1
        while k >= 0 and doc[k].pos_ == "ADJ":
            k -= 1
        lemma = typed_lemma(doc, k) if k > 0 else None
        if lemma:
            j = _noun(doc, k)[1] - 1
            while j > 0 and doc[j].pos_ == "ADJ":
                j -= 1  # « son nouveau jeu, X »
            if fold(doc[j].text) in APPOSED_DETERMINERS:
                return lemma
    k = span.end
    quoted = span.start > 0 and doc[span.start - 1].text in OPENING_QUOTES
    if k + 2 < len(doc) and doc[k].text in CLOSING_QUOTES and quoted:
        k += 1  # « le « X », une étude »: the quotes close first
    if k + 1 < len(doc) and doc[k].text == ",":
        k += 1
        article = fold(doc[k].text) in APPOSED_DETERMINERS  # « X, son nouveau service »
        k += article
        while k < len(doc) and (doc[k].pos_ == "ADJ" or fold(doc[k].text) in {"ex", "ancien", "ancienne"}):
            k += 1
        if k >= len(doc) or doc[k].dep_ in {"nsubj", "nsubj:pass"}:
            return None
        j = k + 1 if fold(doc[k].text) != "start" else k + 3
        if j < len(doc) and doc[j].pos_ in {"VERB", "AUX"} and "Fin" in doc[j].morph.get("VerbForm"):
            return None  # « Fondée par A et B, la start-up emploie … »: the noun is the next verb's subject
        if article and _in_fronted_participle(span):
            return None  # (the same, with the verb mis-tagged: « …, l'entreprise fabrique des pièces »)
        followed_by_de = j < len(doc) and fold(doc[j].text) in DE_WORDS
        lemma = typed_lemma(doc, j - 1) if j - 1 < len(doc) else None
        if lemma and (article or followed_by_de):
            return lemma
        if fold(doc[k].text) in titles and (article or followed_by_de or doc[k].pos_ == "NOUN"):
            return fold(doc[k].text)
    return None


def _in_fronted_participle(span: Span) -> bool:
    """« Fondée en 2017 par A, … »: the name stands in a participle phrase opening its sentence, before its first
    comma (what follows the comma is the sentence's subject)."""
    sent = span.sent
    first = sent[0] if sent[0].is_alpha else sent[1] if len(sent) > 1 else sent[0]
    opens = first.i == 0 or span.doc[first.i - 1].is_space or span.doc[first.i - 1].text in {".", "!", "?", "»"} \
        or (first.i == 1 and not span.doc[0].is_alpha)  # (not « … lancera cet été X » the parser cut at « été »)
    return first.i < span.start and "Part" in first.morph.get("VerbForm") and first.pos_ != "AUX" and opens and \
        not any(t.text == "," for t in span.doc[first.i : span.start])


def _dependency_apposition(span: Span) -> str | None:
    """"Socialis, le réseau social": the parse links the name and a type noun as apposition or flat name."""
    nouns = entity_cues().type_nouns
    root = span.root
    head = root.head
    complement = any(c.dep_ == "case" for c in root.children) or (
        span.start > 0 and span.doc[span.start - 1].pos_ == "ADP")
    if root.dep_ in {"appos", "nmod", "flat:name"} and head.pos_ == "NOUN" and fold(head.lemma_) in nouns \
            and not complement and head.i < span.start and head.i >= span.start - 4:
        return fold(head.lemma_)
    for child in root.children:
        # next to the name (« X, la filiale de Y »), not past another phrase: « X, directrice de Y, la filiale … »
        beside = child.left_edge.i <= span.end + 1 and not _in_fronted_participle(span)
        if child.dep_ == "appos" and child.pos_ == "NOUN" and fold(child.lemma_) in nouns and beside:
            return fold(child.lemma_)
    return None


def _list_noun(span: Span) -> str | None:
    """"des plateformes telles que A, B ou C", "plusieurs enseignes dont C", "parmi ses clubs fondateurs, A, B":
    a name listed after a plural noun of a known type is of that type: the noun."""
    doc = span.doc
    k = span.start - 1
    steps = 0
    while k >= 0 and steps < 30:
        t = doc[k]
        word = fold(t.text)
        if word in LIST_INTRODUCERS or (word == "que" and k > 0 and fold(doc[k - 1].text) in {
                "tels", "telles", "tel", "telle"}):
            return _noun_back(doc, k - (2 if word == "que" else 1))
        if t.text in {",", ":"} and k > 0 and doc[k - 1].pos_ in {"NOUN", "ADJ"} and not has_upper(doc[k - 1]):
            # "parmi ses douze clubs fondateurs, A, B et C"; not « fondée par deux ingénieurs, X assemble … »
            return _noun_back(doc, k - 1) if _listed(doc, k, span.end) else None
        if not (t.text in {",", "et", "ou", "encore", "ainsi", "que"} or t.is_space or has_upper(t)
                or t.pos_ in {"PROPN", "DET"}):
            return None
        k -= 1
        steps += 1
    return None


def _listed(doc: Doc, colon: int, end: int) -> bool:
    """Whether the names after the comma or colon at ``colon`` form a list: more than one name before ``end``, or
    one followed by « , » or « et » and a capitalised word."""
    if any(doc[j].text in {",", "et", "ou"} for j in range(colon + 1, end)):
        return True
    return end + 1 < len(doc) and doc[end].text in {",", "et", "ou"} and has_upper(doc[end + 1])


def _noun_back(doc: Doc, k: int) -> str | None:
    for j in range(k, max(-1, k - 5), -1):
        lemma = typed_lemma(doc, j)
        if lemma:
            return _head_noun(doc, _noun(doc, j)[1], lemma)
        if doc[j].pos_ not in {"ADJ", "ADP", "NOUN", "DET", "NUM"}:
            break
    return None


def describing_noun(span: Span) -> str | None:
    """The noun the span stands beside (its ``type_nouns`` key, or a title word): before it, in apposition, or
    heading a list of names. Resolution keeps it where the type alone says too little (« X SE, la holding »)."""
    return _noun_before(span) or _apposition(span) or _list_noun(span) or _dependency_apposition(span)


def listed_only(span: Span) -> bool:
    """Whether the only noun beside the span is the one heading the list it is in (none before it or apposed)."""
    return not (_noun_before(span) or _apposition(span)) and _list_noun(span) is not None


def type_noun(span: Span) -> str | None:
    """The type named by a noun the span stands beside: before it, in apposition, or heading a list of names."""
    return noun_type(describing_noun(span))


def noun_type(noun: str | None) -> str | None:
    """The type a describing noun names ("" or None: no noun)."""
    return entity_cues().type_nouns.get(noun, "Person") if noun else None  # (a title word: a person)
