"""Finding the words that trigger frames: one index of every frame's trigger words, matched over kg's token forms.

Every trigger of every frame is a sequence of folded words matched against each token's *forms* (the folded word
and the folded lemma, :meth:`kg.extract.context.DocContext._forms`), so « a racheté », « rachètera » and « rachat »
match their lemma whatever the accents and case, and a phrase matches however it is inflected (« est entrée au
capital de » for « entrer au capital de »). One adverb may stand after the first word of a two-word phrase (« est
désormais à la tête de »); in a phrase of three words or more, up to three words that are not punctuation (« a pris
hier le contrôle de », « entrent à cette occasion au capital de »). A phrase opening with « se » / « s' » is
pronominal: the clitic may stand before an auxiliary (« s'est emparé de »), so it is checked apart from the phrase.
A negation is never skipped: « président non exécutif » is not « président exécutif ».

Why not spaCy's ``Matcher``: the forms are a set per token, which the ``Matcher`` can only test through a custom
extension attribute, and it evaluates every such predicate in Python for every token and every distinct trigger
word: measured, 53 of 59 seconds of a 30-document build (15 times the parse). An index from first word to phrases
does the same matching at the cost of one dictionary lookup per form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.extract.context import DocContext
from kg.extract.frames import Frame, FrameSet

REFLEXIVE = {"se", "s'"}
DATE_WORDS = {"depuis", "des", "en", "fin", "debut", "mi"}  # (folded) before a year in a two-word phrase's gap
MAX_GAP = 3  # words allowed between the first and the second word of a phrase of three words or more


@dataclass(frozen=True)
class Trigger:
    frame: Frame
    a: int  # first token
    b: int  # one past the last token
    head: int  # the token that carries the frame's meaning: the verb, the noun


class TriggerIndex:
    """All frames' triggers, indexed by their first word (built once per frame set)."""

    def __init__(self, frames: FrameSet) -> None:
        self.appointment_verbs = frames.lexicon.appointment_verbs
        self.adverbials = frames.lexicon.adverbials
        self.unskippable = frames.lexicon.negation_words | {"non", "ne", "n'"}
        self.by_first: dict[str, list[Phrase]] = defaultdict(list)
        for frame in frames.frames:
            for words in frame.triggers:
                reflexive = len(words) > 1 and words[0] in REFLEXIVE
                body = words[1:] if reflexive else words
                if body:
                    self.by_first[body[0]].append((frame, body, reflexive))
        # The phrases a token's forms may open, per set of forms: most tokens open none, and a text repeats its
        # words, so one lookup per token replaces a list made from each of its forms (cleared when large).
        self._opened: dict[frozenset[str], Opened | None] = {}

    def _opened_by(self, forms: frozenset[str]) -> Opened | None:
        found = self._opened.get(forms, False)
        if found is False:
            if len(self._opened) > 100_000:
                self._opened.clear()
            found = self._opened[forms] = Opened.of([c for f in forms for c in self.by_first.get(f, ())])
        return found

    def _seconds(self, cols: Columns, a: int, long: bool) -> tuple[int, ...]:
        """Where the second word of a phrase whose first word is token ``a`` may stand: right after it, or past the
        words a gap may hold (any word but punctuation in a long phrase, one adverb in a two-word phrase). A
        negation is never skipped, nor another verb's infinitive (« a convaincu Y de transférer son siège à » is
        no « avoir son siège à »). The same for every phrase starting at ``a``: made once per token by :meth:`find`."""
        words, pos, punct, verb_forms = cols
        n = len(words)
        out = []
        for k in range(a + 1, min(a + 1 + (MAX_GAP + 1 if long else 2), n)):
            out.append(k)
            if (punct[k] if long else pos[k] != "ADV") or words[k] in self.unskippable or "Inf" in verb_forms[k]:
                break
        if not long and a + 3 < n and words[a + 1] in DATE_WORDS and pos[a + 2] == "NUM":
            out.append(a + 3)  # « appartient depuis 2019 au groupe Y »: a date counts as the one adverb
        return tuple(out)

    def _ends(self, ctx: DocContext, cols: Columns, a: int, opened: Opened) -> Iterator[tuple[Phrase, int]]:
        """Each phrase ``opened`` at token ``a`` with where it ends: one word long, or its second word at one of the
        places :meth:`_seconds` allows (several ends when gaps allow), its phrases looked up by the forms found
        there (« est » opens 35 phrases: each was matched at each place)."""
        for phrase in opened.single:
            yield phrase, a + 1
        forms = ctx.forms
        for long, by_second in ((False, opened.short), (True, opened.long)):
            if not by_second:
                continue
            for k in self._seconds(cols, a, long):
                for form in forms[k]:
                    for phrase in by_second.get(form, ()):
                        end = _rest_end(forms, cols[1], k, phrase[1])
                        if end is not None:
                            yield phrase, end

    def _appointee_in_gap(self, ctx: DocContext, a: int, b: int, body: tuple[str, ...], named: list[int]) -> bool:
        """« a nommé X à la tête de Y »: the name of whom an appointment verb appoints may stand in the phrase's gap
        (the engine reads it as the agent: :func:`appointee`)."""
        return body[0] in self.appointment_verbs and all(a < k < b - len(body) + 1 for k in named)

    def find(self, ctx: DocContext) -> list[Trigger]:
        found: dict[tuple[str, int], Trigger] = {}
        by_token, texts, known = ctx.by_token, ctx.texts, self._opened
        cols = (ctx.words, ctx.pos, ctx.punct, ctx.verb_forms)  # (read once per document, not at every opener)
        for a, forms in enumerate(ctx.forms):
            if texts[a].startswith("#") and len(texts[a]) > 1:
                forms = forms | {"#"}
            opened = known.get(forms, False)  # (the lookup of _opened_by, without its call: most tokens open none)
            if opened is False:
                opened = self._opened_by(forms)
            if opened is None:
                continue
            named_until: dict[int, list[int]] = {}  # the names in tokens [a, b) for each end b: triggers share ends
            for (frame, body, reflexive), b in self._ends(ctx, cols, a, opened):
                named = named_until.get(b)
                if named is None:
                    named = named_until[b] = [k for k in range(a, b) if k in by_token
                                              and not texts[k].startswith("#")]
                if named and frame.kind != "role" and not self._appointee_in_gap(ctx, a, b, body, named):
                    continue  # a word inside a name (« Groupe Rachat ») triggers nothing
                if frame.kind == "role" and (ctx.mention(a) is not None or (
                        ctx.pos[a] == "VERB" and "Part" in ctx.verb_forms[a] and not _title_at(ctx, a))):
                    continue  # (« a désigné X »: a participle whose lemma folds to a role noun, « designer »)
                if reflexive and not _has_reflexive(ctx, a, self.adverbials):
                    continue
                key = (frame.id, a)
                old = found.get(key)
                if old is None or b - a > old.b - old.a:
                    found[key] = Trigger(frame, a, b, _head(ctx, frame, a, b))
        return sorted(found.values(), key=lambda t: (t.a, t.b, t.frame.id))


