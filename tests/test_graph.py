"""The trace graph: its DOT source, the SVG picture in HTML and its links, LaTeX, the DOT
source without Graphviz, and pages kept fresh."""

from __future__ import annotations

import re
import time

import pytest
from conftest import twins
from sources import edit

from sphinxcontrib_enhspec.render.to_graphviz import trace_graph

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER13")

EXT = {"graph": "rst", "graph-myst": "md"}
NO_DOT = {"graphviz_dot": "no-such-dot-program"}
MISSING = ("conf.py:1: WARNING: graphviz_dot: the program 'no-such-dot-program' is not found, "
           "so trace graphs show their DOT source; install Graphviz or set graphviz_dot to its "
           "dot program [enhspec.config]")
ER2 = ('"ENH-1.ER2" [label="ENH-1.ER2\\nQuote &quot; and \\\\N &lt;b&gt;&#123;x&#125;&#124;y '
       '&amp; \\\\l", shape="box", style="filled,rounded", fillcolor="#b45309", '
       'fontcolor="#ffffff", tooltip="ENH-1.ER2: Quote &quot; and \\\\\\\\N &lt;b&gt;&#123;x'
       '&#125;&#124;y &amp; \\\\\\\\l (open)"')
#: Every edge of the graph of everything, in order.
EDGES = [
    '"ENH-2" -> "ENH-1" [color="#7e22ce", style="bold", tooltip="ENH-2 supersedes ENH-1"];',
    '"ENH-1" -> "ENH-1.ER1" [color="#6b7280", arrowhead="none", '
    'tooltip="ENH-1 contains ENH-1.ER1"];',
    '"ENH-1" -> "ENH-1.ER2" [color="#6b7280", arrowhead="none", '
    'tooltip="ENH-1 contains ENH-1.ER2"];',
    '"ENH-1.ER2" -> "ENH-1.ER1" [color="#374151", tooltip="ENH-1.ER2 depends on ENH-1.ER1"];',
    '"ENH-2" -> "ENH-2.CR1" [color="#6b7280", arrowhead="none", '
    'tooltip="ENH-2 contains ENH-2.CR1"];',
    '"ENH-2.CR1" -> "ENH-1.ER1" [color="#374151", tooltip="ENH-2.CR1 depends on ENH-1.ER1"];',
    '"ENH-1" -> "ENH-1.R1" [color="#6b7280", arrowhead="none", '
    'tooltip="ENH-1 contains ENH-1.R1"];',
    '"ENH-1.R1" -> "ENH-1.ER2" [color="#b91c1c", style="dashed", '
    'tooltip="ENH-1.R1 affects ENH-1.ER2"];',
    '"ENH-2" -> "ENH-2.R1" [color="#6b7280", arrowhead="none", '
    'tooltip="ENH-2 contains ENH-2.R1"];',
    '"ENH-2.R1" -> "ENH-2.CR1" [color="#b91c1c", style="dashed", '
    'tooltip="ENH-2.R1 affects ENH-2.CR1"];',
]


def codes(project, docname):
    """The DOT source of each graph of a page, as the builder draws it."""
    return [node["code"] for node in project.resolved(docname).findall(trace_graph)]


def statements(code):
    """A graph's node and edge statements, in order."""
    return [line.strip() for line in code.splitlines() if line.startswith('  "')]


def latex_source(project):
    [path] = project.outdir.glob("*.tex")
    return path.read_text(encoding="utf-8")


def node_names(code):
    return [s.split('"')[1] for s in statements(code) if " -> " not in s]


