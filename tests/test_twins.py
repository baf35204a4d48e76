"""Every reST root and its MyST twin give the same doctree blocks and the same records."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.model import Linked, MigrationStep

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER1")


ROOTS = {
    "basic": ["index", "export", "legacy"],
    "escaping": ["index"],
    "guide": ["index", "other", "sub/guide"],
    "collections": ["index", "enh-1", "enh-2", "enh-3", "tables"],
    "verification": ["index"],
    "settings": ["index"],
    "steps": ["index", "elsewhere"],
    "include": ["index"],
    "i18n": ["index"],
    "warnings": ["index", "other"],
    "parallel": ["index", *(f"spec-{i:02d}" for i in range(1, 13))],
    "intersphinx": ["index"],
    "collections-bad": ["index"],
    "config": ["index"],
    "copies": ["index", "orphan", "steps"],
    "external": ["index"],
    "moves": ["index", "a", "b", "matrix", "register", "specs"],
    "options": ["index"],
    "latex": ["index"],
    "releases": ["index", "enh-1", "enh-2", "planning"],
    "tasks": ["index", "enh-1", "notes", "specs"],
    "roles-in-texts": ["index"],
    "milestones": ["index", "enh-1", "enh-2", "plan"],
    "policies": ["index", *(f"enh-{i}" for i in range(1, 7)), "drafts", "notes"],
    "changes": ["index", "enh-1", "enh-2", "review"],
    "reviews": ["index", "enh-1", "enh-2", "tables"],
}


def blocks(project, docname):
    """The document's blocks; a placeholder's query keeps its line, which differs too."""
    return re.sub(r"lineno=\d+", "lineno=N", project.blocks(docname))


def records(project):
    """Records without their lines, which differ between the two languages (a step's body
    digest holds the lines of the collections in it; `blocks` compares the body itself)."""
    out = {}
    for ident, record in project.domain.catalog.objects.items():
        record = replace(record, location=replace(
            record.location, lineno=0, source=Path(record.location.source).name))
        if isinstance(record, MigrationStep):
            record = replace(record, body_digest="")
        if isinstance(record, Linked):
            # The body as written: its markup is each language's own.
            record = replace(record, text="")
        out[ident] = record
    return out


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_myst_twin_matches(build, root):
    rst, myst = build(root), build(f"{root}-myst")
    for docname in ROOTS[root]:
        assert blocks(rst, docname) == blocks(myst, docname), docname
    assert records(rst) == records(myst)
    assert len(rst.domain.catalog.objects) > 0
