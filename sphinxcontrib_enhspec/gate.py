"""The CI gate: requirements of specs in gated statuses must have passing tests."""

from __future__ import annotations

from collections.abc import Sequence

from .consistency import Problem
from .views import Views
from .warnings import Subtype

DROPPED = "dropped"


def gate_problems(views: Views, statuses: Sequence[str]) -> list[Problem]:
    """An ``unverified`` problem per unverified requirement of a gated spec, and a ``failed``
    problem per failing or erroring test of one."""
    gated = {status.casefold() for status in statuses}
    if not gated:
        return []
    problems = []
    for req in views.requirements:
        if req.location.external:
            continue
        spec = views.index.spec(req.spec)
        if spec is None or spec.status.casefold() not in gated:
            continue
        if req.status.casefold() == DROPPED:
            continue
        verification = views.verification[req.id]
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
