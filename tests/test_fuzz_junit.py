"""Random and mutated JUnit files: each gives test cases or a located problem, never an
exception, and reading one costs memory in proportion to its size."""

from __future__ import annotations

import tempfile
import tracemalloc
from pathlib import Path

import pytest
from fuzzing import search
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_enhspec import model
from sphinxcontrib_enhspec.sources.junit import Results, load

pytestmark = pytest.mark.requirement("ENH-100.ER3")

CORPUS = sorted((Path(__file__).parent / "junit").glob("*.xml"))
DECLARATIONS = [
    b'<?xml version="1.0" encoding="bogus"?>', b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?xml version="1.0" encoding="latin-1"?>', b'<?xml version="2.0"?>', b"\xef\xbb\xbf",
    b"\xff\xfe", b'<!DOCTYPE x [<!ENTITY a "aaaa">]>', b'<!DOCTYPE x SYSTEM "http://x/">',
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus file, cut, with bytes changed, inserted or deleted, or a new declaration."""
    data = draw(st.sampled_from(CORPUS)).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete", "declare"]))
        at = draw(st.integers(0, len(data)))
        if how == "cut":
            data = data[:at]
        elif how == "flip" and at < len(data):
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif how == "insert":
            data = data[:at] + draw(st.binary(max_size=40) | st.sampled_from(
                [b"<testcase", b"</testsuite>", b"&a;", b"<![CDATA[", b"\x00", b'"'])) + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 50)):]
        else:
            data = draw(st.sampled_from(DECLARATIONS)) + data.split(b"?>", 1)[-1]
    return data


def read(data: bytes) -> Results:
    """Load one results file holding `data`."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "junit.xml").write_bytes(data)
        return load(["junit.xml"], folder)


def assert_usable(results: Results) -> None:
    """Cases or one located problem: never both, never neither for a broken file."""
    for problem in results.problems:
        assert problem.path.endswith("junit.xml")
        assert problem.lineno >= 0
        assert problem.message and "\n" not in problem.message
    assert all(isinstance(case, model.TestCase) for case in results.cases)
    assert not (results.cases and results.problems)


@given(data=mutated())
@search(150, fuzz_factor=20)
def test_mutated_files_give_cases_or_a_problem(data: bytes) -> None:
    assert_usable(read(data))


@given(data=st.binary(max_size=300))
@search(100, fuzz_factor=20)
def test_random_bytes_give_cases_or_a_problem(data: bytes) -> None:
    results = read(data)
    assert_usable(results)
    assert results.problems or b"testsuite" in data


@pytest.mark.parametrize("declaration", DECLARATIONS)
def test_declarations_and_doctypes(declaration: bytes) -> None:
    results = read(declaration + b'<testsuite><testcase classname="a" name="b"/></testsuite>')
    assert_usable(results)
    if b"DOCTYPE" in declaration or b"bogus" in declaration or b"utf-16" in declaration:
        assert results.problems and not results.cases
    if b"bogus" in declaration:
        assert "unknown encoding" in results.problems[0].message


@pytest.mark.parametrize("shape", ["deep", "wide-attribute", "many-cases"])
def test_large_files_stay_in_proportion(shape: str) -> None:
    n = 200_000
    data = {
        "deep": b"<testsuites>" + b"<testsuite>" * n + b"</testsuite>" * n + b"</testsuites>",
        "wide-attribute": b'<testsuite><testcase classname="' + b"x" * (50 * n)
                          + b'" name="y"/></testsuite>',
        "many-cases": b"<testsuite>" + b'<testcase classname="c" name="n"/>' * (n // 4)
                      + b"</testsuite>",
    }[shape]
    tracemalloc.start()
    try:
        results = read(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_usable(results)
    assert not results.problems
    assert len(results.cases) == {"deep": 0, "wide-attribute": 1, "many-cases": n // 4}[shape]
    assert peak < 100 * len(data) + 50_000_000, (shape, peak, len(data))
