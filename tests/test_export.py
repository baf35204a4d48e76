"""``enhspec.json``: valid against the shipped schema, complete, and the same in every mode."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import jsonschema
import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER5")


SCHEMA = json.loads(
    resources.files("sphinxcontrib_enhspec").joinpath("schema/enhspec.schema.json").read_text())


def export(project):
    return json.loads(project.text("enhspec.json"))


@pytest.mark.parametrize("root", ["basic", "basic-myst", "collections", "collections-myst",
                                  "steps", "include", "escaping"])
def test_export_is_valid(build, root):
    data = export(build(root))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["schema_version"] == 2


def test_export_content(build):
    data = export(build("basic"))
    assert [s["id"] for s in data["specs"]] == ["ENH-017", "ENH-042"]
    er1 = next(r for r in data["requirements"] if r["id"] == "ENH-042.ER1")
    assert er1 == {
        "type": "requirement", "id": "ENH-042.ER1", "title": "Export runs in parallel",
        "text": "Each worker writes one file; see :req:`CR1`.",
        "fingerprint": hashlib.sha256(
            b"Export runs in parallel\nEach worker writes one file; see :req:`CR1`.",
        ).hexdigest()[:16],
        "spec": "ENH-042", "kind": "enhancement", "status": "done", "priority": "must",
        "depends": ["ENH-042.CR1", "ENH-017.ER2"],
        "verified_by": ["tests/test_export.py::test_parallel_export",
                        "tests/test_export.py::test_x[a,b]"],
        "implemented_by": ["src/exporter/parallel.py"], "tags": ["export"],
        "risks": ["ENH-042.R1"],
        "tests": [{"test": "tests/test_export.py::test_parallel_export", "outcome": None,
                   "source": "verified-by"},
                  {"test": "tests/test_export.py::test_x[a,b]", "outcome": None,
                   "source": "verified-by"}],
        "verified": None,
        "docname": "export", "line": 16, "anchor": "req-ENH-042.ER1",
        "uri": "export.html#req-ENH-042.ER1",
    }
    legacy = next(s for s in data["specs"] if s["id"] == "ENH-017")
    assert legacy["superseded_by"] == ["ENH-042"]
    r1 = next(r for r in data["risks"] if r["id"] == "ENH-042.R1")
    assert r1["affects"] == ["ENH-042.ER1", "ENH-042.PR1"]
    assert r1["mitigation"] == "Run the export suite under -j 8 in CI."
    assert [c["id"] for c in data["config_changes"]] == [
        "exporter.threads@2.0", "exporter.workers@2.0"]
    assert [m["id"] for m in data["migration_steps"]] == ["ENH-042.M1", "ENH-042.M2",
                                                          "KEEP-NAMES"]


@pytest.mark.parametrize(("old", "new", "same"), [
    (":status: done", ":status: open", True),
    ("Each worker writes one file;", "Each   worker\n   writes one file;", True),
    ("Each worker writes one file;", "Each worker writes two files;", False),
    ("ER1 Export runs in parallel", "ER1 Export runs in series", False),
])
def test_fingerprints_follow_title_and_body_only(build, old, new, same):
    """White space and options are not part of an object's fingerprint; its words are."""
    project = build("basic")
    before = {o["id"]: o for o in export(project)["requirements"]}
    source = project.srcdir / "export.rst"
    text = source.read_text()
    assert old in text
    source.write_text(text.replace(old, new, 1))
    after = {o["id"]: o for o in export(build("basic", srcdir=project.srcdir))["requirements"]}
    assert (after["ENH-042.ER1"]["fingerprint"] == before["ENH-042.ER1"]["fingerprint"]) is same
    assert after["ENH-042.CR1"]["fingerprint"] == before["ENH-042.CR1"]["fingerprint"]


def test_plain_texts_are_as_written(build):
    data = export(build("escaping"))
    assert data["specs"][0]["title"] == "<script>alert(1)</script>"
    assert data["risks"][0]["mitigation"] == 'Use "quotes" & <style>body{}</style>'


@pytest.mark.parametrize("root", ["collections", "collections-myst"])
def test_export_is_byte_identical_in_parallel(build, root):
    assert build(root).text("enhspec.json") == build(root, parallel=2).text("enhspec.json")


@pytest.mark.parametrize("builder", ["dirhtml", "latex", "text", "dummy"])
def test_every_builder_writes_the_export(build, builder):
    project = build("basic", builder)
    data = export(project)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    er1 = next(r for r in data["requirements"] if r["id"] == "ENH-042.ER1")
    expected = "export/#req-ENH-042.ER1" if builder == "dirhtml" else \
        "export.html#req-ENH-042.ER1"
    assert er1["uri"] == expected


def test_export_can_be_turned_off(build):
    project = build("basic", confoverrides={"enhspec_json_export": False})
    assert not (project.outdir / "enhspec.json").exists()


def test_uris_for_one_page_builds_and_sources_of_included_files(build):
    single = export(build("basic", "singlehtml"))
    er1 = next(r for r in single["requirements"] if r["id"] == "ENH-042.ER1")
    assert er1["uri"] == "index.html#req-ENH-042.ER1"
    included = export(build("include"))
    part = next(r for r in included["requirements"] if r["id"] == "ENH-5.ER1")
    assert part["source"] == "_part.txt"
    assert "source" not in included["specs"][0]  # written in the document itself
