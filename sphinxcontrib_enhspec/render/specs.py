"""The spec index, and the fields of a spec's card that other records decide."""

from __future__ import annotations

from ..derive.rows import SpecGroup
from ..derive.traces import SpecCounts
from ..query import Query
from . import model as m
from .context import Context, text
from .tables import empty, table

HEADERS = ("ID", "Title", "Status", "Version", "Date", "Authors", "Module", "Release",
           "Requirements", "Open risks")


def render(groups: tuple[SpecGroup, ...], query: Query, ctx: Context) -> list[m.Block]:
    """A table per group, each under a rubric naming the group."""
    if not groups:
        return [empty("spec-index", "specs match")]
    out: list[m.Block] = []
    for label, rows in groups:
        if query.group_by != "none":
            out.append(m.Rubric(label or f"No {query.group_by}", ("enhspec-group",)))
        out.append(table(HEADERS, [_cells(row, ctx) for row in rows], kind="spec-index",
                         caption=query.caption))
    return out


def _cells(row: SpecCounts, ctx: Context) -> list[tuple[m.Item, ...]]:
    spec = row.spec
    return [
        (ctx.link("spec", spec.id),),
        ctx.title(spec.id, spec.title),
        (m.Badge("status", spec.status),),
        text(spec.version),
        text(spec.date),
        text(", ".join(spec.authors)),
        text(spec.module),
        text(spec.release),
        (m.Text(f"{row.done}/{row.total}"),),
        (m.Text(str(row.open_risks)),),
    ]


def card_counts(row: SpecCounts, ctx: Context) -> m.Fields:
    """The card's derived fields: superseded-by links, requirement and open-risk counts."""
    return m.Fields((
        ("Superseded by", ctx.links("spec", row.superseded_by)),
        ("Requirements", (m.Text(f"{row.done}/{row.total} done"),)),
        ("Open risks", (m.Text(str(row.open_risks)),)),
    ))
