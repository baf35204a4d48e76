"""Deprecations and removals: what each deprecated key or API promises, and what became of it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..ids import natural_key
from ..model import DEPRECATING, REMOVED, ApiChange, Change
from ..versions import parse_version, release_key
from ..warnings import Subtype

State = Literal["removed", "pending", "overdue"]


@dataclass(frozen=True)
class Deprecation:
    """A deprecated (or renamed) key or API with a removal release, and its state."""

    change: Change
    #: What goes away: the deprecated name, or for a rename the old one.
    subject: str
    #: ``config`` or ``API``.
    kind: str
    #: The name that replaces it ('' when none is given).
    replacement: str
    removal: Change | None
    state: State


@dataclass(frozen=True)
class DeprecationProblem:
    """A removal that breaks the promise of a deprecation, or is made without one."""

    change: Change
    subtype: Subtype
    message: str


def kind_of(change: Change) -> str:
    """``config`` or ``API``."""
    return "API" if isinstance(change, ApiChange) else "config"


def gone(change: Change) -> str:
    """The name a deprecating change says will go: the name, or the old one of a rename."""
    return change.replaces if change.action == "renamed" and change.replaces else change.subject


def promises_removal(change: Change) -> bool:
    """Whether a change deprecates with a usable removal release: a PEP 440 version after
    the change's own release (when that is a version)."""
    if change.action not in DEPRECATING or parse_version(change.removed_in) is None:
        return False
    return parse_version(change.release) is None or _before(change.release, change.removed_in)


def _before(low: str, high: str) -> bool:
    """Whether release `low` comes before `high` (both PEP 440; else False)."""
    a, b = parse_version(low), parse_version(high)
    return a is not None and b is not None and a < b


def _same(a: str, b: str) -> bool:
    va, vb = parse_version(a), parse_version(b)
    return va == vb if va is not None and vb is not None else a == b


def deprecations(changes: Iterable[Change], project_release: str) -> tuple[Deprecation, ...]:
    """Every deprecating change with a ``:removed-in:``, by removal release, kind, name."""
    found = list(changes)
    removals: dict[tuple[str, str], list[Change]] = {}
    for change in found:
        if change.action == REMOVED:
            removals.setdefault((kind_of(change), change.subject), []).append(change)
    current = parse_version(project_release)
    out = []
    for change in found:
        if not promises_removal(change):
            continue  # a bad removal release is warned about at the change
        subject = gone(change)
        removal = next(iter(removals.get((kind_of(change), subject), [])), None)
        due = parse_version(change.removed_in)
        state: State = "removed" if removal is not None else (
            "overdue" if current is not None and due is not None and current >= due
            else "pending")
        replacement = change.subject if subject != change.subject else change.replaces
        out.append(Deprecation(change, subject, kind_of(change), replacement, removal, state))
    out.sort(key=lambda d: (release_key(d.change.removed_in), d.kind, natural_key(d.subject)))
    return tuple(out)


def problems(changes: Sequence[Change]) -> list[DeprecationProblem]:
    """Removals made without an earlier deprecation, or in another release than promised,
    and removal releases that do not come after the deprecating release."""
    out = []
    for change in changes:
        # A valid removal release that promises nothing: the change's release is a version
        # and the removal does not come after it.
        if change.action in DEPRECATING and parse_version(change.removed_in) is not None \
                and not promises_removal(change):
            out.append(DeprecationProblem(change, Subtype.INVALID_VALUE, (
                f":removed-in: {change.removed_in} is not after the release {change.release} "
                "of the change")))
        if change.action != REMOVED:
            continue
        promised = [d for d in changes
                    if d.action in DEPRECATING and kind_of(d) == kind_of(change)
                    and gone(d) == change.subject and d is not change
                    and (not d.release or not change.release or _before(d.release, change.release))]
        if not promised:
            out.append(DeprecationProblem(change, Subtype.DEPRECATION, (
                f"removes {kind_of(change)} {change.subject!r}, which no earlier release "
                "deprecated")))
            continue
        dates = [d.removed_in for d in promised if d.removed_in]
        if dates and not any(_same(date, change.release) for date in dates):
            out.append(DeprecationProblem(change, Subtype.DEPRECATION, (
                f"removes {kind_of(change)} {change.subject!r} in {change.release or 'no release'}"
                f", but its deprecation promised the removal in {', '.join(dates)}")))
    return out
