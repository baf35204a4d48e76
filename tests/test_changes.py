"""The ``changes`` collection and the matrix's ``:since:`` against a baseline export."""

from __future__ import annotations

import json
import re

import pytest
from conftest import twins
from sources import edit, write

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER10")

#: The baselines (tests/roots/test-changes*/baselines/enhspec-1.0.json) were made by
#: tests/make_baselines.py from an earlier state of the roots: ENH-1 was proposed, its ER1
#: open under a shorter title, CR1's body said less, PR1 was not written and a risk R2 was.
ADDED = [["ID", "Type", "Title", "Status"],
         ["ENH-1.PR1", "requirement", "Export of 1000 specs takes under a second",
          "in-progress"]]
REMOVED = [["ID", "Type", "Title", "Status"],
           ["ENH-1.R2", "risk", "Memory use grows with workers", "open"]]
MATRIX = [["ID", "Status", "Since 1.0"],
          ["ENH-1.CR1", "\u2610 open", "changed"],
          ["ENH-1.ER1", "\u2611 done", "changed"],
          ["ENH-1.PR1", "\u2610 in-progress", "added"]]


CHANGED = [["ID", "Field", "Old", "New"],
           ["ENH-1", "status", "proposed", "approved"],
           ["ENH-1.CR1", "text", "Old settings are read.", "Old settings are still read."],
           ["ENH-1.ER1", "title", "Export runs in parallel", "Export runs in parallel workers"],
           ["ENH-1.ER1", "status", "open", "done"]]


def paragraphs(html: str, cls: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", p) for p in
            re.findall(rf'<p class="{cls}">(.*?)</p>', html, re.S)]


@twins("changes")
def test_changes_page_shows_transitions_then_added_removed_changed(build, root):
    project = build(root)
    assert project.warnings() == []
    html = project.text("review.html")
    assert paragraphs(html, "enhspec-summary")[0] == "Since 1.0: 1 added, 1 removed, 3 changed."
    assert paragraphs(html, "enhspec-transitions") == [
        "Status: 1 spec proposed \u2192 approved, 1 requirement open \u2192 done."]
    assert html.index("enhspec-transitions") < html.index("Added") < html.index("Removed") \
        < html.index("Changed")
    assert project.tables("review", "changes-added") == [ADDED]
    assert project.tables("review", "changes-removed") == [REMOVED]
    assert project.tables("review", "changes-changed") == [CHANGED]
    assert project.tables("review", "matrix") == [MATRIX]
    # objects that exist link to their targets; a removed one is its ID alone
    [added] = [t for t in project.html_tables("review") if "enhspec-changes-added" in t.classes]
    assert added.rows[1][0].links[0][0] == "enh-1.html#req-ENH-1.PR1"
    [removed] = [t for t in project.html_tables("review")
                 if "enhspec-changes-removed" in t.classes]
    assert removed.rows[1][0].links == []


@twins("changes")
def test_changes_in_text_and_every_builder_model(build, root):
    text = build(root, "text").text("review.txt")
    assert "Status: 1 spec proposed \u2192 approved, 1 requirement open \u2192 done." in text
    assert "| *ENH-1.PR1*    | requirement  |" in text
    assert "| Since 1.0    |" in text
    latex = build(root, "latex", confoverrides={"project": "Changes"}).text("changes.tex")
    assert r"Since 1.0: 1 added, 1 removed, 3 changed." in latex


