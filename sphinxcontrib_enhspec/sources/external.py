"""Other projects' exports (``enhspec_external``): their objects, under a project prefix."""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from ..exchange import FILENAME, LISTS, ExchangeError, LinkedType, record
from ..exchange import parse as parse_export
from ..model import LinkedRecord, Location

TIMEOUT = 30


@dataclass(frozen=True)
class External:
    """One project's objects, their IDs prefixed ``<name>:``, and a digest of its export."""

    name: str
    records: tuple[LinkedRecord, ...]
    digest: str


class ExternalError(Exception):
    """An export that cannot be used."""


def source_of(base_url: str, path: str | None, confdir: str) -> str:
    """Where a project's export is read from: its local path, or its URL."""
    if path is None:
        return urljoin(base_url if base_url.endswith("/") else base_url + "/", FILENAME)
    return os.path.normpath(os.path.join(confdir, path))


def read(name: str, base_url: str, path: str | None, confdir: str) -> External:
    """Load project `name`'s export from `path` (relative to `confdir`) or from its site."""
    where = source_of(base_url, path, confdir)
    try:
        if path is None:
            with urllib.request.urlopen(where, timeout=TIMEOUT) as response:
                raw = response.read()
        else:
            with open(where, "rb") as stream:
                raw = stream.read()
    except (OSError, urllib.error.URLError, ValueError) as error:
        raise ExternalError(f"cannot be read: {error}") from error
    records: list[LinkedRecord] = []
    for cls, entry in entries(parse(raw)):
        uri = urljoin(base_url, str(entry.get("uri", ""))) if isinstance(entry, dict) else ""
        try:
            records.append(record(cls, entry, f"{name}:", Location("", 0, uri=uri)))
        except ExchangeError as error:
            raise ExternalError(str(error)) from error
    return External(name, tuple(records), hashlib.sha256(raw).hexdigest())


def parse(raw: bytes) -> dict[str, Any]:
    """The data of an export's bytes, when it is JSON of a schema version this package reads."""
    try:
        return parse_export(raw)
    except ExchangeError as error:
        raise ExternalError(str(error)) from error


def entries(data: dict[str, Any]) -> Iterator[tuple[LinkedType, Any]]:
    """Each entry of an export's lists of objects, with the record type it describes."""
    for key, cls in LISTS.items():
        for entry in data.get(key, []):
            yield cls, entry


@dataclass(frozen=True)
class ExternalProblem:
    """A project's export that could not be used: its name, where it was read, why."""

    name: str
    where: str
    message: str


def read_all(mapping: dict[str, tuple[str, str | None]], confdir: str
             ) -> tuple[list[External], list[ExternalProblem]]:
    """Every project of ``enhspec_external`` that could be read, and the ones that could not."""
    found, problems = [], []
    for name, (base_url, path) in sorted(mapping.items()):
        try:
            found.append(read(name, base_url, path, confdir))
        except ExternalError as error:
            problems.append(ExternalProblem(name, source_of(base_url, path, confdir), str(error)))
    return found, problems
