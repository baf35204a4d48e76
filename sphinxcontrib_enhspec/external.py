"""Other projects' exports (``enhspec_external``): their objects, under a project prefix."""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from .export import FILENAME, SCHEMA_VERSION
from .model import LinkedRecord, Location, MigrationStep, Requirement, Risk, Spec

TIMEOUT = 30
_KINDS: dict[str, type[Spec] | type[Requirement] | type[Risk] | type[MigrationStep]] = {
    "specs": Spec, "requirements": Requirement, "risks": Risk, "migration_steps": MigrationStep,
}
_TUPLES = {"authors", "supersedes", "tags", "depends", "verified_by", "implemented_by",
           "affects"}
_PREFIXED = {"spec", "supersedes", "depends", "affects"}


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
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ExternalError(f"is not JSON: {error}") from error
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise ExternalError(f"is not an enhspec export of schema version {SCHEMA_VERSION}")
    records: list[LinkedRecord] = []
    for key, cls in _KINDS.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise ExternalError(f"has no list of {key}")
        records.extend(_record(name, base_url, cls, entry) for entry in entries)
    return External(name, tuple(records), hashlib.sha256(raw).hexdigest())


def _record(name: str, base_url: str,
            cls: type[Spec] | type[Requirement] | type[Risk] | type[MigrationStep],
            entry: Any) -> LinkedRecord:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise ExternalError("has an object without an ID")
    fields: dict[str, Any] = {}
    for field in cls.__dataclass_fields__.values():
        if not field.init or field.name in {"location", "anchor"} or field.name not in entry:
            continue
        value = entry[field.name]
        if field.name in _TUPLES:
            value = tuple(_prefixed(name, v) if field.name in _PREFIXED else str(v)
                          for v in value or ())
        elif field.name in _PREFIXED or field.name == "id":
            value = _prefixed(name, value) if value else ""
        fields[field.name] = value
    uri = urljoin(base_url, str(entry.get("uri", "")))
    try:
        return cls(**fields, location=Location("", 0, uri=uri), anchor="")
    except TypeError as error:
        raise ExternalError(f"has an object of the wrong shape: {error}") from error


def _prefixed(name: str, ident: Any) -> str:
    return f"{name}:{ident}"
