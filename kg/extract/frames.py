"""Predicate frames: what French says for each predicate of the vocabulary, read from ``ontology/frames/*.toml``.

A frame is data: its trigger words (lemmas or multi-word phrases), the kind of trigger (a verb, a noun, a role noun,
a demonym), and for each side of the fact the *slots* where the engine (:mod:`kg.extract.engine`) looks for it.
Keeping frames in data means a linguist adds « mettre la main sur » without touching Python, and a user adds their
own with ``kg build --frames my-frames.toml``. ``lexicon.toml`` in the same folder holds the words every frame
shares (list separators, description nouns, support verbs, negation, modality, reference), read by
:mod:`kg.extract.lexicon`.

Loading validates everything up front, so a typo in a frame file is one clear error, not a silent miss.
"""

from __future__ import annotations

import hashlib
import time
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kg.extract.cues import fold
from kg.extract.lexicon import FrameError, Lexicon, folded, read_lexicon, words_of
from kg.ontology import ontology_dir, toml_files, user_frame_files
from kg.vocab import RELATION_PREDICATES

KINDS = ("verb", "noun", "role", "demonym", "affiliation", "branch_name", "seat")
SLOTS = {
    "verb": {"agent", "patient", "clause_subject", "topic", "patient_of", "share_of", "topic_data", "between",
             "companions", "possessor_within"},
    "noun": {"of", "by", "support", "possessor", "between", "clause_subject", "topic", "verb_object", "line_head",
             "recipient", "whose", "status_target", "led_by", "joined_by"},
    "role": {"holder", "relatum", "round_topic"},
    "demonym": {"holder", "place"},
    "affiliation": {"name", "parenthesis"},
    "seat": {"holder", "place"},
    "branch_name": {"branch", "parent"},
}
ENTITY_TYPES = {"Organization", "Person", "Place", "Product", "Event", "CreativeWork"}
# Conditions a frame may require of its sentence or trigger (checked by the engine).
REQUIREMENTS = {"money", "passive", "given", "share", "no_share", "agency", "relatum_explicit", "joint", "paid",
                "data_object", "no_object_noun", "no_complement",
                "collective_object", "part", "after_round", "not_contract"}




@dataclass(frozen=True)
class Frame:
    """One way of stating one predicate."""

    id: str
    predicate: str
    kind: str
    triggers: tuple[tuple[str, ...], ...]  # folded word sequences; a leading "se" asks for a pronominal verb
    subject: tuple[str, ...]  # slots, in order of preference
    object: tuple[str, ...]
    subject_types: frozenset[str]
    object_types: frozenset[str]
    confidence: float
    symmetric: bool = False
    fact: str = ""  # a fact node kind for the evidence attributes (Deal, FundingRound, AcquisitionOffer)
    object_nouns: frozenset[str] = frozenset()  # for patient_of: the noun the names are complements of
    requires: frozenset[str] = frozenset()
    deputy: tuple[tuple[str, ...], ...] = ()  # words that demote a role ("adjoint")
    deputy_predicate: str = ""
    status_verbs: tuple[tuple[str, str], ...] = ()  # verb lemma -> status of an offer
    allow_modal: bool = False
    of_place: bool = False
    gather: frozenset[str] = frozenset()  # sides ("subject", "object") whose slots all contribute, not the first
    source: str = ""  # the file it was read from



@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one compiled Matcher per frame set
class FrameSet:
    frames: tuple[Frame, ...]
    lexicon: Lexicon
    by_id: dict[str, Frame] = field(default_factory=dict)


@cache
def role_words(frames: FrameSet, person_only: bool = False) -> frozenset[str]:
    """The one-word role nouns of the frames (« directrice », « cofondateur »); with ``person_only``, those whose
    holder is a person (« président », « pdg »)."""
    return frozenset(words[0] for f in frames.frames if f.kind == "role" and (not person_only or (
        f.subject[:1] == ("holder",) and f.subject_types == frozenset({"Person"}))) for words in f.triggers
        if len(words) == 1)




