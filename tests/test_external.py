"""Another project's export: its objects resolve with the project prefix and join collections."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER6")


BASE = "https://core.example.org/"
#: A role is located at the first line of its paragraph.
LINES = {"external": 10, "external-myst": 11}


@pytest.fixture
def core(build):
    """The export of a build of the basic root."""
    return build("basic").outdir / "enhspec.json"


@pytest.mark.parametrize("root", ["external", "external-myst"])
def test_external_objects_resolve_and_appear_in_collections(build, core, root):
    project = build(root, confoverrides={"enhspec_external": {"core": (BASE, str(core))}})
    ext = "md" if root.endswith("myst") else "rst"
    assert project.warnings() == [
        f"index.{ext}:{LINES[root]}: WARNING: unknown requirement 'core:ENH-042.ER99' "
        "[enhspec.unresolved]",
    ]
    html = project.text("index.html")
    for uri, text in [("export.html#req-ENH-042.ER1", "core:ENH-042.ER1"),
                      ("export.html#spec-ENH-042", "core:ENH-042"),
                      ("export.html#risk-ENH-042.R1", "core:ENH-042.R1"),
                      ("legacy.html#spec-ENH-017", "core:ENH-017")]:
        assert (f'<a class="enhspec-external reference external" href="{BASE}{uri}"'
                in html), uri
        assert f">{text}</span></a>" in html
    [matrix] = project.tables("index", "matrix")
    assert matrix == [
        ["ID", "Spec", "Depends on"],
        ["APP-1.ER1", "APP-1", "core:ENH-042.ER1"],
        ["core:ENH-017.ER2", "core:ENH-017", ""],
        ["core:ENH-042.CR1", "core:ENH-042", ""],
        ["core:ENH-042.ER1", "core:ENH-042", "core:ENH-042.CR1, core:ENH-017.ER2"],
        ["core:ENH-042.PR1", "core:ENH-042", ""],
        ["core:SEC-1", "", ""],
    ]
    # our own export and inventory list only our own objects
    data = json.loads(project.text("enhspec.json"))
    assert [r["id"] for r in data["requirements"]] == ["APP-1.ER1"]
    assert b"core:" not in (project.outdir / "objects.inv").read_bytes()


def test_export_read_from_the_base_url(build, core):
    base = core.parent.as_uri() + "/"
    project = build("external", confoverrides={"enhspec_external": {"core": (base, None)}})
    assert len(project.warnings()) == 1  # the unknown ER99 only
    assert f'href="{base}export.html#req-ENH-042.ER1"' in project.text("index.html")


@pytest.mark.parametrize(("content", "reason"), [
    (None, "cannot be read: [Errno 2] No such file or directory"),
    ("{not json", "is not JSON: Expecting property name enclosed in double quotes"),
    ('{"schema_version": 99}', "is not an enhspec export of schema version 1 or 2"),
    ('{"schema_version": 1, "requirements": [{"title": "no ID"}]}',
     "has an object without an ID"),
])
def test_unusable_exports_warn(build, tmp_path, content, reason):
    path = tmp_path / "core.json"
    if content is not None:
        path.write_text(content)
    project = build("external", confoverrides={"enhspec_external": {"core": (BASE, str(path))}})
    warnings = project.warnings()
    assert warnings[0].startswith(f"{path}:: WARNING: export of core ({path}) {reason}")
    assert warnings[0].endswith("[enhspec.external]")
    # without the export, the links to it are unknown, and the build goes on
    assert "unknown requirement 'core:ENH-042.ER1'" in "\n".join(warnings)


def test_enhspec_external_wins_over_intersphinx(build, core):
    inventory = core.parent / "objects.inv"
    project = build("external", confoverrides={
        "extensions": ["sphinx.ext.intersphinx", "sphinxcontrib_enhspec"],
        "enhspec_external": {"core": (BASE, str(core))},
        "intersphinx_mapping": {"core": ("https://elsewhere.example.org/", str(inventory))},
    })
    html = project.text("index.html")
    assert f'href="{BASE}export.html#req-ENH-042.ER1"' in html
    assert "elsewhere.example.org" not in html


def test_a_changed_export_rewrites_the_pages_that_use_it(build, core, tmp_path):
    copy = tmp_path / "core.json"
    copy.write_text(core.read_text())
    settings = {"enhspec_external": {"core": (BASE, str(copy))}}
    first = build("external", confoverrides=settings)
    assert "core:ENH-042.PR1" in first.text("index.html")
    data = json.loads(copy.read_text())
    data["requirements"] = [r for r in data["requirements"] if r["id"] != "ENH-042.PR1"]
    copy.write_text(json.dumps(data))
    later = time.time() + 10
    os.utime(copy, (later, later))
    again = build("external", srcdir=first.srcdir, freshenv=False, confoverrides=settings)
    assert "core:ENH-042.PR1" not in again.text("index.html")


def test_an_export_of_schema_version_1_is_read(build, core):
    """An export written before API changes joined the format (the basic root's, kept in
    tests/exports) resolves like one of today."""
    old = Path(__file__).parent / "exports" / "basic-v1.json"
    assert json.loads(old.read_text(encoding="utf-8"))["schema_version"] == 1
    tables = {}
    for name, path in [("old", old), ("new", core)]:
        project = build("external", confoverrides={"enhspec_external": {"core": (BASE, str(path))}})
        assert len(project.warnings()) == 1  # the unknown ER99 only
        tables[name] = project.tables("index", "matrix")
    assert tables["old"] == tables["new"]
    assert ["core:ENH-042.ER1", "core:ENH-042", "core:ENH-042.CR1, core:ENH-017.ER2"] in \
        tables["old"][0]
