"""Progress bars for long runs: documents done, rate and time left on a terminal; nothing when not a terminal.

CI logs and pipes stay clean by default (``enabled=None`` asks whether the stream is a terminal); ``--progress``
and ``--quiet`` force it either way.
"""

from __future__ import annotations

import sys
from typing import IO, Any


def progress_bar(total: int, enabled: bool | None = None, file: IO[str] | None = None,
                 desc: str = "kg build") -> Any:
    """A tqdm bar counting documents, or a disabled one (same interface, prints nothing)."""
    from tqdm import tqdm

    stream = file if file is not None else sys.stderr
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    return tqdm(total=total, unit="doc", disable=not enabled, file=stream, desc=desc, smoothing=0.1,
                mininterval=0.5, dynamic_ncols=True)
