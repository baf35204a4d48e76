"""The records of one build sorted, with their links resolved and their tests matched."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from ..ids import candidates, natural_key
from ..model import (
    OPEN,
    ApiChange,
    ConfigChange,
    MigrationStep,
    Milestone,
    Requirement,
    Reviews,
    Risk,
    Spec,
    is_done,
)
from ..settings import EnhspecConfig
from ..versions import release_key
from .catalog import Catalog
from .deprecations import Deprecation, deprecations
from .suspect import Suspects, find, spec_fingerprint
from .verification import Verification, Verifier

OfSpec = TypeVar("OfSpec", Requirement, Risk)


def _by_spec(records: list[OfSpec]) -> dict[str, list[OfSpec]]:
    """The records grouped by the spec they belong to, in their order."""
    out: dict[str, list[OfSpec]] = defaultdict(list)
    for record in records:
        out[record.spec].append(record)
    return out


@dataclass(frozen=True)
class SpecCounts:
    """What the spec index, the card and the export show of a spec beyond its options."""

    spec: Spec
    done: int
    total: int
    open_risks: int
    superseded_by: tuple[str, ...]
    #: Its ``:supersedes:``, as full IDs where they name a spec (as written where not).
    supersedes: tuple[str, ...] = ()
    #: (top-level section title, done, total) of its tasks, in the order first met.
    tasks: tuple[tuple[str, int, int], ...] = ()

    @property
    def tasks_done(self) -> int:
        """How many of its tasks are done."""
        return sum(done for _, done, _ in self.tasks)

    @property
    def tasks_total(self) -> int:
        """How many tasks it has."""
        return sum(total for _, _, total in self.tasks)


@dataclass
class Traces:
    """Every object of the build by kind and ID order, and the relations between them."""

    catalog: Catalog
    cfg: EnhspecConfig
    tests: Verifier
    specs: list[Spec] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    steps: list[MigrationStep] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    changes: list[ConfigChange] = field(default_factory=list)
    api_changes: list[ApiChange] = field(default_factory=list)
    #: What the reviews file (``enhspec_reviews``) records.
    reviews: Reviews = field(default_factory=Reviews)

    def __post_init__(self) -> None:
        for record in self.catalog.objects.values():
            if isinstance(record, Spec):
                self.specs.append(record)
            elif isinstance(record, Requirement):
                self.requirements.append(record)
            elif isinstance(record, Risk):
                self.risks.append(record)
            elif isinstance(record, Milestone):
                self.milestones.append(record)
            else:
                self.steps.append(record)
        self.changes = list(self.catalog.config_changes.values())
        for records in (self.specs, self.requirements, self.risks, self.steps,
                        self.milestones):
            records.sort(key=lambda r: natural_key(r.id))
        self.changes.sort(key=lambda c: (c.release == "", release_key(c.release), c.key))
        self.api_changes = sorted(self.catalog.api_changes.values(), key=lambda c: (
            c.release == "", release_key(c.release), c.name))

    @cached_property
    def deprecations(self) -> tuple[Deprecation, ...]:
        """Every deprecation with a removal release, and what became of it."""
        return deprecations([*self.changes, *self.api_changes], self.cfg.project_release)

    @cached_property
    def verification(self) -> dict[str, Verification]:
        """Requirement ID -> its tests and their outcomes."""
        return {req.id: self.tests.verify(req) for req in self.requirements}

    @cached_property
    def requirements_of(self) -> dict[str, list[Requirement]]:
        """Spec ID -> its requirements."""
        return _by_spec(self.requirements)

    @cached_property
    def risks_of(self) -> dict[str, list[Risk]]:
        """Spec ID -> its risks."""
        return _by_spec(self.risks)

    @cached_property
    def risks_affecting(self) -> dict[str, list[str]]:
        """Requirement ID -> the IDs of the risks whose ``:affects:`` names it."""
        out: dict[str, list[str]] = defaultdict(list)
        for risk in self.risks:
            for target in risk.affects:
                req = self.catalog.lookup(candidates(target, risk.spec, self.cfg), "requirement")
                if req is not None and risk.id not in out[req.id]:
                    out[req.id].append(risk.id)
        return out

    @cached_property
    def superseded_by(self) -> dict[str, list[str]]:
        """Spec ID -> the specs that supersede it."""
        out: dict[str, list[str]] = defaultdict(list)
        for spec in self.specs:
            for target in spec.supersedes:
                old = self.catalog.spec(target)
                if old is not None:
                    out[old.id].append(spec.id)
        return out

    @cached_property
    def tasks_of(self) -> dict[str, list[tuple[str, int, int]]]:
        """Spec ID -> (part, done, total) of its tasks per top-level section."""
        parts: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for task in self.catalog.tasks:
            count = parts[task.spec].setdefault(task.part, [0, 0])
            count[0] += task.done
            count[1] += 1
        return {spec: [(part, done, total) for part, (done, total) in found.items()]
                for spec, found in parts.items()}

    @cached_property
    def tasks_of_milestone(self) -> dict[str, tuple[int, int]]:
        """Milestone ID -> (done, total) of the tasks in its body; made once, for every
        timeline."""
        counts: dict[str, tuple[int, int]] = {}
        for task in self.catalog.tasks:
            if task.milestone:
                done, total = counts.get(task.milestone, (0, 0))
                counts[task.milestone] = (done + task.done, total + 1)
        return counts

    @cached_property
    def counts(self) -> dict[str, SpecCounts]:
        """Spec ID -> its requirement and open-risk counts and its successors."""
        out = {}
        for spec in self.specs:
            reqs = self.requirements_of.get(spec.id, [])
            out[spec.id] = SpecCounts(
                spec=spec,
                done=sum(is_done(req.status) for req in reqs),
                total=len(reqs),
                open_risks=sum(risk.status == OPEN for risk in self.risks_of.get(spec.id, [])),
                superseded_by=tuple(self.superseded_by.get(spec.id, ())),
                supersedes=tuple(self.resolve(t, spec.id, "spec") for t in spec.supersedes),
                tasks=tuple(self.tasks_of.get(spec.id, ())),
            )
        return out

    @cached_property
    def suspects(self) -> Suspects:
        """The links and specs of this project that changed since they were reviewed; with
        nothing reviewed (no reviews file, the default), nothing is, and no digest is made."""
        if not self.reviews.links and not self.reviews.specs:
            return Suspects()
        links = [(req.id, target) for req in self.requirements if not req.location.external
                 for target in self.depends_of(req)]
        links += [(risk.id, target) for risk in self.risks if not risk.location.external
                  for target in self.affects_of(risk)]
        objects = self.catalog.objects
        current = {target: objects[target].fingerprint for _, target in links if target in objects}
        specs = [(spec.id, spec.status, self.spec_fingerprint(spec.id)) for spec in self.specs
                 if not spec.location.external]
        return find(links, current, self.reviews, specs, self.cfg.review_statuses)

    def spec_fingerprint(self, spec_id: str) -> str:
        """The fingerprint of a spec with all its requirements."""
        spec = self.catalog.objects[spec_id]
        reqs = self.requirements_of.get(spec_id, [])
        return spec_fingerprint(spec.fingerprint, [(req.id, req.fingerprint) for req in reqs])

    def release_of(self, spec_id: str) -> str:
        """The release of a spec ('' when it has none or is unknown)."""
        spec = self.catalog.spec(spec_id)
        return spec.release if spec is not None else ""

    def depends_of(self, req: Requirement) -> list[str]:
        """The full IDs a requirement's ``:depends:`` resolves to (as written if unknown)."""
        return [self.resolve(target, req.spec, "requirement") for target in req.depends]

    def affects_of(self, risk: Risk) -> list[str]:
        """The full IDs a risk's ``:affects:`` resolves to (as written if unknown)."""
        return [self.resolve(target, risk.spec, "requirement") for target in risk.affects]

    def resolve(self, target: str, spec: str, objtype: str) -> str:
        """The full ID `target` names from `spec`, or `target` as written when unknown."""
        record = self.catalog.lookup(candidates(target, spec, self.cfg), objtype)
        return record.id if record is not None else target
