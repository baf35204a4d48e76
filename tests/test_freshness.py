"""After any edit, addition or deletion, collection pages equal a clean build's, and pages
are rewritten only when what they show changed."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sources import edit, write

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER2")


EXT = {"collections": "rst", "collections-myst": "md"}
NEW_REQ = {
    "rst": "\n.. requirement:: CR2 Old output folders still work\n   :status: done\n",
    "md": "\n```{requirement} CR2 Old output folders still work\n:status: done\n```\n",
}
TOCTREE = {"rst": "   enh-2\n", "md": "enh-2\n"}




def pages(project) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(project.outdir.glob("*.html"))
            if p.name not in {"genindex.html", "search.html"}}


def mtimes(project) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in project.outdir.glob("*.html")}


def clean_copy(build, root, src: Path, tmp_path: Path, name: str):
    copy = tmp_path / name
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    return build(root, srcdir=copy, freshenv=True)


@pytest.mark.parametrize("root", ["collections", "collections-myst"])
def test_collections_stay_fresh(build, root, tmp_path):
    ext = EXT[root]
    project = build(root)
    src = project.srcdir
    steps = [
        ("status", lambda: edit(src / f"enh-2.{ext}", ":status: draft", ":status: approved")),
        ("added", lambda: write(src / f"enh-3.{ext}",
                                (src / f"enh-3.{ext}").read_text() + NEW_REQ[ext])),
        ("body", lambda: edit(src / f"enh-1.{ext}", "The lock file is no longer used.",
                              "The lock file is gone; delete it.")),
        ("deleted", lambda: ((src / f"enh-2.{ext}").unlink(),
                             edit(src / f"index.{ext}", TOCTREE[ext], ""))),
    ]
    for name, change in steps:
        change()
        incremental = build(root, srcdir=src, freshenv=False)
        assert incremental.warnings() == [], name
        clean = clean_copy(build, root, src, tmp_path, f"clean-{name}")
        expected = pages(clean)
        # Sphinx leaves the page of a deleted document in place; every other page matches
        assert {k: v for k, v in pages(incremental).items() if k in expected} == expected, name
    final = pages(incremental)["tables.html"]
    assert "ENH-2" not in final
    assert "ENH-3.CR2" in final
    assert "The lock file is gone; delete it." in final


@pytest.mark.parametrize("root", ["collections", "collections-myst"])
def test_an_edit_that_changes_no_object_rewrites_no_collection(build, root):
    ext = EXT[root]
    project = build(root)
    src = project.srcdir
    before = mtimes(project)
    time.sleep(0.01)
    text = (src / f"enh-3.{ext}").read_text()
    heading_end = text.index("\n\n") + 2
    write(src / f"enh-3.{ext}", text[:heading_end] + "A new paragraph.\n\n" + text[heading_end:])
    again = build(root, srcdir=src, freshenv=False)
    after = mtimes(again)
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    assert "tables.html" not in rewritten
    assert "enh-1.html" not in rewritten
    assert "enh-3.html" in rewritten
    assert "A new paragraph." in again.text("enh-3.html")


@pytest.mark.parametrize("root", ["collections", "collections-myst"])
def test_a_status_edit_rewrites_the_pages_that_show_it(build, root):
    ext = EXT[root]
    project = build(root)
    before = mtimes(project)
    time.sleep(0.01)
    edit(project.srcdir / f"enh-3.{ext}", ":status: done", ":status: open")
    again = build(root, srcdir=project.srcdir, freshenv=False)
    after = mtimes(again)
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    # the edited page, the collection page and the card whose counts changed;
    # enh-1 shows ENH-3 only as a link, so it stays as it was
    assert "tables.html" in rewritten and "enh-3.html" in rewritten
    assert "enh-1.html" not in rewritten and "enh-2.html" not in rewritten
    rows = again.tables("tables", "matrix")[0]
    assert ["ENH-3.ER1", "Export writes one file at a time", "\u2610 open", "ENH-3", "", ""] in rows


@pytest.mark.parametrize("root", ["collections", "collections-myst"])
@pytest.mark.parametrize("parallel", [0, 2])
def test_each_collection_is_derived_once_per_build(build, monkeypatch, root, parallel):
    """Freshness, the page and the copies on other pages share one derivation."""
    from sphinxcontrib_enhspec import domain

    derived: list[object] = []

    def counted(traces, query, against=None):
        derived.append(query)
        return original(traces, query, against)

    original = domain.rows
    monkeypatch.setattr(domain, "rows", counted)
    project = build(root, parallel=parallel)
    queries = [q for qs in project.domain.collections.values() for q in qs]
    assert len(queries) > 5
    assert sorted(map(repr, derived)) == sorted(map(repr, queries))
    # And the pages show them: every collection was filled.
    assert "enhspec-matrix" in project.text("tables.html")
