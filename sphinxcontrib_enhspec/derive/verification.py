"""Which tests verify a requirement, and how they fared: pure matching of IDs to test cases."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Outcome, Requirement, TestCase, worst

_PARAMS = re.compile(r"\[.*\]$")


def dotted(test_id: str) -> str:
    """A pytest node ID in JUnit's ``classname.name`` form.

    ``tests/test_x.py::TestX::test_y[a]`` becomes ``tests.test_x.TestX.test_y[a]``; an ID
    without ``::`` is taken as written (``classname.name`` or a bare name).
    """
    name, bracket, params = test_id.partition("[")  # parameters may hold "::" themselves
    if "::" not in name:
        return test_id
    path, _, rest = name.partition("::")
    module = path.removesuffix(".py").replace("\\", "/").strip("/").replace("/", ".")
    return f"{module}.{rest.replace('::', '.')}{bracket}{params}"


@dataclass(frozen=True)
class TestOutcome:
    """A test as the docs name it, and its outcome."""

    test: str
    outcome: Outcome
    #: "verified-by" when the docs name it, "marker" when the test names the requirement.
    source: str = "verified-by"


@dataclass(frozen=True)
class Verification:
    """A requirement's tests and whether they verify it."""

    tests: tuple[TestOutcome, ...] = ()
    known: bool = False  # results were configured, so outcomes mean something

    @property
    def verified(self) -> bool:
        """At least one test passed and none failed or errored."""
        outcomes = {t.outcome for t in self.tests}
        return "passed" in outcomes and not outcomes & {"failed", "error"}

    @property
    def failing(self) -> tuple[TestOutcome, ...]:
        """The tests that failed or errored."""
        return tuple(t for t in self.tests if t.outcome in {"failed", "error"})


class Verifier:
    """Matches test identifiers to test cases: by ``classname.name``, without parameters,
    by bare name, and by the requirement a marker names."""

    def __init__(self, cases: Sequence[TestCase], configured: bool) -> None:
        self.configured = configured
        self.by_dotted: dict[str, list[TestCase]] = defaultdict(list)
        self.by_base: dict[str, list[TestCase]] = defaultdict(list)
        self.by_name: dict[str, list[TestCase]] = defaultdict(list)
        self.by_requirement: dict[str, list[TestCase]] = defaultdict(list)
        for case in cases:
            self.by_dotted[case.dotted].append(case)
            self.by_base[_PARAMS.sub("", case.dotted)].append(case)
            for name in {case.name, _PARAMS.sub("", case.name)}:
                self.by_name[name].append(case)
            for req in case.requirements:
                self.by_requirement[req].append(case)

    def find(self, test_id: str) -> list[TestCase]:
        """The cases a test identifier names: exact, every parametrisation, or a unique name."""
        key = dotted(test_id)
        # As written first: a classname may hold "::" itself (Rust, C++, Ruby).
        for written in dict.fromkeys((test_id, key)):
            for table in (self.by_dotted, self.by_base):
                if written in table:
                    return table[written]
        named = self.by_name.get(key, [])
        # A bare name counts when it names one test, or the parametrisations of one.
        return named if len({_PARAMS.sub("", c.dotted) for c in named}) == 1 else []

    def verify(self, req: Requirement) -> Verification:
        """The outcome of each test of `req`: named in the docs, or naming it by marker."""
        tests: list[TestOutcome] = []
        seen: set[str] = set()
        for test_id in req.verified_by:
            cases = self.find(test_id)
            seen.update(case.dotted for case in cases)
            tests.append(TestOutcome(test_id, worst([c.outcome for c in cases])))
        marked: dict[str, list[Outcome]] = defaultdict(list)
        for case in self.by_requirement.get(req.id, []):
            if case.dotted not in seen:
                marked[case.dotted].append(case.outcome)
        tests.extend(TestOutcome(name, worst(outcomes), "marker")
                     for name, outcomes in sorted(marked.items()))
        return Verification(tuple(tests), self.configured)
