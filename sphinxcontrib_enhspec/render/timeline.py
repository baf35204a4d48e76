"""The timeline: a table of milestones by date, and a chart of their bars for HTML."""

from __future__ import annotations

from ..derive.milestones import TimelineRow
from ..query import Query
from . import model as m
from .context import Context, text
from .parts import css
from .tables import empty, table

HEADERS = ("Date", "Start", "Milestone", "Spec", "Release", "Status", "Tasks")
#: What an overdue milestone shows beside its status.
OVERDUE = m.Badge("state", "overdue")
#: Hundredths of a percent: the whole width of a chart.
WHOLE = 10000


def render(rows: tuple[TimelineRow, ...], query: Query, ctx: Context) -> list[m.Block]:
    """The table of milestones, then their bars."""
    if not rows:
        return [empty("timeline", "milestones match")]
    cells = []
    for row in rows:
        milestone = row.milestone
        cells.append([
            text(milestone.date),
            text(milestone.start),
            _named(milestone.id, milestone.title, ctx),
            (ctx.link("spec", milestone.spec),) if milestone.spec else (),
            text(milestone.release),
            status(milestone.status, row.overdue),
            text(f"{row.tasks_done}/{row.tasks_total}" if row.tasks_total else ""),
        ])
    return [table(HEADERS, cells, kind="timeline", caption=query.caption),
            chart(rows, ctx)]


def _named(ident: str, title: str, ctx: Context) -> tuple[m.Item, ...]:
    """A milestone's ID, linked, and its title when it has one."""
    shown = ctx.title(ident, title)
    return (ctx.link("ms", ident), m.Text(" "), *shown) if shown else (ctx.link("ms", ident),)


def status(value: str, overdue: bool) -> tuple[m.Item, ...]:
    """A milestone's status badge, and the overdue badge when it is overdue."""
    badge = m.Badge("status", value)
    return (badge, m.Text(" "), OVERDUE) if overdue else (badge,)


def chart(rows: tuple[TimelineRow, ...], ctx: Context) -> m.Chart:
    """A bar per row from its start to its date (both days included), on one axis from the
    earliest start to the latest date."""
    first = min(row.start for row in rows)
    last = max(row.end for row in rows)
    days = (last - first).days + 1
    spans = []
    for row in rows:
        milestone = row.milestone
        offset = (row.start - first).days * WHOLE // days
        width = ((row.end - row.start).days + 1) * WHOLE // days
        classes = (css("bar", milestone.status), *(["enhspec-bar-overdue"] if row.overdue
                                                   else []))
        spans.append(m.Span(ctx.link("ms", milestone.id), row.start.isoformat(),
                            row.end.isoformat(), offset, width, classes))
    return m.Chart(tuple(spans), first.isoformat(), last.isoformat(), ("enhspec-chart",))
