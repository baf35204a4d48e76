"""The ``enhspec.json`` format, both ways: a record as an export entry, and back."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from typing import Any

from .model import (
    ApiChange,
    Change,
    LinkedRecord,
    Location,
    MigrationStep,
    Milestone,
    Requirement,
    Risk,
    Spec,
    Task,
)

#: The version this package writes; it reads every version it has written.
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
FILENAME = "enhspec.json"

LinkedType = type[Spec] | type[Requirement] | type[Risk] | type[MigrationStep] | type[Milestone]
#: The export's list of each kind of object, in the order the file holds them; a file of
#: schema version 1 has no milestones.
LISTS: dict[str, LinkedType] = {
    "specs": Spec, "requirements": Requirement, "risks": Risk, "migration_steps": MigrationStep,
    "milestones": Milestone,
}
CONFIG_CHANGES = "config_changes"
API_CHANGES = "api_changes"
TASKS = "tasks"
#: Fields that hold a list.
LIST_FIELDS = {"authors", "supersedes", "tags", "depends", "verified_by", "implemented_by",
               "affects", "reviewers", "approvers"}
#: Fields that hold IDs (one or a list): another project's IDs get its prefix.
ID_FIELDS = {"id", "spec", "supersedes", "depends", "affects"}


class ExchangeError(Exception):
    """An export entry that is not an object of this format."""


def parse(raw: bytes) -> dict[str, Any]:
    """The export `raw` holds, checked to be one of the readable versions with a list of
    each kind of object; ExchangeError says why it is not."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ExchangeError(f"is not JSON: {error}") from error
    readable = " or ".join(map(str, READABLE_VERSIONS))
    if not isinstance(data, dict) or "schema_version" not in data:
        raise ExchangeError(f"is not an enhspec export of schema version {readable}")
    if data["schema_version"] not in READABLE_VERSIONS:
        raise ExchangeError(f"is not an enhspec export of schema version {readable} "
                            f"(its schema_version is {json.dumps(data['schema_version'])})")
    for key in (*LISTS, CONFIG_CHANGES, API_CHANGES, TASKS):
        if not isinstance(data.get(key, []), list):
            raise ExchangeError(f"has no list of {key}")
    return data


def place(location: Location, anchor: str, page_uri: str, srcdir: str) -> dict[str, Any]:
    """Where an object is: document, line, anchor, URI, and its file when included."""
    out: dict[str, Any] = {"docname": location.docname, "line": location.lineno,
                           "anchor": anchor, "uri": f"{page_uri}#{anchor}"}
    if location.source:
        out["source"] = os.path.relpath(location.source, srcdir).replace(os.sep, "/")
    return out


def entry(record: LinkedRecord, where: dict[str, Any]) -> dict[str, Any]:
    """An object's own fields and its place."""
    fields = asdict(record)
    fields.pop("location")
    fields.pop("objtype")
    fields.pop("body_digest", None)
    return {"type": record.objtype, **fields, "fingerprint": record.fingerprint, **where}


def change_entry(change: Change, where: dict[str, Any]) -> dict[str, Any]:
    """A config or API change's fields, its ``name@release`` ID and its place."""
    fields = asdict(change)
    fields.pop("location")
    kind = "api-change" if isinstance(change, ApiChange) else "config-change"
    return {"type": kind, "id": change.id, **fields, **where}


def task_entry(task: Task, srcdir: str) -> dict[str, Any]:
    """A task's fields and where it is written (a task has no anchor of its own)."""
    out: dict[str, Any] = {
        "type": "task", "spec": task.spec, "done": task.done, "text": task.text,
        "section": task.section, "part": task.part, "milestone": task.milestone,
        "docname": task.location.docname, "line": task.location.lineno,
    }
    if task.location.source:
        out["source"] = os.path.relpath(task.location.source, srcdir).replace(os.sep, "/")
    return out


def record(cls: LinkedType, data: Any, prefix: str, location: Location) -> LinkedRecord:
    """The record an entry describes, its IDs prefixed with `prefix`."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ExchangeError("has an object without an ID")
    fields: dict[str, Any] = {}
    for field in cls.__dataclass_fields__.values():
        if not field.init or field.name in {"location", "anchor"} or field.name not in data:
            continue
        value = data[field.name]
        if field.name in LIST_FIELDS:
            value = tuple(f"{prefix}{v}" if field.name in ID_FIELDS else str(v)
                          for v in value or ())
        elif field.name in ID_FIELDS:
            value = f"{prefix}{value}" if value else ""
        fields[field.name] = value
    try:
        return cls(**fields, location=location, anchor="")
    except TypeError as error:
        raise ExchangeError(f"has an object of the wrong shape: {error}") from error
