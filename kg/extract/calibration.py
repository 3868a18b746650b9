"""Calibrated confidence: each rule's measured precision on the development corpus.

``scripts/calibrate.py`` builds the development corpus, matches every statement against the gold standard and
writes ``ontology/frames/calibration.toml``: for each rule (a frame id, with ``+surface`` or ``+reference`` when an
argument was read off the surface or through a reference), how many facts it made and how many were right. The
confidence of a fact is that precision, smoothed towards the frame's own confidence so a rule seen a few times does
not get 0 or 1; a rule never measured keeps the frame's confidence, lowered for a surface reading or a reference.
A reading through a reference or off the surface never scores above the frame's direct reading times its factor,
however well it measured: the measure rests on few facts, and a reference can fail in ways dev does not show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

from kg.ontology import ontology_dir

PRIOR_WEIGHT = 4.0  # how many observations the frame's own confidence is worth
VARIANT_FACTORS = {"+surface": 0.9, "+reference": 0.85}


def calibration_table() -> dict[str, tuple[int, int]]:
    """rule -> (facts made, facts right) on the development corpus; empty when no table was made. Read again when
    the file changes (a notebook that reruns ``scripts/calibrate.py --write`` sees the new confidences)."""
    path = ontology_dir() / "frames" / "calibration.toml"
    try:
        st = path.stat()
    except FileNotFoundError:
        return {}
    return _table(str(path), st.st_mtime_ns, st.st_size)


@cache
def _table(path: str, _mtime_ns: int, _size: int) -> dict[str, tuple[int, int]]:
    import tomllib

    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return {rule: (int(v["made"]), int(v["right"])) for rule, v in data.get("rules", {}).items()}


def confidence_of(rule: str, frame_confidence: float) -> float:
    """The confidence of a fact made by ``rule`` (see the module docstring)."""
    return _confidence(rule, frame_confidence, id(calibration_table()))


def confidences() -> Callable[[str, float], float]:
    """:func:`confidence_of` for the table as it is now, without looking at its file again (one per document)."""
    table = id(calibration_table())
    return lambda rule, frame_confidence: _confidence(rule, frame_confidence, table)


@cache
def _confidence(rule: str, frame_confidence: float, _table_id: int) -> float:
    return calibrated(rule, frame_confidence, calibration_table(), digits=3)


def calibrated(rule: str, frame_confidence: float, table: Mapping[str, Sequence[int]], digits: int | None = None
               ) -> float:
    """The confidence ``table`` (rule -> facts made, facts right) gives a fact of ``rule``, rounded to ``digits``:
    the one formula of the module docstring, for the build and for ``scripts/calibrate.py --cross-validate``."""
    _base, _, variant = rule.partition("+")
    factor = VARIANT_FACTORS.get("+" + variant, 1.0) if variant else 1.0
    made, right = table.get(rule, (0, 0))
    value = (right + PRIOR_WEIGHT * frame_confidence * factor) / (made + PRIOR_WEIGHT)
    if variant:  # a reference or a surface reading is never worth more than the frame's direct reading
        value = min(value, calibrated(_base, frame_confidence, table, digits) * factor)
    value = min(0.99, max(0.05, value))
    return round(value, digits) if digits is not None else value
