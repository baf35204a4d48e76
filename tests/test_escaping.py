"""User text shows as text: no markup from titles, options or values reaches the output."""

from __future__ import annotations

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER3")


INJECTED = ["<script>", "<b>Mallory", "<img src=x", "<em>tags", "<svg", "<iframe",
            "<style>", "<u>tag", "<i>", "<b>caption"]


@pytest.mark.parametrize("root", ["escaping", "escaping-myst"])
def test_markup_in_user_text_is_escaped(build, root):
    project = build(root)
    assert project.warnings() == []
    html = project.text("index.html")
    body = html[html.index('<section id="escaping">'):html.index("</section>")]
    for markup in INJECTED:
        assert markup not in body, markup
    for shown in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Mallory&lt;/b&gt;",
                  "&lt;img src=x onerror=alert(2)&gt;", "Title with &lt;em&gt;tags&lt;/em&gt; "
                  "&amp; ampersands",
                  'test_y[&lt;svg</span> <span class="pre">onload=alert(3)&gt;]',
                  "Risky &lt;iframe&gt;", "&lt;style&gt;body{}&lt;/style&gt;",
                  "&lt;script&gt;alert(4)&lt;/script&gt;"):
        assert shown in body, shown
    # the collections show the same texts, escaped the same way: in the block, in a
    # collection's cell, and as the tooltip of each link to the object
    assert body.count("Title with &lt;em&gt;tags&lt;/em&gt; &amp; ampersands") == 3
    assert body.count("Risky &lt;iframe&gt;") == 3
    assert body.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # + config-changes link
    assert "&lt;b&gt;caption&lt;/b&gt;" in body
    spec = project.domain.catalog.objects["ENH-7"]
    assert spec.title == "<script>alert(1)</script>"


@pytest.mark.parametrize("root", ["roles-in-texts", "roles-in-texts-myst"])
@pytest.mark.parametrize("builder", ["html", "singlehtml", "latex", "text"])
def test_roles_in_titles_and_mitigations_link_in_collections(build, root, builder):
    """A role in a risk's title or mitigation is a link wherever the text is shown again;
    in an HTML table cell it stands in the cell's paragraph (found by fuzzing: it crashed
    the HTML writer)."""
    project = build(root, builder, confoverrides={"epub_copyright": "x"})
    assert project.warnings() == []
    [register] = project.tables("index", "risk-register")
    assert register[1][1] == "Watch ENH-1.ER1"
    assert register[1][6] == "Use ENH-1.ER1 and more"
    if builder == "html":
        [table] = [t for t in project.html_tables("index") if "enhspec-risk-register" in t.classes]
        assert ("#req-ENH-1.ER1", "Export runs") in table.rows[1][6].links
