"""Surface readers: the names a stretch of a sentence lists, whatever the parse made of it.

spaCy's French parser loses coordinations (« Fondée par A, B et C »), attaches « de Y » as a determiner or hangs a
name from the wrong verb. The engine asks the parse first and these readers second, and they agree on what a list
of names looks like in French news:

* a name may come with a description before it: « la société de conseil X », « l'américain X », « sa filiale X »;
* names are separated by « , », « et », « ou », « ainsi que », « ou encore », « et de »...;
* a plural noun opens a list through an introducer: « des investisseurs tels que A, B et C », « ses marques,
  dont A », « les membres : A, B »;
* a parenthesis after a name belongs to it: « la Caisse régionale d'équipement (CRE) ».
"""

from __future__ import annotations

from kg.extract.context import DocContext
from kg.extract.cues import place_cues
from kg.extract.frames import Lexicon
from kg.extract.kinds import kind_of
from kg.extract.mentions.tokens import sector_acronym
from kg.extract.phrase_tables import first_words
from kg.model import Mention

MAX_DESCRIPTION = 7
LINKS = {"de", "d'", "du", "des"}
# Prepositions (words are folded: « à » is "a") that introduce a complement name.
PREPOSITIONS = {"de", "d'", "du", "des", "a", "au", "aux", "sur", "dans", "avec", "pour", "chez", "en", "par", "entre"}
# Words that end a clause: a list or a description never runs over them.
INTRO_STARTS = {"tel", "tels", "telle", "telles", "comme", "dont", "notamment", "parmi", "a", "en", "entre", "y", ":",
                "—", "–"}
CLAUSE_BREAKS = {";", "«", "»", '"', "“", "”", "!", "?", "."}


