"""Suspect links and specs: what changed since the reviews file recorded it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Reviews

#: (source ID, target ID) of a ``:depends:`` or ``:affects:`` link, both full IDs.
Link = tuple[str, str]


def spec_fingerprint(own: str, requirements: Iterable[tuple[str, str]]) -> str:
    """The fingerprint of a spec with all its requirements: a digest of the spec's own
    fingerprint and each (ID, fingerprint) of its requirements, in any order given."""
    lines = [own, *sorted(f"{ident} {fingerprint}" for ident, fingerprint in requirements)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def suspect_links(links: Iterable[Link], current: Mapping[str, str],
                  recorded: Mapping[Link, str]) -> list[Link]:
    """The links, once each and in their order, whose target's fingerprint (`current`)
    differs from the one recorded for the link; a link with no record is not suspect, nor
    one whose target has no fingerprint (an unknown ID); records of other links play no
    part."""
    return [link for link in dict.fromkeys(links)
            if link in recorded and link[1] in current and current[link[1]] != recorded[link]]


def suspect_specs(specs: Iterable[tuple[str, str, str]], statuses: Sequence[str],
                  recorded: Mapping[str, str]) -> list[str]:
    """The IDs of the specs, given as (ID, status, fingerprint with requirements), whose
    status is one of `statuses` and whose recorded fingerprint differs."""
    gated = {status.casefold() for status in statuses}
    return [ident for ident, status, fingerprint in specs
            if status.casefold() in gated and ident in recorded
            and recorded[ident] != fingerprint]


@dataclass(frozen=True)
class Suspects:
    """Source ID -> the targets of its links that changed since reviewed; suspect specs."""

    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    specs: frozenset[str] = frozenset()


def find(links: Iterable[Link], current: Mapping[str, str], reviews: Reviews,
         specs: Iterable[tuple[str, str, str]], statuses: Sequence[str]) -> Suspects:
    """Every suspect link by its source, and every suspect spec."""
    by_source: dict[str, list[str]] = {}
    for source, target in suspect_links(links, current, reviews.links):
        by_source.setdefault(source, []).append(target)
    return Suspects({source: tuple(targets) for source, targets in by_source.items()},
                    frozenset(suspect_specs(specs, statuses, reviews.specs)))
