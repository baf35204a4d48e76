"""The release collections on records built by hand: the migration guide's config and API
changes, deprecations and removals, the api-changes table and the deprecation timeline."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from datetime import date

import pytest
from test_deprecations import api, config, read_back
from test_derive import query, req, spec, step, traces

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.derive import releases, rows
from sphinxcontrib_enhspec.derive.deprecations import problems
from sphinxcontrib_enhspec.derive.milestones import timeline_rows
from sphinxcontrib_enhspec.derive.traces import Traces
from sphinxcontrib_enhspec.model import Change, Location, Milestone, Record

pytestmark = pytest.mark.requirement("ENH-100.ER7")


def of(spec_id: str, change: Change) -> Change:
    """`change` as a change of spec `spec_id`, which gives it its release when it has none."""
    return replace(change, spec=spec_id)


RECORDS: list[Record] = [
    spec("ENH-1", 1, release="1.0"),
    req("ENH-1.CR1", 2, kind="compatibility"),
    spec("ENH-2", 3, release="2.0"),
    req("ENH-2.CR1", 4, kind="compatibility"),
    of("ENH-1", config("lock", "deprecated", "", 5, removed_in="2.0")),
    of("ENH-1", config("tmp", "deprecated", "1.0", 6, removed_in="2.0.0")),
    of("ENH-1", config("tmp", "deprecated", "1.5", 7, removed_in="2.0")),
    of("ENH-1", api("write", "renamed", "", 8, replaces="dump", removed_in="3.0")),
    of("ENH-1", api("serial", "deprecated", "", 9, removed_in="10.0")),
    of("ENH-2", config("lock", "removed", "", 10)),
    of("ENH-2", config("tmp", "removed", "2.0.0", 11)),
    of("ENH-2", api("lock", "removed", "", 12)),
    of("ENH-2", api("run", "changed", "", 13)),
    of("ENH-2", api("dump", "removed", "3.0", 14)),
    of("", api("later", "added", "", 15)),
    of("ENH-2", api("draft", "added", "next", 16)),
    of("ENH-2", api("check", "changed", "", 17)),
    of("ENH-1", api("cron", "deprecated", "", 18)),
    of("ENH-2", config("cron", "removed", "", 19)),
]


def found(records: list[Record] = RECORDS) -> Traces:
    """The traces of `records`."""
    return traces(records)


def guide(records: list[Record] = RECORDS, **options: str) -> list[tuple[str, ...]]:
    """Each part of the guide: its release, config changes, API changes, deprecations,
    removals (with the release that deprecated each) and compatibility requirements."""
    parts = releases.migration_guide(found(records), query(q.MIGRATION_GUIDE, **options))
    return [(part.release, " ".join(c.id for c in part.changes),
             " ".join(c.id for c in part.api_changes),
             " ".join(d.change.id for d in part.deprecations),
             " ".join(f"{r.kind}:{r.change.subject}<{r.deprecated_in}" for r in part.removals),
             " ".join(r.id for r in part.compatibility))
            for part in parts]


def test_the_guide_lists_each_releases_changes_deprecations_and_removals() -> None:
    # A removal names the earliest release that deprecated it, of the same kind and name:
    # the API "lock" was never deprecated, only the config key, and the config key "cron"
    # only the API. The rename of "dump" to "write" is what deprecated "dump".
    assert guide() == [
        ("1.0", "lock@1.0 tmp@1.0", "cron@1.0 serial@1.0 write@1.0",
         "lock@1.0 tmp@1.0 serial@1.0 write@1.0", "", "ENH-1.CR1"),
        ("1.5", "tmp@1.5", "", "tmp@1.5", "", "ENH-1.CR1"),
        ("2.0", "cron@2.0 lock@2.0 tmp@2.0.0", "check@2.0 lock@2.0 run@2.0", "",
         "config:cron< config:lock<1.0 config:tmp<1.0 API:lock<", "ENH-2.CR1"),
        ("3.0", "", "dump@3.0", "", "API:dump<1.0", "ENH-2.CR1"),
        ("", "", "later@", "", "", ""),
    ]


def test_a_release_of_api_changes_alone_has_its_part() -> None:
    records: list[Record] = [spec("ENH-1", 1, release="1.0"),
                             of("ENH-1", config("a", "added", "", 2)),
                             of("ENH-1", api("b", "added", "", 3)),
                             of("ENH-1", api("c", "added", "2.0", 4)),
                             of("ENH-1", config("d", "added", "3.0", 5))]
    assert [part[:3] for part in guide(records)] == [
        ("1.0", "a@1.0", "b@1.0"), ("2.0", "", "c@2.0"), ("3.0", "d@3.0", "")]


def test_the_guide_keeps_to_its_range_and_spec() -> None:
    assert [part[0] for part in guide(from_release="1.0", to_release="3.0")] == [
        "1.5", "2.0", "3.0"]
    spec_2 = releases.migration_guide(found(), query(q.MIGRATION_GUIDE,
                                                     filters=(("spec", ("ENH-2",)),)))
    assert [(p.release, [c.id for c in p.api_changes]) for p in spec_2] == [
        ("2.0", ["check@2.0", "lock@2.0", "run@2.0"]), ("3.0", ["dump@3.0"])]


def test_the_api_changes_come_by_release_with_the_unreleased_last() -> None:
    everything = rows.rows(found(), query(q.API_CHANGES))
    assert [c.id for c in everything] == [
        "cron@1.0", "serial@1.0", "write@1.0", "check@2.0", "lock@2.0", "run@2.0", "dump@3.0",
        "draft@next", "later@"]
    removed = releases.api_changes(found(), query(q.API_CHANGES, actions=("removed",)))
    assert [c.id for c in removed] == ["lock@2.0", "dump@3.0"]
    in_2 = releases.api_changes(found(), query(q.API_CHANGES, filters=(("release", ("2.0",)),)))
    assert [c.id for c in in_2] == ["check@2.0", "lock@2.0", "run@2.0"]


def timeline(**options: object) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each part of the deprecation timeline: its removal release and (change ID, subject,
    state) of each deprecation due in it."""
    parts = rows.rows(found(), query(q.DEPRECATION_TIMELINE, **options))
    assert isinstance(parts, tuple)
    return [(release, [(d.change.id, d.subject, d.state) for d in due])
            for release, due in parts]


