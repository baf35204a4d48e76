"""The trace graph's pure parts: which nodes and edges it draws, its colours (those of the
badges in enhspec.css), and DOT escaping, checked against Graphviz itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from test_derive import at, req, risk, spec
from test_ids import CFG

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.graph import GraphEdge, trace_graph
from sphinxcontrib_enhspec.derive.traces import Traces
from sphinxcontrib_enhspec.derive.verification import Verifier
from sphinxcontrib_enhspec.model import Location
from sphinxcontrib_enhspec.model import TestCase as Case
from sphinxcontrib_enhspec.render import graph
from sphinxcontrib_enhspec.render import model as m
from sphinxcontrib_enhspec.render.to_dot import dot_source, no_links, quoted, url

pytestmark = pytest.mark.requirement("ENH-100.ER13")

CSS = Path(__file__).parent.parent / "sphinxcontrib_enhspec" / "static" / "enhspec.css"
HOSTILE = ['Quote " and \\N \\G \\l \\\\ end\\', "<b>{x}|y</b> & &#92;N &amp; &lt;",
           '"]; evil [label="x', "two\nlines\tand\rreturns"]
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def traces(records, cases=(), configured=True):
    return Traces(build_catalog({"a": list(records)}), CFG, Verifier(list(cases), configured))


RECORDS = [
    spec("ENH-1", 1, status="approved"),
    spec("ENH-2", 2, supersedes=("ENH-1", "ENH-9")),
    req("ENH-1.ER1", 3, status="done", verified_by=("t.py::test_a",)),
    req("ENH-1.CR1", 4, depends=("ER1", "ER404"), tags=("compat",)),
    req("ENH-2.ER1", 5, depends=("ENH-1.ER1",), verified_by=("t.py::test_a",)),
    risk("ENH-1.R1", 6, affects=("ER1", "CR1"), category="technical"),
]


def test_nodes_and_edges_of_everything():
    found = trace_graph(traces(RECORDS), q.Query(kind=q.TRACE_GRAPH, location=at(0)))
    assert [(n.ident, n.type, n.status) for n in found.nodes] == [
        ("ENH-1", "spec", "approved"), ("ENH-2", "spec", "draft"),
        ("ENH-1.CR1", "requirement", "open"), ("ENH-1.ER1", "requirement", "done"),
        ("ENH-2.ER1", "requirement", "open"), ("ENH-1.R1", "risk", "open")]
    # An unknown target (ENH-9, ER404) draws no edge; each edge is drawn once.
    assert found.edges == (
        GraphEdge("ENH-2", "ENH-1", "supersedes"),
        GraphEdge("ENH-1", "ENH-1.CR1", "contains"),
        GraphEdge("ENH-1.CR1", "ENH-1.ER1", "depends"),
        GraphEdge("ENH-1", "ENH-1.ER1", "contains"),
        GraphEdge("ENH-2", "ENH-2.ER1", "contains"),
        GraphEdge("ENH-2.ER1", "ENH-1.ER1", "depends"),
        GraphEdge("ENH-1", "ENH-1.R1", "contains"),
        GraphEdge("ENH-1.R1", "ENH-1.ER1", "affects"),
        GraphEdge("ENH-1.R1", "ENH-1.CR1", "affects"),
    )


def test_filters_keep_the_edges_between_what_is_drawn_and_tests_are_shared():
    cases = [Case("t", "test_a", "passed")]
    query = q.Query(kind=q.TRACE_GRAPH, location=at(0), tests=True,
                    filters=(("status", ("done", "open")),))
    found = trace_graph(traces(RECORDS, cases), query)
    assert [n.ident for n in found.nodes] == ["ENH-1.CR1", "ENH-1.ER1", "ENH-2.ER1", "ENH-1.R1",
                                             "test:t.py::test_a"]
    assert found.nodes[-1].status == "passed" and found.nodes[-1].title == "t.py::test_a"
    assert [e for e in found.edges if e.kind == "verifies"] == [
        GraphEdge("test:t.py::test_a", "ENH-1.ER1", "verifies"),
        GraphEdge("test:t.py::test_a", "ENH-2.ER1", "verifies")]
    assert not [e for e in found.edges if e.kind in ("contains", "supersedes")]
    # Without results read, a test has no outcome.
    unknown = trace_graph(traces(RECORDS, configured=False), query)
    assert unknown.nodes[-1].status == ""
    # :category: leaves out what has none, the specs and requirements.
    risks = trace_graph(traces(RECORDS), q.Query(kind=q.TRACE_GRAPH, location=at(0), filters=(
        ("category", ("technical",)),)))
    assert [n.ident for n in risks.nodes] == ["ENH-1.R1"] and risks.edges == ()


def test_external_objects_are_marked_dashed():
    theirs = req("core:ENH-5.ER1", 0)
    theirs = type(theirs)(**{**theirs.__dict__, "location": Location("", 0, uri="https://x/#a")})
    found = Traces(build_catalog({"a": RECORDS}, [theirs]), CFG, Verifier([], False))
    [node] = [n for n in trace_graph(found, q.Query(kind=q.TRACE_GRAPH, location=at(0))).nodes
              if n.ident == "core:ENH-5.ER1"]
    assert node.external
    ctx_link = m.Link("req", node.ident, uri="https://x/#a")
    vertex = graph.vertex(node, _context(ctx_link))
    assert ("style", "filled,dashed,rounded") in vertex.attributes
    code = dot_source(m.Diagram((vertex,), (), "LR"), lambda link: link.uri)
    assert 'URL="https://x/#a", target="_top"' in code


def _context(link):
    class Ctx:
        def link(self, role, target):
            return link
    return Ctx()


def test_colours_are_the_badges_colours():
    css = CSS.read_text(encoding="utf-8")
    root = dict(re.findall(r"--enhspec-(\w+): (#[0-9a-f]{6})", css.split("}")[0]))
    assert {name: root[name] for name in graph.PALETTE} == graph.PALETTE
    styled = {}
    for selectors, name in re.findall(r"([^{}]+)\{ background: var\(--enhspec-(\w+)\); \}", css):
        for value in re.findall(r"\.enhspec-(?:status|outcome)-([\w-]+)", selectors):
            styled[value] = name
    assert len(styled) > 15
    assert {value: graph.STATUS_COLOURS[value] for value in styled} == styled
    assert graph.colour("Approved") == "#15803d"
    assert graph.colour("a status of the project's own") == graph.PALETTE["grey"]


def test_titles_are_wrapped_and_cut():
    assert graph.title_lines("a  b\nc") == ("a b c",)
    lines = graph.title_lines("word " * 40)
    assert len(lines) == graph.MAX_LINES and lines[-1].endswith("\u2026")
    assert graph.test_lines("tests/test_x.py::TestY::test_z[a-b]") == (
        "tests/test_x.py::", "TestY::", "test_z[a-b]")


def test_quoting_for_dot():
    assert quoted('a "b" \\N {c}|<d> & e\nf') == (
        '"a &quot;b&quot; \\\\N &#123;c&#125;&#124;&lt;d&gt; &amp; e f"')
    assert url('https://x.org/a b"c\\d<e>{f}|g?h=1&i=2#j') == (
        '"https://x.org/a%20b%22c%5Cd%3Ce%3E%7Bf%7D%7Cg?h=1&amp;i=2#j"')


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
@pytest.mark.parametrize("text", HOSTILE)
def test_graphviz_shows_hostile_text_as_written(text):
    vertex = m.Vertex(text, m.Link("req", "X", "doc", "anchor"), (text, "second"), text,
                      (("shape", "box"),))
    arrow = m.Arrow(text, text, (("tooltip", text),))
    code = dot_source(m.Diagram((vertex,), (arrow,), "TB"), lambda link: f"p.html#{text}")
    svg = subprocess.run(["dot", "-Tsvg"], input=code.encode(), capture_output=True,
                         check=True).stdout
    tree = ElementTree.fromstring(svg)
    flat = " ".join(text.split())
    [node] = [g for g in tree.iter(f"{SVG}g") if g.get("class") == "node"]
    # A node's name is no label: Graphviz keeps its backslashes as written, doubled.
    assert node.findtext(f"{SVG}title") == flat.replace("\\", "\\\\")
    assert [t.text for t in node.iter(f"{SVG}text")] == [flat, "second"]
    [link] = node.iter(f"{SVG}a")
    assert link.get(f"{XLINK}title") == flat
    assert link.get(f"{XLINK}href").startswith("p.html#")
    assert '"' not in link.get(f"{XLINK}href") and "\\" not in link.get(f"{XLINK}href")
    [edge] = [g for g in tree.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert next(a.get(f"{XLINK}title") for a in edge.iter(f"{SVG}a")) == flat
    # Nothing else was made of it: one node, one edge.
    assert len([g for g in tree.iter(f"{SVG}g") if g.get("class") in ("node", "edge")]) == 2


def test_no_links_and_the_layout_direction():
    diagram = m.Diagram((m.Vertex("A", m.Link("req", "A", "d", "a"), ("A",), "A"),), (), "TB")
    code = dot_source(diagram, no_links)
    assert "rankdir=TB;" in code and "URL" not in code
