"""The words every frame shares (``ontology/frames/lexicon.toml``), and how a cue phrase is cut into words.

List separators, description nouns, support verbs, negation, modality, reference: one :class:`Lexicon`, read once
with the frames (:mod:`kg.extract.frames`), so every reader asks the same lists. :func:`words_of` cuts a phrase as
spaCy's French tokenizer cuts the text it will be matched against.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.extract.cues import fold


class FrameError(ValueError):
    """A frame file that cannot be used, with the file and the frame it concerns."""


@dataclass(frozen=True)
class Lexicon:
    """The words shared by every frame (``ontology/frames/lexicon.toml``), folded."""

    separators: tuple[tuple[str, ...], ...]
    introducers: tuple[tuple[str, ...], ...]
    trailing_introducers: tuple[tuple[str, ...], ...]
    parallel_subjects: tuple[tuple[str, ...], ...]
    parallel_agents: tuple[tuple[str, ...], ...]
    description_nouns: frozenset[str]
    fillers: frozenset[str]
    naming_words: frozenset[str]
    description_stops: frozenset[str]
    scope_places: frozenset[str]
    support_verbs: frozenset[str]
    adverbials: tuple[tuple[str, ...], ...]
    role_introducers: tuple[tuple[str, ...], ...]
    copulas: frozenset[str]
    appointment_verbs: frozenset[str]
    having_verbs: frozenset[str]
    owning_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    object_control: frozenset[str]
    succession_verbs: frozenset[str]
    leading_verbs: frozenset[str]
    modal_lemmas: frozenset[str]
    purposes: tuple[tuple[str, ...], ...]
    agreements: frozenset[str]
    carried_out: frozenset[str]
    negation_words: frozenset[str]
    hearsay: tuple[str, ...]
    hedges: frozenset[str]
    project_nouns: frozenset[str]
    past_words: frozenset[str]
    state_verbs: frozenset[str]
    past_phrases: tuple[str, ...]
    future_words: frozenset[str]
    definite_nouns: frozenset[str]
    kind_groups: dict[str, frozenset[int]]  # description noun -> the kind groups it belongs to
    family_words: frozenset[str]
    moving_nouns: frozenset[str]
    person_nouns: frozenset[str]
    determiners: frozenset[str]
    clause_breaks: frozenset[str]
    actor_nouns: frozenset[str]
    compatriots: frozenset[str]
    pronouns: frozenset[str]
    latter_words: frozenset[str]
    we_pronouns: frozenset[str]
    we_possessives: frozenset[str]
    possessives: frozenset[str]
    relatives: frozenset[str]
    money_words: frozenset[str]
    contract_nouns: frozenset[str]
    paid_words: tuple[str, ...]
    round_words: tuple[str, ...]
    joint_words: tuple[str, ...]
    agency_words: frozenset[str]
    given_lemmas: frozenset[str]
    share_nouns: frozenset[str]
    whole_nouns: frozenset[str]
    falls_lemmas: frozenset[str]
    office_qualifiers: frozenset[str]
    subdivision_nouns: frozenset[str]
    board_nouns: frozenset[str]



@cache
def words_of(phrase: str) -> tuple[str, ...]:
    """« s'emparer de » -> ("s'", "emparer", "de"), cut as spaCy's French tokenizer cuts the words of a text, so a
    phrase matches the tokens of a sentence that says it."""
    phrase = phrase.strip()
    elided = phrase.endswith(("'", "’"))  # « et d' »: cut as it is before a word
    words: list[str] = []
    glue = False
    for t in _tokenizer()(phrase + "X" if elided else phrase):
        if t.is_space:
            continue
        if glue or (t.text == "-" and words and not t.whitespace_ and not t.nbor(-1).whitespace_):
            words[-1] += fold(t.text)  # the pipeline makes one token of a hyphenated word (kg.nlp.merge_hyphens)
            glue = t.text == "-"
            continue
        words.append(fold(t.text))
    return tuple(words[:-1] if elided else words)


@cache
def _tokenizer():
    import spacy

    from kg.nlp import INFIXES

    nlp = spacy.blank("fr")
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *INFIXES]).finditer
    return nlp.tokenizer


def kind_groups(groups: list[list[str]]) -> dict[str, frozenset[int]]:
    """Each folded noun of the lexicon's ``kind_groups`` -> the numbers of the groups holding it."""
    out: dict[str, set[int]] = {}
    for n, group in enumerate(groups):
        for noun in group:
            out.setdefault(fold(noun), set()).add(n)
    return {noun: frozenset(ns) for noun, ns in out.items()}


def folded(values: Any) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


def phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    """Multi-word cues as word tuples, longest first (so the longest phrase that ends at a token wins)."""
    return tuple(sorted({words_of(v) for v in values}, key=len, reverse=True))


def read_lexicon(path: Path, text: bytes) -> Lexicon:
    try:
        d = tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FrameError(f"{path.name}: not valid TOML: {exc}") from exc
    from kg.extract.cues import entity_cues

    return Lexicon(
        separators=tuple(sorted({words_of(s) if s != "," else (",",) for s in d["lists"]["separators"]}, key=len,
                                reverse=True)),
        introducers=tuple(sorted({words_of(s) if len(s) > 1 else (s,) for s in d["lists"]["introducers"]}, key=len,
                                 reverse=True)),
        trailing_introducers=phrases(d["lists"].get("trailing", [])),
        parallel_subjects=phrases(d["lists"].get("parallel", [])),
        parallel_agents=tuple(words_of(s) for s in d["lists"].get("parallel_agents", [])),
        description_nouns=folded(d["descriptions"]["nouns"]) | frozenset(entity_cues().type_nouns),
        fillers=folded(d["descriptions"]["fillers"]),
        naming_words=folded(d["descriptions"]["naming"]),
        description_stops=folded(d["descriptions"]["stops"]),
        scope_places=frozenset(d["descriptions"].get("scope_places", [])),
        support_verbs=folded(d["verbs"]["support"]),
        adverbials=phrases(d["verbs"]["adverbials"]),
        role_introducers=phrases(d["verbs"]["role_introducers"]),
        copulas=folded(d["verbs"]["copulas"]),
        appointment_verbs=folded(d["verbs"]["appointment"]),
        having_verbs=folded(d["verbs"]["having"]),
        owning_verbs=folded(d["verbs"]["owning"]),
        joining_verbs=folded(d["verbs"]["joining"]),
        object_control=folded(d["verbs"]["object_control"]),
        succession_verbs=folded(d["verbs"]["succession"]),
        leading_verbs=folded(d["verbs"]["leading"]),
        modal_lemmas=folded(d["modality"]["modal_lemmas"]),
        purposes=phrases(d["modality"].get("purposes", [])),
        agreements=folded(d["modality"].get("agreements", [])),
        carried_out=folded(d["modality"].get("carried_out", [])),
        negation_words=folded(d["modality"]["negation_words"]),
        hearsay=tuple(fold(w) for w in d["modality"]["hearsay"]),
        hedges=folded(d["modality"]["hedges"]),
        project_nouns=folded(d["modality"]["project_nouns"]),
        past_words=folded(d["modality"]["past_words"]),
        state_verbs=folded(d["modality"]["state_verbs"]),
        past_phrases=tuple(fold(w) for w in d["modality"]["past_phrases"]),
        future_words=folded(d["modality"]["future_words"]),
        definite_nouns=folded(d["reference"]["definite_nouns"]),
        kind_groups=kind_groups(d["reference"]["kind_groups"]),
        family_words=folded(d["reference"]["family_words"]),
        moving_nouns=folded(d["modality"]["moving_nouns"]),
        person_nouns=folded(d["reference"]["person_nouns"]),
        determiners=folded(d["reference"]["determiners"]),
        clause_breaks=folded(d["reference"]["clause_breaks"]),
        actor_nouns=folded(d["reference"]["actor_nouns"]),
        compatriots=folded(d["reference"]["compatriots"]),
        pronouns=folded(d["reference"]["pronouns"]),
        latter_words=folded(d["reference"]["latter_words"]),
        we_pronouns=folded(d["reference"]["we_pronouns"]),
        we_possessives=folded(d["reference"]["we_possessives"]),
        possessives=folded(d["reference"]["possessives"]),
        relatives=folded(d["reference"]["relatives"]),
        money_words=folded(d["requirements"]["money_words"]),
        contract_nouns=folded(d["requirements"].get("contract_nouns", [])),
        paid_words=tuple(fold(w) for w in d["requirements"]["paid_words"]),
        round_words=tuple(fold(w) for w in d["requirements"]["round_words"]),
        joint_words=tuple(fold(w) for w in d["requirements"]["joint_words"]),
        agency_words=folded(d["requirements"]["agency_words"]),
        given_lemmas=folded(d["requirements"]["given_lemmas"]),
        share_nouns=folded(d["shares"]["nouns"]),
        whole_nouns=folded(d["shares"]["whole"]),
        falls_lemmas=folded(d["requirements"]["falls_lemmas"]),
        office_qualifiers=folded(d["requirements"]["office_qualifiers"]),
        subdivision_nouns=folded(d["requirements"]["subdivision_nouns"]),
        board_nouns=folded(d["requirements"]["board_nouns"]),
    )
