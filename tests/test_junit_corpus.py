"""JUnit XML as other tools write it, each file written from the tool's documented format:
every test named the way a user would name it in ``:verified-by:`` gets its outcome."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinxcontrib_enhspec.derive.verification import Verifier
from sphinxcontrib_enhspec.model import Location, Requirement
from sphinxcontrib_enhspec.sources.junit import load

pytestmark = pytest.mark.requirement("ENH-100.ER4")

CORPUS = Path(__file__).parent / "junit"

#: file -> (test identifier as a user writes it, the outcome it must get)
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "maven-surefire.xml": [
        ("com.example.ExportTest.exportsInParallel", "passed"),
        ("com.example.ExportTest.keepsOrder", "failed"),  # failed every rerun
        ("com.example.ExportTest.retriesTheNetwork", "passed"),  # flaky: passed on a rerun
        ("com.example.ExportTest.closesFiles", "passed"),
        ("com.example.ExportTest.readsConfig", "error"),
        ("com.example.ExportTest.streams", "skipped"),
        ("keepsOrder", "failed"),
    ],
    "gradle.xml": [
        ("com.example.CalculatorTest.addsNumbers()", "passed"),
        ("com.example.CalculatorTest.dividesByZero()", "failed"),
        ("com.example.CalculatorTest.doubles(int, int)[1]", "passed"),
        ("com.example.CalculatorTest.ignored()", "skipped"),
    ],
    "jest-junit.xml": [
        ("exporter writes one file per spec", "passed"),
        ("exporter keeps the order", "failed"),
        ("exporter streams", "skipped"),
    ],
    "mocha.xml": [
        ("Array #indexOf() should return -1 when not present", "passed"),
        ("Array #indexOf() should find the value", "failed"),
    ],
    "go-junit-report.xml": [
        ("example.com/exporter/parallel.TestWorkers", "passed"),
        ("example.com/exporter/parallel.TestWorkers/four", "passed"),
        ("example.com/exporter/parallel.TestOrder", "failed"),
        ("example.com/exporter/parallel.TestLater", "skipped"),
        ("TestOrder", "failed"),
    ],
    "cargo-nextest.xml": [
        ("oxidized_navigation::parry3d.test_failure", "failed"),
        ("oxidized_navigation::parry3d.test_simple_navigation", "passed"),
        ("oxidized_navigation.tests::tile_size", "passed"),
        ("oxidized_navigation.tests::flaky_rebuild", "passed"),
        ("test_simple_navigation", "passed"),
    ],
    "phpunit.xml": [
        ("Tests.Unit.CalculatorTest.testAdd", "passed"),
        ("Tests.Unit.CalculatorTest.testDivide with data set #0", "passed"),
        ("Tests.Unit.CalculatorTest.testDivide with data set #1", "failed"),
        ("Tests.Unit.CalculatorTest.testBroken", "error"),
        ("Tests.Unit.CalculatorTest.testLater", "skipped"),
    ],
    "catch2.xml": [
        ("exporter-tests.global.Vectors can be sized and resized", "passed"),
        ("exporter-tests.global.Factorials are computed", "failed"),
        ("exporter-tests.global.Slow export", "skipped"),
        ("Vectors can be sized and resized/resizing bigger changes size and capacity",
         "passed"),
    ],
    "xunit-net.xml": [
        ("Exporter.Tests.ParallelTests.Export_RunsInParallel", "passed"),
        ("Exporter.Tests.ParallelTests.Export_KeepsOrder(workers: 4)", "failed"),
        ("Exporter.Tests.ParallelTests.Export_Streams", "skipped"),
    ],
    "bazel.xml": [
        ("//exporter:parallel_test", "error"),
    ],
    "dart.xml": [
        ("test/exporter_test.Exporter writes every spec", "passed"),
        ("test/exporter_test.Exporter keeps the order", "failed"),
        ("test/exporter_test.Exporter streams", "skipped"),
    ],
}


def test_the_corpus_is_complete():
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.glob("*.xml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_outcome(name):
    results = load([name], str(CORPUS))
    assert results.problems == ()
    verifier = Verifier(results.cases, configured=True)
    for number, (test, outcome) in enumerate(EXPECTED[name], 1):
        req = Requirement(id=f"ENH-1.ER{number}", title="", location=Location("a", 1),
                          anchor="", spec="ENH-1", verified_by=(test,))
        [found] = verifier.verify(req).tests
        assert (found.test, found.outcome) == (test, outcome)


def test_a_byte_order_mark_is_read():
    assert (CORPUS / "xunit-net.xml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(load(["xunit-net.xml"], str(CORPUS)).cases) == 3
