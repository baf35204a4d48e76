"""Milestones on the build's date: which are overdue, and the timeline's rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from .. import query as q
from ..dates import parse_date
from ..ids import natural_key
from ..model import PLANNED, Milestone
from .traces import Traces


def is_overdue(milestone: Milestone, today: date) -> bool:
    """Whether `milestone` is still planned and its date lies before `today`."""
    due = parse_date(milestone.date)
    return milestone.status == PLANNED and due is not None and due < today


def overdue(milestones: Iterable[Milestone], today: date) -> Iterator[Milestone]:
    """The milestones of `milestones` overdue on `today`, in their order."""
    return (milestone for milestone in milestones if is_overdue(milestone, today))


@dataclass(frozen=True)
class TimelineRow:
    """A milestone in a timeline: its dates as calendar dates, and whether it is overdue."""

    milestone: Milestone
    start: date
    end: date
    overdue: bool
    #: How many of the tasks in its body are done, and how many there are.
    tasks_done: int = 0
    tasks_total: int = 0


def _in_range(day: date, low: str, high: str) -> bool:
    first, last = parse_date(low), parse_date(high)
    return (first is None or day >= first) and (last is None or day <= last)


def timeline_rows(milestones: Iterable[Milestone], query: q.Query, today: date,
                  tasks: Mapping[str, tuple[int, int]] | None = None
                  ) -> tuple[TimelineRow, ...]:
    """The dated milestones that pass the filters, by date, then spec, then order; a
    milestone's bar starts at its ``:start:``, else at its date. `tasks` gives each
    milestone's (done, total) tasks."""
    rows = []
    for milestone in milestones:
        end = parse_date(milestone.date)
        if end is None or not _in_range(end, query.from_date, query.to_date):
            continue
        if not q.matches(query, milestone, milestone.release):
            continue
        start = parse_date(milestone.start) or end
        done, total = (tasks or {}).get(milestone.id, (0, 0))
        rows.append(TimelineRow(milestone, start, end, is_overdue(milestone, today),
                                done, total))
    rows.sort(key=lambda r: (r.end, natural_key(r.milestone.spec), r.milestone.order,
                             natural_key(r.milestone.id)))
    return tuple(rows)


def timeline(traces: Traces, query: q.Query) -> tuple[TimelineRow, ...]:
    """The rows of a ``timeline`` collection on the build's date."""
    return timeline_rows(traces.milestones, query, traces.cfg.build_date,
                         traces.tasks_of_milestone)
