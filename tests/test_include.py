"""Text pulled in by ``include`` (and MyST's ``eval-rst``) belongs to the including document."""

from __future__ import annotations

import myst_parser
import pytest

from sphinxcontrib_enhspec.model import Requirement

#: MyST-Parser before 5 numbers the lines of an included Markdown file one too far.
SHIFT = 0 if int(myst_parser.__version__.split(".")[0]) >= 5 else 1
LINES = {"include": {"dup": "index.rst:8", "first": "_part.txt:6", "depends": "_part.txt:3"},
         "include-myst": {"dup": "index.md:10", "first": f"_part.txt:{7 + SHIFT}",
                          "depends": f"_part.txt:{3 + SHIFT}"}}


@pytest.mark.parametrize("root", ["include", "include-myst"])
def test_included_objects_belong_to_the_current_spec(build, root):
    project = build(root)
    lines = LINES[root]
    assert project.warnings() == [
        f"{lines['depends']}: WARNING: ENH-5.ER1: :depends: names unknown requirement 'ER9' "
        "[enhspec.unresolved]",
        f"{lines['dup']}: WARNING: duplicate ID 'ENH-5.ER2': also defined at {lines['first']} "
        "[enhspec.duplicate]",
    ]
    er1 = project.domain.catalog.objects["ENH-5.ER1"]
    assert isinstance(er1, Requirement)
    assert (er1.spec, er1.location.docname) == ("ENH-5", "index")
    assert er1.location.source == str(project.srcdir / "_part.txt")
    html = project.text("index.html")
    assert html.count('href="#req-ENH-5.ER1"') == 1
    assert html.count('href="#req-ENH-5.ER2"') == 1
