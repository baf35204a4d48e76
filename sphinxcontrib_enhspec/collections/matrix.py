"""The traceability matrix: a row per requirement, with its links, tests and risks."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .. import blocks
from ..config import PRIORITIES, is_done
from ..model import Requirement
from ..nodes import box
from ..query import Query, matches
from ..verification import Verification
from ..views import Views, natural_key
from .context import Context
from .outcomes import outcome_nodes
from .tables import Cell, empty, paragraph, table

HEADERS = {
    "id": "ID", "title": "Title", "kind": "Kind", "status": "Status", "priority": "Priority",
    "spec": "Spec", "depends": "Depends on", "verified-by": "Verified by",
    "implemented-by": "Implemented by", "risks": "Risks", "tags": "Tags",
}


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


def derive(views: Views, query: Query) -> Matrix:
    """The requirements that pass the filters, sorted by the query's column."""
    rows = [
        MatrixRow(
            req=req,
            depends=tuple(views.depends_of(req)),
            risks=tuple(views.risks_affecting.get(req.id, ())),
            tests=views.verification[req.id],
        )
        for req in views.requirements
        if matches(query, req, views.release_of(req.spec))
    ]
    order = {"status": views.cfg.requirement_statuses, "priority": ("", *PRIORITIES)}
    if query.sort in order:
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


def render(matrix: Matrix, query: Query, ctx: Context) -> list[nodes.Node]:
    """The table and its summary line."""
    if not matrix.rows:
        return [empty("matrix", "requirements match")]
    headers = [HEADERS[c] for c in query.columns]
    rows = [[_cell(row, column, ctx) for column in query.columns] for row in matrix.rows]
    return [table(headers, rows, kind="matrix", caption=query.caption), summary(matrix)]


def _cell(row: MatrixRow, column: str, ctx: Context) -> Cell:
    req = row.req
    if column == "id":
        return [ctx.link("req", req.id)]
    if column == "title":
        return ctx.title(req.id, req.title)
    if column == "status":
        return [box(is_done(req.status)), nodes.Text(" "), blocks.badge("status", req.status)]
    if column == "spec":
        return [ctx.link("spec", req.spec)] if req.spec else []
    if column == "depends":
        return blocks.joined(ctx.link("req", target) for target in row.depends)
    if column == "risks":
        return blocks.joined(ctx.link("risk", target) for target in row.risks)
    if column == "verified-by":
        return outcome_nodes(row.tests)
    if column == "implemented-by":
        return blocks.source_links(req.implemented_by, ctx.source_url)
    text = {"kind": req.kind, "priority": req.priority, "tags": ", ".join(req.tags)}[column]
    return blocks.text(text)


def summary(matrix: Matrix) -> nodes.paragraph:
    """``N requirements, D done, V verified (P%)``."""
    total = len(matrix.rows)
    share = round(100 * matrix.verified / total) if total else 0
    text = (f"{total} requirement{'s' if total != 1 else ''}, {matrix.done} done, "
            f"{matrix.verified} verified ({share}%)")
    bar = nodes.inline("", "", classes=["enhspec-coverage", f"enhspec-coverage-{share // 5 * 5}"])
    return paragraph(nodes.Text(text), bar, classes=["enhspec-summary"])
