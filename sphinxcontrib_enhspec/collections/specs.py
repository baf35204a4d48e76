"""The spec index, and the parts of a spec's card that other records decide."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .. import blocks
from ..config import is_done
from ..model import Spec
from ..query import Query, matches
from ..versions import release_key
from ..views import Views
from .context import Context
from .tables import empty, table

HEADERS = ("ID", "Title", "Status", "Version", "Date", "Authors", "Module", "Release",
           "Requirements", "Open risks")


@dataclass(frozen=True)
class SpecRow:
    """A spec and its counts."""

    spec: Spec
    done: int
    total: int
    open_risks: int
    superseded_by: tuple[str, ...]


def spec_row(views: Views, spec: Spec) -> SpecRow:
    """What the index and the card show of `spec` beyond its own options."""
    reqs = views.requirements_of.get(spec.id, [])
    return SpecRow(
        spec=spec,
        done=sum(is_done(req.status) for req in reqs),
        total=len(reqs),
        open_risks=sum(risk.status == "open" for risk in views.risks_of.get(spec.id, [])),
        superseded_by=tuple(views.superseded_by.get(spec.id, ())),
    )


def derive(views: Views, query: Query) -> tuple[tuple[str, tuple[SpecRow, ...]], ...]:
    """The matching specs in groups, each group in ID order."""
    rows = [spec_row(views, spec) for spec in views.specs
            if matches(query, spec, spec.release)]
    if query.group_by == "none":
        return (("", tuple(rows)),) if rows else ()
    groups: dict[str, list[SpecRow]] = {}
    for row in rows:
        groups.setdefault(_group_of(row.spec, query.group_by), []).append(row)
    if query.group_by == "status":
        order = {status: i for i, status in enumerate(views.cfg.spec_statuses)}
        keys = sorted(groups, key=lambda k: (order.get(k, len(order)), k))
    elif query.group_by == "release":
        keys = sorted(groups, key=lambda k: (k == "", release_key(k)))
    else:
        keys = sorted(groups, key=lambda k: (k == "", k.casefold()))
    return tuple((key, tuple(groups[key])) for key in keys)


def _group_of(spec: Spec, group_by: str) -> str:
    return {"status": spec.status, "release": spec.release, "module": spec.module}[group_by]


def render(groups: tuple[tuple[str, tuple[SpecRow, ...]], ...], query: Query,
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


def _cells(row: SpecRow, ctx: Context) -> list[list[nodes.Node]]:
    spec = row.spec
    return [
        [ctx.link("spec", spec.id)],
        ctx.title(spec.id, spec.title),
        [blocks.badge("status", spec.status)],
        blocks.text(spec.version),
        blocks.text(spec.date),
        blocks.text(", ".join(spec.authors)),
        blocks.text(spec.module),
        blocks.text(spec.release),
        [nodes.Text(f"{row.done}/{row.total}")],
        [nodes.Text(str(row.open_risks))],
    ]


def render_card(row: SpecRow, ctx: Context) -> list[nodes.Node]:
    """The card's derived fields: superseded-by links, requirement and open-risk counts."""
    field_lists = blocks.fields([
        ("Superseded by", blocks.joined(ctx.link("spec", s) for s in row.superseded_by)),
        ("Requirements", [nodes.Text(f"{row.done}/{row.total} done")]),
        ("Open risks", [nodes.Text(str(row.open_risks))]),
    ])
    return list(field_lists[0].children)
