"""Incremental builds after editing, adding and deleting documents match clean builds."""

from __future__ import annotations

import os
import re
import time
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


def spec_page(ext: str, spec: str, options: str = "") -> str:
    """An orphan page holding one spec and nothing else."""
    if ext == "rst":
        return f":orphan:\n\n{spec}\n=======\n\n.. enhancement-spec:: {spec} Title\n{options}"
    options = options.replace("   :", ":")
    return (f"---\norphan: true\n---\n\n# {spec}\n\n"
            f"```{{enhancement-spec}} {spec} Title\n{options}```\n")


@pytest.mark.parametrize("root", ["basic", "basic-myst"])
def test_a_superseded_spec_added_later_is_linked_from_the_card(build, root):
    """The card's Supersedes field links a spec that another page defines only later."""
    ext = "md" if root.endswith("myst") else "rst"
    src = build(root).srcdir
    write(src / f"newer.{ext}", spec_page(ext, "ENH-051", "   :supersedes: ENH-050\n"))
    write(src / f"older.{ext}", spec_page(ext, "ENH-049"))
    before = build(root, srcdir=src, freshenv=False)
    assert any("ENH-050" in w and "[enhspec.unresolved]" in w for w in before.warnings())
    assert "#spec-ENH-050" not in before.text("newer.html")
    # The superseding page is read no more: only a rewrite can show the new link.
    past = time.time() - 100
    os.utime(src / f"newer.{ext}", (past, past))

    write(src / f"older.{ext}", spec_page(ext, "ENH-050"))  # the page exists already
    after = build(root, srcdir=src, freshenv=False)
    assert after.warnings() == []
    log = re.sub(r"\x1b\[[0-9;]*m", "", after.app._status.getvalue())
    reading = log.split("looking for now-outdated")[-2].split("updating environment")[-1]
    assert "older" in reading and "newer" not in reading
    assert 'href="older.html#spec-ENH-050"' in after.text("newer.html")
    clean = build(root, srcdir=src)
    assert clean.text("newer.html") == after.text("newer.html")
