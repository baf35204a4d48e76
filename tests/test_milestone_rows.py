"""Dates and milestones without Sphinx: the build's date, overdue milestones and the
timeline's rows with the tasks of each milestone."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import date

import pytest
from test_derive import query, spec
from test_ids import CFG

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.dates import build_date, parse_date, today_utc
from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.milestones import is_overdue, overdue, timeline
from sphinxcontrib_enhspec.derive.traces import Traces
from sphinxcontrib_enhspec.derive.verification import Verifier
from sphinxcontrib_enhspec.model import Location, Milestone, Recorded, Task

pytestmark = pytest.mark.requirement("ENH-100.ER8")


def milestone(ident: str, day: str, line: int, **fields: str) -> Milestone:
    """A milestone of the spec its ID names, due on `day`."""
    return Milestone(id=ident, title=f"Milestone {ident}", location=Location("a", line),
                     anchor=ident, spec=ident.split(".")[0], date=day, **fields)


def task(line: int, done: bool, milestone: str = "") -> Task:
    """A task of ENH-1 at `line`, in the body of `milestone` if given."""
    return Task(Location("a", line), "ENH-1", done, f"task {line}", milestone=milestone)


@pytest.mark.parametrize(("text", "day"), [
    ("2026-03-20", date(2026, 3, 20)),
    ("2024-02-29", date(2024, 2, 29)),
    ("2026-02-29", None),
    ("2026-3-20", None),
    ("20260320", None),
    ("", None),
    ("soon", None),
])
def test_a_date_is_an_iso_calendar_date(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("epoch", [
    "100000000000000000",  # beyond what the platform's time functions take
    "253402300800",  # the first second of the year 10000
    "9" * 30,
], ids=["beyond-time-functions", "year-10000", "thirty-nines"])
def test_an_epoch_out_of_the_calendars_range_is_unusable(epoch: str) -> None:
    assert build_date(epoch, date(2026, 1, 2)) == (date(2026, 1, 2), True)


def test_the_build_date_defaults_to_today_in_utc() -> None:
    before = today_utc()
    day, bad = build_date(None)
    assert (day in (before, today_utc()), bad) == (True, False)
    assert build_date("   ", date(2026, 1, 2)) == (date(2026, 1, 2), False)
    assert build_date(" 86400 ", date(2026, 1, 2)) == (date(1970, 1, 2), False)
    assert build_date("253402300799", date(2026, 1, 2)) == (date(9999, 12, 31), False)


def test_only_planned_milestones_past_their_date_are_overdue() -> None:
    day = date(2026, 5, 5)
    found = [milestone("ENH-1.MS1", "2026-05-04", 1),
             milestone("ENH-1.MS2", "2026-05-05", 2),
             milestone("ENH-1.MS3", "2026-05-06", 3),
             milestone("ENH-1.MS4", "2026-01-01", 4, status="done"),
             milestone("ENH-1.MS5", "", 5),
             milestone("ENH-1.MS6", "2025-12-31", 6)]
    assert [m.id for m in overdue(found, day)] == ["ENH-1.MS1", "ENH-1.MS6"]
    # Read back from a pickle, as Sphinx keeps them: the status is an equal string.
    assert [m.id for m in overdue(pickle.loads(pickle.dumps(found)), day)] == [
        "ENH-1.MS1", "ENH-1.MS6"]
    assert not is_overdue(found[2], day)


RECORDS: list[Recorded] = [
    spec("ENH-1", 1, release="2.0"),
    milestone("ENH-1.MS1", "2026-04-30", 2, start="2026-04-01"),
    task(3, True, "ENH-1.MS1"),
    task(4, False, "ENH-1.MS1"),
    task(5, True, "ENH-1.MS1"),
    milestone("ENH-1.MS2", "2026-05-10", 6, status="done"),
    task(7, False, "ENH-1.MS2"),
    task(8, True),
    milestone("ENH-1.MS3", "2026-06-30", 9),
]


def timeline_of(records: list[Recorded], day: date = date(2026, 5, 5),
                **options: str) -> list[tuple[str, str, str, bool, int, int]]:
    """(ID, start, date, overdue, tasks done, tasks) of each row of a timeline."""
    traces = Traces(build_catalog({"a": records}), replace(CFG, build_date=day),
                    Verifier([], configured=False))
    return [(row.milestone.id, row.start.isoformat(), row.end.isoformat(), row.overdue,
             row.tasks_done, row.tasks_total)
            for row in timeline(traces, query(q.TIMELINE, **options))]


def test_the_timeline_counts_the_tasks_in_each_milestones_body() -> None:
    assert timeline_of(RECORDS) == [
        ("ENH-1.MS1", "2026-04-01", "2026-04-30", True, 2, 3),
        ("ENH-1.MS2", "2026-05-10", "2026-05-10", False, 0, 1),
        ("ENH-1.MS3", "2026-06-30", "2026-06-30", False, 0, 0),
    ]


@pytest.mark.parametrize(("options", "shown"), [
    ({"to_date": "2026-05-09"}, ["ENH-1.MS1"]),
    ({"to_date": "2026-05-10"}, ["ENH-1.MS1", "ENH-1.MS2"]),
    ({"from_date": "2026-05-01", "to_date": "2026-12-31"}, ["ENH-1.MS2", "ENH-1.MS3"]),
    ({"from_date": "2026-04-30"}, ["ENH-1.MS1", "ENH-1.MS2", "ENH-1.MS3"]),
    ({"from_date": "2026-05-11", "to_date": "2026-06-29"}, []),
])
def test_a_timeline_shows_the_dates_from_its_start_to_its_end(
        options: dict[str, str], shown: list[str]) -> None:
    assert [row[0] for row in timeline_of(RECORDS, **options)] == shown
