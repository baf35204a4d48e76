"""The risk register, and its likelihood x impact grid."""

from __future__ import annotations

from ..derive.rows import Register, RiskRow
from ..model import Risk
from ..nodes import TABLE_CLASS, TextPart, text_key
from ..query import Query
from . import model as m
from .context import SPACE, Context, joined, text
from .parts import css
from .tables import empty, table

#: What follows a link whose target changed since the link was reviewed.
SUSPECT = (SPACE, m.Badge("state", "suspect"))
HEADERS = ("ID", "Title", "Category", "Likelihood", "Impact", "Status", "Mitigation",
           "Affects")


def render(register: Register, query: Query, ctx: Context) -> list[m.Block]:
    """The register table, then the grid when ``:matrix:`` is set."""
    if not register.rows:
        return [empty("risk-register", "risks match")]
    rows = [_cells(row, ctx) for row in register.rows]
    out: list[m.Block] = [table(HEADERS, rows, kind="risk-register", caption=query.caption)]
    if query.matrix:
        out.extend(grid(register, ctx))
    return out


def _cells(row: RiskRow, ctx: Context) -> list[tuple[m.Item, ...]]:
    risk = row.risk
    return [
        (ctx.link("risk", risk.id),),
        ctx.title(risk.id, risk.title),
        text(risk.category),
        (m.Badge("level", risk.likelihood),) if risk.likelihood else (),
        (m.Badge("level", risk.impact),) if risk.impact else (),
        (m.Badge("status", risk.status),),
        _mitigation(risk, ctx),
        joined((ctx.link("req", target), *SUSPECT) if target in row.suspect
               else (ctx.link("req", target),) for target in row.affects),
    ]


def _mitigation(risk: Risk, ctx: Context) -> tuple[m.Item, ...]:
    """The option's text, then any nested mitigation's content, as the risk shows them."""
    option = ctx.text(risk.id, TextPart.MITIGATION, "")
    key = text_key(risk.id, TextPart.NESTED_MITIGATIONS)
    nested = (m.Parsed(key, risk.location.docname),) if ctx.has_text(key) else ()
    return (*option, *nested) if option or nested else text(risk.mitigation)


def grid(register: Register, ctx: Context) -> list[m.Block]:
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
    head = (m.Cell((m.Text("Likelihood \\ impact"),)),
            *(m.Cell((m.Text(impact),), (css("impact", impact),)) for impact in levels))
    rows: list[tuple[m.Cell, ...]] = []
    for li, likelihood in reversed(list(enumerate(levels))):
        stub = m.Cell((m.Text(likelihood),), (css("likelihood", likelihood),))
        rows.append((stub, *(m.Cell(ctx.links("risk", cells.get((likelihood, impact), [])),
                                    ("enhspec-cell", f"enhspec-severity-{li + ii}"))
                             for ii, impact in enumerate(levels))))
    out: list[m.Block] = [m.Table((TABLE_CLASS, "enhspec-risk-grid"), head, tuple(rows),
                                  widths=(12,) * (len(levels) + 1),
                                  caption="Likelihood x impact")]
    if unrated:
        out.append(m.Paragraph((m.Text("Not rated: "), *ctx.links("risk", unrated)),
                               ("enhspec-unrated",)))
    return out