@twins("changes")
def test_filters_narrow_the_changes(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    project = build(root, "html")
    src = project.srcdir
    option = ":since: 1.0\n:kind: enhancement" if ext == "md" else \
        ":since: 1.0\n   :kind: enhancement"
    edit(src / f"review.{ext}", ":since: 1.0", option)
    filtered = build(root, srcdir=src, freshenv=False)
    assert filtered.warnings() == []
    assert filtered.tables("review", "changes-changed") == [[
        ["ID", "Field", "Old", "New"],
        ["ENH-1.ER1", "title", "Export runs in parallel", "Export runs in parallel workers"],
        ["ENH-1.ER1", "status", "open", "done"]]]
    assert filtered.tables("review", "changes-added") == []
    assert paragraphs(filtered.text("review.html"), "enhspec-transitions") == [
        "Status: 1 requirement open \u2192 done."]


@twins("changes")
def test_editing_a_spec_updates_the_changes_page(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    first = build(root)
    src = first.srcdir
    # the spec goes back to its baseline status, and ER1 to its old title
    edit(src / f"enh-1.{ext}", ":status: approved", ":status: proposed")
    edit(src / f"enh-1.{ext}", "parallel workers", "parallel")
    edited = build(root, srcdir=src, freshenv=False)
    assert edited.warnings() == []
    assert paragraphs(edited.text("review.html"), "enhspec-transitions") == [
        "Status: 1 requirement open \u2192 done."]
    assert edited.tables("review", "changes-changed") == [[
        ["ID", "Field", "Old", "New"],
        ["ENH-1.CR1", "text", "Old settings are read.", "Old settings are still read."],
        ["ENH-1.ER1", "status", "open", "done"]]]
    # a changed baseline file rewrites the page too, with no source edited
    baseline = src / "baselines" / "enhspec-1.0.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["risks"] = [r for r in data["risks"] if r["id"] != "ENH-1.R2"]
    write(baseline, json.dumps(data))
    rebuilt = build(root, srcdir=src, freshenv=False)
    assert rebuilt.tables("review", "changes-removed") == []
    assert paragraphs(rebuilt.text("review.html"), "enhspec-summary")[0] == \
        "Since 1.0: 1 added, 0 removed, 2 changed."


@pytest.mark.parametrize(("content", "reason"), [
    (None, "cannot be read: No such file or directory"),
    ("{not json", "is not JSON: Expecting property name enclosed in double quotes"),
    ('{"schema_version": 99}', "is not an enhspec export of schema version 1 or 2"),
    ('{"schema_version": 2, "requirements": [{"title": "no ID"}]}',
     "has an object without an ID"),
])
def test_unreadable_baseline_warns_and_the_collections_say_so(build, content, reason):
    project = build("changes", "html")
    path = project.srcdir / "baselines" / "enhspec-1.0.json"
    if content is None:
        path.unlink()
    else:
        write(path, content)
    broken = build("changes", srcdir=project.srcdir, freshenv=True)
    [warning] = broken.warnings()
    # as for other projects' exports, a file is named with an empty line number
    where = "baselines/enhspec-1.0.json::" if content is not None else "conf.py:3:"
    assert warning.startswith(f"{where} WARNING: baseline 1.0 (")
    assert f"enhspec-1.0.json) {reason}" in warning
    assert warning.endswith("[enhspec.baseline]")
    said = paragraphs(broken.text("review.html"), "enhspec-baseline-problem")
    assert len(said) == 2  # the changes and the matrix
    assert all(p.startswith("The baseline 1.0 cannot be used: ") and reason in p for p in said)
    assert broken.tables("review", "matrix")[0][0] == ["ID", "Status"]


@twins("changes")
def test_since_naming_no_baseline_warns_with_the_names(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    project = build(root)
    src = project.srcdir
    page = src / f"review.{ext}"
    indent = "   " if ext == "rst" else ""
    edit(page, ":since: 1.0", ":since: 0.9")
    edit(page, f"{indent}:since: 1.0\n", "")  # the matrix's: it shows no column then
    rebuilt = build(root, srcdir=src, freshenv=False)
    line = 4 if ext == "rst" else 3
    assert rebuilt.warnings() == [
        f"review.{ext}:{line}: WARNING: changes: :since: '0.9' is not one of "
        "enhspec_baselines (1.0) [enhspec.invalid_value]"]
    html = rebuilt.text("review.html")
    assert "<em>No baseline is named by :since:.</em>" in html
    assert rebuilt.tables("review", "matrix")[0][0] == ["ID", "Status"]
    edit(page, f"{indent}:since: 0.9\n", "")
    missing = build(root, srcdir=src, freshenv=False)
    assert missing.warnings() == [
        f"review.{ext}:{line}: WARNING: changes: :since: is required: name one of "
        "enhspec_baselines (1.0) [enhspec.invalid_value]"]


def test_baselines_of_the_wrong_shape_are_a_config_warning(build):
    project = build("changes", confoverrides={"enhspec_baselines": {"1.0": 3}})
    assert project.warnings() == [
        "conf.py:3: WARNING: enhspec_baselines must be a dict of name to the path of an "
        "earlier export, not {'1.0': 3}; using the default [enhspec.config]",
        "review.rst:4: WARNING: changes: :since: '1.0' is not one of enhspec_baselines "
        "(none are set) [enhspec.invalid_value]",
        "review.rst:10: WARNING: traceability-matrix: :since: '1.0' is not one of "
        "enhspec_baselines (none are set) [enhspec.invalid_value]",
    ]


def test_one_id_for_two_objects_is_a_conflict(build):
    project = build("changes")
    baseline = project.srcdir / "baselines" / "enhspec-1.0.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    [er1] = [r for r in data["requirements"] if r["id"] == "ENH-2.ER1"]
    er1.update(docname="enh-9", title="Export resumes after a crash")
    write(baseline, json.dumps(data))
    rebuilt = build("changes", srcdir=project.srcdir, freshenv=False)
    assert rebuilt.tables("review", "changes-conflicts") == [[
        ["ID", "Baseline", "Now"],
        ["ENH-2.ER1", "enh-9 Export resumes after a crash",
         "enh-2 Export writes only what changed"],
    ]]
    assert paragraphs(rebuilt.text("review.html"), "enhspec-summary")[0] == \
        "Since 1.0: 1 added, 1 removed, 3 changed, 1 conflict."
    assert rebuilt.warnings() == []
