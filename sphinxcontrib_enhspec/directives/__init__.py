"""The object directives, by name."""

from __future__ import annotations

from .changes import ApiChangeDirective, ConfigChangeDirective
from .migration import MigrationStepDirective
from .milestone import MilestoneDirective
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
    "api-change": ApiChangeDirective,
    "milestone": MilestoneDirective,
    **COLLECTIONS,
}
