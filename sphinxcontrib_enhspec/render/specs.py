"""The spec index, and the fields of a spec's card that other records decide."""

from __future__ import annotations

from collections.abc import Callable

from ..derive.rows import SpecGroup
from ..derive.traces import SpecCounts
from ..query import DEFAULT_SPEC_INDEX_COLUMNS, Query
from . import model as m
from .context import Context, text
from .tables import empty, table

#: Each column's heading and cell.
Column = tuple[str, Callable[[SpecCounts, Context], tuple[m.Item, ...]]]
COLUMNS: dict[str, Column] = {
    "id": ("ID", lambda row, ctx: (ctx.link("spec", row.spec.id),)),
    "title": ("Title", lambda row, ctx: ctx.title(row.spec.id, row.spec.title)),
    "status": ("Status", lambda row, ctx: (m.Badge("status", row.spec.status),)),
    "version": ("Version", lambda row, ctx: text(row.spec.version)),
    "date": ("Date", lambda row, ctx: text(row.spec.date)),
    "author": ("Authors", lambda row, ctx: text(", ".join(row.spec.authors))),
    "reviewers": ("Reviewers", lambda row, ctx: text(", ".join(row.spec.reviewers))),
    "approvers": ("Approvers", lambda row, ctx: text(", ".join(row.spec.approvers))),
    "module": ("Module", lambda row, ctx: text(row.spec.module)),
    "release": ("Release", lambda row, ctx: text(row.spec.release)),
    "requirements": ("Requirements", lambda row, ctx: (m.Text(f"{row.done}/{row.total}"),)),
    "risks": ("Open risks", lambda row, ctx: (m.Text(str(row.open_risks)),)),
    "tasks": ("Tasks", lambda row, ctx: (m.Text(f"{row.tasks_done}/{row.tasks_total}"),)),
    "discussion": ("Discussion", lambda row, ctx: (
        (m.Code(row.spec.discussion, row.spec.discussion),) if row.spec.discussion else ())),
}


def render(groups: tuple[SpecGroup, ...], query: Query, ctx: Context) -> list[m.Block]:
    """A table per group, each under a rubric naming the group."""
    if not groups:
        return [empty("spec-index", "specs match")]
    out: list[m.Block] = []
    for label, rows in groups:
        if query.group_by != "none":
            out.append(m.Rubric(label or f"No {query.group_by}", ("enhspec-group",)))
        columns = [COLUMNS[name] for name in query.columns or DEFAULT_SPEC_INDEX_COLUMNS]
        out.append(table([head for head, _ in columns],
                         [[cell(row, ctx) for _, cell in columns] for row in rows],
                         kind="spec-index", caption=query.caption))
    return out


def card_counts(row: SpecCounts, ctx: Context) -> m.Fields:
    """The card's derived fields: links to the specs it supersedes and that supersede it,
    requirement, open-risk and task counts (filled at write time, so a spec defined on
    another page links once that page is read)."""
    return m.Fields((
        ("Supersedes", ctx.links("spec", row.supersedes)),
        ("Superseded by", ctx.links("spec", row.superseded_by)),
        ("Requirements", (m.Text(f"{row.done}/{row.total} done"),)),
        ("Open risks", (m.Text(str(row.open_risks)),)),
        ("Tasks", (m.Text(", ".join(f"{part} {done}/{total}" for part, done, total in row.tasks)),)
         if row.tasks else ()),
    ))
