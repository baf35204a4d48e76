"""What each collection shows, as plain values: its rows, groups and parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import query as q
from ..ids import natural_key
from ..model import PRIORITIES, Requirement, Risk, Spec, is_done
from ..versions import release_key
from . import milestones, releases
from .graph import trace_graph
from .since import Against, marks, shown
from .traces import SpecCounts, Traces
from .verification import Verification


@dataclass(frozen=True)
class MatrixRow:
    """One requirement and what the matrix shows of it."""

    req: Requirement
    depends: tuple[str, ...]
    risks: tuple[str, ...]
    tests: Verification
    #: ``added`` or ``changed`` since the baseline of the matrix's ``:since:``, else ''.
    since: str = ""
    #: The targets of its ``:depends:`` that changed since the link was reviewed.
    suspect: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matrix:
    """The rows in display order, and the summary counts."""

    rows: tuple[MatrixRow, ...]
    done: int
    verified: int
    #: Why the baseline of ``:since:`` cannot be compared with ('' when it can).
    problem: str = ""


def matrix(traces: Traces, query: q.Query) -> Matrix:
    """The requirements that pass the filters, sorted by the query's column."""
    rows = [
        MatrixRow(
            req=req,
            depends=tuple(traces.depends_of(req)),
            risks=tuple(traces.risks_affecting.get(req.id, ())),
            tests=traces.verification[req.id],
            suspect=traces.suspects.links.get(req.id, ()),
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
        "suspect": ", ".join(row.suspect),
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
    #: The requirements it affects that changed since the link was reviewed.
    suspect: tuple[str, ...] = ()


@dataclass(frozen=True)
class Register:
    """The rows, and the levels the grid is laid out in (low to high)."""

    rows: tuple[RiskRow, ...]
    levels: tuple[str, ...]


def risk_register(traces: Traces, query: q.Query) -> Register:
    """The risks that pass the filters, in ID order."""
    rows = tuple(RiskRow(risk, tuple(traces.affects_of(risk)),
                         traces.suspects.links.get(risk.id, ()))
                 for risk in traces.risks if q.matches(query, risk, traces.release_of(risk.spec)))
    return Register(rows=rows, levels=traces.cfg.levels)


#: Each collection's rows, by the collection's name.
ROWS: dict[str, Callable[[Traces, q.Query], object]] = {
    q.MATRIX: matrix,
    q.SPEC_INDEX: spec_index,
    q.RISK_REGISTER: risk_register,
    q.MIGRATION_GUIDE: releases.migration_guide,
    q.CONFIG_CHANGES: releases.config_changes,
    q.API_CHANGES: releases.api_changes,
    q.DEPRECATION_TIMELINE: releases.deprecation_timeline,
    q.TIMELINE: milestones.timeline,
    q.TRACE_GRAPH: trace_graph,
}


def rows(traces: Traces, query: q.Query, against: Against | None = None) -> object:
    """The plain values a collection shows; `against` is the comparison its ``:since:``
    names."""
    if query.kind == q.CHANGES:
        return shown(against, query, traces.release_of)
    found = ROWS[query.kind](traces, query)
    if isinstance(found, Matrix) and against is not None:
        mark = marks(against)
        found = replace(found, rows=tuple(replace(row, since=mark.get(row.req.id, ""))
                                          for row in found.rows), problem=against.problem)
    return found
