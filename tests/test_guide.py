"""Copied content keeps working on a page in another folder; one part per version."""

from __future__ import annotations

import pytest
from docutils import nodes

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER7")



@pytest.mark.parametrize("root", ["guide", "guide-myst"])
def test_copied_content_on_a_page_elsewhere(build, root):
    project = build(root)
    assert project.warnings() == []
    html = project.text("sub/guide.html")
    # a relative :doc: link in a step body still means the page next to the step
    assert 'See <a class="reference internal" href="../other.html">' in html
    # 2.0 and 2.0.0 are one release, named as first written
    doctree = project.resolved("sub/guide")
    parts = [n.astext() for n in doctree.findall(nodes.rubric)
             if "enhspec-release" in n["classes"]]
    assert parts == ["Release 2.0"]
    steps = [n.astext() for n in doctree.findall(nodes.paragraph)
             if "enhspec-guide-step" in n["classes"]]
    assert steps == ["ENH-9.M1 Read the other page", "ENH-9.M2 Same release, written longer"]
    # the register shows the option's mitigation and the nested one, with its link
    [register] = project.tables("sub/guide", "risk-register")
    assert register[1][6] == "Use the option.\n\nThen follow ENH-9.M1."
    assert 'Then follow <a class="reference internal" href="../index.html#mig-ENH-9.M1"' in html
    # a column named twice is shown once; the spec filter matches case-insensitively
    [matrix] = project.tables("sub/guide", "matrix")
    assert matrix == [["ID", "Title"], ["ENH-9.ER1", "Something"]]
