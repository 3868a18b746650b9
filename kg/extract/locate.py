"""Demonym frames: an organisation described by a place adjective or noun is based there.

    « la société britannique X », « le groupe allemand X », « la start-up rennaise X »   (a description before)
    « l'américain X », « aux américains A et B », « le japonais X »                      (a demonym as noun)
    « X, le studio américain, », « X, une entreprise française »                        (a description after)
    « une entreprise britannique, X »                                                    (before, with a comma)
    « des industriels allemands, comme A, B et C »                                       (a list it introduces)
    « A, B et C côté italien »                                                           (« côté » + demonym)
    « la start-up parisienne », « le groupe lyonnais »                                   (a description alone:
                                                                                           a reference)
    « l'éditeur de Cambridge », « le constructeur de Detroit »                          (``of_place`` frames)

The place is a mention made at the demonym (text: the gazetteer's name), so resolution merges it with the place
named elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from kg.extract.acting import acting_on
from kg.extract.arguments import NONE, Found
from kg.extract.context import DocContext, kind_of
from kg.extract.cues import fold, place_cues
from kg.extract.demonyms import demonym_place, places_of
from kg.extract.frames import Frame, Lexicon
from kg.extract.readers import LINKS, Reader
from kg.extract.reference import References
from kg.model import Mention

DEFINITE = {"le", "la", "l'"}
APPOSED = {"un", "une", "sa", "son", "leur", "notre"}  # « X, une société de Y »: only beside X

NOMINAL_DETERMINERS = {"le", "la", "l'", "les", "un", "une", "des", "aux", "au", "du", "ce", "cet", "cette", "ces"}
LIST_LOOKAHEAD = 10
MAX_TRADE = 8  # tokens of « de N » complements read between a description and its name
TRADE_LINKS = {"pour", "en"}  # « de meubles pour enfants », « de logiciels en ligne »


class Locator:
    def __init__(self, ctx: DocContext, reader: Reader, refs: References, lex: Lexicon) -> None:
        self.ctx = ctx
        self.reader = reader
        self.refs = refs
        self.lex = lex

    def place_mention(self, i: int, place: str) -> Mention:
        tok = self.ctx.tokens[i]
        start = self.ctx.offset + tok.idx
        return Mention(doc_id=self.ctx.doc.doc_id, start=start, end=start + len(tok.text), text=place,
                       type_votes=(("Place", 2.0),), source="demonym")

    def find(self, frame: Frame) -> Iterator[tuple[int, Found, Mention]]:
        """(cue token, holders, place) for every demonym (or, for ``of_place``, « N de <lieu> ») in the text.

        A description resolved by reference (« le futur établissement français ») gives no organisation a place
        of the same kind as, and other than, the one a demonym on its very name gives it (« la néobanque
        britannique X »): the description then stands for another organisation (its new subsidiary)."""
        found = list(self._find(frame))
        kinds = place_cues().kinds
        seated = {(h.text, kinds.get(p.text)): p.text for _, holders, p in found if holders.how == "parse"
                  for h in holders.mentions}
        for i, holders, place in found:
            if holders.how == "reference" and any(
                    seated.get((h.text, kinds.get(place.text)), place.text) != place.text for h in holders.mentions):
                continue
            yield i, holders, place

    @cached_property
    def _cues(self) -> tuple[list[int], list[tuple[int, list[str]]]]:
        """The tokens outside names that can be a cue: description nouns (``of_place`` frames), and demonyms with
        the places they name. Listed once for all the frames: each frame scanned every token of the text."""
        ctx = self.ctx
        nouns: list[int] = []
        demonyms: list[tuple[int, list[str]]] = []
        # a token is a cue only if its word names a place or its word or lemma is a description noun: those words
        # are found among the text's distinct words, and only their tokens are asked the rest
        cue_words = self.lex.description_nouns
        place_words = {w for w in ctx.vocabulary if places_of(w)}
        for i, (word, lemma) in enumerate(zip(ctx.words, ctx.lemmas, strict=True)):
            if not (word in place_words or word in cue_words or lemma in cue_words) or ctx.mention(i) is not None:
                continue
            if self.reader.is_description_noun(i):
                nouns.append(i)
            places = [p for p in demonym_place(ctx, i) if p not in self.lex.scope_places]
            if places:
                demonyms.append((i, places))
        return nouns, demonyms

    def _find(self, frame: Frame) -> Iterator[tuple[int, Found, Mention]]:
        nouns, demonyms = self._cues
        if frame.of_place:
            for i in nouns:  # (« l'éditeur de <lieu> » opens with a description noun)
                found = self._of_place(i)
                if found is not None:
                    holders, place = found
                    yield i, holders, place
            return
        for i, places in demonyms:
            holders = self.holders(i)
            for place in places:
                if holders.mentions:
                    yield i, holders, self.place_mention(i, place)
                    fellows = self._compatriots(i, place) if holders.how == "reference" or len(holders.mentions) == 1 \
                        else NONE
                    if fellows.mentions:
                        yield i, fellows, self.place_mention(i, place)

    def _compatriots(self, i: int, place: str) -> Found:
        """« La banque suisse lance une offre sur sa compatriote Y »: Y, named after « compatriote » in the
        sentence of the demonym at ``i``, is of the same country."""
        ctx = self.ctx
        _, end = ctx.sentence(i)
        if place_cues().kinds.get(place) != "country":
            return NONE
        for k in range(i + 1, end - 1):
            if demonym_place(ctx, k):
                break  # « le français A affronte l'allemand B et son compatriote C »: C is B's compatriot
            fellow = ctx.lemmas[k] in self.lex.compatriots or ctx.words[k] in self.lex.compatriots
            if fellow and ctx.words[k - 1] in self.lex.possessives:
                names = self.reader.names_at(k + 1, end)
                return Found(tuple(m for m in names if kind_of(m) not in {"Person", "Place"}), "parse")
        return NONE

    def _description_start(self, i: int) -> tuple[int, bool, bool]:
        """Where the description holding the demonym at ``i`` starts, whether it has a description noun, and
        whether the demonym is itself the noun (« l'américain »)."""
        ctx = self.ctx
        start, _ = ctx.sentence(i)
        k = i - 1
        noun = False
        while k >= start and ctx.mention(k) is None and (
                ctx.tokens[k].pos_ == "ADJ" or ctx.words[k] in self.lex.fillers or self.reader.is_description_noun(k)
                or (ctx.words[k] in {"de", "d'", "du"} and k - 1 >= start and self.reader.is_description_noun(k - 1))
                or self._noun_complement(k, start) or ctx.words[k] == "-"):
            noun = noun or self.reader.is_description_noun(k)
            k -= 1
        nominal = not noun and k >= start and ctx.words[k] in NOMINAL_DETERMINERS and k == i - 1
        if (k >= start and ctx.tokens[k].pos_ == "DET") or (k >= start and ctx.words[k] in NOMINAL_DETERMINERS):
            k -= 1
        return k + 1, noun, nominal

    def _own_demonym_cut(self, names: list[Mention]) -> list[Mention]:
        """« le fonds girondin A et le britannique B »: the list a demonym describes stops before a name another
        demonym describes."""
        for n in range(1, len(names)):
            a, b = self.ctx.bounds(names[n - 1])[1], self.ctx.bounds(names[n])[0]
            if any(self.reader.is_demonym(k) for k in range(a, b)):
                return names[:n]
        return names

    def _trade_complement(self, k: int, end: int) -> int | None:
        """« le géant américain de la livraison X », « l'éditeur nantais de logiciels de sauvegarde X »: the name
        right after the « de N » complements (common nouns only) of a description, or None. A description noun with
        an article in the complement (« la filiale française du groupe Y ») makes the name the complement's, not
        the holder's; without one it says the trade (« l'éditeur de logiciels X »)."""
        ctx = self.ctx
        nouns = 0
        for n in range(k, min(end, k + MAX_TRADE)):
            word, tok = ctx.words[n], ctx.tokens[n]
            if ctx.mention(n) is not None:
                return n if nouns and ctx.words[n - 1] not in LINKS | TRADE_LINKS else None
            if word in LINKS | TRADE_LINKS:
                if n + 1 >= end or ctx.mention(n + 1) is not None:
                    return None
            elif tok.pos_ == "DET":
                if n == k or ctx.words[n - 1] not in LINKS | TRADE_LINKS:
                    return None
            elif tok.pos_ in {"NOUN", "ADJ"} and tok.text.islower() and (
                    not self.reader.is_description_noun(n) or ctx.words[n - 1] in {"de", "d'"}):
                nouns += tok.pos_ == "NOUN"
            else:
                return None
            if n == k and word not in LINKS:
                return None
        return None

    def _noun_complement(self, k: int, start: int) -> bool:
        """« le groupe de presse britannique X », « le fonds d'investissement américain X »: the common noun at ``k``
        completes a description noun through « de » (« de l' »)."""
        ctx = self.ctx
        if ctx.tokens[k].pos_ != "NOUN" or ctx.mention(k) is not None:
            return False
        j = k - 2 if k - 1 >= start and ctx.words[k - 1] in {"l'", "la", "le"} else k - 1
        return j - 1 >= start and ctx.words[j] in {"de", "d'"} and self.reader.is_description_noun(j - 1)

    def holders(self, i: int) -> Found:
        ctx = self.ctx
        start, end = ctx.sentence(i)
        if i > start and ctx.words[i - 1] == "cote":  # « A, B et C côté italien »
            return Found(tuple(self.reader.names_before(i - 1)), "parse")
        if i - 2 >= start and ctx.words[i - 1] == "droit" and ctx.words[i - 2] in {"de", "d'"}:
            return self._under_law(i - 2, start)  # « une association de droit belge »
        first, noun, nominal = self._description_start(i)
        if not (noun or nominal):
            return self._any_noun_before_name(i, start, end)
        j = self.reader.skip_description(i + 1, end)
        complement = any(ctx.words[k] in LINKS for k in range(i + 1, j))  # « filiale française du groupe Y »: not Y
        if noun and (trade := self._trade_complement(i + 1, end)) is not None:
            j, complement = trade, False  # « le géant américain de la livraison X »: X, not a complement's name
        if j < end and ctx.mention(j) is not None and j - i <= 5 and not complement:  # « la société britannique X »
            names = self.reader.names_at(i + 1, end) or [ctx.mention(j)]
            number = ctx.numbers[i] or ctx.numbers[i - 1]
            if number == "Sing":
                names = names[:1]  # « l'allemand A, l'espagnol B et C »: a singular demonym describes one name
            names = self._own_demonym_cut(names)
            return Found(tuple(names), "parse")
        before = self.reader.name_before(first, start) if first > start and ctx.words[first - 1] in {",", "("} \
            else None
        if before is not None and noun and kind_of(before) != "Person":  # « X, le studio américain »
            if ctx.words[i].endswith("s"):  # « A et B, deux start-up lyonnaises »: the plural describes the list
                return Found(tuple(m for m in self.reader.names_before(first - 1, start) if kind_of(m) != "Person"),
                             "parse")
            return Found((before,), "parse")  # (not « Créée par A et B, la société lilloise »)
        if j < end and ctx.words[j] == "," and j + 1 < end and ctx.mention(j + 1) is not None and noun:
            # « une entreprise britannique, X », « des géants américains, A et B »
            if adjunct_before_subject(ctx, first, i, j + 1):
                return NONE  # « d'après des journaux suisses, X a … »: X is the clause's subject, not the papers
            names = self.reader.names_at(j + 1, end)
            if len(names) > 1 and coordinated_demonym(ctx, i):
                return NONE
            return Found(tuple(names if ctx.words[i].endswith("s") else names[:1]), "parse")
        for k in range(j, min(end, j + LIST_LOOKAHEAD)):  # « des industriels allemands y sont, comme A et B »
            if ctx.words[k] in {"comme", "dont", ":"} or self.reader.match(k, ("tels", "que")) > 0:
                after = self.reader.introducer(k, end)
                names = self.reader.names_at(after, end) if after > 0 else []
                if names and ctx.words[i].endswith("s") and not (len(names) > 1 and coordinated_demonym(ctx, i)):
                    return Found(tuple(names), "parse")  # not « des sociétés suisses et belges comme A, B, C »
                break
        if noun and first < i and ctx.words[first] in {"le", "la", "l'", "cette", "ce", "cet"}:
            for k in range(first, i):
                if self.refs.is_definite(k):
                    m = self.refs.definite(k, acting_on(self.refs, k))
                    if m is not None and kind_of(m) == "Organization":
                        return Found((m,), "reference")
        return NONE

    def _under_law(self, k: int, start: int) -> Found:
        """« X SA de droit belge », « cette fondation d'utilité publique (FUP) de droit suisse »: the name, or
        what the description stands for, right before « de droit » at ``k`` (past an acronym in parentheses)."""
        ctx = self.ctx
        j = k
        if j - 3 >= start and ctx.words[j - 1] == ")" and ctx.words[j - 3] == "(":
            j -= 3
        if j - 2 >= start and ctx.words[j - 1] == "," and ctx.mention(j - 2) is not None:
            j -= 1  # « la société X, de droit luxembourgeois »
        if j - 1 >= start and ctx.mention(j - 1) is not None:
            m = ctx.mention(j - 1)
            return Found((m,), "parse") if kind_of(m) != "Person" else NONE
        described = NONE
        for d in range(j - 1, max(start - 1, j - 9), -1):
            if ctx.mention(d) is not None or ctx.tokens[d].pos_ not in {"NOUN", "ADJ", "ADP", "DET"}:
                break
            if self.refs.is_definite(d):
                m = self.refs.definite(d, acting_on(self.refs, d))
                described = Found((m,), "reference") if m is not None and kind_of(m) == "Organization" else NONE
        return described

    def _any_noun_before_name(self, i: int, start: int, end: int) -> Found:
        """« le joaillier new-yorkais X », « du sucrier français X »: any common noun, its demonym, then at once an
        organisation's name: the noun is the name's description, even if it is not one of the lexicon's."""
        ctx = self.ctx
        if i - 2 < start or ctx.tokens[i - 1].pos_ != "NOUN" or ctx.mention(i - 1) is not None \
                or ctx.words[i - 2] not in NOMINAL_DETERMINERS or i + 1 >= end:
            return NONE
        m = ctx.mention(i + 1)
        if m is None or kind_of(m) != "Organization" or any(t == "Person" for t, _ in m.type_votes):
            return NONE  # « le chanteur britannique X »: a person, whatever the votes say in the end
        return Found((m,), "parse")

    def affiliations(self) -> Iterator[tuple[int, Mention, Mention]]:
        """« Aude Lemoine (Brontal) », « – Marc Dorlan (Velnor) »: a person's name with an organisation's name alone
        in the parentheses right after it (the press's way of giving whom a speaker or a member represents).
        Yields (the opening parenthesis, person, organisation)."""
        ctx = self.ctx
        for m in ctx.mentions:
            if kind_of(m) != "Person" or (m.start, m.end) not in ctx.span_of:
                continue
            b = ctx.bounds(m)[1]
            if b + 2 >= len(ctx.tokens) or ctx.words[b] != "(":
                continue
            org = ctx.mention(b + 1)
            if org is None or kind_of(org) != "Organization" or any(t == "Person" for t, _ in org.type_votes):
                continue
            e = ctx.bounds(org)[1]
            if e < len(ctx.tokens) and ctx.words[e] == ")":
                yield b, m, org

    def seats(self) -> Iterator[tuple[int, Mention, Mention]]:
        """« la start-up Navix (Lorient) », « la société X, à Épinal, »: an organisation's name with a place alone
        in the parentheses right after it (the press's way of giving a company's town), or, after a description
        noun, set off by « , à » and a comma. Yields (the opening token, organisation, place)."""
        ctx = self.ctx
        for m in ctx.mentions:
            if kind_of(m) != "Organization" or (m.start, m.end) not in ctx.span_of:
                continue
            a, b = ctx.bounds(m)
            described = a > 0 and self.reader.is_description_noun(a - 1)
            if b + 2 < len(ctx.tokens) and ctx.words[b] == "(":
                k, closes = b + 1, {")"}
            elif described and b + 3 < len(ctx.tokens) and ctx.words[b] == "," and ctx.words[b + 1] in {"a", "à"}:
                k, closes = b + 2, {",", ".", ";"}
            else:
                continue
            place = ctx.mention(k)
            if place is None or kind_of(place) != "Place" or fold(place.text) not in place_cues().places:
                continue
            e = ctx.bounds(place)[1]
            after = ctx.mention(e + 1) if e + 1 < len(ctx.tokens) else None
            if e < len(ctx.tokens) and ctx.words[e] in closes and (after is None or kind_of(after) != "Place"):
                yield b, m, place  # (not « l'enseigne X, à Angers, Dijon et Reims »: the towns of its shops)

    def _of_place(self, i: int) -> tuple[Found, Mention] | None:
        """« l'éditeur de Cambridge »: a description noun, « de », a gazetteer place. In apposition to the name
        before it the noun may also be indefinite, possessive or bare (« X, une société de Dresde », « X, notre
        filiale de Casablanca », « X, équipementier de Figeac »)."""
        ctx = self.ctx
        if not self.reader.is_description_noun(i) or i + 2 >= len(ctx.tokens) or ctx.words[i + 1] not in {"de", "d'"}:
            return None
        place = ctx.mention(i + 2)
        if place is None or kind_of(place) != "Place":
            return None
        start, end = ctx.sentence(i)
        k = i - 1
        while k >= start and ctx.tokens[k].pos_ == "ADJ":
            k -= 1
        if k >= start and ctx.words[k] == ",":
            k += 1  # no determiner: the apposition's comma is right before the noun phrase
        elif k < start or ctx.words[k] not in DEFINITE | APPOSED:
            return None
        j = ctx.bounds(place)[1]
        after = ctx.mention(j) if j < end and ctx.words[k] in DEFINITE else None
        if after is not None:
            return Found((after,), "parse"), place
        before = self.reader.name_before(k, start) if k > start and ctx.words[k - 1] == "," else None
        if before is not None:
            return Found((before,), "parse"), place
        if ctx.words[k] not in DEFINITE:
            return None
        m = self.refs.definite(i, acting_on(self.refs, i)) if self.refs.is_definite(i) else None
        return (Found((m,), "reference"), place) if m is not None else None

    def place_before(self, a: int) -> Found:
        """« … a été reçu à Y, au siège de X »: the place a comma sets before « au siège » at ``a``."""
        ctx = self.ctx
        start, _ = ctx.sentence(a)
        k = a - 1
        while k > start and ctx.words[k] in {"au", "a", "le", "son", "leur", "du", "de"}:
            k -= 1
        place = ctx.mention(k - 1) if k - 1 > start and k < a - 1 and ctx.words[k] == "," else None
        if place is None or kind_of(place) != "Place" or ctx.words[ctx.bounds(place)[0] - 1] not in {"a", "au"}:
            return NONE
        return Found((place,), "parse")

    def adjective_after(self, b: int) -> Found:
        """« son siège parisien »: the demonym right after a noun, as a place."""
        ctx = self.ctx
        _, end = ctx.sentence(b - 1)
        for k in range(b, min(end, b + 3)):
            places = demonym_place(ctx, k)
            if places:
                return Found((self.place_mention(k, places[0]),), "parse")
            if ctx.tokens[k].pos_ != "ADJ":
                break
        return NONE


def coordinated_demonym(ctx: DocContext, i: int) -> bool:
    """« des sociétés suisses et belges »: the demonym at ``i`` shares its noun with another one, so which of the
    names listed after it it describes is not said."""
    n = len(ctx.tokens)
    return (i + 2 < n and ctx.words[i + 1] in {"et", "ou"} and bool(demonym_place(ctx, i + 2))) or (
        i - 2 >= 0 and ctx.words[i - 1] in {"et", "ou"} and bool(demonym_place(ctx, i - 2)))


def adjunct_before_subject(ctx: DocContext, first: int, i: int, name: int) -> bool:
    """« D'après des journaux suisses, X aurait … »: the description in tokens [first, i) is a prepositional
    phrase fronted before the clause, and the name after the comma is that clause's subject, not its apposition."""
    if ctx.tokens[name].dep_ not in {"nsubj", "nsubj:pass"}:
        return False
    return any(c.dep_ == "case" for k in range(first, i + 1) for c in ctx.tokens[k].children
               if ctx.tokens[k].pos_ == "NOUN")
