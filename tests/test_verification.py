"""JUnit results from a real pytest run verify requirements; the gate warns where it must."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER4")

DEMO = '''
import pytest


def test_pass():
    pass

class TestGroup:
    def test_in_class(self):
        pass

@pytest.mark.parametrize("n", [1, 2])
def test_param(n):
    assert n == 1

def test_skip():
    pytest.skip("not here")

@pytest.fixture
def broken():
    raise RuntimeError("setup fails")

def test_error(broken):
    pass

@pytest.mark.requirement("ENH-1.ER8")
def test_marked():
    pass

@pytest.mark.requirement("ENH-9.ER1", "ENH-1.ER1")
def test_marks_unknown():
    pass
'''


@pytest.fixture(scope="session")
def junit(tmp_path_factory) -> Path:
    """A JUnit file from a real run of a small suite, under xdist, with the marker plugin."""
    project = tmp_path_factory.mktemp("demo")
    (project / "tests").mkdir()
    (project / "tests" / "test_demo.py").write_text(textwrap.dedent(DEMO))
    report = project / "junit.xml"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", f"--junitxml={report}", "-p", "xdist",
         "-n", "2", "-p", "no:cacheprovider", "--strict-markers", "-q"],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr  # some tests fail on purpose
    return report


def test_marker_writes_requirement_properties_under_xdist(junit):
    cases = {case.get("name"): case for case in ET.parse(junit).iter("testcase")}
    assert len(cases) == 8
    props = {name: [p.get("value") for p in case.iter("property")
                    if p.get("name") == "requirement"] for name, case in cases.items()}
    assert props["test_marked"] == ["ENH-1.ER8"]
    assert props["test_marks_unknown"] == ["ENH-9.ER1", "ENH-1.ER1"]
    assert props["test_pass"] == []


def test_marker_without_ids_is_a_usage_error(tmp_path):
    (tmp_path / "test_bad.py").write_text(
        "import pytest\n\n@pytest.mark.requirement()\ndef test_x():\n    pass\n")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                         cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 4
    assert "@pytest.mark.requirement takes requirement IDs as strings" in run.stdout + run.stderr


LINES = {"verification": {"ER3": 13, "ER5": 19, "ER6": 22, "ER7": 25},
         "verification-myst": {"ER3": 15, "ER5": 23, "ER6": 27, "ER7": 31}}


@pytest.mark.parametrize("root", ["verification", "verification-myst"])
def test_outcomes_and_gate(build, root, junit):
    project = build(root, confoverrides={"enhspec_test_results": [str(junit)]})
    ext = "md" if root.endswith("myst") else "rst"
    at = {key: f"index.{ext}:{line}" for key, line in LINES[root].items()}
    warnings = [w.replace(str(junit), "junit.xml") for w in project.warnings()]
    assert warnings == [
        "junit.xml:: WARNING: test 'tests.test_demo.test_marks_unknown' names unknown "
        "requirement 'ENH-9.ER1' [enhspec.unresolved]",
        f"{at['ER3']}: WARNING: ENH-1.ER3 is not verified, and its spec ENH-1 is approved: "
        "tests tests/test_demo.py::test_param failed [enhspec.unverified]",
        f"{at['ER3']}: WARNING: ENH-1.ER3: test 'tests/test_demo.py::test_param' failed "
        "[enhspec.failed]",
        f"{at['ER5']}: WARNING: ENH-1.ER5 is not verified, and its spec ENH-1 is approved: "
        "tests tests.test_demo.test_skip skipped [enhspec.unverified]",
        f"{at['ER6']}: WARNING: ENH-1.ER6 is not verified, and its spec ENH-1 is approved: "
        "tests test_error error [enhspec.unverified]",
        f"{at['ER6']}: WARNING: ENH-1.ER6: test 'test_error' error [enhspec.failed]",
        f"{at['ER7']}: WARNING: ENH-1.ER7 is not verified, and its spec ENH-1 is approved: "
        "tests tests/test_demo.py::test_nothing missing [enhspec.unverified]",
    ]
    [matrix] = project.tables("index", "matrix")
    assert matrix == [
        ["ID", "Verified by"],
        ["ENH-1.ER1", "tests/test_demo.py::test_pass passed, "
                      "tests.test_demo.test_marks_unknown passed"],
        ["ENH-1.ER2", "tests/test_demo.py::TestGroup::test_in_class passed"],
        ["ENH-1.ER3", "tests/test_demo.py::test_param failed"],
        ["ENH-1.ER4", "tests/test_demo.py::test_param[1] passed"],
        ["ENH-1.ER5", "tests.test_demo.test_skip skipped"],
        ["ENH-1.ER6", "test_error error"],
        ["ENH-1.ER7", "tests/test_demo.py::test_nothing missing"],
        ["ENH-1.ER8", "tests.test_demo.test_marked passed"],
        ["ENH-1.ER9", ""],
        ["ENH-2.ER1", ""],
    ]
    summary = [n.astext() for n in project.resolved("index").findall()
               if "enhspec-summary" in getattr(n, "get", lambda *_: [])("classes", [])]
    assert summary == ["10 requirements, 0 done, 4 verified (40%)"]
    html = project.text("index.html")
    assert 'enhspec-badge enhspec-outcome-failed">failed</span>' in html


@pytest.mark.parametrize("root", ["verification", "verification-myst"])
def test_suppress_gate_warnings(build, root, junit):
    project = build(root, confoverrides={
        "enhspec_test_results": [str(junit)],
        "suppress_warnings": ["enhspec.unverified", "enhspec.failed", "enhspec.unresolved"],
    })
    assert project.warnings() == []


def test_without_the_gate_results_only_show(build, junit):
    project = build("verification", confoverrides={
        "enhspec_test_results": [str(junit)], "enhspec_require_verification": []})
    assert [w for w in project.warnings() if "unverified" in w or "failed]" in w] == []


@pytest.mark.parametrize("name", ["broken", "bomb", "external", "notjunit"])
def test_unusable_results_files_warn_and_the_build_goes_on(build, name):
    project = build("verification", confoverrides={
        "enhspec_test_results": [f"results/{name}.xml", "results/none-*.xml"],
        "enhspec_require_verification": []})
    reason = {
        "broken": "is not XML: mismatched tag: line 5, column 4",
        "bomb": "is refused: DTDForbidden(name='lolz', system_id=None, public_id=None)",
        "external": "is refused: DTDForbidden(name='t', system_id=None, public_id=None)",
        "notjunit": "is not JUnit XML (root element <html>)",
    }[name]
    line = {"broken": "5"}.get(name, "")
    assert project.warnings() == [
        f"results/{name}.xml:{line}: WARNING: test results results/{name}.xml {reason} "
        "[enhspec.results]",
        "results/none-*.xml:: WARNING: test results results/none-*.xml no JUnit results file "
        "matches this path [enhspec.results]",
    ]
    [matrix] = project.tables("index", "matrix")
    assert matrix[1] == ["ENH-1.ER1", "tests/test_demo.py::test_pass missing"]


def test_a_changed_results_file_rewrites_the_pages_that_show_results(build, junit, tmp_path):
    report = tmp_path / "junit.xml"
    report.write_text(junit.read_text())
    settings = {"enhspec_test_results": [str(report)], "enhspec_require_verification": []}
    first = build("verification", confoverrides=settings)
    assert ["ENH-1.ER1", "tests/test_demo.py::test_pass passed, "
            "tests.test_demo.test_marks_unknown passed"] in first.tables("index", "matrix")[0]
    # the next run: test_pass fails
    text = report.read_text().replace(
        'name="test_pass" time="', 'name="test_pass" time="').replace(
        '<testcase classname="tests.test_demo" name="test_pass"',
        '<testcase classname="tests.test_demo" name="test_pass"><failure message="no"/>'
        '</testcase><testcase classname="unused" name="unused"', 1)
    report.write_text(text)
    again = build("verification", srcdir=first.srcdir, freshenv=False,
                  confoverrides={**settings, "enhspec_require_verification": []})
    rows = again.tables("index", "matrix")[0]
    assert ["ENH-1.ER1", "tests/test_demo.py::test_pass failed, "
            "tests.test_demo.test_marks_unknown passed"] in rows
    html = again.text("index.html")
    assert "tests/test_demo.py::test_pass</span></code> " \
           '<span class="enhspec-badge enhspec-outcome-failed">failed</span>' in html


def test_export_carries_outcomes(build, junit):
    import json
    from importlib import resources

    import jsonschema

    project = build("verification", confoverrides={"enhspec_test_results": [str(junit)]})
    data = json.loads(project.text("enhspec.json"))
    schema = json.loads(resources.files("sphinxcontrib_enhspec")
                        .joinpath("schema/enhspec.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    reqs = {r["id"]: r for r in data["requirements"]}
    assert reqs["ENH-1.ER8"]["tests"] == [
        {"test": "tests.test_demo.test_marked", "outcome": "passed", "source": "marker"}]
    assert reqs["ENH-1.ER8"]["verified"] is True
    assert reqs["ENH-1.ER3"]["verified"] is False


@pytest.mark.parametrize(("test_id", "dotted_form"), [
    ("tests/test_x.py::test_y", "tests.test_x.test_y"),
    ("tests/test_x.py::TestX::test_y[a-b]", "tests.test_x.TestX.test_y[a-b]"),
    ("tests/test_u.py::test_u[a::b]", "tests.test_u.test_u[a::b]"),
    ("tests.test_x.test_y", "tests.test_x.test_y"),
    ("test_y", "test_y"),
])
def test_node_ids_in_junit_form(test_id, dotted_form):
    from sphinxcontrib_enhspec.derive.verification import dotted

    assert dotted(test_id) == dotted_form
