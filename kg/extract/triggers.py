"""Finding the words that trigger frames, with spaCy's ``Matcher``.

Every trigger of every frame is one Matcher pattern over a token attribute of kg's own, ``kg_forms``: the folded
word and the folded lemma of each token, so « a racheté », « rachètera » and « rachat » match their lemma whatever
the accents and case, and a phrase matches however it is inflected (« est entrée au capital de » for « entrer au
capital de »). One adverb may stand after the first word (« a pris hier le contrôle de », « est désormais à la tête
de »). A phrase opening with « se » / « s' » is pronominal: the clitic may stand before an auxiliary (« s'est
emparé de »), so it is checked apart from the pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from kg.extract.context import DocContext
from kg.extract.frames import Frame, FrameSet

REFLEXIVE = {"se", "s'"}
if not Token.has_extension("kg_forms"):
    Token.set_extension("kg_forms", default=None)


@dataclass(frozen=True)
class Trigger:
    frame: Frame
    a: int  # first token
    b: int  # one past the last token
    head: int  # the token that carries the frame's meaning: the verb, the noun


def _pattern(words: tuple[str, ...]) -> list[dict]:
    """One word after another; after the first, one adverb (« a pris hier le contrôle de »), or, in a phrase of three
    words or more, up to three words that are not punctuation (« entrent à cette occasion au capital de »)."""
    pattern: list[dict] = []
    for i, w in enumerate(words):
        pattern.append({"_": {"kg_forms": {"INTERSECTS": [w]}}})
        if i == 0 and len(words) > 2:
            pattern += [{"IS_PUNCT": False, "OP": "?"}] * 3
        elif i == 0 and len(words) > 1:
            pattern.append({"POS": "ADV", "OP": "?"})
    return pattern


class TriggerIndex:
    """All frames' triggers compiled into one Matcher (built once per vocabulary and frame set)."""

    def __init__(self, vocab: Vocab, frames: FrameSet) -> None:
        self.matcher = Matcher(vocab)
        self.keys: dict[int, tuple[Frame, tuple[str, ...], bool]] = {}
        for frame in frames.frames:
            for n, words in enumerate(frame.triggers):
                reflexive = len(words) > 1 and words[0] in REFLEXIVE
                body = words[1:] if reflexive else words
                key = f"{frame.id}#{n}"
                self.matcher.add(key, [_pattern(body)], greedy="LONGEST")
                self.keys[vocab.strings[key]] = (frame, body, reflexive)

    def find(self, ctx: DocContext) -> list[Trigger]:
        doc = ctx.parsed
        for tok, forms in zip(ctx.tokens, ctx.forms, strict=False):
            tok._.kg_forms = [*forms, "#"] if tok.text.startswith("#") and len(tok.text) > 1 else list(forms)
        found: dict[tuple[str, int], Trigger] = {}
        for match_id, a, b in self.matcher(doc):
            frame, _body, reflexive = self.keys[match_id]
            if any(ctx.mention(k) is not None and not ctx.tokens[k].text.startswith("#") for k in range(a, b)) \
                    and frame.kind != "role":
                continue  # a word inside a name (« Groupe Rachat ») triggers nothing
            if frame.kind == "role" and ctx.mention(a) is not None:
                continue
            if reflexive and not _has_reflexive(ctx, a):
                continue
            head = _head(ctx, frame, a, b)
            key = (frame.id, a)
            old = found.get(key)
            if old is None or b - a > old.b - old.a:
                found[key] = Trigger(frame, a, b, head)
        return sorted(found.values(), key=lambda t: (t.a, t.b, t.frame.id))


def _has_reflexive(ctx: DocContext, a: int) -> bool:
    """« s'est emparé », « se sont associés », « s'associe », « nous nous sommes associés »."""
    start, _ = ctx.sentence(a)
    for k in range(a - 1, max(start - 1, a - 4), -1):
        if ctx.words[k] in REFLEXIVE or (ctx.words[k] in {"nous", "vous"} and k > start and
                                         ctx.words[k - 1] in {"nous", "vous"}):
            return True
        if ctx.tokens[k].pos_ not in {"AUX", "ADV", "PRON"}:
            return False
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
def trigger_index(vocab: Vocab, frames: FrameSet) -> TriggerIndex:
    return TriggerIndex(vocab, frames)
