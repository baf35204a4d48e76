"""The object directives, by name."""

from __future__ import annotations

from .migration import ConfigChangeDirective, MigrationStepDirective
from .placeholders import COLLECTIONS
from .requirement import RequirementDirective
from .risk import MitigationDirective, RiskDirective
from .spec import SpecDirective

DIRECTIVES = {
    "enhancement-spec": SpecDirective,
    "requirement": RequirementDirective,
    "risk": RiskDirective,
    "mitigation": MitigationDirective,
    "migration-step": MigrationStepDirective,
    "config-change": ConfigChangeDirective,
    **COLLECTIONS,
}
