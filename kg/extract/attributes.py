"""The attributes a fact node carries beyond its two ends: the amount, currency and date its sentence gives, and an
offer's status from the verb that answers it (« Y a rejeté l'offre de X » -> declined).

A deal, offer or funding frame names its fact kind (``fact = "Deal"``); :func:`fact_attributes` reads them off the
sentence of the trigger, taking the amount nearest to it.
"""

from __future__ import annotations

from kg.extract.amounts import find_amounts, find_date
from kg.extract.context import DocContext
from kg.extract.frames import Frame
from kg.extract.modality import governing_verb


def fact_attributes(ctx: DocContext, frame: Frame, a: int) -> list[tuple[str, str]]:
    """The amount, currency and date of a deal, offer or funding sentence, and an offer's status."""
    if not frame.fact:
        return []
    start, end = ctx.sentence(a)
    s_char = ctx.tokens[start].idx
    text = ctx.doc.text[ctx.offset + s_char : ctx.offset + ctx.tokens[end - 1].idx + len(ctx.tokens[end - 1].text)]
    attrs: list[tuple[str, str]] = [("date", find_date(text))]
    amounts = find_amounts(text)
    if amounts:
        cue = ctx.tokens[a].idx - s_char
        amount = min(amounts, key=lambda x: abs(x.start - cue))
        attrs += [("amount", str(amount.value)), ("currency", amount.currency)]
        if amount.max_value is not None:
            attrs.append(("maxAmount", str(amount.max_value)))
    status = offer_status(ctx, frame, a)
    if status:
        attrs.append(("status", status))
    if len(attrs) > 1 or attrs[0][1]:
        attrs.append(("fact", frame.fact))
    return attrs


def offer_status(ctx: DocContext, frame: Frame, a: int) -> str:
    """The status the verb answering an offer gives it (the frame's ``status_verbs``), or ""."""
    if not frame.status_verbs:
        return ""
    verbs = dict(frame.status_verbs)
    gov = governing_verb(ctx, a)
    if gov is not None and ctx.lemmas[gov.i] in verbs:
        return verbs[ctx.lemmas[gov.i]]
    start, _ = ctx.sentence(a)
    for k in range(a - 1, max(start - 1, a - 6), -1):
        if ctx.lemmas[k] in verbs:
            return verbs[ctx.lemmas[k]]
    return ""
