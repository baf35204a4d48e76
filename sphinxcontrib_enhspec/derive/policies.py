"""Lifecycle policies: each rule of ``enhspec_policies`` that a spec of its status breaks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from ..dates import parse_date
from ..model import DROPPED, Location, Requirement, Spec, Task, fold, is_done
from ..settings import EnhspecConfig, Policy
from ..warnings import Subtype
from .catalog import Catalog

#: One breach: its subtype (``policy``, or ``overdue`` for a stale spec), message and place.
Breach = tuple[Subtype, str, Location]


def breaches(catalog: Catalog, cfg: EnhspecConfig,
             sections: Mapping[str, Sequence[str]]) -> Iterator[Breach]:
    """Every breach of the policies by the project's own specs.

    `sections` holds the section titles of each document that defines a spec.
    """
    if not cfg.policies:
        return
    requirements: dict[str, list[Requirement]] = {}
    tasks: dict[str, list[Task]] = {}
    for record in catalog.objects.values():
        if isinstance(record, Requirement) and not record.location.external:
            requirements.setdefault(record.spec, []).append(record)
    for task in catalog.tasks:
        tasks.setdefault(task.spec, []).append(task)
    for spec in catalog.objects.values():
        if not isinstance(spec, Spec) or spec.location.external:
            continue
        policy = cfg.policies.get(spec.status.casefold())
        if policy is None:
            continue
        yield from _fields(spec, policy)
        yield from _sections(spec, policy, sections.get(spec.location.docname, ()))
        if policy.requirements_done:
            yield from _requirements(spec, requirements.get(spec.id, []))
        if policy.tasks_done:
            yield from _tasks(spec, tasks.get(spec.id, []))
        if policy.stale_after_days is not None:
            yield from _stale(spec, policy.stale_after_days, cfg.build_date)


def given(spec: Spec, option: str) -> bool:
    """Whether `spec` gives a value for its option `option` (one that was not left out)."""
    value = getattr(spec, "authors" if option == "author" else option)
    return bool(value)


def _asks(spec: Spec) -> str:
    return f"{spec.id} is {spec.status}: the policy asks for"


def _fields(spec: Spec, policy: Policy) -> Iterator[Breach]:
    for option in policy.fields:
        if not given(spec, option):
            yield Subtype.POLICY, f"{_asks(spec)} field {option!r}", spec.location


def _sections(spec: Spec, policy: Policy, titles: Sequence[str]) -> Iterator[Breach]:
    present = {fold(title).casefold() for title in titles}
    for title in policy.sections:
        if fold(title).casefold() not in present:
            yield Subtype.POLICY, f"{_asks(spec)} section {title!r}", spec.location


def _requirements(spec: Spec, requirements: Sequence[Requirement]) -> Iterator[Breach]:
    for req in requirements:
        if not is_done(req.status) and req.status.casefold() != DROPPED:
            yield Subtype.POLICY, (
                f"{_asks(spec)} every requirement done or dropped (requirements_done), and "
                f"{req.id} is {req.status}"), req.location


def _tasks(spec: Spec, tasks: Sequence[Task]) -> Iterator[Breach]:
    for task in tasks:
        if not task.done:
            what = f"task {task.text!r}" if task.text else "a task with no text"
            yield Subtype.POLICY, (
                f"{_asks(spec)} every task done (tasks_done), and {what} is open"
            ), task.location


def _stale(spec: Spec, days: int, today: date) -> Iterator[Breach]:
    wanted = (f"{_asks(spec)} a :date: at most {days} days before the build's date "
              "(stale_after_days)")
    written = parse_date(spec.date)
    if written is None:
        yield Subtype.POLICY, f"{wanted}, and it has none", spec.location
    elif (today - written).days > days:
        yield Subtype.OVERDUE, (
            f"{wanted}, and it is dated {spec.date}, {(today - written).days} days before "
            f"{today.isoformat()}"), spec.location
