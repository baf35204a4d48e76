"""Project-wide checks after reading: duplicates, dangling option links, dependency cycles,
lifecycle policies, and the verification gate."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..ids import candidates
from ..model import (
    DROPPED,
    ApiChange,
    Change,
    ConfigChange,
    Location,
    MigrationStep,
    Milestone,
    Requirement,
    Risk,
    Spec,
    TestCase,
)
from ..query import MIGRATION_GUIDE, Query
from ..settings import EnhspecConfig
from ..versions import parse_version
from ..warnings import Subtype
from .catalog import Catalog
from .deprecations import deprecations
from .deprecations import problems as deprecation_problems
from .milestones import overdue
from .policies import breaches
from .traces import Traces


@dataclass(frozen=True)
class Problem:
    """One warning to emit: its subtype, message and location."""

    subtype: Subtype
    message: str
    location: Location


#: How many members of a dependency cycle its warning names.
CYCLE_NAMED = 8

#: Turns a location into the ``path:line`` a message names.
Where = Callable[[Location], str]


def find_problems(
    catalog: Catalog, cfg: EnhspecConfig, where: Where, queries: Sequence[Query] = (),
    sections: Mapping[str, Sequence[str]] | None = None,
) -> list[Problem]:
    """Every consistency problem of the project, in a stable order; `sections` holds the
    section titles of each document that defines a spec, for the policies."""
    problems = [*_duplicates(catalog, where), *_dangling(catalog, cfg), *_cycles(catalog, cfg),
                *_collections(catalog, queries), *_deprecations(catalog, cfg),
                *_milestones(catalog, cfg),
                *(Problem(*breach) for breach in breaches(catalog, cfg, sections or {}))]
    return sorted(problems, key=lambda p: (p.location, p.subtype.value, p.message))


def _collections(catalog: Catalog, queries: Sequence[Query]) -> Iterator[Problem]:
    """Unknown specs in filters; releases a migration guide cannot place."""
    specs = {ident.casefold() for ident, r in catalog.objects.items() if r.objtype == "spec"}
    for query in queries:
        for spec in query.values("spec"):
            if spec.casefold() not in specs:
                yield Problem(Subtype.UNRESOLVED,
                              f"{query.kind}: :spec: names unknown spec {spec!r}",
                              query.location)
    if not any(query.kind == MIGRATION_GUIDE for query in queries):
        return
    placed: list[MigrationStep | ConfigChange | ApiChange] = [
        *(r for r in catalog.objects.values() if isinstance(r, MigrationStep)),
        *catalog.config_changes.values(), *catalog.api_changes.values(),
    ]
    for record in placed:
        if record.release and parse_version(record.release) is None:
            yield Problem(Subtype.INVALID_VALUE,
                          f"{record.id}: release {record.release!r} is not a PEP 440 version; "
                          "migration guides leave it out", record.location)


def _deprecations(catalog: Catalog, cfg: EnhspecConfig) -> Iterator[Problem]:
    """Broken deprecation promises; overdue removals when the settings ask for them."""
    every: list[Change] = [*catalog.config_changes.values(), *catalog.api_changes.values()]
    changes = [c for c in every if not c.location.external]
    for problem in deprecation_problems(changes):
        yield Problem(problem.subtype, f"{problem.change.id}: {problem.message}",
                      problem.change.location)
    if not cfg.warn_overdue:
        return
    for item in deprecations(changes, cfg.project_release):
        if item.state == "overdue":
            yield Problem(Subtype.OVERDUE, (
                f"{item.change.id}: {item.kind} {item.subject!r} was to be removed in "
                f"{item.change.removed_in}; the project is at release {cfg.project_release} "
                "and no removal is recorded"), item.change.location)


def _milestones(catalog: Catalog, cfg: EnhspecConfig) -> Iterator[Problem]:
    """Planned milestones past their date, when the settings ask for them."""
    if not cfg.warn_overdue:
        return
    local = (r for r in catalog.objects.values()
             if isinstance(r, Milestone) and not r.location.external)
    for milestone in overdue(local, cfg.build_date):
        yield Problem(Subtype.OVERDUE, (
            f"{milestone.id}: milestone {milestone.title!r} was due on {milestone.date} and "
            f"is still planned on {cfg.build_date.isoformat()}"), milestone.location)


def _duplicates(catalog: Catalog, where: Where) -> Iterator[Problem]:
    for record, existing in catalog.duplicates:
        what = ("config change" if isinstance(record, ConfigChange) else
                "API change" if isinstance(record, ApiChange) else "ID")
        yield Problem(
            Subtype.DUPLICATE,
            f"duplicate {what} {record.id!r}: also defined at {where(existing.location)}",
            record.location,
        )


def _dangling(catalog: Catalog, cfg: EnhspecConfig) -> Iterator[Problem]:
    for record in catalog.objects.values():
        if record.location.external:
            continue
        if not isinstance(record, Spec) and record.spec and catalog.spec(record.spec) is None:
            yield Problem(Subtype.UNRESOLVED, f"{record.id}: unknown spec {record.spec!r}",
                          record.location)
        links: tuple[tuple[str, tuple[str, ...], str], ...] = ()
        if isinstance(record, Requirement):
            links = (("depends", record.depends, "requirement"),)
        elif isinstance(record, Risk):
            links = (("affects", record.affects, "requirement"),)
        elif isinstance(record, Spec):
            links = (("supersedes", record.supersedes, "spec"),)
        spec = record.id if isinstance(record, Spec) else record.spec
        for option, targets, objtype in links:
            for target in targets:
                if catalog.lookup(candidates(target, spec, cfg), objtype) is None:
                    yield Problem(
                        Subtype.UNRESOLVED,
                        f"{record.id}: :{option}: names unknown {objtype} {target!r}",
                        record.location,
                    )


def _cycles(catalog: Catalog, cfg: EnhspecConfig) -> Iterator[Problem]:
    """Each cycle of ``:depends:`` once, at the location of its first member."""
    graph: dict[str, list[str]] = {}
    for record in catalog.objects.values():
        if isinstance(record, Requirement) and not record.location.external:
            edges = (catalog.lookup(candidates(t, record.spec, cfg), "requirement")
                     for t in record.depends)
            graph[record.id] = sorted({e.id for e in edges
                                       if e is not None and not e.location.external})
    for component in _strongly_connected(graph):
        if len(component) == 1 and component[0] not in graph[component[0]]:
            continue
        members = sorted(component, key=lambda rid: catalog.objects[rid].location)
        path = " -> ".join([*members, members[0]]) if len(members) <= CYCLE_NAMED else (
            " -> ".join(members[:CYCLE_NAMED]) + f" -> ... ({len(members)} requirements)")
        yield Problem(Subtype.CYCLE, f"requirements depend on each other in a cycle: {path}",
                      catalog.objects[members[0]].location)


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm without recursion, so deep chains cannot overflow the stack."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in sorted(graph):
        if root in order:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                order[node] = low[node] = len(order)
                stack.append(node)
                on_stack.add(node)
            successors = graph[node]
            if child < len(successors):
                work.append((node, child + 1))
                succ = successors[child]
                if succ not in order:
                    work.append((succ, 0))
                elif succ in on_stack:
                    low[node] = min(low[node], order[succ])
                continue
            if low[node] == order[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def verification_problems(traces: Traces, statuses: Sequence[str]) -> list[Problem]:
    """An ``unverified`` problem per unverified requirement of a spec in one of `statuses`,
    and a ``failed`` problem per failing or erroring test of one."""
    gated = {status.casefold() for status in statuses}
    if not gated:
        return []
    problems = []
    for req in traces.requirements:
        if req.location.external:
            continue
        spec = traces.catalog.spec(req.spec)
        if spec is None or spec.status.casefold() not in gated:
            continue
        if req.status.casefold() == DROPPED:
            continue
        verification = traces.verification[req.id]
        if not verification.verified:
            tests = ", ".join(f"{t.test} {t.outcome}" for t in verification.tests)
            problems.append(Problem(
                Subtype.UNVERIFIED,
                f"{req.id} is not verified, and its spec {spec.id} is {spec.status}: "
                + (f"tests {tests}" if tests else "no test verifies it"), req.location))
        problems.extend(
            Problem(Subtype.FAILED, f"{req.id}: test {test.test!r} {test.outcome}",
                    req.location)
            for test in verification.failing)
    return problems


def unknown_markers(cases: Sequence[TestCase], catalog: Catalog) -> list[tuple[str, str, str]]:
    """(results file, test, ID) of each requirement that a test's marker names and no
    requirement has."""
    return sorted({(case.path, case.dotted, req) for case in cases for req in case.requirements
                   if catalog.get(req, "requirement") is None})


def suspect_problems(traces: Traces) -> list[Problem]:
    """A ``suspect`` problem at each link's source per target changed since the link was
    reviewed, and one at each spec of a reviewed status changed since it was reviewed."""
    problems: list[Problem] = []
    for record in [*traces.requirements, *traces.risks]:
        verb = "depends on" if isinstance(record, Requirement) else "affects"
        problems.extend(Problem(Subtype.SUSPECT, (
            f"{record.id} {verb} {target}, which changed since the link was reviewed; "
            f"check the link, then run 'enhspec review {record.id}'"), record.location)
            for target in traces.suspects.links.get(record.id, ()))
    problems.extend(Problem(Subtype.SUSPECT, (
        f"{spec.id} is {spec.status}, and its text or its requirements changed since it was "
        f"reviewed; review it, then run 'enhspec review {spec.id}'"), spec.location)
        for spec in traces.specs if spec.id in traces.suspects.specs)
    return sorted(problems, key=lambda p: (p.location, p.message))
