"""The traceability matrix: a row per requirement, with its links, tests and risks."""

from __future__ import annotations

from ..derive.rows import Matrix, MatrixRow
from ..derive.since import Against
from ..model import is_done
from ..query import DEFAULT_MATRIX_COLUMNS, Query
from . import model as m
from . import since
from .context import SPACE, Context, joined, text, verified_by
from .tables import empty, table

HEADERS = {
    "id": "ID", "title": "Title", "kind": "Kind", "status": "Status", "priority": "Priority",
    "spec": "Spec", "depends": "Depends on", "verified-by": "Verified by",
    "implemented-by": "Implemented by", "risks": "Risks", "tags": "Tags",
    "suspect": "Suspect",
}


def render(matrix: Matrix, query: Query, ctx: Context) -> list[m.Block]:
    """The table and its summary line."""
    if not matrix.rows:
        return [empty("matrix", "requirements match")]
    columns = query.columns or DEFAULT_MATRIX_COLUMNS
    headers = [HEADERS[c] for c in columns]
    marked = bool(query.since) and not matrix.problem
    if marked:
        headers.append(f"Since {query.since}")
    rows = [[*(_cell(row, column, ctx) for column in columns),
             *([since.mark(row.since)] if marked else [])] for row in matrix.rows]
    out: list[m.Block] = [table(headers, rows, kind="matrix", caption=query.caption),
                          summary(matrix)]
    if matrix.problem:
        out.append(since.problem(Against(query.since, problem=matrix.problem)))
    return out


def _cell(row: MatrixRow, column: str, ctx: Context) -> tuple[m.Item, ...]:
    req = row.req
    if column == "id":
        return (ctx.link("req", req.id),)
    if column == "title":
        return ctx.title(req.id, req.title)
    if column == "status":
        return (m.Box(is_done(req.status)), SPACE, m.Badge("status", req.status))
    if column == "spec":
        return (ctx.link("spec", req.spec),) if req.spec else ()
    if column == "depends":
        return ctx.links("req", row.depends)
    if column == "risks":
        return ctx.links("risk", row.risks)
    if column == "suspect":
        return ctx.links("req", row.suspect)
    if column == "verified-by":
        return verified_by(row.tests)
    if column == "implemented-by":
        url = ctx.source_url
        return joined((m.Code(path, url.format(path=path) if url else ""),)
                      for path in req.implemented_by)
    return text({"kind": req.kind, "priority": req.priority, "tags": ", ".join(req.tags)}[column])


def summary(matrix: Matrix) -> m.Paragraph:
    """``N requirements, D done, V verified (P%)``, and a bar."""
    total = len(matrix.rows)
    share = round(100 * matrix.verified / total) if total else 0
    said = (f"{total} requirement{'s' if total != 1 else ''}, {matrix.done} done, "
            f"{matrix.verified} verified ({share}%)")
    return m.Paragraph((m.Text(said), m.Bar(share // 5 * 5)), ("enhspec-summary",))