def _rest_end(forms: list[frozenset[str]], pos: list[str], k: int, body: tuple[str, ...]) -> int | None:
    """Where a phrase whose second word is token ``k`` ends, its other words following in order; one adjective may
    stand after a noun of it (« en concurrence frontale avec », « en partenariat exclusif avec »). None when
    they do not follow."""
    j, n, skipped = k, len(forms), False
    for word in body[2:]:
        j += 1
        if j < n and word in forms[j]:
            continue
        if skipped or j + 1 >= n or pos[j] != "ADJ" or pos[j - 1] != "NOUN" or word not in forms[j + 1]:
            return None
        j, skipped = j + 1, True
    return j + 1


Phrase = tuple[Frame, tuple[str, ...], bool]  # a frame, the words of one of its triggers, whether pronominal
Columns = tuple[list[str], list[str], list[bool], list[str]]  # words, parts of speech, punctuation, verb forms


@dataclass(frozen=True)
class Opened:
    """The phrases a token may open, by length: one word, two words (by their second word), more (likewise)."""

    single: tuple[Phrase, ...]
    short: dict[str, list[Phrase]]
    long: dict[str, list[Phrase]]

    @staticmethod
    def of(phrases: list[Phrase]) -> Opened | None:
        if not phrases:
            return None
        short: dict[str, list[Phrase]] = defaultdict(list)
        long: dict[str, list[Phrase]] = defaultdict(list)
        for p in phrases:
            if len(p[1]) > 1:
                (long if len(p[1]) > 2 else short)[p[1][1]].append(p)
        return Opened(tuple(p for p in phrases if len(p[1]) == 1), dict(short), dict(long))


def appointee(ctx: DocContext, t: Trigger) -> list:
    """The names inside a trigger's gap (« a nommé X à la tête de Y »: X), in text order."""
    names = [ctx.mention(k) for k in range(t.a + 1, t.b)]
    return list(dict.fromkeys(m for m in names if m is not None))


def _title_at(ctx: DocContext, a: int) -> bool:
    """« X, associé chez Y », « X, associée de Y »: a participle tagged as a verb is a title when « chez » or « au
    sein de » follows it (an organisation's place, not a verb's complement), or « de » when it stands in apposition
    right after a name (« a associé X » has no comma)."""
    if a + 2 >= len(ctx.words):
        return False
    apposed = a >= 2 and ctx.words[a - 1] == "," and ctx.mention(a - 2) is not None \
        and ctx.words[a + 1] in {"de", "d'", "du", "des"}
    return apposed or ctx.words[a + 1] == "chez" or ctx.words[a + 1 : a + 3] == ["au", "sein"]


def _has_reflexive(ctx: DocContext, a: int, adverbials: tuple[tuple[str, ...], ...] = ()) -> bool:
    """« s'est emparé », « se sont associés », « s'associe », « nous nous sommes associés », « s'était en revanche
    offert » (an adverbial phrase of the lexicon counts as one adverb)."""
    start, _ = ctx.sentence(a)
    k, seen = a - 1, 0
    while k > start - 1 and seen < 3:
        if ctx.words[k] in REFLEXIVE or (ctx.words[k] in {"nous", "vous"} and k > start and
                                         ctx.words[k - 1] in {"nous", "vous"}):
            return True
        skip = ctx.phrase_ending(k, adverbials)
        if skip:
            k, seen = k - skip, seen + 1
            continue
        if ctx.pos[k] not in {"AUX", "ADV", "PRON"}:
            return False
        k, seen = k - 1, seen + 1
    return any(c.dep_.startswith("expl") and ctx.words[c.i] in REFLEXIVE for c in ctx.tokens[a].children)


def _head(ctx: DocContext, frame: Frame, a: int, b: int) -> int:
    if frame.kind == "verb":
        for k in range(a, b):
            if ctx.pos[k] in {"VERB", "AUX"}:
                return k
        if ctx.pos[a] == "ADJ":
            return a
    if frame.kind == "noun":
        for k in range(a, b):
            if ctx.pos[k] in {"NOUN", "PROPN"}:
                return k
    return a


@cache
def trigger_index(frames: FrameSet) -> TriggerIndex:
    return TriggerIndex(frames)
