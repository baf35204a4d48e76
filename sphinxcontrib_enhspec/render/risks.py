"""The risk register, and its likelihood x impact grid."""

from __future__ import annotations

from docutils import nodes

from ..derive.rows import Register, RiskRow
from ..model import Risk
from ..nodes import TextPart
from ..query import Query
from . import parts
from .context import Context
from .tables import empty, paragraph, table

HEADERS = ("ID", "Title", "Category", "Likelihood", "Impact", "Status", "Mitigation",
           "Affects")


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
        parts.text(risk.category),
        [parts.badge("level", risk.likelihood)] if risk.likelihood else [],
        [parts.badge("level", risk.impact)] if risk.impact else [],
        [parts.badge("status", risk.status)],
        _mitigation(risk, ctx),
        parts.joined(ctx.link("req", target) for target in row.affects),
    ]


def _mitigation(risk: Risk, ctx: Context) -> list[nodes.Node]:
    """The option's text, then any nested mitigation's content, as the risk shows them."""
    option = ctx.text(risk.id, TextPart.MITIGATION, "")
    # The record joins the option's text and the nested ones: load the page only for those.
    said = " ".join("".join(node.astext() for node in option).split())
    nested = [] if said == risk.mitigation else [
        ctx.adopt(node, risk.location.docname)
        for node in ctx.parsed(risk.id, TextPart.NESTED_MITIGATIONS)]
    return [*option, *nested] if option or nested else parts.text(risk.mitigation)


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
                 [_entry([nodes.Text(impact)], [parts.css("impact", impact)])
                  for impact in levels])
    group += head
    body = nodes.tbody()
    for li, likelihood in reversed(list(enumerate(levels))):
        entries = [_entry([nodes.Text(likelihood)], [parts.css("likelihood", likelihood)])]
        for ii, impact in enumerate(levels):
            ids = cells.get((likelihood, impact), [])
            entries.append(_entry(parts.joined(ctx.link("risk", i) for i in ids),
                                  ["enhspec-cell", f"enhspec-severity-{li + ii}"]))
        body += _row(entries)
    group += body
    out: list[nodes.Node] = [node]
    if unrated:
        out.append(paragraph(nodes.Text("Not rated: "),
                             *parts.joined(ctx.link("risk", i) for i in unrated),
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
