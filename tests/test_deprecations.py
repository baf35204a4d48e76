"""Deprecations and removals of config keys and APIs, on changes built by hand: what each
deprecation promises, what became of it, and the warnings about broken promises."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import date
from typing import TypeVar

import pytest
from test_ids import CFG

from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.checks import find_problems
from sphinxcontrib_enhspec.derive.deprecations import (
    deprecations,
    gone,
    kind_of,
    problems,
    promises_removal,
)
from sphinxcontrib_enhspec.model import (
    ApiChange,
    Change,
    ConfigChange,
    Location,
    Milestone,
    Spec,
)
from sphinxcontrib_enhspec.warnings import Subtype

pytestmark = pytest.mark.requirement("ENH-100.ER7")

T = TypeVar("T")


def config(key: str, action: str, release: str, line: int = 1, **fields: str) -> ConfigChange:
    """A config change of spec ENH-1 written at `line` of document ``a``."""
    return ConfigChange(key=key, location=Location("a", line), anchor=key, spec="ENH-1",
                        action=action, release=release, **fields)


def api(name: str, action: str, release: str, line: int = 1, **fields: str) -> ApiChange:
    """An API change of spec ENH-1 written at `line` of document ``a``."""
    return ApiChange(name=name, location=Location("a", line), anchor=name, spec="ENH-1",
                     action=action, release=release, **fields)


def states(changes: list[Change], project_release: str = "") -> list[tuple[str, ...]]:
    """(subject, kind, replacement, removal ID, state) of each deprecation, in its order."""
    return [(d.subject, d.kind, d.replacement, d.removal.id if d.removal else "", d.state)
            for d in deprecations(changes, project_release)]


def messages(changes: list[Change]) -> list[tuple[Subtype, str, str]]:
    """(subtype, change ID, message) of each problem with `changes`."""
    return [(p.subtype, p.change.id, p.message) for p in problems(changes)]


def test_the_kind_of_a_change() -> None:
    assert kind_of(config("a", "added", "1.0")) == "config"
    assert kind_of(api("a", "added", "1.0")) == "API"


def test_what_goes_is_the_name_or_the_old_name_of_a_rename() -> None:
    assert gone(config("new", "renamed", "1.0", replaces="old")) == "old"
    # A rename that names no old key, and a deprecation that names its replacement.
    assert gone(config("new", "renamed", "1.0")) == "new"
    assert gone(config("old", "deprecated", "1.0", replaces="new")) == "old"


@pytest.mark.parametrize(("action", "release", "removed_in", "promised"), [
    ("deprecated", "1.0", "2.0", True),
    ("renamed", "1.0", "1.0.1", True),
    ("deprecated", "", "2.0", True),  # no release of its own: any removal release is later
    ("deprecated", "next", "2.0", True),
    ("deprecated", "2.0", "2.0", False),
    ("deprecated", "2.0.0", "2.0", False),
    ("deprecated", "3.0", "2.0", False),
    ("deprecated", "1.0", "", False),
    ("deprecated", "1.0", "someday", False),
    ("added", "1.0", "2.0", False),
    ("removed", "1.0", "2.0", False),
    ("changed", "1.0", "2.0", False),
])
def test_a_deprecation_promises_a_removal_in_a_later_version(
        action: str, release: str, removed_in: str, promised: bool) -> None:
    change = config("a", action, release, removed_in=removed_in)
    assert promises_removal(change) is promised
    assert promises_removal(replace(api("a", action, release), removed_in=removed_in)) is promised


def test_each_deprecation_is_removed_pending_or_overdue() -> None:
    changes: list[Change] = [
        config("cache.size", "deprecated", "1.0", removed_in="3.0", replaces="cache.bytes"),
        config("cache.size", "removed", "3.0"),
        config("export.workers", "renamed", "1.0", removed_in="2.0", replaces="export.threads"),
        api("run", "deprecated", "1.0", removed_in="2.0.0"),
        api("stop", "deprecated", "1.0", removed_in="2.1"),
        config("added.later", "added", "1.0", removed_in="2.0"),
        config("too.early", "deprecated", "2.0", removed_in="1.0"),
        # The new name of a rename is not removed by the rename itself.
        config("export.workers", "deprecated", "2.0", removed_in="4.0"),
    ]
    # Due in 2.0 and the project is at 2.0: overdue; due in 2.1: pending; a removal counts
    # whatever the project's release.
    assert states(changes, "2.0") == [
        ("run", "API", "", "", "overdue"),
        ("export.threads", "config", "export.workers", "", "overdue"),
        ("stop", "API", "", "", "pending"),
        ("cache.size", "config", "cache.bytes", "cache.size@3.0", "removed"),
        ("export.workers", "config", "", "", "pending"),
    ]
    assert [state for *_, state in states(changes, "1.9")] == [
        "pending", "pending", "pending", "removed", "pending"]
    assert [state for *_, state in states(changes, "2.1")] == [
        "overdue", "overdue", "overdue", "removed", "pending"]
    # A project release that is no version makes nothing overdue.
    assert [state for *_, state in states(changes, "")] == [
        "pending", "pending", "pending", "removed", "pending"]
    assert [state for *_, state in states(changes, "next")] == [
        "pending", "pending", "pending", "removed", "pending"]


def test_a_removal_of_the_other_kind_or_name_removes_nothing() -> None:
    changes: list[Change] = [
        config("lock", "deprecated", "1.0", removed_in="2.0"),
        api("lock", "removed", "2.0"),
        config("locks", "removed", "2.0"),
        api("dump", "renamed", "1.0", removed_in="2.0", replaces="write"),
        api("dump", "removed", "2.0"),
    ]
    # The rename takes "write" away, not "dump".
    assert states(changes, "1.0") == [
        ("write", "API", "dump", "", "pending"),
        ("lock", "config", "", "", "pending"),
    ]


def test_the_first_removal_recorded_is_the_one_named() -> None:
    changes: list[Change] = [config("a", "deprecated", "1.0", removed_in="2.0"),
                             config("a", "removed", "2.0", line=5),
                             config("a", "removed", "3.0", line=6)]
    [found] = deprecations(changes, "")
    assert found.removal is changes[1]
    assert found.change is changes[0]


def test_deprecations_come_by_removal_release_then_kind_then_name() -> None:
    changes: list[Change] = [
        api("b10", "deprecated", "1.0", removed_in="10.0"),
        api("b2", "deprecated", "1.0", removed_in="2.0"),
        config("z", "deprecated", "1.0", removed_in="2.0"),
        api("b10", "deprecated", "1.0", removed_in="2.0"),
        config("a", "deprecated", "1.0", removed_in="2.0"),
    ]
    assert [(d.change.removed_in, d.kind, d.subject) for d in deprecations(changes, "")] == [
        ("2.0", "API", "b2"), ("2.0", "API", "b10"), ("2.0", "config", "a"),
        ("2.0", "config", "z"), ("10.0", "API", "b10")]


def test_a_removal_release_not_after_the_change_is_an_invalid_value() -> None:
    changes: list[Change] = [
        config("late", "deprecated", "2.0", removed_in="1.0"),
        api("same", "renamed", "2.0", removed_in="2.0.0", replaces="old"),
        config("fine", "deprecated", "2.0", removed_in="2.1"),
        config("unreleased", "deprecated", "", removed_in="1.0"),
        config("vague", "deprecated", "2.0", removed_in="someday"),
        config("added", "added", "2.0", removed_in="1.0"),
        # A release that is no version cannot be compared: its deprecation stands.
        config("drafted", "deprecated", "next", removed_in="1.0"),
    ]
    assert messages(changes) == [
        (Subtype.INVALID_VALUE, "late@2.0", ":removed-in: 1.0 is not after the release 2.0 "
                                            "of the change"),
        (Subtype.INVALID_VALUE, "same@2.0", ":removed-in: 2.0.0 is not after the release 2.0 "
                                            "of the change"),
    ]
    assert [d.change.id for d in deprecations(changes, "")] == [
        "drafted@next", "unreleased@", "fine@2.0"]


def test_a_removal_needs_an_earlier_deprecation_of_the_same_kind_and_name() -> None:
    changes: list[Change] = [
        config("lock", "deprecated", "1.0"),
        api("lock", "removed", "2.0"),
        config("lock", "removed", "2.0"),
        config("late", "deprecated", "3.0"),
        config("late", "removed", "2.0"),
        config("same", "deprecated", "2.0"),
        config("same", "removed", "2.0"),
        config("threads", "renamed", "1.0", replaces="workers"),
        config("threads", "removed", "2.0"),
        config("workers", "removed", "2.0"),
        config("noted", "changed", "1.0"),
        config("noted", "removed", "2.0"),
        api("cron", "deprecated", "1.0"),
        config("cron", "removed", "2.0"),
    ]
    unannounced = "which no earlier release deprecated"
    assert messages(changes) == [
        (Subtype.DEPRECATION, "lock@2.0", f"removes API 'lock', {unannounced}"),
        (Subtype.DEPRECATION, "late@2.0", f"removes config 'late', {unannounced}"),
        (Subtype.DEPRECATION, "same@2.0", f"removes config 'same', {unannounced}"),
        (Subtype.DEPRECATION, "threads@2.0", f"removes config 'threads', {unannounced}"),
        (Subtype.DEPRECATION, "noted@2.0", f"removes config 'noted', {unannounced}"),
        (Subtype.DEPRECATION, "cron@2.0", f"removes config 'cron', {unannounced}"),
    ]


def test_a_change_without_a_release_is_not_ordered_against_others() -> None:
    changes: list[Change] = [config("a", "deprecated", ""), config("a", "removed", "2.0"),
                             config("b", "deprecated", "1.0"), config("b", "removed", "")]
    assert messages(changes) == []


def test_a_removal_in_another_release_than_promised_is_a_deprecation_warning() -> None:
    changes: list[Change] = [
        config("a", "deprecated", "1.0", removed_in="2.0"),
        config("a", "removed", "2.0.0"),
        config("b", "deprecated", "1.0", removed_in="2.0"),
        config("b", "removed", "2.1"),
        config("c", "deprecated", "1.0", removed_in="2.0"),
        config("c", "deprecated", "1.5", removed_in="3.0"),
        config("c", "removed", "3.0"),
        config("d", "deprecated", "1.0", removed_in="2.0"),
        config("d", "deprecated", "1.5", removed_in="3.0"),
        config("d", "removed", "2.5"),
        config("e", "deprecated", "1.0", removed_in="2.0"),
        config("e", "removed", ""),
        config("f", "deprecated", "1.0"),
        config("f", "removed", "5.0"),
    ]
    assert messages(changes) == [
        (Subtype.DEPRECATION, "b@2.1", "removes config 'b' in 2.1, but its deprecation "
                                       "promised the removal in 2.0"),
        (Subtype.DEPRECATION, "d@2.5", "removes config 'd' in 2.5, but its deprecation "
                                       "promised the removal in 2.0, 3.0"),
        (Subtype.DEPRECATION, "e@", "removes config 'e' in no release, but its deprecation "
                                    "promised the removal in 2.0"),
    ]


def test_releases_that_are_no_versions_are_the_same_only_as_written() -> None:
    changes: list[Change] = [config("a", "deprecated", "", removed_in="2.0"),
                             config("a", "removed", "next"),
                             config("b", "deprecated", "", removed_in="2.0"),
                             config("b", "removed", "2.0")]
    assert [(subtype, ident) for subtype, ident, _ in messages(changes)] == [
        (Subtype.DEPRECATION, "a@next")]
    # Nor are removal releases that are no versions, read back from a pickle.
    vague = [config("c", "deprecated", "", removed_in="soon"), config("c", "removed", "soon"),
             config("d", "deprecated", "", removed_in="soon"), config("d", "removed", "later")]
    assert [ident for _, ident, _ in messages(read_back(vague))] == ["d@later"]


def project(*records: Spec | Change | Milestone, **settings: object) -> list[tuple[str, ...]]:
    """(subtype, message, document, line) of each problem of a project of `records`."""
    found = find_problems(build_catalog({"a": list(records)}), replace(CFG, **settings), str)
    return [(p.subtype.value, p.message, p.location.docname, str(p.location.lineno))
            for p in found]


SPEC = Spec(id="ENH-1", title="One", location=Location("a", 1), anchor="ENH-1")


def test_the_checks_warn_of_broken_promises_and_overdue_removals_when_asked() -> None:
    changes = [config("lock", "deprecated", "1.0", line=2, removed_in="2.0"),
               api("dump", "renamed", "1.0", line=3, removed_in="3.0", replaces="write"),
               api("late", "deprecated", "2.0", line=4, removed_in="1.0"),
               config("tmp", "removed", "2.0", line=5)]
    broken = [
        ("invalid_value", "late@2.0: :removed-in: 1.0 is not after the release 2.0 of the "
                          "change", "a", "4"),
        ("deprecation", "tmp@2.0: removes config 'tmp', which no earlier release deprecated",
         "a", "5"),
    ]
    assert project(SPEC, *changes, project_release="2.0") == broken
    assert project(SPEC, *changes, project_release="2.0", warn_overdue=True) == [
        ("overdue", "lock@1.0: config 'lock' was to be removed in 2.0; the project is at "
                    "release 2.0 and no removal is recorded", "a", "2"),
        *broken,
    ]
    assert project(SPEC, *changes, project_release="3.0", warn_overdue=True)[1] == (
        "overdue", "dump@1.0: API 'write' was to be removed in 3.0; the project is at "
                   "release 3.0 and no removal is recorded", "a", "3")


def test_another_projects_changes_and_milestones_are_not_checked() -> None:
    theirs = Location("x", 7, uri="https://example.org/x.html")
    records = [config("lock", "deprecated", "1.0", removed_in="2.0"),
               api("dump", "removed", "2.0"),
               Milestone(id="ENH-1.MS1", title="Late", location=Location("a", 1),
                         anchor="", spec="ENH-1", date="2026-01-01")]
    settings = {"project_release": "3.0", "warn_overdue": True, "build_date": date(2026, 3, 1)}
    assert [subtype for subtype, *_ in project(SPEC, *records, **settings)] == [
        "deprecation", "overdue", "overdue"]
    assert project(SPEC, *(replace(r, location=theirs) for r in records), **settings) == []


def test_overdue_milestones_are_warned_of_when_asked() -> None:
    def milestone(ident: str, day: str, line: int, **fields: str) -> Milestone:
        return Milestone(id=ident, title=f"Step {ident[-1]}", location=Location("a", line),
                         anchor=ident, spec="ENH-1", date=day, **fields)

    records = [SPEC, milestone("ENH-1.MS1", "2026-02-28", 2),
               milestone("ENH-1.MS2", "2026-03-01", 3),
               milestone("ENH-1.MS3", "2026-01-01", 4, status="done")]
    day = date(2026, 3, 1)
    assert project(*records, build_date=day) == []
    assert project(*records, build_date=day, warn_overdue=True) == [
        ("overdue", "ENH-1.MS1: milestone 'Step 1' was due on 2026-02-28 and is still planned "
                    "on 2026-03-01", "a", "2")]


def read_back(records: list[T]) -> list[T]:
    """`records` pickled and read back one by one, as Sphinx keeps each document's: their
    equal strings are no longer one object, nor the constants' own."""
    return [pickle.loads(pickle.dumps(record)) for record in records]


def test_changes_read_back_from_a_pickle_give_the_same_results() -> None:
    """Sphinx keeps the records pickled between builds: equal names and actions that are
    not one object must count the same."""
    changes: list[Change] = [
        config("lock", "deprecated", "1.0", removed_in="2.0"),
        config("lock", "removed", "2.1"),
        api("dump", "renamed", "1.0", removed_in="3.0", replaces="write"),
        api("write", "removed", "3.0"),
        api("stray", "removed", "3.0"),
        config("late", "deprecated", "2.0", removed_in="1.0"),
    ]
    again = read_back(changes)
    assert states(again, "2.0") == states(changes, "2.0") == [
        ("lock", "config", "", "lock@2.1", "removed"),
        ("write", "API", "dump", "write@3.0", "removed")]
    assert messages(again) == messages(changes)
    assert [ident for _, ident, _ in messages(changes)] == ["lock@2.1", "stray@3.0", "late@2.0"]
