"""Frame files are data a linguist or a user edits: the built-in ones must be sound, a broken user file must be one
clear error naming its file and frame, and no frame may know a name of the evaluated corpora.
"""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from kg.extract.frames import KINDS, SLOTS, FrameError, load_frames, parse_frame
from kg.vocab import RELATION_PREDICATES
from tests.conftest import REPO, SHARED

FRAMES_DIR = REPO / "ontology" / "frames"
SHARED_WORDS = {"lexicon.toml", "calibration.toml"}  # not frame files: shared words, measured confidences
FRAME_FILES = sorted(p for p in FRAMES_DIR.glob("*.toml") if p.name not in SHARED_WORDS)


def raw_frames() -> list[tuple[str, dict]]:
    """Every ``[[frame]]`` table of the built-in files as written (before the loader folds or dedupes anything)."""
    out = []
    for path in FRAME_FILES:
        with open(path, "rb") as fh:
            out += [(path.name, raw) for raw in tomllib.load(fh).get("frame", [])]
    return out


def test_every_built_in_frame_has_a_unique_id():
    ids = [raw["id"] for _, raw in raw_frames()]
    assert ids and len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize(("source", "raw"), raw_frames(), ids=lambda v: v["id"] if isinstance(v, dict) else v)
def test_every_built_in_frame_has_a_vocabulary_predicate_a_known_kind_and_slots(source, raw):
    assert raw["predicate"] in RELATION_PREDICATES, f"{source}: {raw['predicate']}"
    assert raw["kind"] in KINDS
    for side in ("subject", "object"):
        assert raw.get(side), f"{source}: frame {raw['id']} has no {side} slot"
        assert any(s in SLOTS[raw["kind"]] or s.startswith("prep:") for s in raw[side])
    frame = parse_frame(raw, source)  # the loader's own check of every slot, type and requirement
    assert 0 < frame.confidence <= 1


def test_the_built_in_frames_load_and_cover_every_predicate():
    frames = load_frames(())
    assert {f.predicate for f in frames.frames} == set(RELATION_PREDICATES)
    assert set(frames.by_id) == {raw["id"] for _, raw in raw_frames()}


def corpus_names() -> set[str]:
    """Names of the gold entities of both evaluated sets, as the before-stop hook reads them: the ``name`` column of
    each entities TSV, places left out (a gazetteer may hold them), names of at least four characters, and the few
    that are also common words of the trade."""
    common = {"France", "Microsoft", "Facebook", "Google", "Amazon", "Match", "État", "Liverpool"}
    names = set()
    for tsv in sorted((SHARED / "eval").glob("*.entities.tsv")):
        lines = [line for line in tsv.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            if "Place" not in row["types"] and len(row["name"]) >= 4 and row["name"] not in common:
                names.add(row["name"])
    return names


def test_no_frame_file_names_an_entity_of_the_evaluated_corpora():
    names = corpus_names()
    assert len(names) > 100  # both gold sets were read
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")
    sample = min(names)
    assert pattern.search(f"le rachat de {sample} par") and not pattern.search(f"x{sample}x")  # whole words only
    hits = [f"{p.name}: {m.group(0)}" for p in sorted(FRAMES_DIR.glob("*.toml"))
            for m in pattern.finditer(p.read_text(encoding="utf-8"))]
    assert not hits, hits


GOOD = """
[[frame]]
id = "mine.partner"
predicate = "partnersWith"
kind = "verb"
phrases = ["s'acoquiner avec"]
subject = ["agent"]
object = ["patient"]
"""


def user_file(tmp_path: Path, text: str, name: str = "my-frames.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "says"), [
    pytest.param(('predicate = "partnersWith"', 'predicate = "friendOf"'), "predicate 'friendOf' is not in the "
                 "vocabulary", id="bad predicate"),
    pytest.param(('object = ["patient"]', 'object = ["victim"]'), "unknown slot 'victim'", id="unknown slot"),
    pytest.param(('kind = "verb"', 'kind = "adverb"'), "kind must be one of", id="unknown kind"),
    pytest.param(('phrases = ["s\'acoquiner avec"]', 'phrases = ["s\'acoquiner avec"]\nwho = 1'),
                 "unknown field 'who'", id="unknown field"),
])
def test_a_bad_user_frame_names_its_file_and_frame(tmp_path, change, says):
    path = user_file(tmp_path, GOOD.replace(*change))
    with pytest.raises(FrameError) as err:
        load_frames((str(path),))
    message = str(err.value)
    assert "my-frames.toml" in message and "'mine.partner'" in message and says in message, message


def test_a_user_file_with_a_duplicate_id_is_an_error(tmp_path):
    path = user_file(tmp_path, GOOD + GOOD.replace("s'acoquiner avec", "faire cause commune avec"))
    with pytest.raises(FrameError, match=r"my-frames\.toml.*mine\.partner"):
        load_frames((str(path),))


