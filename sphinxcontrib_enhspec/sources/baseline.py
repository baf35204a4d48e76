"""Earlier exports to compare with (``enhspec_baselines``): read, checked, never warned about."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..exchange import ExchangeError, record
from ..model import Location
from .external import ExternalError, entries, parse

#: A baseline's export data, or why it cannot be used (its path and the reason).
Read = dict[str, Any] | str


@dataclass(frozen=True)
class BaselineProblem:
    """A baseline that cannot be used: its name, its file, and why."""

    name: str
    path: str
    message: str
    #: Whether the file exists (a warning then points at it, else at the setting).
    exists: bool


class BaselineError(Exception):
    """An export file that cannot be compared."""


def load(path: str) -> dict[str, Any]:
    """The data of the export at `path`, checked object by object as other projects' are."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        raise BaselineError(f"cannot be read: {error.strerror or error}") from error
    try:
        data = parse(raw)
        for cls, entry in entries(data):
            record(cls, entry, "", Location("", 0))
    except (ExternalError, ExchangeError) as error:
        raise BaselineError(str(error)) from error
    return data


def read_all(mapping: dict[str, str], confdir: str
             ) -> tuple[dict[str, Read], list[BaselineProblem]]:
    """Each baseline of ``enhspec_baselines`` by name, and the ones that cannot be used;
    paths are relative to `confdir`."""
    found: dict[str, Read] = {}
    problems: list[BaselineProblem] = []
    for name, relative in sorted(mapping.items()):
        path = os.path.normpath(os.path.join(confdir, relative))
        try:
            found[name] = load(path)
        except BaselineError as error:
            problems.append(BaselineProblem(name, path, str(error), os.path.isfile(path)))
            found[name] = f"{path} {error}"
    return found, problems
