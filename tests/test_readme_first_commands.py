"""The README's first command, run as written on a fresh copy of the repository (a new virtualenv, pip, kg build).

It is the first thing a user types: it must leave ``kg`` working in that shell and say which corpus it built.
It costs about half a minute (pip installs kg and its dependencies into a new virtualenv from the package index
configured on this machine), which is the price of knowing the README's first line works.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.docsnippets import REPO, blocks


def repository_copy(target: Path) -> Path:
    """The files git knows (committed or not ignored), as a fresh clone would have them."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def new_shell_environment() -> dict[str, str]:
    """This machine's environment (package index settings, proxies) without the test's virtualenv on the PATH."""
    venv = Path(sys.executable).parent
    path = [p for p in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) if Path(p) != venv]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(path)
    return env


def test_the_first_readme_command_builds_the_sample_and_leaves_kg_on_the_path(tmp_path: Path) -> None:
    first = blocks(REPO / "README.md")[0]
    assert first.lang == "bash" and "kg build" in first.text
    clone = repository_copy(tmp_path / "kg")
    env = new_shell_environment()
    done = subprocess.run(["bash", "-e", "-c", first.text + "kg --version\n"], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("corpus: the bundled sample") for line in lines), done.stdout
    assert any(line.startswith("documents: 5 read") for line in lines)
    assert lines[-1].startswith("kg ")
    assert (clone / "out" / "graph.ttl").stat().st_size > 0
    again = subprocess.run(["bash", "-c", ". .venv/bin/activate && kg --version && python -c 'import rdflib'"],
                           cwd=clone, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr  # "in a new terminal, run . .venv/bin/activate again"