class Reader:
    """Readers over one document context and the shared lexicon."""

    def __init__(self, ctx: DocContext, lex: Lexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.tokens = ctx.tokens
        self.n = len(ctx.tokens)

    # ----- words -----
    def match(self, k: int, words: tuple[str, ...]) -> int:
        """The index after ``words`` when they are said at token ``k`` (form or lemma), else -1."""
        forms = self.ctx.forms
        if k + len(words) > self.n:
            return -1
        for j, w in enumerate(words):
            if w not in forms[k + j]:
                return -1
        return k + len(words)

    def match_any(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        if k >= self.n or first_words(phrases).isdisjoint(self.ctx.forms[k]):
            return -1  # (no phrase opens here: most tokens)
        for words in phrases:  # longest first
            end = self.match(k, words)
            if end > 0:
                return end
        return -1

    def is_description_noun(self, i: int) -> bool:
        """« société », « start-up », « fonds », « invest » (spaCy may tag the word as anything after « le »)."""
        if not (self.ctx.lemmas[i] in self.lex.description_nouns or self.ctx.words[i] in self.lex.description_nouns):
            return False
        pos = self.ctx.pos
        return pos[i] in {"NOUN", "PROPN", "ADJ", "X"} or (i > 0 and pos[i - 1] in {"DET", "ADJ"})

    def is_demonym(self, i: int) -> bool:
        return self.ctx.words[i] in place_cues().demonyms

    # ----- descriptions -----
    def skip_description(self, k: int, end: int) -> int:
        """The first token at or after ``k`` past a description of a name: determiners, adjectives, demonyms,
        description nouns and their « de N » complements (« la société de conseil », « le géant américain »)."""
        ctx = self.ctx
        i = k
        steps = 0
        after_noun = False
        if i < end and ctx.words[i] in LINKS and i + 1 < end and ctx.mention(i + 1) is None and \
                self.tokens[i + 1].pos_ in {"DET", "ADJ", "NOUN", "ADV"}:
            i += 1  # « pour de grandes marques comme X », « auprès d'investisseurs tels que X »
        while i < end and steps < MAX_DESCRIPTION and ctx.mention(i) is None:
            tok = self.tokens[i]
            word = ctx.words[i]
            if i > k and word in INTRO_STARTS and self.introducer(i, end) > 0:
                break  # « des investisseurs tels que A »: the list opens here
            if tok.pos_ == "DET" or word in self.lex.fillers or (tok.pos_ == "ADJ" and word not in LINKS) \
                    or tok.pos_ == "NUM" or word in {"-", "«", "“", "'"} or self.is_demonym(i):
                after_noun = after_noun or self.is_demonym(i)
            elif self.is_description_noun(i):
                after_noun = True
            elif (word in LINKS or word == "en") and after_noun and i + 1 < end and ctx.mention(i + 1) is None and (
                    (self.tokens[i + 1].pos_ in {"NOUN", "ADJ", "ADV", "X", "PROPN"} and (
                        self.tokens[i + 1].text.islower() or sector_acronym(self.tokens[i + 1]))) or (
                    self.tokens[i + 1].pos_ == "DET" and i + 2 < end and self.tokens[i + 2].pos_ == "NOUN")):
                # « la société de conseil X », « la société de marketing en ligne X »: the description's complement
                i += 1
                steps += 1
            elif tok.pos_ == "ADV" and word not in {"ne", "n'", "pas", "plus"} | self.lex.description_stops:
                pass
            elif after_noun and tok.pos_ == "NOUN" and tok.text.islower() and self.is_description_noun(i - 1) and \
                    i + 1 < end and ctx.mention(i + 1) is not None:
                pass  # « l'opérateur télécoms X »: a bare noun saying the trade
            elif after_noun and word in self.lex.naming_words and i + 1 < end and ctx.mention(i + 1) is not None:
                pass  # « une application baptisée X »
            elif after_noun and word == "," and i + 2 < end and ctx.words[i + 1] in self.lex.naming_words and \
                    ctx.mention(i + 2) is not None:
                pass  # « sa nouvelle plateforme, baptisée X »
            elif word in {"et", "ou"} and i > k and self.tokens[i - 1].pos_ == "ADJ" and i + 1 < end and \
                    self.tokens[i + 1].pos_ == "ADJ":
                pass  # « des groupes américains et chinois comme X »
            elif tok.pos_ == "NOUN" and tok.text.islower() and i > k and self.tokens[i - 1].pos_ == "DET" \
                    and self._names_next(i + 1, end):
                after_noun = True  # « la voilerie X », « le conserveur Y »: a trade noun no list knows, before a name
            else:
                break
            i += 1
            steps += 1
        return i

    def _names_next(self, i: int, end: int) -> bool:
        """A name that is no place at token ``i``, or after one or two adjectives or demonyms (« le conserveur breton
        X »; not « la zone Europe », a scope)."""
        for j in range(i, min(end, i + 3)):
            if (m := self.ctx.mention(j)) is not None:
                return kind_of(m) != "Place"
            if not (self.tokens[j].pos_ == "ADJ" or self.is_demonym(j)):
                return False
        return False

    def skip_description_back(self, k: int, start: int) -> int:
        """The first token of the description ending at ``k`` (exclusive), read backwards; ``k`` if none.
        « la plateforme de livraison de repas »: nouns and their « de » complements, if a description noun heads
        them."""
        ctx = self.ctx
        i = k - 1
        steps = 0
        last_good = k
        while i >= start and steps < MAX_DESCRIPTION + 2 and ctx.mention(i) is None:
            tok = self.tokens[i]
            word = ctx.words[i]
            if tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children):
                break  # « cette association compte 22 membres »: a verb the tagger read as a noun
            if self.is_description_noun(i) or self.is_demonym(i):
                last_good = i
            elif not (tok.pos_ in {"DET", "ADJ", "NUM", "NOUN", "ADV"} or word in self.lex.fillers or word in LINKS
                      or word == "-" or (word == "en" and i + 1 < k and self.tokens[i + 1].pos_ == "NOUN")):
                break
            elif tok.pos_ == "DET" and last_good <= i + 2:
                last_good = i
            i -= 1
            steps += 1
        return last_good if last_good < k else k

    def skip_relative(self, i: int, end: int) -> int:
        """Past « , qui en est le PDG, » or « , ancien chercheur, » between two names of a list (« A, qui …, et B »):
        the index of the comma that closes the clause when a separator and a name follow it, else ``i``."""
        ctx = self.ctx
        if not (i + 1 < end and ctx.words[i] == "," and (ctx.words[i + 1] in self.lex.relatives or
                                                          self.apposed_description(i + 1, end))):
            return i
        for j in range(i + 2, min(end, i + 14)):
            if ctx.words[j] == ",":
                if j + 2 < end and ctx.words[j + 1] in {"et", "ou"} and \
                        ctx.mention(self.skip_description(j + 2, end)) is not None:
                    return j + 1  # the separator after the clause is « et », not its comma
                return i
        return i

    def apposed_description(self, i: int, end: int) -> bool:
        """« A, ancien chercheur en hématologie, et B »: lower-case words (no name, no finite verb) up to a comma."""
        ctx = self.ctx
        if i >= end or ctx.tokens[i].pos_ not in {"NOUN", "ADJ"} or not ctx.tokens[i].text[:1].islower():
            return False
        for j in range(i, min(end, i + 12)):
            if ctx.words[j] == ",":
                return j > i
            tok = ctx.tokens[j]
            if ctx.mention(j) is not None or tok.pos_ in {"AUX", "PRON"} or (
                    tok.pos_ == "VERB" and "Part" not in ctx.verb_forms[j]):
                return False  # (« docteur en biologie appliquée à la santé »: a participle describes)
        return False

    def skip_parenthesis(self, i: int, end: int) -> int:
        """Past « (CRE) », « (groupe X) », « (Lyon) » right after a name."""
        if i < end and self.ctx.words[i] == "(":
            for j in range(i + 1, min(end, i + 12)):
                if self.ctx.words[j] == ")":
                    return j + 1
        return i

    def introducer(self, i: int, end: int) -> int:
        """The index after a list introducer at ``i`` (« tels que », « dont », « : », « parmi eux, »), else -1."""
        j = self.match_any(i, self.lex.introducers)
        if j > 0 and j <= end:
            return j + 1 if j + 1 < end and self.ctx.words[j] == "," and self.ctx.words[i] != ":" else j
        return -1

    def separator(self, i: int, end: int) -> tuple[int, str]:
        """The index after a list separator at ``i`` and the separator's first word, else (-1, "")."""
        if i >= self.n or first_words(self.lex.separators).isdisjoint(self.ctx.forms[i]):
            return -1, ""  # (no separator opens here: most tokens)
        for words in self.lex.separators:
            j = self.match(i, words)
            if 0 < j <= end:
                return j, words[0]
        return -1, ""

    # ----- lists of names -----
    def names_at(self, k: int, end: int | None = None, *, intro: bool = True) -> list[Mention]:
        """The list of names starting at token ``k`` (each possibly described), up to ``end``.

        A comma continues the list only if the list closes with « et » / « ou » (« avec Y, X annonce » names one
        partner, not two)."""
        ctx = self.ctx
        if k >= self.n:
            return []
        end = min(end if end is not None else ctx.sent_end[k], ctx.sent_end[k])
        found: list[Mention] = []
        seps: list[str] = []
        i = k
        opened = False
        while i < end:
            j = self.skip_description(i, end)
            if j < end and intro and not found and j > i and self.tokens[j - 1].pos_ in {"NOUN", "ADJ"}:
                after = self.introducer(j, end) if j < end and ctx.words[j] != "de" else -1
                if after < 0 and j + 1 < end and ctx.words[j] == ",":
                    after = self.introducer(j + 1, end)
                if after > 0:  # « des investisseurs tels que A, B », « plusieurs marques, dont A »
                    opened = True
                    i = after
                    continue
            if found and j < end - 1 and self._classifier(i, j):
                j += 1  # « A, B, les motos C ainsi que les camions D et E »: a class noun before a later name
            m = ctx.mention(j) if j < end else None
            if m is None or m in found:
                break
            found.append(m)
            i = self.skip_relative(self.skip_parenthesis(ctx.bounds(m)[1], end), end)
            nxt, word = self.separator(i, end)
            if nxt < 0:
                break
            seps.append(word)
            i = nxt
        return _close_list(found, seps, opened)

    def range_at(self, k: int, end: int) -> list[Mention]:
        """« de A à B », « du groupe A au groupe B » at token ``k``: the two names that bound a list, else []."""
        ctx = self.ctx
        if k >= end or ctx.words[k] not in {"de", "d'", "du", "des"}:
            return []
        first = ctx.mention(self.skip_description(k + 1, end))
        if first is None:
            return []
        j = ctx.bounds(first)[1]
        if j >= end or ctx.words[j] not in {"a", "au", "aux"}:
            return []
        last = ctx.mention(self.skip_description(j + 1, end))
        return [first, last] if last is not None and last != first else []

    def _classifier(self, i: int, j: int) -> bool:
        """Token ``j`` is a lower-case common noun after a determiner (from ``i``) and right before a name."""
        ctx = self.ctx
        tok = self.tokens[j]
        return j > i and self.tokens[j - 1].pos_ == "DET" and tok.pos_ == "NOUN" and tok.text.isalpha() and \
            tok.text.islower() and ctx.mention(j) is None and ctx.mention(j + 1) is not None

    def names_before(self, k: int, start: int | None = None) -> list[Mention]:
        """The list of names ending right before token ``k`` (« X et la société Y » before a verb), in text order."""
        ctx = self.ctx
        if k <= 0:
            return []
        start = max(start if start is not None else ctx.sent_start[k - 1], ctx.sent_start[k - 1])
        found: list[Mention] = []
        seps: list[str] = []
        i = k - 1
        while i >= start:
            while i >= start and ctx.words[i] == ")":  # « A (B) »
                j = i
                while j > start and ctx.words[j] != "(":
                    j -= 1
                i = j - 1
            m = ctx.mention(i) if i >= start else None
            if m is None or m in found:
                break
            found.append(m)
            i = self.skip_description_back(ctx.bounds(m)[0], start) - 1
            if i < start:
                break
            word = ctx.words[i]
            if word in {",", "et", "ou", "&"}:
                seps.append(word)
                i -= 1
            elif i > start and ctx.words[i - 1] in {"et", "ou"} and word in {"de", "d'", "du", "des"}:
                seps.append(ctx.words[i - 1])
                i -= 2
            else:
                break
        found.reverse()
        seps.reverse()
        if len(found) > 1 and not any(s in {"et", "ou", "&"} for s in seps):
            return found[-1:]  # « Selon X, Y lance »: one subject
        return found

    def name_before(self, k: int, start: int | None = None) -> Mention | None:
        """The name a phrase at ``k`` stands in apposition to: « X, la société ... », « X (groupe ...) »."""
        ctx = self.ctx
        start = ctx.sent_start[k] if start is None else start
        i = self.skip_description_back(k, start) - 1
        if i >= start and ctx.words[i] in {",", "("}:
            i -= 1
        while i >= start and ctx.words[i] == ")":
            while i > start and ctx.words[i] != "(":
                i -= 1
            i -= 1
        return ctx.mention(i) if i >= start else None


    def copula_subject(self, k: int) -> Mention | None:
        """« X est en concurrence avec Y », « X était désormais en partenariat avec Y »: the name right before the
        copula that stands before token ``k`` (adverbs between them), for a phrase without a verb. A negated copula
        (« X n'est pas à l'origine de Y ») has none: it states nothing."""
        ctx = self.ctx
        j = k - 1
        while j > ctx.sent_start[k] and ctx.tokens[j].pos_ == "ADV":
            j -= 1
        if j < 1 or ctx.lemmas[j] != "etre" or ctx.pos[j] != "AUX" or ctx.words[j - 1] in {"ne", "n'"}:
            return None
        return ctx.mention(j - 1) if j - 1 >= ctx.sent_start[k] else None


def _close_list(found: list[Mention], seps: list[str], opened: bool) -> list[Mention]:
    """Drop the names after the last comma when the list does not go on with a conjunction: « avec Y, X annonce »
    names one partner, « A, B et plusieurs marques » three members (the last one unnamed)."""
    if len(found) <= 1 or opened:
        return found
    last_conj = max((i for i, s in enumerate(seps) if s != ","), default=-1)
    if last_conj < 0:
        return found[:1]
    return found[: last_conj + 2]

