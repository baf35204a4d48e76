"""Incremental builds after editing, adding and deleting documents match clean builds."""

from __future__ import annotations

import zlib

import pytest
from sources import edit, write

from sphinxcontrib_enhspec.model import Requirement

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER2")


SOURCES = {
    "basic": {
        "new": ":orphan:\n\nNew\n===\n\n.. requirement:: ER7 Added later\n   :spec: ENH-042\n"
               "   :depends: ER1\n\nSee :req:`ENH-042.ER7`.\n",
        "toctree": "   export\n   legacy\n",
        "toctree_after": "   export\n",
    },
    "basic-myst": {
        "new": "---\norphan: true\n---\n\n# New\n\n```{requirement} ER7 Added later\n"
               ":spec: ENH-042\n:depends: ER1\n```\n\nSee {req}`ENH-042.ER7`.\n",
        "toctree": "export\nlegacy\n",
        "toctree_after": "export\n",
    },
}




@pytest.mark.parametrize("root", ["basic", "basic-myst"])
def test_edit_add_delete(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    first = build(root)
    src = first.srcdir
    assert first.warnings() == []

    # edit: a requirement's status changes, and its page shows the new box
    edit(src / f"export.{ext}", ":status: done\n:priority: must" if ext == "md"
         else ":status: done\n   :priority: must",
         ":status: open\n:priority: must" if ext == "md" else ":status: open\n   :priority: must")
    edited = build(root, srcdir=src, freshenv=False)
    assert edited.warnings() == []
    er1 = edited.domain.catalog.objects["ENH-042.ER1"]
    assert isinstance(er1, Requirement) and er1.status == "open"
    html = edited.text("export.html")
    assert ('<span class="enhspec-box enhspec-box-open">\u2610</span> '
            '<strong class="enhspec-id">ENH-042.ER1</strong>') in html

    # add: a new document's requirement appears, in the inventory too
    write(src / f"new.{ext}", SOURCES[root]["new"])
    added = build(root, srcdir=src, freshenv=False)
    assert added.warnings() == []
    assert "ENH-042.ER7" in added.domain.catalog.objects
    assert added.domain.catalog.objects["ENH-042.ER7"].location.docname == "new"
    assert b"ENH-042.ER7" in zlib.decompress(
        (added.outdir / "objects.inv").read_bytes().split(b"\n", 4)[4])
    assert 'href="#req-ENH-042.ER7"' in added.text("new.html")

    # delete: the legacy spec's records disappear and the links to it are reported
    (src / f"legacy.{ext}").unlink()
    edit(src / f"index.{ext}", SOURCES[root]["toctree"], SOURCES[root]["toctree_after"])
    deleted = build(root, srcdir=src, freshenv=False)
    gone = [i for i in deleted.domain.catalog.objects if i.startswith("ENH-017")]
    assert gone == []
    assert "KEEP-NAMES" not in deleted.domain.catalog.objects
    assert "exporter.threads@2.0" not in deleted.domain.catalog.config_changes
    spec_line, er1_line = (4, 16) if ext == "rst" else (3, 16)
    any_line = 8 if ext == "rst" else 7
    after_reading = [
        f"export.{ext}:{spec_line}: WARNING: ENH-042: :supersedes: names unknown spec "
        "'ENH-017' [enhspec.unresolved]",
        f"export.{ext}:{er1_line}: WARNING: ENH-042.ER1: :depends: names unknown requirement "
        "'ENH-017.ER2' [enhspec.unresolved]",
    ]
    assert deleted.warnings() == [
        *after_reading,
        f"index.{ext}:{any_line}: WARNING: 'any' reference target not found: ENH-017.ER2 "
        "[ref.any]",
    ]

    # the same sources built clean give the same records and the same checks
    fresh = build(root, srcdir=src, freshenv=True)
    assert fresh.domain.records == deleted.domain.records
    assert fresh.domain.catalog.objects == deleted.domain.catalog.objects
    assert fresh.warnings() == [
        *after_reading,
        f"index.{ext}:{any_line}: WARNING: 'any' reference target not found: ENH-017.ER2 "
        "[ref.any]",
    ]