@twins("graph")
def test_dot_source_nodes_edges_filters_direction(build, root):
    project = build(root)
    assert project.warnings() == []
    everything, tests, compatibility = codes(project, "graphs")
    assert "rankdir=LR;" in everything
    assert node_names(everything) == ["ENH-1", "ENH-2", "ENH-1.ER1", "ENH-1.ER2", "ENH-2.CR1",
                                      "ENH-1.R1", "ENH-2.R1"]
    assert [s for s in statements(everything) if " -> " in s] == EDGES
    spec, draft = statements(everything)[:2]
    # Shapes by type, fill colours of the status badges, links to the objects' anchors.
    assert spec == (
        '"ENH-1" [label="ENH-1\\nParallel export", shape="folder", style="filled", '
        'fillcolor="#15803d", fontcolor="#ffffff", tooltip="ENH-1: Parallel export '
        '(approved)", URL="enh-1.html#spec-ENH-1", target="_top"];')
    assert 'fillcolor="#6b7280"' in draft and 'URL="sub/enh-2.html#spec-ENH-2"' in draft
    assert ER2 in everything
    assert 'shape="hexagon", style="filled", fillcolor="#15803d"' in everything  # mitigated
    # :spec: ENH-1, :direction: TB, :tests: with the tests' outcomes from the JUnit file
    assert "rankdir=TB;" in tests
    assert node_names(tests) == ["ENH-1", "ENH-1.ER1", "ENH-1.ER2", "ENH-1.R1",
                                 "test:tests/test_export.py::test_parallel",
                                 "test:tests/test_export.py::test_workers"]
    assert ('"test:tests/test_export.py::test_workers" [label="tests/test_export.py::\\n'
            'test_workers\\nfailed", shape="ellipse", style="filled", fillcolor="#b91c1c"'
            in tests)
    assert 'test_parallel\\npassed", shape="ellipse", style="filled", fillcolor="#15803d"' \
        in tests
    assert ('"test:tests/test_export.py::test_workers" -> "ENH-1.ER2" [color="#15803d", '
            'style="dotted", tooltip="tests/test_export.py::test_workers verifies ENH-1.ER2"];'
            in tests)
    assert "ENH-2" not in tests
    # :kind: leaves out what has no kind: the specs and the risks
    assert node_names(compatibility) == ["ENH-2.CR1"]
    assert statements(compatibility)[0].endswith('URL="sub/enh-2.html#req-ENH-2.CR1", '
                                                 'target="_top"];')
    # A graph on the page of the objects links within the page's file.
    [own] = codes(project, "enh-1")
    assert 'URL="enh-1.html#req-ENH-1.ER1"' in own
    # The export does not know of graphs.
    assert "trace" not in project.text("enhspec.json")


@twins("graph")
def test_html_shows_an_svg_whose_nodes_link_to_the_objects(build, root):
    project = build(root, confoverrides={"graphviz_output_format": "png"})
    html = project.text("graphs.html")
    objects = re.findall(r'<object data="(_images/enhspec-graph-\w+\.svg)" '
                         r'type="image/svg\+xml" class="graphviz enhspec-graph"', html)
    assert len(objects) == 3
    assert "No objects match." in html
    assert '<figcaption>\n<p><span class="caption-text">Tests of &quot;ENH-1&quot; ' \
           '&lt;and&gt; {more}</span>' in html
    svg = project.text(objects[0])
    links = re.findall(r'href="([^"]+)"', svg)
    # Relative to the picture in _images/, to each object's anchor.
    assert sorted(links) == [
        "../enh-1.html#req-ENH-1.ER1", "../enh-1.html#req-ENH-1.ER2",
        "../enh-1.html#risk-ENH-1.R1", "../enh-1.html#spec-ENH-1",
        "../sub/enh-2.html#req-ENH-2.CR1", "../sub/enh-2.html#risk-ENH-2.R1",
        "../sub/enh-2.html#spec-ENH-2"]
    for link in links:
        page, anchor = link.removeprefix("../").split("#")
        assert f'id="{anchor}"' in project.text(page)
    # The title is shown as written: the escapes of DOT did not act.
    assert ('title="ENH-1.ER2: Quote &quot; and \\N &lt;b&gt;{x}|y &amp; \\l (open)"'
            in svg)
    assert '>Quote " and \\N &lt;b&gt;{x}|y &amp; \\l</' in svg
    assert 'target="_top"' in svg
    # The user's own graphs keep their format; ours are SVG.
    assert not list((project.outdir / "_images").glob("*.png"))


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_svg_links_from_other_html_builders(build, builder):
    project = build("graph", builder)
    assert project.warnings() == []
    page = "index.html" if builder == "singlehtml" else "graphs/index.html"
    svgs = re.findall(r'<object data="([^"]+\.svg)"', project.text(page))
    links = {link for svg in svgs for link in re.findall(
        r'href="([^"]+)"', (project.outdir / page).parent.joinpath(svg).read_text("utf-8"))}
    svg = svgs[0]
    if builder == "dirhtml":
        assert svg == "../_images/" + svg.rsplit("/", 1)[1]
        assert "../sub/enh-2/index.html#req-ENH-2.CR1" in links
        assert "../enh-1/index.html#spec-ENH-1" in links
    else:
        assert links >= {"../index.html#req-ENH-2.CR1", "../index.html#spec-ENH-1"}


