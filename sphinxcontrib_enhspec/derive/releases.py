"""What the release collections show: the migration guide, the change tables and the
deprecation timeline, each ordered by PEP 440 release."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import query as q
from ..ids import natural_key
from ..model import (
    DEPRECATING,
    REMOVED,
    ApiChange,
    Change,
    ConfigChange,
    MigrationStep,
    Requirement,
)
from ..versions import parse_version, release_key
from .deprecations import Deprecation, gone, kind_of
from .traces import Traces


@dataclass(frozen=True)
class Removal:
    """What a release removes, and the release that deprecated it ('' when none did)."""

    change: Change
    kind: str
    deprecated_in: str


@dataclass(frozen=True)
class Release:
    """One release of the migration guide."""

    release: str
    steps: tuple[MigrationStep, ...]
    changes: tuple[ConfigChange, ...]
    api_changes: tuple[ApiChange, ...] = ()
    #: What the release deprecates, each with the release that will remove it.
    deprecations: tuple[Deprecation, ...] = ()
    removals: tuple[Removal, ...] = ()
    compatibility: tuple[Requirement, ...] = ()


def in_range(low_text: str, high_text: str) -> Callable[[str], bool]:
    """Whether a release lies after `low_text` (exclusive) and up to `high_text`; a release
    that is no PEP 440 version is in range only when no end is given and it is empty."""
    low = parse_version(low_text) if low_text else None
    high = parse_version(high_text) if high_text else None

    def check(release: str) -> bool:
        version = parse_version(release)
        if version is None:
            return not release and low is None and high is None
        return (low is None or version > low) and (high is None or version <= high)

    return check


def config_changes(traces: Traces, query: q.Query) -> tuple[ConfigChange, ...]:
    """The config changes that pass the filters, by release then key."""
    return tuple(change for change in traces.changes
                 if q.matches(query, change, change.release))


def api_changes(traces: Traces, query: q.Query) -> tuple[ApiChange, ...]:
    """The API changes that pass the filters, by release then name."""
    return tuple(change for change in traces.api_changes
                 if q.matches(query, change, change.release))


def _removals(changes: Sequence[Change], every: Sequence[Change]) -> tuple[Removal, ...]:
    """The removals among `changes`, each with the release of its deprecation."""
    out = []
    for change in changes:
        if change.action != REMOVED:
            continue
        earlier = [d.release for d in every if d.action in DEPRECATING
                   and kind_of(d) == kind_of(change) and gone(d) == change.subject]
        out.append(Removal(change, kind_of(change), min(earlier, key=release_key, default="")))
    return tuple(out)


def migration_guide(traces: Traces, query: q.Query) -> tuple[Release, ...]:
    """The releases in range, in PEP 440 order; steps and changes without one come last."""
    wanted = in_range(query.from_release, query.to_release)
    steps = [s for s in traces.steps if wanted(s.release) and q.matches(query, s, s.release)]
    found = [c for c in config_changes(traces, query) if wanted(c.release)]
    apis = [c for c in api_changes(traces, query) if wanted(c.release)]
    every: list[Change] = [*traces.changes, *traces.api_changes]
    # The deprecations with a usable removal release, by the change that makes them.
    promised = {id(d.change): d for d in traces.deprecations}
    # One part per version: "2.0" and "2.0.0" are the same release, named as first written.
    parts: dict[object, list[str]] = {}
    releases = {s.release for s in steps} | {c.release for c in found} | {
        c.release for c in apis}
    for release in sorted(releases):
        parts.setdefault(parse_version(release) or release, []).append(release)
    compatibility = traces.cfg.compatibility_kind
    out = []
    for spellings in sorted(parts.values(), key=lambda r: (r[0] == "", release_key(r[0]))):
        here = sorted((s for s in steps if s.release in spellings),
                      key=lambda s: (not s.breaking, natural_key(s.spec), s.order,
                                     natural_key(s.id)))
        changed = tuple(c for c in found if c.release in spellings)
        api = tuple(c for c in apis if c.release in spellings)
        both: tuple[Change, ...] = (*changed, *api)
        specs = sorted({s.spec for s in here} | {c.spec for c in both} - {""}, key=natural_key)
        compatible = tuple(req for spec in specs for req in traces.requirements_of.get(spec, [])
                           if req.kind == compatibility)
        deprecated = tuple(promised[id(c)] for c in both if id(c) in promised)
        out.append(Release(spellings[0], tuple(here), changed, api, deprecated,
                           _removals(both, every), compatible))
    return tuple(out)


#: A removal release and the deprecations due in it.
TimelinePart = tuple[str, tuple[Deprecation, ...]]


def deprecation_timeline(traces: Traces, query: q.Query) -> tuple[TimelinePart, ...]:
    """The deprecations by removal release, in PEP 440 order, within ``:from:``/``:to:``."""
    wanted = in_range(query.from_release, query.to_release)
    parts: dict[object, list[Deprecation]] = {}
    names: dict[object, str] = {}
    for item in traces.deprecations:
        change = item.change
        if not wanted(change.removed_in) or not q.matches(query, change, change.release):
            continue
        key = parse_version(change.removed_in) or change.removed_in
        names.setdefault(key, change.removed_in)
        parts.setdefault(key, []).append(item)
    return tuple((names[key], tuple(parts[key]))
                 for key in sorted(parts, key=lambda k: release_key(names[k])))
