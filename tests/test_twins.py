"""Every reST root and its MyST twin give the same doctree blocks and the same records."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

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
}


def records(project):
    """Records without their lines, which differ between the two languages."""
    return {
        ident: replace(record, location=replace(
            record.location, lineno=0, source=Path(record.location.source).name))
        for ident, record in project.domain.catalog.objects.items()
    }


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_myst_twin_matches(build, root):
    rst, myst = build(root), build(f"{root}-myst")
    for docname in ROOTS[root]:
        assert rst.blocks(docname) == myst.blocks(docname), docname
    assert records(rst) == records(myst)
    assert len(rst.domain.catalog.objects) > 0
