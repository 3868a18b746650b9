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
