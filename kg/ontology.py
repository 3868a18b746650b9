"""Where kg finds its data files: the OWL ontology, the SHACL shapes and the cue lists under ``ontology/``.

Rules and cue words are data, not code. The folder is the repository's top-level ``ontology/`` (kg is installed
editable from the repository); ``KG_ONTOLOGY_DIR`` points elsewhere, for instance to try another cue list.
"""

from __future__ import annotations

import hashlib
import os
import time
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl``, ``shapes.ttl`` and ``cues/``."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return _bundled()


@cache
def _bundled() -> Path:
    """The repository's ``ontology/`` (resolved once: the frame engine asks for the folder at every document)."""
    return Path(__file__).resolve().parent.parent / "ontology"


def toml_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files of ``folder``, sorted; listed again only when the folder changed (its time, as files
    are added, removed or renamed), or changed in the last seconds (a folder's time is coarser than two quick
    changes): the frame engine asks for its files at every document."""
    try:
        st = folder.stat()
    except OSError:
        return sorted(folder.glob("*.toml"))
    sig = (st.st_mtime_ns, st.st_ino, st.st_size)
    known = _LISTED.get(str(folder))
    if known is not None and known[0] == sig and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
        return list(known[1])
    files = sorted(folder.glob("*.toml"))
    _LISTED[str(folder)] = (sig, tuple(files))
    return files


_LISTED: dict[str, tuple[tuple[int, int, int], tuple[Path, ...]]] = {}


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Read ``ontology/NAME`` (a TOML file); cached, since cue files are read by every document."""
    with open(ontology_dir() / name, "rb") as fh:
        return tomllib.load(fh)


USER_FRAMES_ENV = "KG_USER_FRAMES"  # os.pathsep-separated extra frame files (set by ``kg build --frames``)


def user_frame_files() -> tuple[str, ...]:
    """Extra frame files a user asked for (``kg build --frames``), as absolute paths.

    An environment variable rather than an argument, so that worker processes and Dask workers started by the build
    read the same frames as the build itself."""
    value = os.environ.get(USER_FRAMES_ENV, "")
    return tuple(str(Path(p).resolve()) for p in value.split(os.pathsep) if p)


@contextmanager
def user_frames(paths: Iterable[Path | str]) -> Iterator[tuple[str, ...]]:
    """Use these frame files on top of the built-in ones for the duration of the block (``kg build --frames``).

    From Python: ``with user_frames(["my-frames.toml"]): kg.build(...)``."""
    names = tuple(str(Path(p).resolve()) for p in paths)
    before = os.environ.get(USER_FRAMES_ENV)
    os.environ[USER_FRAMES_ENV] = os.pathsep.join((*user_frame_files(), *names))
    try:
        yield names
    finally:
        if before is None:
            os.environ.pop(USER_FRAMES_ENV, None)
        else:
            os.environ[USER_FRAMES_ENV] = before


def data_fingerprint() -> str:
    """A hash of every data file that changes extraction, a user's frame files (``kg build --frames``) included;
    part of the build cache key, so adding or editing a frame re-extracts."""
    h = hashlib.sha256()
    root = ontology_dir()
    for path in sorted(root.rglob("*.toml")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    for name in user_frame_files():
        h.update(f"user:{name}".encode())
        h.update(Path(name).read_bytes())
    return h.hexdigest()[:16]


@cache
def french_labels() -> dict[str, dict[str, str]]:
    """What people read for kg's terms, from ``kg.ttl``: ``{"terms": {local name: rdfs:label@fr}, "statuses":
    {kg:status value: its concept's skos:prefLabel@fr}}`` (for the graph page, which speaks French)."""
    from rdflib import RDFS, SKOS, Graph, Literal, Namespace

    kg = Namespace("https://w3id.org/kg-news/ontology#")
    onto = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    terms = {
        str(s)[len(str(kg)):]: str(o)
        for s, o in onto.subject_objects(RDFS.label)
        if str(s).startswith(str(kg)) and isinstance(o, Literal) and o.language == "fr"
    }
    statuses = {
        str(notation): str(label)
        for concept, notation in onto.subject_objects(SKOS.notation)
        for label in onto.objects(concept, SKOS.prefLabel)
        if isinstance(label, Literal) and label.language == "fr"
    }
    return {"terms": dict(sorted(terms.items())), "statuses": dict(sorted(statuses.items()))}
