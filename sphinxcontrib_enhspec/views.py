"""Derived indexes over all records, built in one pass and shared by every collection."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from .config import EnhspecConfig
from .ids import candidates
from .index import Index
from .model import ConfigChange, MigrationStep, Requirement, Risk, Spec
from .results import Results
from .verification import TestIndex, Verification
from .versions import release_key

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts ``ER2`` before ``ER10``."""
    return tuple((1, int(part)) if part.isdigit() else (0, part.casefold())
                 for part in _DIGITS.split(text) if part)


OfSpec = TypeVar("OfSpec", Requirement, Risk)


def _by_spec(records: list[OfSpec]) -> dict[str, list[OfSpec]]:
    """The records grouped by the spec they belong to, in their order."""
    out: dict[str, list[OfSpec]] = defaultdict(list)
    for record in records:
        out[record.spec].append(record)
    return out


@dataclass
class Views:
    """The records of one build, indexed by spec, kind, release and link."""

    index: Index
    cfg: EnhspecConfig
    tests: TestIndex = field(default_factory=lambda: TestIndex(Results(), configured=False))
    specs: list[Spec] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    steps: list[MigrationStep] = field(default_factory=list)
    changes: list[ConfigChange] = field(default_factory=list)

    def __post_init__(self) -> None:
        for record in self.index.objects.values():
            if isinstance(record, Spec):
                self.specs.append(record)
            elif isinstance(record, Requirement):
                self.requirements.append(record)
            elif isinstance(record, Risk):
                self.risks.append(record)
            else:
                self.steps.append(record)
        self.changes = list(self.index.config_changes.values())
        for records in (self.specs, self.requirements, self.risks, self.steps):
            records.sort(key=lambda r: natural_key(r.id))
        self.changes.sort(key=lambda c: (c.release == "", release_key(c.release), c.key))

    def local(self) -> Views:
        """The same views without other projects' objects."""
        local = Views(self.index, self.cfg, self.tests)
        for name in ("specs", "requirements", "risks", "steps"):
            records = getattr(local, name)
            records[:] = [r for r in records if not r.location.external]
        return local

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
                req = self.index.lookup(candidates(target, risk.spec, self.cfg), "requirement")
                if req is not None and risk.id not in out[req.id]:
                    out[req.id].append(risk.id)
        return out

    @cached_property
    def superseded_by(self) -> dict[str, list[str]]:
        """Spec ID -> the specs that supersede it."""
        out: dict[str, list[str]] = defaultdict(list)
        for spec in self.specs:
            for target in spec.supersedes:
                old = self.index.spec(target)
                if old is not None:
                    out[old.id].append(spec.id)
        return out

    def release_of(self, spec_id: str) -> str:
        """The release of a spec ('' when it has none or is unknown)."""
        spec = self.index.spec(spec_id)
        return spec.release if spec is not None else ""

    def depends_of(self, req: Requirement) -> list[str]:
        """The full IDs a requirement's ``:depends:`` resolves to (as written if unknown)."""
        return [self.resolve(target, req.spec, "requirement") for target in req.depends]

    def affects_of(self, risk: Risk) -> list[str]:
        """The full IDs a risk's ``:affects:`` resolves to (as written if unknown)."""
        return [self.resolve(target, risk.spec, "requirement") for target in risk.affects]

    def resolve(self, target: str, spec: str, objtype: str) -> str:
        """The full ID `target` names from `spec`, or `target` as written when unknown."""
        record = self.index.lookup(candidates(target, spec, self.cfg), objtype)
        return record.id if record is not None else target
