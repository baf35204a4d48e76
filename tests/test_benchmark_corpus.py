"""The benchmark's corpus builds cleanly in every flavor, and the pages the ``tables``
flavor writes by hand show what the collections show, so that comparing them is fair."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from docutils import nodes

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import corpus

pytestmark = pytest.mark.requirement("ENH-100.PR2")

PAGES = ("matrix", "matrix-enhancement", "matrix-compatibility", "matrix-performance",
         "overview")


def page_tables(project, docname):
    """Each table of a page: its header row, then its other rows in sorted order."""
    out = []
    for table in project.html_tables(docname):
        rows = table.texts()
        out.append([rows[0], *sorted(rows[1:])])
    return out


def summaries(project, docname):
    """The paragraphs of a page that sum up a table."""
    return [p.astext() for p in project.resolved(docname).findall(nodes.paragraph)
            if re.fullmatch(r"\d+ requirements?, \d+ done, .*", p.astext())]


@pytest.mark.parametrize("shape", corpus.SHAPES)
def test_hand_written_pages_match_the_collections(build, tmp_path, shape):
    projects = {
        flavor: build(flavor, srcdir=corpus.generate(flavor, 4, 6, tmp_path / flavor,
                                                     shape=shape))
        for flavor in ("plain", "tables", "enhspec")
    }
    for project in projects.values():
        assert project.warnings() == []
    by_hand, generated = projects["tables"], projects["enhspec"]
    for docname in PAGES:
        assert page_tables(by_hand, docname) == page_tables(generated, docname), docname
        assert summaries(by_hand, docname) == summaries(generated, docname), docname
        # the same number of links to the objects (their anchors are named differently)
        links = [len(re.findall(r'<a class="reference internal" href="specs/[^"#]+#',
                                p.text(f"{docname}.html"))) for p in (by_hand, generated)]
        assert links[0] == links[1] > 0, docname
    assert summaries(generated, "matrix") == ["24 requirements, 8 done, 0 verified (0%)"]
    # the floor has the same prose as the other flavors
    floor = projects["plain"].text("specs/enh-0002.html")
    assert floor.count(corpus.PROSE) == generated.text("specs/enh-0002.html").count(corpus.PROSE)