def _check_slots(where: str, kind: str, slots: list[str]) -> tuple[str, ...]:
    for slot in slots:
        if slot.startswith("prep:") and kind in {"verb", "noun"}:
            continue
        if slot in {"place_adjective", "place_before"} and kind == "noun":
            continue
        if slot not in SLOTS[kind]:
            allowed = ", ".join(sorted(SLOTS[kind] | ({"prep:<word>"} if kind in {"verb", "noun"} else set())))
            raise FrameError(f"{where}: unknown slot {slot!r} for a {kind} frame (use one of: {allowed})")
    return tuple(slots)


def _types(where: str, values: list[str], default: set[str]) -> frozenset[str]:
    bad = [v for v in values if v not in ENTITY_TYPES]
    if bad:
        raise FrameError(f"{where}: unknown entity type {bad[0]!r} (use {', '.join(sorted(ENTITY_TYPES))})")
    return frozenset(values or default)


def _sides(where: str, values: list[str]) -> frozenset[str]:
    bad = [v for v in values if v not in {"subject", "object"}]
    if bad:
        raise FrameError(f"{where}: gather takes \"subject\" or \"object\", not {bad[0]!r}")
    return frozenset(values)


def agreed_forms(phrase: str) -> list[str]:
    """A phrase and its forms with a participle in « -é » agreed in gender and number: « être intégré au » also
    matches « est intégrée au », « sont intégrés au » (a participle is matched as written, not by its lemma)."""
    words = phrase.split(" ")
    if len(words) < 2 or not any(w.endswith("é") for w in words):
        return [phrase]
    return [phrase] + [" ".join(w + ending if w.endswith("é") else w for w in words) for ending in ("e", "s", "es")]


