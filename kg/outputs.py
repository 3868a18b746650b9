"""A build's output files switch together: after any interruption a reader finds the whole old set or the whole new.

Writing ``graph.ttl``, ``graph.trig``, ``graph.html`` (and exports, and any folder such as a store) one atomic
rename at a time still leaves a *mixed* set when the build dies between two renames (kill -9, a full disk): a new
``graph.ttl`` beside an old ``graph.html``. So every output of a build is written into a fresh folder
``OUT/.kg-builds/<id>/``, and one atomic step — renaming a new symbolic link over ``OUT/.kg-current`` — makes that
folder current. The names users open never change: ``OUT/graph.ttl`` is a link to ``.kg-current/graph.ttl``.

Usage (a lock on ``OUT`` is held while writing, so two builds never write into it at once)::

    with OutputSet(out) as outputs:
        write(outputs.path("graph.ttl"))        # a file, or a folder, inside the new set
        outputs.commit()                         # the switch; without it nothing visible changes

Leftovers of an interrupted build (its unfinished folder, temporary files) are removed by the next build.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path
from types import TracebackType

BUILDS = ".kg-builds"
CURRENT = ".kg-current"
LOCK = ".kg-lock"
# temporary files of older kg versions and of interrupted builds, in OUT itself
LEFTOVER_GLOBS = (".graph.*.tmp", ".kg-write-test-*", f"{CURRENT}.*.tmp")


class OutputSet:
    """The new outputs of one build, staged beside the current ones and switched in by :meth:`commit`."""

    def __init__(self, out_dir: Path | str) -> None:
        self.out = Path(out_dir)
        self.staging = self.out / BUILDS / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"
        self._lock_fd: int | None = None
        self.committed = False

    def __enter__(self) -> OutputSet:
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)  # another build writing the same folder finishes first (kill -9 frees it)
        self._lock_fd = fd
        self.clean_leftovers()
        self.staging.mkdir(parents=True)
        return self

    def path(self, name: str) -> Path:
        """Where to write the output called ``name`` (it appears as ``OUT/name`` once committed)."""
        return self.staging / name

    def commit(self) -> None:
        """Make the staged set current in one atomic rename, then link the stable names to it."""
        names = sorted(p.name for p in self.staging.iterdir())
        _fsync_set(self.staging)
        link = self.out / f"{CURRENT}.{os.getpid()}.tmp"
        link.unlink(missing_ok=True)
        link.symlink_to(Path(BUILDS) / self.staging.name, target_is_directory=True)
        current = self.out / CURRENT
        if current.is_dir() and not current.is_symlink():  # a copy of a build folder made without its links
            shutil.rmtree(current)
        os.replace(link, current)  # the switch: before it the old set, after it the new one
        _fsync(self.out)
        self.committed = True
        for name in names:  # stable names; they only change the first time a name is written
            stable = self.out / name
            target = Path(CURRENT) / name
            if stable.is_symlink() and Path(os.readlink(stable)) == target:
                continue
            tmp = self.out / f".{name}.link.tmp"
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(target)
            if stable.is_dir() and not stable.is_symlink():
                shutil.rmtree(stable)
            os.replace(tmp, stable)
        for stable in self.out.iterdir():  # an output the new set does not have must not survive from the old one
            if stable.is_symlink() and os.readlink(stable).startswith(CURRENT + os.sep) and not stable.exists():
                stable.unlink()
        self.clean_leftovers()

    def clean_leftovers(self) -> None:
        """Remove every build folder but the current one, and temporary files of interrupted builds."""
        current = self.current()
        builds = self.out / BUILDS
        if builds.is_dir():
            for child in builds.iterdir():
                if child.name != current and child != self.staging:
                    shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
        for pattern in LEFTOVER_GLOBS:
            for leftover in self.out.glob(pattern):
                if leftover.is_file() or leftover.is_symlink():
                    leftover.unlink(missing_ok=True)

    def current(self) -> str | None:
        """The name of the current build folder, if any."""
        link = self.out / CURRENT
        return Path(os.readlink(link)).name if link.is_symlink() else None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if not self.committed:
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_set(staging: Path) -> None:
    """Flush the staged files and the folder's entries, so that what the switch points to survives a power cut."""
    for child in staging.iterdir():
        if child.is_file():
            _fsync(child)
    _fsync(staging)
