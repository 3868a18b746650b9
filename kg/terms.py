"""How a term of a query's answer looks to a person (a table cell) and to a program (a Python value).

The same conventions serve ``kg query``'s tables, ``kg ask``, ``kg serve``'s pages and the Python API
(:meth:`kg.query.Result.records`), and the names a user types are compared in the same normalised form.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

# The ontology's prefixes, predeclared in every query (a query may still redeclare them).
PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kg-news/ontology#",
    "kgr": "https://w3id.org/kg-news/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def normalize_name(text: str) -> str:
    """Accent-, case- and spacing-insensitive form of a name, so ``kg ask partners societe generale`` finds it."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def compact_iri(iri: str) -> str:
    """``kg:partnersWith`` rather than the full IRI, for tables meant for people."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


_DECIMALS = ("#decimal", "#double", "#float")


def plain_number(lexical: str) -> str:
    """``500000000.0`` -> ``500000000``, ``0.850`` -> ``0.85``: a decimal as people write it (no exponent)."""
    try:
        value = Decimal(lexical.strip())
    except InvalidOperation:
        return lexical
    if not value.is_finite():
        return lexical
    text = f"{value.normalize():f}"
    return text if text not in ("-0", "") else "0"


def term_text(term: Term | None) -> str:
    """A term as a person reads it: lexical value of a literal (decimals without a trailing ``.0``), compacted IRI,
    ``_:id`` for a blank node."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        if term.datatype.value.endswith(_DECIMALS):
            return plain_number(term.value)
        return term.value
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    return str(term)


def term_python(term: Term | None) -> Any:
    """A term as a plain Python value: numbers for numeric literals, strings otherwise (IRIs as their full text)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)
