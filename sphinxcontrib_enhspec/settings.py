"""The validated ``enhspec_*`` settings as one typed value, read by every phase."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

#: The kind of a requirement whose ID prefix names no kind.
DEFAULT_KIND = "requirement"
#: The kind the default settings give ``CR``; the migration guide lists these requirements.
COMPATIBILITY_KIND = "compatibility"


@dataclass(frozen=True)
class Policy:
    """The rules a spec of one status must meet (``enhspec_policies``)."""

    #: Options of ``enhancement-spec`` the spec must give.
    fields: tuple[str, ...] = ()
    #: Section titles its document must have (matched case-insensitively, at any level).
    sections: tuple[str, ...] = ()
    #: Whether every requirement of the spec must be done or dropped.
    requirements_done: bool = False
    #: Whether every task of the spec must be done.
    tasks_done: bool = False
    #: How many days before the build's date the spec's ``:date:`` may be; None: any.
    stale_after_days: int | None = None


@dataclass(frozen=True)
class EnhspecConfig:
    """The settings, as the rest of the extension reads them."""

    spec_statuses: tuple[str, ...]
    requirement_statuses: tuple[str, ...]
    requirement_kinds: dict[str, str]
    risk_categories: tuple[str, ...]
    levels: tuple[str, ...]
    separator: str
    spec_id_pattern: re.Pattern[str]
    local_id_pattern: re.Pattern[str]
    source_url: str | None
    #: The project's own release (Sphinx's ``release``), as written.
    project_release: str = ""
    #: Whether work past its date is an ``overdue`` warning.
    warn_overdue: bool = False
    #: The build's date (``SOURCE_DATE_EPOCH``, else today in UTC): planned milestones
    #: before it are overdue.
    build_date: date = date.min
    #: Whether Graphviz's ``dot`` program was found: trace graphs are drawn, else their
    #: DOT source is shown.
    graphviz: bool = True
    #: The rules of each spec status (case-folded), from ``enhspec_policies``.
    policies: dict[str, Policy] = field(default_factory=dict)
    #: The spec statuses whose specs are suspect when their reviewed text changed.
    review_statuses: tuple[str, ...] = ("approved", "implemented")

    @property
    def kind_names(self) -> tuple[str, ...]:
        """Every kind a requirement can have, in the settings' order."""
        names = dict.fromkeys([*self.requirement_kinds.values(), DEFAULT_KIND])
        return tuple(names)

    @property
    def compatibility_kind(self) -> str:
        """The kind of compatibility requirements: the one ``CR`` names, else
        ``compatibility``."""
        return self.requirement_kinds.get("CR", COMPATIBILITY_KIND)
