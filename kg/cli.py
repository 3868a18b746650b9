"""The ``kg`` command line.

Each subcommand is a module of :mod:`kg.commands` with a ``register(subparsers)`` function that adds its parser
and sets ``func`` to the function that runs it (returning the exit code). New commands are new modules: nothing
here changes. Exit codes: 0 success, 1 the command ran and found a problem (for instance validation violations),
2 bad usage or input (missing path, SPARQL syntax error).
"""

from __future__ import annotations

import argparse
import importlib
import os
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


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """Parse with options anywhere: ``kg query out --format csv 'SELECT ...'`` as well as ``... 'SELECT' --format csv``.

    argparse alone fills optional positionals greedily before the first option (``sparql`` gets nothing, and the query
    after ``--format csv`` is then "unrecognized"), so the command's own arguments are parsed again, intermixed.
    """
    args, extra = parser.parse_known_args(argv)
    command = getattr(args, "command", None)
    if not extra or command is None:
        return parser.parse_args(argv)  # no leftovers, or no command: argparse's own errors
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub = subparsers.choices[command]
    at = list(argv).index(command)
    parsed = sub.parse_intermixed_args(list(argv)[at + 1 :])
    parsed.command = command
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parse(parser, list(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that went away (``| head``) is seen here
        return code
    except UsageError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # ``kg explain X | head``: the reader has what it wanted. Point stdout at /dev/null so that Python's own
        # flush at exit does not fail again, and exit as a process killed by SIGPIPE would (128 + 13).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
