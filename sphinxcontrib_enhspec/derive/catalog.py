"""The catalog: every record by ID, built in one pass, with the IDs defined twice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..model import (
    ApiChange,
    ConfigChange,
    LinkedRecord,
    MigrationStep,
    Milestone,
    Record,
    Recorded,
    Spec,
    Task,
)

R = TypeVar("R", ConfigChange, ApiChange, LinkedRecord)


@dataclass
class Catalog:
    """Records of the whole project, keyed for lookup; built once per change of the records."""

    objects: dict[str, LinkedRecord] = field(default_factory=dict)
    config_changes: dict[str, ConfigChange] = field(default_factory=dict)
    api_changes: dict[str, ApiChange] = field(default_factory=dict)
    #: Every task, in document order.
    tasks: list[Task] = field(default_factory=list)
    #: (later definition, the one that stands) for every repeated ID.
    duplicates: list[tuple[Record, Record]] = field(default_factory=list)

    def get(self, full_id: str, objtype: str | None = None) -> LinkedRecord | None:
        """The object with `full_id`, if it exists and (when given) has `objtype`."""
        record = self.objects.get(full_id)
        if record is None or (objtype is not None and record.objtype != objtype):
            return None
        return record

    def lookup(
        self, candidates: Sequence[str], objtype: str | None = None
    ) -> LinkedRecord | None:
        """The first of `candidates` that names an object of `objtype`."""
        for candidate in candidates:
            record = self.get(candidate, objtype)
            if record is not None:
                return record
        return None

    def spec(self, spec_id: str) -> Spec | None:
        """The spec with `spec_id`."""
        record = self.get(spec_id, "spec")
        return record if isinstance(record, Spec) else None


def _with_release(record: Record, specs: Mapping[str, Spec]) -> Record:
    """A step, milestone or change with its spec's release when it names none."""
    if (isinstance(record, (MigrationStep, Milestone, ConfigChange, ApiChange))
            and not record.release):
        spec = specs.get(record.spec)
        if spec is not None and spec.release:
            return replace(record, release=spec.release)
    return record


def build_catalog(
    records_by_doc: Mapping[str, Sequence[Recorded]], external: Sequence[LinkedRecord] = ()
) -> Catalog:
    """Catalog every record; the first definition of an ID in document order stands.

    Other projects' objects (`external`) come last; their IDs carry their project's prefix.
    """
    ordered: list[Recorded] = [rec for doc in sorted(records_by_doc)
                               for rec in records_by_doc[doc]]
    ordered.extend(external)
    specs: dict[str, Spec] = {}
    for rec in ordered:
        if isinstance(rec, Spec):
            specs.setdefault(rec.id, rec)
    catalog = Catalog()
    for rec in ordered:
        if isinstance(rec, Task):
            catalog.tasks.append(rec)
            continue
        rec = _with_release(rec, specs)
        if isinstance(rec, ConfigChange):
            _add(catalog.config_changes, rec, catalog.duplicates)
        elif isinstance(rec, ApiChange):
            _add(catalog.api_changes, rec, catalog.duplicates)
        else:
            _add(catalog.objects, rec, catalog.duplicates)
    return catalog


def _add(table: dict[str, R], record: R, duplicates: list[tuple[Record, Record]]) -> None:
    existing = table.get(record.id)
    if existing is None:
        table[record.id] = record
    else:
        duplicates.append((record, existing))
