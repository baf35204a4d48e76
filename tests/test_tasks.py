"""Task lists: checklist items of a spec's document show a box and count per spec and per
top-level section, on the card, in the spec index and in the export, in reST and MyST."""

from __future__ import annotations

import json

import pytest
from conftest import twins
from docutils import nodes
from sources import edit

from sphinxcontrib_enhspec.tasks import marked

pytestmark = pytest.mark.requirement("ENH-100.ER7")


def card(project, docname):
    fields = next(project.resolved(docname).findall(nodes.field_list))
    return {f[0].astext(): f[1].astext() for f in fields.findall(nodes.field)}


@twins("tasks")
def test_tasks_are_counted_per_spec_and_section(build, root):
    project = build(root)
    assert project.warnings() == []
    assert card(project, "enh-1")["Tasks"] == "Implementation Plan 2/4, Acceptance Criteria 1/3"
    assert project.tables("specs", "spec-index") == [
        [["ID", "Requirements", "Tasks"], ["ENH-1", "0/1", "3/7"]]]


@twins("tasks")
def test_tasks_show_a_box_and_other_checklists_stay_as_written(build, root):
    project = build(root)
    page = project.text("enh-1.html")
    assert ('<li class="enhspec-task enhspec-task-done"><p><span class="enhspec-box '
            'enhspec-box-done">\u2611</span> Split the report into chunks</p>') in page
    assert ('<li class="enhspec-task enhspec-task-open"><p><span class="enhspec-box '
            'enhspec-box-open">\u2610</span> Run the chunks in a pool</p>') in page
    assert "<li><p>[x] A checklist before the spec is not counted</p>" in page
    assert "<li><p>An item that is no task</p>" in page
    assert "[ ] A checklist in a document without a spec" in project.text("notes.html")


@twins("tasks")
def test_the_export_lists_each_task(build, root):
    project = build(root)
    data = json.loads(project.text("enhspec.json"))
    ext = "md" if root.endswith("myst") else "rst"
    lines = {"rst": [14, 15, 21, 26, 31, 32, 33], "md": [12, 13, 18, 22, 27, 28, 29]}[ext]
    assert [(t["text"], t["done"], t["section"], t["part"], t["line"]) for t in data["tasks"]] == [
        ("Split the report into chunks", True, "Phase 1: Core", "Implementation Plan",
         lines[0]),
        ("Run the chunks in a pool", False, "Phase 1: Core", "Implementation Plan", lines[1]),
        ("Read the new option", True, "Phase 2: Integration", "Implementation Plan",
         lines[2]),
        ("A task in a requirement's body counts once", False, "Phase 2: Integration",
         "Implementation Plan", lines[3]),
        ("All enhancement requirements met", False, "Acceptance Criteria",
         "Acceptance Criteria", lines[4]),
        ("Backward compatibility maintained", True, "Acceptance Criteria",
         "Acceptance Criteria", lines[5]),
        ("Performance benchmarks achieved", False, "Acceptance Criteria",
         "Acceptance Criteria", lines[6]),
    ]
    assert {(t["spec"], t["docname"], t["milestone"]) for t in data["tasks"]} == {
        ("ENH-1", "enh-1", "")}
    [spec] = data["specs"]
    assert (spec["tasks_done"], spec["tasks_total"]) == (3, 7)


def test_myst_tasklist_extension_gives_the_same_tasks(build):
    plain = build("tasks-myst")
    extended = build("tasks-myst", confoverrides={"myst_enable_extensions": ["tasklist"]})
    assert extended.warnings() == []
    assert card(extended, "enh-1")["Tasks"] == card(plain, "enh-1")["Tasks"]
    page = extended.text("enh-1.html")
    assert 'type="checkbox"' not in page.split('id="implementation-plan"')[1]
    assert ('<span class="enhspec-box enhspec-box-open">\u2610</span> Run the chunks in a '
            'pool</p>') in page


@twins("tasks")
def test_a_ticked_task_updates_the_card_and_the_index(build, root):
    project = build(root)
    ext = "md" if root.endswith("myst") else "rst"
    edit(project.srcdir / f"enh-1.{ext}", "- [ ] Run the chunks", "- [x] Run the chunks")
    again = build(root, srcdir=project.srcdir, freshenv=False)
    assert card(again, "enh-1")["Tasks"] == "Implementation Plan 3/4, Acceptance Criteria 1/3"
    assert again.tables("specs", "spec-index")[0][1] == ["ENH-1", "0/1", "4/7"]


@pytest.mark.parametrize(("text", "expected"), [
    ("[ ] open", (False, "open")), ("[x] done", (True, "done")), ("[X] done", (True, "done")),
    ("[ ]open", None), ("[y] no", None), (" [ ] no", None), ("[x]", None), ("x [ ] no", None),
])
def test_the_mark_of_a_task(text, expected):
    item = nodes.list_item("", nodes.paragraph(text, text))
    found = marked(item)
    if expected is None:
        assert found is None
        assert item.astext() == text
    else:
        assert found is not None
        assert (found[0], found[1].astext()) == expected