def parse_frame(raw: dict[str, Any], source: str) -> Frame:
    """One ``[[frame]]`` table as a :class:`Frame`; raises :class:`FrameError` naming the file and frame."""
    fid = raw.get("id")
    where = f"{source}: frame {fid!r}" if fid else f"{source}: a frame without id"
    if not fid:
        raise FrameError(f"{where}: every frame needs an id (it is the rule of the facts it makes)")
    known = {"id", "predicate", "kind", "lemmas", "phrases", "nouns", "subject", "object", "subject_types",
             "object_types", "confidence", "symmetric", "fact", "object_nouns", "requires", "deputy",
             "deputy_predicate", "status_verbs", "allow_modal", "of_place", "gather"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise FrameError(f"{where}: unknown field {unknown[0]!r}")
    predicate = raw.get("predicate", "")
    if predicate not in RELATION_PREDICATES:
        known = ", ".join(RELATION_PREDICATES)
        raise FrameError(f"{where}: predicate {predicate!r} is not in the vocabulary ({known})")
    kind = raw.get("kind", "")
    if kind not in KINDS:
        raise FrameError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    phrases = [form for p in raw.get("phrases", []) for form in agreed_forms(p)]
    triggers = tuple(dict.fromkeys(words_of(w) for w in [*raw.get("lemmas", []), *phrases, *raw.get("nouns", [])]))
    if not triggers and kind not in {"demonym", "affiliation", "branch_name", "seat"}:
        raise FrameError(f"{where}: no trigger (give lemmas, phrases or nouns)")
    requires = frozenset(raw.get("requires", []))
    if requires - REQUIREMENTS:
        raise FrameError(f"{where}: unknown requirement {sorted(requires - REQUIREMENTS)[0]!r}")
    confidence = raw.get("confidence", 0.7)
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise FrameError(f"{where}: confidence must be a number in (0, 1]")
    deputy_predicate = raw.get("deputy_predicate", "")
    if deputy_predicate and deputy_predicate not in RELATION_PREDICATES:
        raise FrameError(f"{where}: deputy_predicate {deputy_predicate!r} is not in the vocabulary")
    default_types = {"Organization"}
    return Frame(
        id=fid,
        predicate=predicate,
        kind=kind,
        triggers=triggers,
        subject=_check_slots(where, kind, raw.get("subject", [])),
        object=_check_slots(where, kind, raw.get("object", [])),
        subject_types=_types(where, raw.get("subject_types", []), default_types),
        object_types=_types(where, raw.get("object_types", []), default_types),
        confidence=float(confidence),
        symmetric=bool(raw.get("symmetric", False)),
        fact=raw.get("fact", ""),
        object_nouns=folded(raw.get("object_nouns", [])),
        requires=requires,
        deputy=tuple(words_of(w) for w in raw.get("deputy", [])),
        deputy_predicate=deputy_predicate,
        status_verbs=tuple(sorted((fold(k), v) for k, v in raw.get("status_verbs", {}).items())),
        allow_modal=bool(raw.get("allow_modal", False)),
        of_place=bool(raw.get("of_place", False)),
        gather=_sides(where, raw.get("gather", [])),
        source=source,
    )


def read_frame_file(path: Path) -> list[Frame]:
    """The frames of one TOML file (``[[frame]]`` tables)."""
    return _frames_of(path, _read(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FrameError(f"{path}: cannot read frame file: {exc.strerror or exc}") from exc


def _frames_of(path: Path, text: bytes) -> list[Frame]:
    try:
        data = tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FrameError(f"{path}: not valid TOML: {exc}") from exc
    if not isinstance(data.get("frame", []), list):
        raise FrameError(f"{path}: frames are [[frame]] tables")
    return [parse_frame(raw, path.name) for raw in data.get("frame", [])]


def load_frames(extra: tuple[str, ...] | None = None) -> FrameSet:
    """Every built-in frame, then the user's (``extra``, else ``$KG_USER_FRAMES``).

    A user frame with the id of a built-in one replaces it (that is how a user changes a built-in frame without
    touching ``ontology/``); an id given twice among the user's files, or twice in one built-in file set, is an
    error naming the file(s) and the id, since only one of the two could be the rule of a fact.

    The result is cached on the content of every file read (``lexicon.toml`` included), not on their names: a frame
    file edited between two builds in one process (a notebook) is read again, and an unchanged set of files gives the
    same :class:`FrameSet` object, so the compiled matchers keyed on it are reused."""
    root = ontology_dir() / "frames"
    built_in = [p for p in toml_files(root) if p.name not in NOT_FRAME_FILES]
    users = [Path(name) for name in dict.fromkeys(user_frame_files() if extra is None else extra)]
    paths = [root / "lexicon.toml", *built_in, *users]
    key = (str(root), len(users), tuple((str(p), _digest(p)) for p in paths))
    if key not in _LOADED:
        files = [(p, _read(p)) for p in paths]
        if len(_LOADED) >= _KEEP:
            del _LOADED[next(iter(_LOADED))]
        _LOADED[key] = _assemble(files[0], files[1 : len(files) - len(users)], files[len(files) - len(users) :])
    return _LOADED[key]


def _digest(path: Path) -> bytes:
    """The hash of a frame file's content, read again only when its size or time changed, or when it changed in the
    last seconds (a file time is coarser than two quick edits): a build calls this once per document."""
    try:
        st = path.stat()
    except OSError:
        return hashlib.sha256(_read(path)).digest()  # _read raises the FrameError that names the file
    sig = (st.st_mtime_ns, st.st_size, st.st_ino)
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == sig and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
        return known[1]
    digest = hashlib.sha256(_read(path)).digest()
    _DIGESTS[str(path)] = (sig, digest)
    return digest


_DIGESTS: dict[str, tuple[tuple[int, int, int], bytes]] = {}


NOT_FRAME_FILES = {"lexicon.toml", "calibration.toml"}  # the shared words; the measured confidences
_KEEP = 8  # frame sets kept in memory (one per distinct content of the files)
_LOADED: dict[tuple[Any, ...], FrameSet] = {}


def _assemble(lexicon: tuple[Path, bytes], built_in: list[tuple[Path, bytes]],
              users: list[tuple[Path, bytes]]) -> FrameSet:
    frames: dict[str, Frame] = {}
    for path, text in built_in:
        for f in _frames_of(path, text):
            if f.id in frames:
                raise FrameError(f"{path.name}: frame id {f.id!r} is used twice")
            frames[f.id] = f
    mine: dict[str, str] = {}  # user frame id -> the file it came from
    for path, text in users:
        for f in _frames_of(path, text):
            if f.id in mine:
                where = "in this file" if mine[f.id] == path.name else f"in {mine[f.id]}"
                raise FrameError(f"{path.name}: frame id {f.id!r} is used twice (already {where}); give each "
                                 "user frame its own id")
            mine[f.id] = path.name
            frames[f.id] = f  # a built-in id: the user's frame replaces the built-in one, in its place
    return FrameSet(frames=tuple(frames.values()), lexicon=read_lexicon(*lexicon), by_id=dict(frames))
