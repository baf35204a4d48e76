"""Collections written straight to HTML and written as docutils tables look the same to a
reader: every cell's text, classes and links, every caption; user text stays escaped."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec import transforms

pytestmark = pytest.mark.requirement("ENH-100.ER7")

PAGES = {
    "collections": ["tables", "index"],
    "guide": ["index", "other", "sub/guide"],
    "escaping": ["index"],
    "verification": ["index"],
    "external": ["index"],
    "changes": ["review"],
}


def docutils_tables(monkeypatch):
    monkeypatch.setattr(transforms, "writes_html", lambda builder: False)


@pytest.mark.parametrize("root", sorted([*PAGES, *(f"{r}-myst" for r in PAGES)]))
def test_both_writers_show_the_same_tables(build, monkeypatch, root):
    direct = build(root)
    docutils_tables(monkeypatch)
    through_docutils = build(root)
    assert direct.warnings() == through_docutils.warnings()
    pages = PAGES[root.removesuffix("-myst")]
    found = 0
    for docname in pages:
        ours = [t for t in direct.html_tables(docname) if "enhspec-table" in t.classes]
        theirs = [t for t in through_docutils.html_tables(docname)
                  if "enhspec-table" in t.classes]
        assert ours == theirs, docname
        found += len(ours)
    assert found > 0
    # Straight HTML is wrapped so that a wide table scrolls sideways.
    page = direct.text(f"{pages[0]}.html")
    assert page.count('<div class="enhspec-scroll">') == page.count('class="enhspec-table')
    assert '<div class="enhspec-scroll">' not in through_docutils.text(f"{pages[0]}.html")


@pytest.mark.parametrize("root", ["escaping", "escaping-myst"])
def test_escaped_through_docutils_too(build, monkeypatch, root):
    docutils_tables(monkeypatch)
    project = build(root)
    html = project.text("index.html")
    body = html[html.index('<section id="escaping">'):html.index("</section>")]
    for markup in ("<script>", "<b>Mallory", "<img src=x", "<em>tags", "<iframe"):
        assert markup not in body, markup
    assert body.count("Title with &lt;em&gt;tags&lt;/em&gt; &amp; ampersands") == 3
    assert body.count("Risky &lt;iframe&gt;") == 3


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
@pytest.mark.parametrize("root", ["collections", "collections-myst"])
def test_both_writers_agree_in_other_html_builders(build, monkeypatch, root, builder):
    direct = build(root, builder)
    docutils_tables(monkeypatch)
    through_docutils = build(root, builder)
    ours = direct.html_tables("tables")
    assert ours == through_docutils.html_tables("tables")
    links = [href for t in ours for row in t.rows for cell in row for href, _ in cell.links]
    assert links and all(("#" in href) for href in links)
    if builder == "singlehtml":
        assert all(href.startswith("#") for href in links)
