"""The ``kg`` command line.

Each subcommand is a module of :mod:`kg.commands` with a ``register(subparsers)`` function that adds its parser
and sets ``func`` to the function that runs it (returning the exit code). New commands are new modules: nothing
here changes. Exit codes: 0 success, 1 the command ran and found a problem (for instance validation violations),
2 bad usage or input (missing path, SPARQL syntax error).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import kg.commands
from kg import __version__


class UsageError(Exception):
    """A user error: printed as one line on stderr, exit code 2, no traceback."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Build, query and show a knowledge graph of news.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kg.commands.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
