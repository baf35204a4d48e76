"""What a collection shows: its kind, filters and layout, as a plain picklable value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import (
    ApiChange,
    ConfigChange,
    Location,
    MigrationStep,
    Milestone,
    Requirement,
    Risk,
    Spec,
)

MATRIX = "traceability-matrix"
SPEC_INDEX = "spec-index"
RISK_REGISTER = "risk-register"
MIGRATION_GUIDE = "migration-guide"
CONFIG_CHANGES = "config-changes"
API_CHANGES = "api-changes"
DEPRECATION_TIMELINE = "deprecation-timeline"
TIMELINE = "timeline"
TRACE_GRAPH = "trace-graph"
CHANGES = "changes"

FILTERS = ("spec", "status", "kind", "category", "tags", "release")
#: The filters that make sense for each collection's rows.
APPLICABLE = {
    MATRIX: ("spec", "status", "kind", "tags", "release"),
    SPEC_INDEX: ("spec", "status", "tags", "release"),
    RISK_REGISTER: ("spec", "status", "category", "tags", "release"),
    MIGRATION_GUIDE: ("spec",),
    CONFIG_CHANGES: ("spec", "release"),
    API_CHANGES: ("spec", "release"),
    DEPRECATION_TIMELINE: ("spec",),
    TIMELINE: ("spec", "status", "release"),
    TRACE_GRAPH: FILTERS,
    CHANGES: FILTERS,
}
MATRIX_COLUMNS = ("id", "title", "kind", "status", "priority", "spec", "depends",
                  "verified-by", "implemented-by", "risks", "tags", "suspect")
DEFAULT_MATRIX_COLUMNS = ("id", "title", "status", "spec", "verified-by", "risks")
GROUPS = ("status", "release", "module", "none")
SPEC_INDEX_COLUMNS = ("id", "title", "status", "version", "date", "author", "reviewers",
                      "approvers", "module", "release", "requirements", "risks", "tasks",
                      "discussion")
#: The ways a trace graph is laid out: left to right, top to bottom; the first is the default.
DIRECTIONS = ("LR", "TB")
DEFAULT_SPEC_INDEX_COLUMNS = tuple(c for c in SPEC_INDEX_COLUMNS
                                   if c not in ("reviewers", "approvers", "discussion"))


@dataclass(frozen=True)
class Query:
    """A collection as written: kind, filters (name -> values) and layout options."""

    kind: str
    location: Location
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The columns to show; empty for the collection's default columns.
    columns: tuple[str, ...] = ()
    sort: str = "id"
    caption: str = ""
    group_by: str = "status"
    matrix: bool = False
    from_release: str = ""
    to_release: str = ""
    actions: tuple[str, ...] = ()
    #: A timeline's dates (ISO 8601), both ends inclusive.
    from_date: str = ""
    to_date: str = ""
    #: A trace graph's layout (one of `DIRECTIONS`), and whether it draws the tests.
    direction: str = DIRECTIONS[0]
    tests: bool = False
    #: The baseline (a name of ``enhspec_baselines``) to compare with.
    since: str = ""

    def values(self, name: str) -> tuple[str, ...]:
        """The values of filter `name` (empty when not given)."""
        return next((values for key, values in self.filters if key == name), ())


def _hit(values: tuple[str, ...], candidates: Iterable[str]) -> bool:
    """True when no values are asked for, or one of `candidates` is among them."""
    if not values:
        return True
    wanted = {v.casefold() for v in values}
    return any(c.casefold() in wanted for c in candidates)


Filterable = Spec | Requirement | Risk | MigrationStep | Milestone | ConfigChange | ApiChange


def matches(query: Query, record: Filterable, release: str) -> bool:
    """Whether `record` (whose effective release is `release`) passes every filter."""
    spec = record.id if isinstance(record, Spec) else record.spec
    return matches_values(query, {
        "spec": [spec], "status": [getattr(record, "status", "")],
        "kind": [getattr(record, "kind", "")], "category": [getattr(record, "category", "")],
        "tags": getattr(record, "tags", ()), "release": [release],
    }) and _hit(query.actions, [getattr(record, "action", "")])


def matches_values(query: Query, values: Mapping[str, Iterable[str]]) -> bool:
    """Whether an object whose values for each filter are `values` passes every filter."""
    return all(_hit(query.values(name), values.get(name, ())) for name in FILTERS)
