"""What is not a fact: negation, modality, hearsay, projects and failed deals, past and future roles.

A frame's trigger states a fact only when it is asserted. « X n'a pas racheté Y », « X pourrait racheter Y »,
« X envisage de racheter Y », « selon des rumeurs, X rachèterait Y », « le projet de rachat de Y » and « l'ancien PDG
de Y » state none. Each check returns the reason a trigger is not a fact (shown by ``kg try``), or "".
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import cast

from spacy.tokens import Token

from kg.extract.context import DocContext
from kg.extract.frames import Frame, Lexicon

NE = {"ne", "n'"}
BETWEEN_NOUNS = {"de", "d'", "du", "des", "le", "la", "l'", "un", "une", "a", "au", "aux", "son", "sa", "ses",
                 "leur", "leurs"}
GOVERNING_DEPS = {"xcomp", "ccomp", "csubj"}
NEAR_DEPS = {"advmod", "aux", "aux:tense", "aux:pass", "cop"}  # the dependents of a verb its negation may be on
YEAR_SPAN = re.compile(r" (?:de|entre) (?:19|20)\d\d (?:a|et) (?:19|20)\d\d ")  # folded words: « à » is « a »


def past_tense(ctx: DocContext, i: int, lex: Lexicon) -> str:
    """« X dirigeait Y » (imperfect), « X avait dirigé Y », « X avait été PDG de Y » (pluperfect of a verb of
    holding a role, lexicon [modality] state_verbs), token ``i`` being the verb: the role is over. « X avait
    rejoint Y en 2010 » is not: joining is an event, and X may be there still. The future is no past: « X prendra
    la tête de Y en janvier » is stated (the gold of the development corpus counts announced roles)."""
    tenses = ctx.tenses
    if "Imp" in tenses[i]:
        return "imperfect"
    tok = ctx.tokens[i]
    verb = tok.head if tok.dep_ in {"aux:pass", "cop", "aux:tense"} else tok
    if any(c.dep_ == "aux:tense" and "Imp" in tenses[c.i] for c in verb.children) and \
            {ctx.lemmas[i], ctx.lemmas[verb.i]} & lex.state_verbs:
        return "pluperfect"
    return ""


def _conditional(ctx: DocContext, tok: Token) -> bool:
    """The verb, or one of its auxiliaries, is in the conditional (« pourrait », « aurait racheté »)."""
    moods = ctx.moods
    if "Cnd" in moods[tok.i]:
        return True
    return any("Cnd" in moods[c.i] for c in tok.children if c.dep_.startswith("aux"))


def negated(ctx: DocContext, i: int, lex: Lexicon) -> bool:
    """« ne … pas / jamais / plus » around the verb at ``i`` (or its auxiliaries), « sans » or « aucun » before it."""
    start, end = ctx.sentence(i)
    lo = max(start, i - 5)
    at, heads = _ne_places(ctx)
    first = bisect.bisect_left(at, lo)
    if i in heads or (first < len(at) and at[first] < min(end, i + 3)):  # (a « ne » in reach: few verbs have one)
        near = {c.i for c in ctx.tokens[i].children if c.dep_ in NEAR_DEPS}
        window = set(range(lo, min(end, i + 3))) | near
        words = {ctx.words[k] for k in window}
        if words & NE and words & lex.negation_words:
            ne_at = min(k for k in window if ctx.words[k] in NE)
            return any(ctx.words[k] in lex.negation_words and k > ne_at for k in window)
    before = ctx.words[max(start, i - 2) : i]
    return "sans" in before or "aucun" in before or "aucune" in before or "non" in before


def _ne_places(ctx: DocContext) -> tuple[list[int], set[int]]:
    """Where the document says « ne » / « n' », and the tokens one hangs from as a near dependent (what
    :func:`negated` reads besides its window): found once per document, so a verb with no « ne » in reach, most,
    is not asked for its dependents."""
    found = cast("tuple[list[int], set[int]] | None", ctx.memo.get(("ne_places",)))
    if found is None:
        at = [k for k, w in enumerate(ctx.words) if w in NE]
        heads = {ctx.tokens[k].head.i for k in at if ctx.tokens[k].dep_ in NEAR_DEPS and ctx.tokens[k].head.i != k}
        found = ctx.memo[("ne_places",)] = (at, heads)
    return found


def _governors(tok: Token, depth: int = 3) -> list[Token]:
    out = []
    t = tok
    for _ in range(depth):
        if (t.dep_ not in GOVERNING_DEPS and not (t.dep_ == "obj" and t.pos_ == "VERB")) or t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def modal(ctx: DocContext, i: int, lex: Lexicon, frame: Frame | None = None) -> bool:
    """The verb at ``i`` is only possible, wished or planned: the conditional, or a modal or planning verb above it
    (« pourrait racheter », « envisage de racheter », « refuse de vendre »)."""
    tok = ctx.tokens[i]
    if _conditional(ctx, tok):
        return True
    for gov in _governors(tok):
        if _conditional(ctx, gov) or (ctx.lemmas[gov.i] in lex.modal_lemmas and not (frame and frame.allow_modal)):
            return True
        if negated(ctx, gov.i, lex):
            return True
    return False


def hearsay(ctx: DocContext, i: int, lex: Lexicon) -> bool:
    """The sentence reports a rumour or a denial (« selon des rumeurs », « dément »)."""
    start, end = ctx.sentence(i)
    key = ("hearsay", start)
    found = ctx.memo.get(key)
    if found is None:  # (asked at every trigger: once per sentence)
        text = f" {' '.join(ctx.words[start:end])} "
        found = ctx.memo[key] = _phrases_pattern(lex.hearsay).search(text) is not None
    return bool(found)


@lru_cache(maxsize=8)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of ``phrases`` as whole words in a text of space-separated words (padded with a
    space): one scan of the sentence instead of one per phrase."""
    if not phrases:
        return re.compile("(?!)")  # (matches nothing, as no phrase is found)
    return re.compile(" (?:" + "|".join(re.escape(p) for p in phrases) + ") ")


