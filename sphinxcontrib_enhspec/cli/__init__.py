"""The ``enhspec`` command line; each command is a module of this package."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..__about__ import __version__
from . import convert, diff, new, reqif, review


def parser() -> argparse.ArgumentParser:
    """The command line with every command."""
    top = argparse.ArgumentParser(prog="enhspec", description=__doc__)
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    new.register(commands)
    reqif.register(commands)
    diff.register(commands)
    review.register(commands)
    convert.register(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the command's exit status."""
    args = parser().parse_args(argv)
    return int(args.run(args))
