"""Where kg finds its data files: the OWL ontology, the SHACL shapes and the cue lists under ``ontology/``.

Rules and cue words are data, not code. The folder is the repository's top-level ``ontology/`` (kg is installed
editable from the repository); ``KG_ONTOLOGY_DIR`` points elsewhere, for instance to try another cue list.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl``, ``shapes.ttl`` and ``cues/``."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "ontology"


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Read ``ontology/NAME`` (a TOML file); cached, since cue files are read by every document."""
    with open(ontology_dir() / name, "rb") as fh:
        return tomllib.load(fh)


def data_fingerprint() -> str:
    """A hash of every data file that changes extraction; part of the build cache key."""
    h = hashlib.sha256()
    root = ontology_dir()
    for path in sorted(root.rglob("*.toml")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