def hedged_noun(ctx: DocContext, i: int, lex: Lexicon) -> bool:
    """A deal noun that is only a project, a possibility or a failure: « le projet de rachat », « un éventuel
    rachat », « l'échec de l'acquisition »."""
    tok = ctx.tokens[i]
    if any(ctx.words[c.i] in lex.hedges for c in tok.children):
        return True
    start, _ = ctx.sentence(i)
    before = ctx.words[max(start, i - 3) : i]
    if any(w in lex.hedges for w in before):
        return True
    if tok.head.i != tok.i and ctx.lemmas[tok.head.i] in lex.project_nouns:
        return True
    k = i - 1  # « son projet de rachat de Y », « l'échec du rachat »: a project noun right before « de »
    while k >= start and ctx.words[k] in BETWEEN_NOUNS:  # (« a mis fin à son partenariat »)
        k -= 1
    return k >= start and k < i - 1 and ctx.lemmas[k] in lex.project_nouns


def governing_verb(ctx: DocContext, i: int) -> Token | None:
    """The verb a noun at ``i`` depends on (« a finalisé l'acquisition de Y » -> finalisé)."""
    t = ctx.tokens[i]
    for _ in range(3):
        if t.head.i == t.i:
            return t if t.pos_ in {"VERB", "AUX"} else None
        if t.dep_ in {"nsubj", "nsubj:pass"} and t.head.pos_ in {"VERB", "AUX"}:
            return t.head
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def verb_read_as_noun(ctx: DocContext, i: int, verbs: frozenset[str]) -> Token | None:
    """« cette association compte 22 membres »: the tagger read « compte » as a noun (no determiner: no « le
    compte »); the noun at ``i`` (or its quantity, « une dizaine de marques ») hangs from it. ``verbs``: the
    infinitives it may stand for."""
    t = ctx.tokens[i]
    for _ in range(2):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ == "NOUN" and not any(c.dep_ == "det" for c in t.children) and ctx.words[t.i] + "r" in verbs:
            return t
    return None


DEAL_PREDICATES = {"acquired", "investedIn", "partnersWith", "launched"}  # a project of one is not one


def _purpose(ctx: DocContext, a: int, lex: Lexicon) -> bool:
    """Whether a purpose phrase (« pour », « afin de ») stands before the infinitive starting at ``a``, past its
    clitics and adverbs (« pour s'en emparer », « afin de mieux racheter »)."""
    start, _ = ctx.sentence(a)
    k = a - 1
    while k >= start and (ctx.tokens[k].pos_ in {"PRON", "ADV"} and ctx.words[k] not in {"pas", "ne", "n'"}):
        k -= 1
    n = ctx.phrase_ending(k, lex.purposes) if k >= start else 0
    if not n:
        return False
    if k - n >= start and ctx.lemmas[k - n] in lex.carried_out:
        return False  # « X en profite pour dévoiler Y », whatever the parser hangs the verb from
    tok = ctx.tokens[a]
    above = (tok.head, tok.head.head) if tok.pos_ in {"VERB", "AUX"} else (tok.head,)
    # « a conclu un accord pour acquérir Y »: the agreement (the word above, or its object) is the deal;
    # « a profité du salon pour lancer Y »: the goal was carried out
    return not any(ctx.lemmas[g.i] in lex.agreements or ctx.lemmas[g.i] in lex.carried_out or any(
        c.dep_ == "obj" and ctx.lemmas[c.i] in lex.agreements for c in g.children) for g in above)


