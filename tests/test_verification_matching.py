"""Which JUnit cases a test identifier names, and whether a requirement's tests verify it,
on cases built by hand, without Sphinx."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec.derive.verification import TestOutcome as Run
from sphinxcontrib_enhspec.derive.verification import Verification, Verifier
from sphinxcontrib_enhspec.model import Location, Outcome, Requirement
from sphinxcontrib_enhspec.model import TestCase as Case

pytestmark = pytest.mark.requirement("ENH-100.ER4")


def req(ident: str, *verified_by: str) -> Requirement:
    return Requirement(id=ident, title="", location=Location("a", 1), anchor=ident,
                       spec="ENH-1", verified_by=verified_by)


CASES = [
    Case("tests.test_a", "test_same", "passed"),
    Case("tests.test_b", "test_same", "failed"),
    Case("tests.test_a", "test_p[1]", "passed"),
    Case("tests.test_a", "test_p[2]", "skipped"),
    Case("tests.test_a", "test_once", "passed"),
    Case("tests.test_m", "test_marked", "passed", requirements=("ENH-1.ER1",)),
    Case("tests.test_m", "test_marked", "failed", requirements=("ENH-1.ER1",)),
    Case("tests.test_m", "test_both", "passed", requirements=("ENH-1.ER1", "ENH-1.ER2")),
]


@pytest.mark.parametrize(("test_id", "found"), [
    ("test_once", ["tests.test_a.test_once"]),
    ("test_same", []),  # two classes hold it: the bare name is ambiguous
    ("test_p", ["tests.test_a.test_p[1]", "tests.test_a.test_p[2]"]),
    ("test_p[2]", ["tests.test_a.test_p[2]"]),
    ("tests.test_a.test_p", ["tests.test_a.test_p[1]", "tests.test_a.test_p[2]"]),
    ("tests/test_b.py::test_same", ["tests.test_b.test_same"]),
    ("test_nowhere", []),
])
def test_a_bare_name_names_one_test_or_nothing(test_id: str, found: list[str]) -> None:
    assert [case.dotted for case in Verifier(CASES, configured=True).find(test_id)] == found


def test_a_marker_names_its_requirement_once_with_its_worst_run() -> None:
    verifier = Verifier(CASES, configured=True)
    assert verifier.verify(req("ENH-1.ER1")) == Verification((
        Run("tests.test_m.test_both", "passed", "marker"),
        Run("tests.test_m.test_marked", "failed", "marker"),
    ), known=True)
    # Named in the docs too, a marked test is listed once, as the docs name it.
    assert verifier.verify(req("ENH-1.ER2", "test_both")) == Verification((
        Run("test_both", "passed"),), known=True)
    assert Verifier(CASES, configured=False).verify(req("ENH-1.ER3")) == Verification()


@pytest.mark.parametrize(("outcomes", "verified", "failing"), [
    (["passed"], True, []),
    (["passed", "skipped", "missing"], True, []),
    (["skipped"], False, []),
    ([], False, []),
    (["passed", "failed"], False, [1]),
    (["error", "passed"], False, [0]),
    (["failed", "error"], False, [0, 1]),
])
def test_verified_means_one_test_passed_and_none_failed(
        outcomes: list[Outcome], verified: bool, failing: list[int]) -> None:
    runs = tuple(Run(f"test_{i}", outcome) for i, outcome in enumerate(outcomes))
    verification = Verification(runs, known=True)
    assert verification.verified is verified
    assert verification.failing == tuple(runs[i] for i in failing)