def test_the_same_id_in_two_user_files_is_an_error_naming_both(tmp_path):
    first = user_file(tmp_path, GOOD, "team-frames.toml")
    second = user_file(tmp_path, GOOD.replace("s'acoquiner avec", "faire cause commune avec"))
    with pytest.raises(FrameError, match=r"my-frames\.toml: frame id 'mine\.partner' is used twice.*team-frames\.toml"):
        load_frames((str(first), str(second)))


def test_the_same_user_file_given_twice_is_read_once(tmp_path):
    path = str(user_file(tmp_path, GOOD))
    assert load_frames((path, path)) is load_frames((path,))


def test_a_user_file_that_is_not_toml_is_an_error_naming_the_file(tmp_path):
    path = user_file(tmp_path, '[[frame]]\nid = "mine.partner\n')
    with pytest.raises(FrameError, match=r"my-frames\.toml: not valid TOML"):
        load_frames((str(path),))


def test_a_missing_user_file_is_an_error_naming_the_file(tmp_path):
    with pytest.raises(FrameError, match=r"nowhere\.toml: cannot read frame file"):
        load_frames((str(tmp_path / "nowhere.toml"),))


def test_a_user_frame_adds_to_the_built_in_ones(tmp_path):
    frames = load_frames((str(user_file(tmp_path, GOOD)),))
    assert frames.by_id["mine.partner"].source == "my-frames.toml"
    assert len(frames.frames) == len(load_frames(()).frames) + 1


def test_a_user_frame_with_a_built_in_id_replaces_it(tmp_path):
    built_in = load_frames(()).by_id["acquired.verb"]
    mine = GOOD.replace('"mine.partner"', '"acquired.verb"').replace("partnersWith", "acquired")
    frames = load_frames((str(user_file(tmp_path, mine)),))
    replaced = frames.by_id["acquired.verb"]
    assert replaced.source == "my-frames.toml" and replaced.triggers != built_in.triggers
    assert [f.id for f in frames.frames].count("acquired.verb") == 1
    assert len(frames.frames) == len(load_frames(()).frames)


def test_an_unchanged_set_of_files_gives_the_same_frame_set(tmp_path):
    path = str(user_file(tmp_path, GOOD))
    assert load_frames((path,)) is load_frames((path,))  # the compiled matchers keyed on it are reused
    assert load_frames(()) is load_frames(())


def test_a_user_file_edited_in_the_same_process_is_read_again(tmp_path):
    path = user_file(tmp_path, GOOD)
    before = load_frames((str(path),))
    path.write_text(GOOD.replace("mine.partner", "mine.friends"), encoding="utf-8")  # same size, same instant
    after = load_frames((str(path),))
    assert "mine.friends" in after.by_id and "mine.partner" not in after.by_id
    assert "mine.partner" in before.by_id


def test_a_built_in_frame_or_lexicon_edited_in_the_same_process_is_read_again(tmp_path, monkeypatch):
    ontology = tmp_path / "ontology"
    shutil.copytree(REPO / "ontology", ontology)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(ontology))
    before = load_frames(())
    launch = ontology / "frames" / "launch.toml"
    launch.write_text(launch.read_text(encoding="utf-8") + GOOD, encoding="utf-8")
    assert "mine.partner" in load_frames(()).by_id and "mine.partner" not in before.by_id
    lexicon = ontology / "frames" / "lexicon.toml"
    text = lexicon.read_text(encoding="utf-8")
    assert 'negation_words = ["pas", ' in text
    lexicon.write_text(text.replace('negation_words = ["pas", ', 'negation_words = ["pasdutout", "pas", '),
                       encoding="utf-8")
    assert "pasdutout" in load_frames(()).lexicon.negation_words


def test_the_docs_table_of_frames_lists_every_frame_file_and_every_frame_id():
    """docs/extraction.md « Where frames live » names each frame file with its frames (an id, or ``prefix.*``)."""
    text = (REPO / "docs" / "extraction.md").read_text(encoding="utf-8")
    table = text[text.index("### Where frames live") : text.index("### A frame's fields")]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([\w-]+\.toml)` \|[^|]*\|([^|]*)\|$", table, re.M)}
    assert set(rows) == {p.name for p in FRAME_FILES}, "add or drop a row of the table"
    frames = load_frames(())
    for name, cell in rows.items():
        named = re.findall(r"`([\w.-]+?)(\.\*)?`", cell)
        ids = {f.id for f in frames.frames if f.source == name}
        listed = {i for i in ids if any(i == n or (star and i.startswith(n + ".")) for n, star in named)}
        assert listed == ids, f"{name}: the docs do not list {sorted(ids - listed)}"
        assert all(any(i == n or (star and i.startswith(n + ".")) for i in ids) for n, star in named), \
            f"{name}: the docs list a frame that is not in the file: {cell}"


def test_a_phrase_participle_in_e_accent_matches_its_agreed_forms():
    from kg.extract.frames import agreed_forms

    assert agreed_forms("être intégré au") == ["être intégré au", "être intégrée au", "être intégrés au",
                                               "être intégrées au"]
    assert agreed_forms("racheter") == ["racheter"]  # one word: matched by its lemma anyway
    assert agreed_forms("prendre le contrôle de") == ["prendre le contrôle de"]
