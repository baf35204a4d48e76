"""What each collection shows, as plain values: its rows, groups and parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import query as q
from ..ids import natural_key
from ..model import PRIORITIES, ConfigChange, MigrationStep, Requirement, Risk, Spec, is_done
from ..versions import parse_version, release_key
from .traces import SpecCounts, Traces
from .verification import Verification


@dataclass(frozen=True)
class MatrixRow:
    """One requirement and what the matrix shows of it."""

    req: Requirement
    depends: tuple[str, ...]
    risks: tuple[str, ...]
    tests: Verification


@dataclass(frozen=True)
class Matrix:
    """The rows in display order, and the summary counts."""

    rows: tuple[MatrixRow, ...]
    done: int
    verified: int


def matrix(traces: Traces, query: q.Query) -> Matrix:
    """The requirements that pass the filters, sorted by the query's column."""
    rows = [
        MatrixRow(
            req=req,
            depends=tuple(traces.depends_of(req)),
            risks=tuple(traces.risks_affecting.get(req.id, ())),
            tests=traces.verification[req.id],
        )
        for req in traces.requirements
        if q.matches(query, req, traces.release_of(req.spec))
    ]
    order = {"status": traces.cfg.requirement_statuses, "priority": ("", *PRIORITIES)}
    if query.sort == "id":
        pass  # the traces are in ID order already
    elif query.sort in order:
        rank = {value: i for i, value in enumerate(order[query.sort])}
        rows.sort(key=lambda row: (rank.get(getattr(row.req, query.sort), len(rank)),
                                   natural_key(row.req.id)))
    else:
        rows.sort(key=lambda row: (_sort_text(row, query.sort), natural_key(row.req.id)))
    return Matrix(
        rows=tuple(rows),
        done=sum(is_done(row.req.status) for row in rows),
        verified=sum(row.tests.verified for row in rows),
    )


def _sort_text(row: MatrixRow, column: str) -> tuple[tuple[int, int | str], ...]:
    req = row.req
    values = {
        "id": req.id, "title": req.title, "kind": req.kind, "status": req.status,
        "priority": req.priority, "spec": req.spec, "depends": ", ".join(row.depends),
        "verified-by": ", ".join(t.test for t in row.tests.tests),
        "implemented-by": ", ".join(req.implemented_by),
        "risks": ", ".join(row.risks), "tags": ", ".join(req.tags),
    }
    return natural_key(values.get(column, req.id))


#: A group's label and its specs, in ID order.
SpecGroup = tuple[str, tuple[SpecCounts, ...]]


def spec_index(traces: Traces, query: q.Query) -> tuple[SpecGroup, ...]:
    """The matching specs in groups, each group in ID order."""
    rows = [traces.counts[spec.id] for spec in traces.specs
            if q.matches(query, spec, spec.release)]
    if query.group_by == "none":
        return (("", tuple(rows)),) if rows else ()
    groups: dict[str, list[SpecCounts]] = {}
    for row in rows:
        groups.setdefault(_group_of(row.spec, query.group_by), []).append(row)
    if query.group_by == "status":
        order = {status: i for i, status in enumerate(traces.cfg.spec_statuses)}
        keys = sorted(groups, key=lambda k: (order.get(k, len(order)), k))
    elif query.group_by == "release":
        keys = sorted(groups, key=lambda k: (k == "", release_key(k)))
    else:
        keys = sorted(groups, key=lambda k: (k == "", k.casefold()))
    return tuple((key, tuple(groups[key])) for key in keys)


def _group_of(spec: Spec, group_by: str) -> str:
    return {"status": spec.status, "release": spec.release, "module": spec.module}[group_by]


@dataclass(frozen=True)
class RiskRow:
    """A risk and the full IDs of the requirements it affects."""

    risk: Risk
    affects: tuple[str, ...]


@dataclass(frozen=True)
class Register:
    """The rows, and the levels the grid is laid out in (low to high)."""

    rows: tuple[RiskRow, ...]
    levels: tuple[str, ...]


def risk_register(traces: Traces, query: q.Query) -> Register:
    """The risks that pass the filters, in ID order."""
    rows = tuple(RiskRow(risk, tuple(traces.affects_of(risk))) for risk in traces.risks
                 if q.matches(query, risk, traces.release_of(risk.spec)))
    return Register(rows=rows, levels=traces.cfg.levels)


@dataclass(frozen=True)
class Release:
    """One release of the migration guide."""

    release: str
    steps: tuple[MigrationStep, ...]
    changes: tuple[ConfigChange, ...]
    compatibility: tuple[Requirement, ...]


def config_changes(traces: Traces, query: q.Query) -> tuple[ConfigChange, ...]:
    """The config changes that pass the filters, by release then key."""
    return tuple(change for change in traces.changes
                 if q.matches(query, change, change.release))


def migration_guide(traces: Traces, query: q.Query) -> tuple[Release, ...]:
    """The releases in range, in PEP 440 order; steps and changes without one come last."""
    low = parse_version(query.from_release) if query.from_release else None
    high = parse_version(query.to_release) if query.to_release else None

    def in_range(release: str) -> bool:
        version = parse_version(release)
        if version is None:
            return not release and low is None and high is None
        return (low is None or version > low) and (high is None or version <= high)

    steps = [s for s in traces.steps if in_range(s.release) and q.matches(query, s, s.release)]
    found = [c for c in config_changes(traces, query) if in_range(c.release)]
    # One part per version: "2.0" and "2.0.0" are the same release, named as first written.
    parts: dict[object, list[str]] = {}
    for release in sorted({s.release for s in steps} | {c.release for c in found}):
        parts.setdefault(parse_version(release) or release, []).append(release)
    compatibility = traces.cfg.compatibility_kind
    out = []
    for spellings in sorted(parts.values(), key=lambda r: (r[0] == "", release_key(r[0]))):
        here = sorted((s for s in steps if s.release in spellings),
                      key=lambda s: (not s.breaking, natural_key(s.spec), s.order,
                                     natural_key(s.id)))
        changed = tuple(c for c in found if c.release in spellings)
        specs = sorted({s.spec for s in here} | {c.spec for c in changed} - {""},
                       key=natural_key)
        compatible = tuple(req for spec in specs for req in traces.requirements_of.get(spec, [])
                           if req.kind == compatibility)
        out.append(Release(spellings[0], tuple(here), changed, compatible))
    return tuple(out)


#: Each collection's rows, by the collection's name.
ROWS: dict[str, Callable[[Traces, q.Query], object]] = {
    q.MATRIX: matrix,
    q.SPEC_INDEX: spec_index,
    q.RISK_REGISTER: risk_register,
    q.MIGRATION_GUIDE: migration_guide,
    q.CONFIG_CHANGES: config_changes,
}


def rows(traces: Traces, query: q.Query) -> object:
    """The plain values a collection shows."""
    return ROWS[query.kind](traces, query)
