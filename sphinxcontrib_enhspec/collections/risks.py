"""The risk register, and its likelihood x impact grid."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .. import blocks
from ..model import Risk
from ..query import Query, matches
from ..views import Views
from .context import Context
from .tables import empty, paragraph, table

HEADERS = ("ID", "Title", "Category", "Likelihood", "Impact", "Status", "Mitigation",
           "Affects")


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


def derive(views: Views, query: Query) -> Register:
    """The risks that pass the filters, in ID order."""
    rows = tuple(RiskRow(risk, tuple(views.affects_of(risk))) for risk in views.risks
                 if matches(query, risk, views.release_of(risk.spec)))
    return Register(rows=rows, levels=views.cfg.levels)


def render(register: Register, query: Query, ctx: Context) -> list[nodes.Node]:
    """The register table, then the grid when ``:matrix:`` is set."""
    if not register.rows:
        return [empty("risk-register", "risks match")]
    rows = [_cells(row, ctx) for row in register.rows]
    out: list[nodes.Node] = [table(HEADERS, rows, kind="risk-register", caption=query.caption)]
    if query.matrix:
        out.extend(grid(register, ctx))
    return out


def _cells(row: RiskRow, ctx: Context) -> list[list[nodes.Node]]:
    risk = row.risk
    return [
        [ctx.link("risk", risk.id)],
        ctx.title(risk.id, risk.title),
        blocks.text(risk.category),
        [blocks.badge("level", risk.likelihood)] if risk.likelihood else [],
        [blocks.badge("level", risk.impact)] if risk.impact else [],
        [blocks.badge("status", risk.status)],
        _mitigation(risk, ctx),
        blocks.joined(ctx.link("req", target) for target in row.affects),
    ]


def _mitigation(risk: Risk, ctx: Context) -> list[nodes.Node]:
    """The option's text, then any nested mitigation's content, as the risk shows them."""
    option = ctx.text(f"{risk.id}#mitigation", "") if ctx.texts(f"{risk.id}#mitigation") else []
    # The record joins the option's text and the nested ones: load the page only for those.
    said = " ".join("".join(node.astext() for node in option).split())
    nested = [] if said == risk.mitigation else [
        ctx.adopt(node, risk.location.docname) for node in ctx.mitigations(risk.id)]
    return [*option, *nested] if option or nested else blocks.text(risk.mitigation)


def grid(register: Register, ctx: Context) -> list[nodes.Node]:
    """Likelihood (rows, high first) x impact (columns): the risks in each cell."""
    levels = register.levels
    cells: dict[tuple[str, str], list[str]] = {}
    unrated = []
    for row in register.rows:
        risk = row.risk
        if risk.likelihood in levels and risk.impact in levels:
            cells.setdefault((risk.likelihood, risk.impact), []).append(risk.id)
        else:
            unrated.append(risk.id)
    node = nodes.table(classes=["enhspec-table", "enhspec-risk-grid"])
    node += nodes.title("Likelihood x impact", "Likelihood x impact")
    group = nodes.tgroup(cols=len(levels) + 1)
    node += group
    group.extend(nodes.colspec(colwidth=12) for _ in range(len(levels) + 1))
    head = nodes.thead()
    head += _row([_entry([nodes.Text("Likelihood \\ impact")])] +
                 [_entry([nodes.Text(impact)], [blocks.css("impact", impact)])
                  for impact in levels])
    group += head
    body = nodes.tbody()
    for li, likelihood in reversed(list(enumerate(levels))):
        entries = [_entry([nodes.Text(likelihood)], [blocks.css("likelihood", likelihood)])]
        for ii, impact in enumerate(levels):
            ids = cells.get((likelihood, impact), [])
            entries.append(_entry(blocks.joined(ctx.link("risk", i) for i in ids),
                                  ["enhspec-cell", f"enhspec-severity-{li + ii}"]))
        body += _row(entries)
    group += body
    out: list[nodes.Node] = [node]
    if unrated:
        out.append(paragraph(nodes.Text("Not rated: "),
                             *blocks.joined(ctx.link("risk", i) for i in unrated),
                             classes=["enhspec-unrated"]))
    return out


def _entry(inline: list[nodes.Node], classes: list[str] | None = None) -> nodes.entry:
    entry = nodes.entry(classes=classes or [])
    if inline:
        entry += nodes.paragraph("", "", *inline)
    return entry


def _row(entries: list[nodes.entry]) -> nodes.row:
    out = nodes.row()
    out.extend(entries)
    return out
