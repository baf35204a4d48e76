"""The spec index, and the fields of a spec's card that other records decide."""

from __future__ import annotations

from docutils import nodes

from ..derive.rows import SpecGroup
from ..derive.traces import SpecCounts
from ..query import Query
from . import parts
from .context import Context
from .tables import empty, table

HEADERS = ("ID", "Title", "Status", "Version", "Date", "Authors", "Module", "Release",
           "Requirements", "Open risks")


def render(groups: tuple[SpecGroup, ...], query: Query,
           ctx: Context) -> list[nodes.Node]:
    """A table per group, each under a rubric naming the group."""
    if not groups:
        return [empty("spec-index", "specs match")]
    out: list[nodes.Node] = []
    for label, rows in groups:
        if query.group_by != "none":
            text = label or f"No {query.group_by}"
            out.append(nodes.rubric(text, text, classes=["enhspec-group"]))
        out.append(table(HEADERS, [_cells(row, ctx) for row in rows], kind="spec-index",
                         caption=query.caption))
    return out


def _cells(row: SpecCounts, ctx: Context) -> list[list[nodes.Node]]:
    spec = row.spec
    return [
        [ctx.link("spec", spec.id)],
        ctx.title(spec.id, spec.title),
        [parts.badge("status", spec.status)],
        parts.text(spec.version),
        parts.text(spec.date),
        parts.text(", ".join(spec.authors)),
        parts.text(spec.module),
        parts.text(spec.release),
        [nodes.Text(f"{row.done}/{row.total}")],
        [nodes.Text(str(row.open_risks))],
    ]


def card_counts(row: SpecCounts, ctx: Context) -> list[nodes.Node]:
    """The card's derived fields: superseded-by links, requirement and open-risk counts."""
    field_lists = parts.fields([
        ("Superseded by", parts.joined(ctx.link("spec", s) for s in row.superseded_by)),
        ("Requirements", [nodes.Text(f"{row.done}/{row.total} done")]),
        ("Open risks", [nodes.Text(str(row.open_risks))]),
    ])
    return list(field_lists[0].children)