@twins("graph")
def test_latex_includes_the_pictures(build, root):
    project = build(root, "latex")
    assert project.warnings() == []
    tex = latex_source(project)
    pictures = re.findall(r"\\sphinxincludegraphics\[\]\{(graphviz-\w+\.pdf)\}", tex)
    assert len(pictures) == 4  # one on the spec's page, three on the graphs' page
    for name in pictures:
        assert (project.outdir / name).read_bytes().startswith(b"%PDF")
    assert (r'\caption{Tests of "ENH\sphinxhyphen{}1" \textless{}and\textgreater{} '
            r"\{more\}}\label{\detokenize{graphs:id1}}\end{figure}") in tex


@twins("graph")
@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_without_dot_one_warning_and_the_source(build, root, builder):
    project = build(root, builder, confoverrides=NO_DOT)
    assert project.warnings() == [MISSING]
    assert not list(project.outdir.rglob("enhspec-graph-*"))
    if builder == "html":
        html = project.text("graphs.html")
        assert "<object" not in html
        assert html.count('<div class="enhspec-graph-source highlight-dot notranslate">') == 3
        assert '<span class="caption-text">Tests of &quot;ENH-1&quot;' in html
        assert "digraph" in html and "rankdir" in html
    elif builder == "latex":
        tex = latex_source(project)
        assert r"\sphinxincludegraphics" not in tex
        assert tex.count(r"\begin{sphinxVerbatim}") == 4
    else:
        text = project.text("graphs.txt")
        assert text.count("digraph trace {") == 3
        assert '     "ENH-1" [label="ENH-1\\nParallel export", shape="folder"' in text
        assert "URL=" not in text


def test_without_dot_in_a_parallel_build_one_warning(build):
    project = build("graph", confoverrides=NO_DOT, parallel=2)
    assert project.warnings() == [MISSING]


def test_no_warning_without_graphs(build):
    project = build("collections", confoverrides=NO_DOT)
    assert project.warnings() == []


@twins("graph")
def test_graphs_follow_edits(build, root, tmp_path):
    ext = EXT[root]
    project = build(root)
    src = project.srcdir
    before = {p.name: p.stat().st_mtime_ns for p in project.outdir.glob("*.html")}
    time.sleep(0.01)
    # A paragraph changes no object: the graphs' page is not rewritten.
    edit(src / f"sub/enh-2.{ext}", "# Workers\n" if ext == "md" else "=======\n",
         "# Workers\n\nMore words.\n" if ext == "md" else "=======\n\nMore words.\n")
    again = build(root, srcdir=src, freshenv=False)
    after = {p.name: p.stat().st_mtime_ns for p in again.outdir.glob("*.html")}
    assert after["graphs.html"] == before["graphs.html"]
    # A status changes a colour in every graph that shows the requirement.
    edit(src / f"enh-1.{ext}", ":status: done", ":status: in-progress")
    edited = build(root, srcdir=src, freshenv=False)
    assert edited.warnings() == []
    everything = codes(edited, "graphs")[0]
    assert '"ENH-1.ER1" [label="ENH-1.ER1\\nExport runs in parallel", shape="box", ' \
           'style="filled,rounded", fillcolor="#2563eb"' in everything
    assert (edited.outdir / "graphs.html").stat().st_mtime_ns > before["graphs.html"]
    clean = build(root, srcdir=src, freshenv=True)
    assert clean.text("graphs.html") == edited.text("graphs.html")
    # Graphviz found again after a build without it: the pages are drawn.
    no_dot = build(root, srcdir=src, freshenv=False, confoverrides=NO_DOT)
    assert "<object" not in no_dot.text("graphs.html")
    drawn = build(root, srcdir=src, freshenv=False)
    assert drawn.text("graphs.html") == clean.text("graphs.html")


def test_objects_of_another_project_link_to_its_site(build):
    core = build("basic").outdir / "enhspec.json"
    base = "https://core.example.org/"
    project = build("graph", confoverrides={"enhspec_external": {"core": (base, str(core))}})
    assert project.warnings() == []
    everything = codes(project, "graphs")[0]
    [theirs] = [s for s in statements(everything) if s.startswith('"core:ENH-042.ER1" [')]
    assert 'style="filled,dashed,rounded"' in theirs
    assert theirs.endswith(f'URL="{base}export.html#req-ENH-042.ER1", target="_top"];')
    assert ('"core:ENH-042.ER1" -> "core:ENH-042.CR1" [color="#374151", '
            'tooltip="core:ENH-042.ER1 depends on core:ENH-042.CR1"];') in everything
    assert any(f'href="{base}export.html#' in path.read_text("utf-8")
               for path in project.outdir.joinpath("_images").glob("enhspec-graph-*.svg"))
