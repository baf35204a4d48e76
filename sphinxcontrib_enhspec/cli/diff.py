"""``enhspec diff OLD.json NEW.json``: what changed between two exports."""

from __future__ import annotations

import argparse
import sys

from ..derive import diff
from ..sources.baseline import BaselineError, load
from .diff_formats import FORMATS


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``enhspec diff`` to the command line."""
    command = commands.add_parser(
        "diff", help="compare two enhspec.json exports",
        description="Compare two exports object by object (matched by full ID): added, "
                    "removed, changed fields, and conflicts (one ID, two different objects).")
    command.add_argument("old", help="the earlier export, e.g. the last release's")
    command.add_argument("new", help="the later export, e.g. this build's")
    command.add_argument("--format", choices=tuple(FORMATS), default="text",
                         help="text (default), markdown (for a pull-request comment) or json")
    command.add_argument("--spec", action="extend", nargs="+", default=[], metavar="ID",
                         help="only these specs and their objects")
    command.add_argument("--fail-on", default="", metavar="KINDS",
                         help="exit 1 when something of these kinds is found: a comma-"
                              f"separated list of {', '.join(diff.KINDS)}")
    command.set_defaults(run=run)


def fail_kinds(value: str) -> tuple[str, ...]:
    """The kinds of ``--fail-on``; ValueError names one that is not a kind."""
    kinds = tuple(kind.strip() for kind in value.split(",") if kind.strip())
    for kind in kinds:
        if kind not in diff.KINDS:
            raise ValueError(f"--fail-on: {kind!r} is not one of {', '.join(diff.KINDS)}")
    return kinds


def run(args: argparse.Namespace) -> int:
    """Print the comparison; 1 when a kind named by ``--fail-on`` is found, 2 on unusable
    input, else 0."""
    try:
        kinds = fail_kinds(args.fail_on)
    except ValueError as error:
        print(f"enhspec diff: {error}", file=sys.stderr)
        return 2
    states = []
    for path in (args.old, args.new):
        try:
            states.append(diff.snapshot(load(path)))
        except BaselineError as error:
            print(f"enhspec diff: {path} {error}", file=sys.stderr)
            return 2
    found = diff.compare(*states)
    if args.spec:
        found = diff.select(found, diff.of_specs(set(args.spec)))
    sys.stdout.write(FORMATS[args.format](found, args.old, args.new))
    return 1 if any(found.found[kind] for kind in kinds) else 0
