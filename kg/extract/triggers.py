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
from dataclasses import dataclass
from functools import cache

from kg.extract.context import DocContext
from kg.extract.frames import Frame, FrameSet

REFLEXIVE = {"se", "s'"}
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
        self.by_first: dict[str, list[tuple[Frame, tuple[str, ...], bool]]] = defaultdict(list)
        for frame in frames.frames:
            for words in frame.triggers:
                reflexive = len(words) > 1 and words[0] in REFLEXIVE
                body = words[1:] if reflexive else words
                if body:
                    self.by_first[body[0]].append((frame, body, reflexive))

    def _ends(self, ctx: DocContext, a: int, body: tuple[str, ...]) -> list[int]:
        """Where ``body`` ends when its first word is token ``a`` (several ends when gaps allow them)."""
        if len(body) == 1:
            return [a + 1]
        forms, tokens, n = ctx.forms, ctx.tokens, len(ctx.tokens)
        long = len(body) > 2
        ends = []
        for gap in range(MAX_GAP + 1 if long else 2):
            k = a + 1 + gap  # where the second word would stand
            if k + len(body) - 2 >= n:
                break
            if body[1] in forms[k] and all(body[m] in forms[k + m - 1] for m in range(2, len(body))):
                ends.append(k + len(body) - 1)
            if (long and tokens[k].is_punct) or (not long and tokens[k].pos_ != "ADV") or \
                    ctx.words[k] in self.unskippable or "Inf" in tokens[k].morph.get("VerbForm"):
                break  # token k cannot be skipped to reach a later second word (nor another verb's infinitive:
                # « a convaincu Y de transférer son siège à » is no « avoir son siège à »)
        return ends

    def _appointee_in_gap(self, ctx: DocContext, a: int, b: int, body: tuple[str, ...], named: list[int]) -> bool:
        """« a nommé X à la tête de Y »: the name of whom an appointment verb appoints may stand in the phrase's gap
        (the engine reads it as the agent: :func:`appointee`)."""
        return body[0] in self.appointment_verbs and all(a < k < b - len(body) + 1 for k in named)

    def find(self, ctx: DocContext) -> list[Trigger]:
        found: dict[tuple[str, int], Trigger] = {}
        by_first, by_token, texts = self.by_first, ctx.by_token, ctx.texts
        for a, forms in enumerate(ctx.forms):
            candidates = [c for f in forms for c in by_first.get(f, ())]
            if texts[a].startswith("#") and len(texts[a]) > 1:
                candidates += by_first.get("#", [])
            named_until: dict[int, list[int]] = {}  # the names in tokens [a, b) for each end b: triggers share ends
            for frame, body, reflexive in candidates:
                for b in (a + 1,) if len(body) == 1 else self._ends(ctx, a, body):  # (most triggers are one word)
                    named = named_until.get(b)
                    if named is None:
                        named = named_until[b] = [k for k in range(a, b) if k in by_token
                                                  and not texts[k].startswith("#")]
                    if named and frame.kind != "role" and not self._appointee_in_gap(ctx, a, b, body, named):
                        continue  # a word inside a name (« Groupe Rachat ») triggers nothing
                    if frame.kind == "role" and (ctx.mention(a) is not None or (
                            ctx.tokens[a].pos_ == "VERB" and "Part" in ctx.tokens[a].morph.get("VerbForm"))):
                        continue  # (« a désigné X »: a participle whose lemma folds to a role noun, « designer »)
                    if reflexive and not _has_reflexive(ctx, a, self.adverbials):
                        continue
                    key = (frame.id, a)
                    old = found.get(key)
                    if old is None or b - a > old.b - old.a:
                        found[key] = Trigger(frame, a, b, _head(ctx, frame, a, b))
        return sorted(found.values(), key=lambda t: (t.a, t.b, t.frame.id))


def appointee(ctx: DocContext, t: Trigger) -> list:
    """The names inside a trigger's gap (« a nommé X à la tête de Y »: X), in text order."""
    names = [ctx.mention(k) for k in range(t.a + 1, t.b)]
    return list(dict.fromkeys(m for m in names if m is not None))


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
        if ctx.tokens[k].pos_ not in {"AUX", "ADV", "PRON"}:
            return False
        k, seen = k - 1, seen + 1
    return any(c.dep_.startswith("expl") and ctx.words[c.i] in REFLEXIVE for c in ctx.tokens[a].children)


def _head(ctx: DocContext, frame: Frame, a: int, b: int) -> int:
    if frame.kind == "verb":
        for k in range(a, b):
            if ctx.tokens[k].pos_ in {"VERB", "AUX"}:
                return k
        if ctx.tokens[a].pos_ == "ADJ":
            return a
    if frame.kind == "noun":
        for k in range(a, b):
            if ctx.tokens[k].pos_ in {"NOUN", "PROPN"}:
                return k
    return a


@cache
def trigger_index(frames: FrameSet) -> TriggerIndex:
    return TriggerIndex(frames)
