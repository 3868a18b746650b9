"""Stable IRIs: the same name gives the same IRI on every run, on every machine.

An entity's IRI is ``{base}entity/{slug}``, the slug an ASCII form of its canonical name. Names that slug to
nothing (only symbols or emoji) get a short hash, so every entity has a valid, absolute IRI and no blank node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from pyoxigraph import NamedNode
from rdflib import URIRef

from kg.vocab import DEFAULT_BASE_IRI

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """``"Dupont & Fils"`` -> ``"dupont-fils"``; ``"Société Générale"`` -> ``"societe-generale"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_ALNUM.sub("-", ascii_name).strip("-")[:80].strip("-")
    if not slug:
        slug = "x" + short_hash(name, 8)
    return slug


def short_hash(*parts: object, length: int = 16) -> str:
    """A deterministic hex digest of the parts (for statement and fact IRIs)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def check_base(base: str) -> str:
    """A base IRI must be absolute and end with '/' or '#'; a missing '/' is added.

    The IRIs kg makes from it (``{base}entity/x``) must also be valid RFC 3987 IRIs, as Oxigraph checks them
    (``kg query``, ``kg serve``, any store): ``%zz``, a second ``#`` or a broken ``[::1`` host are refused here,
    before any work, rather than in a graph that kg's own ``kg query`` cannot load.
    """
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", base):
        raise ValueError(f"base IRI must be an absolute IRI without spaces or <>\"{{}}|\\^`: {base!r}")
    base = base if base.endswith(("/", "#")) else base + "/"
    try:
        NamedNode(f"{base}entity/x")
    except ValueError as exc:
        raise ValueError(f"base IRI is not a valid IRI ({str(exc).splitlines()[0]}): {base!r}") from None
    return base


@lru_cache(maxsize=1 << 16)  # the same few IRIs are made for every statement
def entity_iri(base: str, slug: str) -> URIRef:
    return URIRef(f"{base}entity/{slug}")


@lru_cache(maxsize=1 << 16)
def document_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{base}document/{doc_id}")


def statement_iri(base: str, key: str) -> URIRef:
    return URIRef(f"{base}statement/{key}")


def fact_iri(base: str, key: str) -> URIRef:
    return URIRef(f"{base}fact/{key}")


@lru_cache(maxsize=1 << 16)
def graph_iri(base: str, name: str) -> URIRef:
    return URIRef(f"{base}graph/{name}")


__all__ = ["DEFAULT_BASE_IRI", "check_base", "document_iri", "entity_iri", "fact_iri", "graph_iri",
           "short_hash", "slugify", "statement_iri"]
