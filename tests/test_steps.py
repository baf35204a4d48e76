"""Migration step numbering, releases and config change keys."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec.model import MigrationStep

LINES = {
    "steps": {"elsewhere": 4, "key": 23, "dup": 21, "first": 19, "ext": "rst"},
    "steps-myst": {"elsewhere": 3, "key": 28, "dup": 25, "first": 22, "ext": "md"},
}


@pytest.mark.parametrize("root", ["steps", "steps-myst"])
def test_step_numbers_orders_and_releases(build, root):
    project = build(root)
    at = LINES[root]
    ext = at["ext"]
    assert project.warnings() == [
        f"elsewhere.{ext}:{at['elsewhere']}: WARNING: migration-step: only steps of the "
        "document's current spec are numbered; give this step of ENH-1 an :id: "
        "[enhspec.invalid_id]",
        f"index.{ext}:{at['key']}: WARNING: config-change: the key 'two words' must be one "
        "word [enhspec.invalid_id]",
        f"index.{ext}:{at['dup']}: WARNING: duplicate ID 'ENH-1.ER1': also defined at "
        f"index.{ext}:{at['first']} [enhspec.duplicate]",
    ]
    steps = {i: r for i, r in project.domain.catalog.objects.items()
             if isinstance(r, MigrationStep)}
    # numbers count the unnamed steps; orders count every step of the spec in the document
    assert {i: (s.title, s.order, s.release, s.spec) for i, s in steps.items()} == {
        "ENH-1.M1": ("First", 1, "3.0", "ENH-1"),
        "NAMED-STEP": ("Named", 2, "3.0", "ENH-1"),
        "ENH-1.M2": ("Second", 3, "3.1", "ENH-1"),
        "ENH-1.M9": ("Has one", 2, "3.0", "ENH-1"),
    }
    assert project.domain.catalog.config_changes == {}
    index = project.text("index.html")
    # the second ER1 keeps its block and gets an anchor of its own
    assert index.count('id="req-ENH-1.ER1"') == 1
    assert "Twice in the same document" in index
    assert '<span class="pre">two</span> <span class="pre">words</span>' in index
    elsewhere = project.text("elsewhere.html")
    assert "Needs an ID here" in elsewhere
    for anchor in ("mig-ENH-1.M1", "mig-ENH-1.M2", "mig-NAMED-STEP"):
        assert f'href="index.html#{anchor}"' in elsewhere
    assert 'href="#mig-ENH-1.M9"' in elsewhere
