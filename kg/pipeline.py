"""Placeholder; replaced by the build pipeline."""
from __future__ import annotations


class BuildResult:  # pragma: no cover
    pass


def build(*args, **kwargs):  # pragma: no cover
    raise NotImplementedError