def test_the_deprecation_timeline_has_a_part_per_removal_release() -> None:
    # 2.0 and 2.0.0 are one release, named as first met; 10.0 comes after 3.0.
    assert timeline() == [
        ("2.0", [("lock@1.0", "lock", "removed"), ("tmp@1.0", "tmp", "removed"),
                 ("tmp@1.5", "tmp", "removed")]),
        ("3.0", [("write@1.0", "dump", "removed")]),
        ("10.0", [("serial@1.0", "serial", "pending")]),
    ]
    assert [part for part, _ in timeline(from_release="2.0")] == ["3.0", "10.0"]
    assert [part for part, _ in timeline(to_release="2.0.0")] == ["2.0"]
    assert [part for part, _ in timeline(from_release="2.0", to_release="3.0")] == ["3.0"]
    assert timeline(filters=(("spec", ("ENH-2",)),)) == []


@pytest.mark.parametrize(("low", "high", "inside", "outside"), [
    ("", "", ["0.1", "2.0", ""], ["next"]),
    ("1.0", "", ["1.0.1", "10.0"], ["1.0", "1.0.0", "0.9", "", "next"]),
    ("", "2.0", ["2.0", "2.0.0", "0.1"], ["2.0.1", "", "next"]),
    ("1.0", "2.0", ["1.1", "2.0"], ["1.0", "2.1", ""]),
])
def test_a_range_is_after_its_start_and_up_to_its_end(
        low: str, high: str, inside: list[str], outside: list[str]) -> None:
    wanted = releases.in_range(low, high)
    assert [release for release in inside + outside if wanted(release)] == inside


def test_steps_without_a_version_stay_out_of_a_guide_with_a_range() -> None:
    records: list[Record] = [spec("ENH-1", 1), step("ENH-1.M1", 2),
                             step("ENH-1.M2", 3, release="1.0"),
                             step("ENH-1.M3", 4, release="next")]
    assert [p[0] for p in guide(records)] == ["1.0", ""]
    assert [p[0] for p in guide(records, to_release="1.0")] == ["1.0"]


def test_records_read_back_from_a_pickle_give_the_same_rows() -> None:
    """Sphinx keeps the records pickled between builds: equal names and actions that are
    not one object must count the same."""
    again = read_back(RECORDS)
    assert guide(again) == guide()
    parts = releases.deprecation_timeline(found(again), query(q.DEPRECATION_TIMELINE))
    assert [(release, [d.state for d in due]) for release, due in parts] == [
        ("2.0", ["removed", "removed", "removed"]), ("3.0", ["removed"]), ("10.0", ["pending"])]


def _shared_values() -> list[object]:
    """One of each value the release and milestone collections share between pages."""
    traces = found()
    part = releases.migration_guide(traces, query(q.MIGRATION_GUIDE))[2]
    changes = [config("a", "deprecated", "1.0", removed_in="2.0"), config("b", "removed", "2.0")]
    milestone = Milestone(id="ENH-1.MS1", title="", location=Location("a", 1), anchor="",
                          date="2026-01-01")
    return [part, part.removals[0], traces.deprecations[0], problems(changes)[0],
            timeline_rows([milestone], query(q.TIMELINE), date(2026, 1, 1))[0]]


@pytest.mark.parametrize("value", _shared_values(), ids=lambda value: type(value).__name__)
def test_shared_values_cannot_change(value: object) -> None:
    """A collection's rows are made once per build and shared by every page that shows
    them: no page may change what another shows."""
    with pytest.raises(FrozenInstanceError):
        setattr(value, fields(value)[0].name, None)
