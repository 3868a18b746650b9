"""A user's aliases file: the names the rules get wrong, fixed by hand.

A TSV file, one name a line: ``name <TAB> canonical name <TAB> type``. Every mention of *name* (compared as
resolution compares names: case, accents, articles and punctuation folded) becomes a mention of *canonical name*,
which is then the entity's label; *type* (one of kg's entity types), when given, overrides the votes. An empty
canonical name says *name* is not an entity at all. Blank lines and lines starting with ``#`` are skipped; a line
``name<TAB>canonical<TAB>type`` whose first cells are "name" and "canonical" is taken as a header.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.vocab import ENTITY_TYPES


class AliasesError(ValueError):
    """The aliases file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Alias:
    canonical: str  # "" when the name is not an entity
    type: str | None


def read_aliases(path: Path | str) -> dict[str, Alias]:
    """The aliases of ``path``, by name as written (the resolver folds them)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasesError(f"cannot read aliases file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    out: dict[str, Alias] = {}
    types = {t.casefold(): t for t in ENTITY_TYPES}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if n == 1 and [c.casefold() for c in cells[:2]] == ["name", "canonical"]:
            continue
        if len(cells) > 3 or not cells[0]:
            raise AliasesError(f"{path}:{n}: expected name<TAB>canonical name<TAB>type, got {line!r}")
        cells += [""] * (3 - len(cells))
        kind = cells[2]
        if kind and kind.casefold() not in types:
            raise AliasesError(f"{path}:{n}: unknown type {kind!r} (expected one of {', '.join(ENTITY_TYPES)})")
        out[cells[0]] = Alias(canonical=cells[1], type=types[kind.casefold()] if kind else None)
    return out
