"""The traceability matrix: a row per requirement, with its links, tests and risks."""

from __future__ import annotations

from docutils import nodes

from ..derive.rows import Matrix, MatrixRow
from ..model import is_done
from ..nodes import box
from ..query import Query
from . import parts
from .context import Context
from .tables import Cell, empty, paragraph, table

HEADERS = {
    "id": "ID", "title": "Title", "kind": "Kind", "status": "Status", "priority": "Priority",
    "spec": "Spec", "depends": "Depends on", "verified-by": "Verified by",
    "implemented-by": "Implemented by", "risks": "Risks", "tags": "Tags",
}


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
        return [box(is_done(req.status)), nodes.Text(" "), parts.badge("status", req.status)]
    if column == "spec":
        return [ctx.link("spec", req.spec)] if req.spec else []
    if column == "depends":
        return parts.joined(ctx.link("req", target) for target in row.depends)
    if column == "risks":
        return parts.joined(ctx.link("risk", target) for target in row.risks)
    if column == "verified-by":
        return parts.outcome_nodes(row.tests)
    if column == "implemented-by":
        return parts.source_links(req.implemented_by, ctx.source_url)
    text = {"kind": req.kind, "priority": req.priority, "tags": ", ".join(req.tags)}[column]
    return parts.text(text)


def summary(matrix: Matrix) -> nodes.paragraph:
    """``N requirements, D done, V verified (P%)``."""
    total = len(matrix.rows)
    share = round(100 * matrix.verified / total) if total else 0
    text = (f"{total} requirement{'s' if total != 1 else ''}, {matrix.done} done, "
            f"{matrix.verified} verified ({share}%)")
    bar = nodes.inline("", "", classes=["enhspec-coverage", f"enhspec-coverage-{share // 5 * 5}"])
    return paragraph(nodes.Text(text), bar, classes=["enhspec-summary"])