def _done(ctx: DocContext, noun: Token, frame: Frame, lex: Lexicon) -> bool:
    """Whether the act a noun or verb names (« le transfert », « déménager ») is stated as done: the verb it is or
    depends on is neither negated, modal, nor one of projecting (« étudie le transfert », « envisage de
    déménager »)."""
    if noun.pos_ in {"VERB", "AUX"} and (negated(ctx, noun.i, lex) or modal(ctx, noun.i, lex, frame)):
        return False
    gov = governing_verb(ctx, noun.i)
    return gov is None or not (negated(ctx, gov.i, lex) or modal(ctx, gov.i, lex, frame) or
                               ctx.lemmas[gov.i] in lex.modal_lemmas)


def not_stated(ctx: DocContext, frame: Frame, a: int, b: int, head: int, lex: Lexicon) -> str:
    """Why the trigger [a, b) of ``frame`` (its word at ``head``) states no fact, or "" when it does."""
    if hearsay(ctx, head, lex):
        return "hearsay"
    tok = ctx.tokens[head]
    if frame.kind == "verb" and tok.pos_ in {"VERB", "AUX"}:
        if negated(ctx, head, lex):
            return "negated"
        if modal(ctx, head, lex, frame):
            return "modal"
        if frame.predicate in DEAL_PREDICATES and "Inf" in ctx.verb_forms[head]:
            if hedged_noun(ctx, head, lex):
                return "project"  # « a le projet de racheter Y », « l'intention d'investir dans Y »
            if _purpose(ctx, a, lex):
                return "goal"  # « a proposé 2 milliards pour racheter Y »
    elif frame.kind == "verb":
        # a verbless phrase after its verb (« n'a pas nommé X à la tête de ») is as negated as that verb; a fronted
        # one (« Face à X, Y n'entend pas renoncer ») is not
        gov = governing_verb(ctx, head)
        if gov is not None and gov.i < a and negated(ctx, gov.i, lex):
            return "negated"
        if gov is not None and gov.i < a and modal(ctx, gov.i, lex, frame):
            return "modal"
    elif frame.kind in {"noun", "role"}:
        if frame.kind == "noun" and frame.predicate in DEAL_PREDICATES and hedged_noun(ctx, head, lex):
            return "project"
        if ctx.words[max(ctx.sentence(a)[0], a - 2) : a] in (["pas", "de"], ["pas", "d'"]):
            return "negated"  # « Pas d'alliance entre A et B », a headline with no verb
        h = tok.head
        copular = ctx.lemmas[h.i] == "etre" or any(c.dep_ == "cop" for c in h.children)
        if tok.dep_ in {"nsubj", "nsubj:pass"} and copular and negated(ctx, h.i, lex):
            return "negated"  # « dont le siège n'est pas à Lille », « le partenariat n'est pas exclusif … »
        mover = tok.head if ctx.lemmas[tok.head.i] in lex.moving_nouns else None  # « le transfert de son siège à Y »
        if frame.predicate == "basedIn" and mover is not None and not _done(ctx, mover, frame, lex):
            return "project"  # « étudie le transfert de son siège à Y »: not moved yet
        gov = governing_verb(ctx, head)
        if gov is not None and ctx.lemmas[gov.i] in dict(frame.status_verbs):
            return ""  # « Y a refusé l'offre de X »: an offer made, with its status
        if gov is not None and gov.pos_ == "VERB" and frame.kind == "noun" and frame.predicate != "basedIn":
            if tok.dep_ == "nsubj" and any(c.dep_ == "obj" and ctx.lemmas[c.i] in lex.project_nouns
                                           for c in gov.children):
                return "ended"  # « le partenariat a pris fin », « le rachat a connu un échec »
            if negated(ctx, gov.i, lex):
                return "negated"
            if modal(ctx, gov.i, lex, frame) or (ctx.lemmas[gov.i] in lex.modal_lemmas and not frame.allow_modal):
                return "modal"
    return ""


def past_or_future_role(ctx: DocContext, a: int, b: int, lex: Lexicon) -> str:
    """« l'ancien PDG de Y », « ex-directeur », « le futur président », « … jusqu'en 2020 »: "past" / "future"."""
    start, end = ctx.sentence(a)
    if ctx.words[a].startswith("ex-") or ctx.words[a] in {"ex"}:
        return "past"
    before = ctx.words[max(start, a - 3) : a]
    if any(w in lex.past_words for w in before):
        return "past"
    if any(w in lex.future_words for w in before):
        return "future"
    # « jusqu' en » is « jusqu'en »; « jusqu'à » ends a role in the past only before a date (« jusqu'à 2019 »), not in
    # « restera PDG jusqu'à la finalisation »
    window = " " + " ".join(ctx.words[a : min(end, b + 8)]).replace("' ", "'") + " "
    if YEAR_SPAN.search(window):  # « a dirigé Y de 2010 à 2018 », « entre 2015 et 2019 »: a span that ended
        return "past"
    for p in lex.past_phrases:
        at = window.find(f" {p} ") if p.startswith("jusqu") else -1
        if at >= 0 and (p == "jusqu'en" or any(c.isdigit() for c in window[at + len(p) + 2:].split(" ")[0])):
            return "past"
    return ""
