"""In LaTeX, long identifiers break after separators and tables take their widths; other
builders are left as they were."""

from __future__ import annotations

import re

import pytest
from conftest import twins
from docutils import nodes

from sphinxcontrib_enhspec.latex import break_points
from sphinxcontrib_enhspec.nodes import break_point

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.CR2")

EPUB = {"version": "1.0", "copyright": "2026, the authors", "project": "Specs"}
#: What a break point is in the .tex file: a strong one, and a weak one (after _ and -).
BREAK = r"\penalty50\relax{}"
WEAK = r"\penalty200\relax{}"


@pytest.mark.parametrize(("text", "pieces"), [
    ("tests/test_config.py::test_legacy_config",
     ["tests/", "test_", "config.", "py::", "test_", "legacy_", "config"]),
    ("test_parallel_export[4,pdf]", ["test_", "parallel_", "export[", "4,", "pdf]"]),
    ("exporter.workers", ["exporter.", "workers"]),
    ("a::b::c", ["a::", "b::", "c"]),
    ("ENH-001.AC1", ["ENH-", "001.", "AC1"]),
    # an API signature
    ("export(self,", ["export(", "self,"]), ("workers=None)", ["workers=", "None)"]),
    ("f()", ["f()"]), ("a==b", ["a==", "b"]),
    # between the words of a CamelCase name, weakly
    ("DeprecationProblem", ["Deprecation", "Problem"]), ("HTMLParser", ["HTMLParser"]),
    # not at the start of a word, not before a space or a closing bracket
    ("../x", ["../x"]),
    ("/usr/bin", ["/usr/", "bin"]),
    ("a, b", ["a, b"]),
    ("f[]", ["f[]"]),
    ("end.", ["end."]),
    ("", [""]),
])
def test_break_points(text, pieces):
    assert break_points(text) == pieces
    assert "".join(pieces) == text


def test_break_points_without_weak_ones():
    assert break_points("tests/test_config.py::test_legacy_config", weak=False) == [
        "tests/", "test_config.", "py::", "test_legacy_config"]


def tex_of(build, root: str) -> str:
    project = build(root, "latex", confoverrides=EPUB)
    assert project.warnings() == []
    return project.text("specs.tex")


def shown(tex: str) -> str:
    """The .tex file without the break points: what the PDF shows."""
    return tex.replace(BREAK, "").replace(WEAK, "")


@twins("latex")
def test_the_requirement_line_breaks_inside_long_ids(build, root):
    tex = tex_of(build, root)
    line = next(t for t in tex.splitlines() if t.startswith("Kind: enhancement \u00b7 Impl"))
    assert (r"\sphinxcode{\sphinxupquote{tests/" + BREAK + r"test\_" + WEAK + "config."
            + BREAK + "py::" + BREAK + r"test\_" + WEAK + r"legacy\_" + WEAK + "config}}"
            ) in line
    assert (r"test\_" + WEAK + r"parallel\_" + WEAK + "export{[}" + BREAK + "4," + BREAK
            + "pdf{]}}}") in line
    assert (r"Implemented by: \sphinxcode{\sphinxupquote{src/" + BREAK + "exporter/" + BREAK
            + "settings." + BREAK + "py}}") in line
    # the PDF shows the IDs as written, with no hyphen where they break
    assert r"tests/test\_config.py::test\_legacy\_config" in shown(line)
    assert r"tests/test\_export.py::test\_parallel\_export{[}4,pdf{]}" in shown(line)


@twins("latex")
def test_table_cells_break_inside_long_ids(build, root):
    tex = tex_of(build, root)
    matrix = tex[tex.index(r"\begin{sphinxuseclass}{enhspec-matrix}"):]
    matrix = matrix[:matrix.index(r"\end{longtable}")]
    assert (r"\sphinxcode{\sphinxupquote{tests/" + BREAK + r"test\_" + WEAK + "export."
            + BREAK + "py::" + BREAK + r"test\_" + WEAK + r"parallel\_" + WEAK + "export{[}"
            + BREAK + "4," + BREAK + "pdf{]}}}") in matrix
    assert r"\sphinxcode{\sphinxupquote{src/" + BREAK + "exporter/" in matrix
    # object IDs are short: links to them and the ID a block's heading shows in bold are
    # left to break after their hyphen, as LaTeX does
    # docutils 0.20 writes the classes in one \DUrole, later versions one \DUrole each
    assert re.search(r"\\DUrole\{[^{}]*enhspec-req\}\{ENH\\sphinxhyphen\{\}9\.ER1\}", matrix)
    assert r"\sphinxstylestrong{ENH\sphinxhyphen{}9.ER1}" in tex
    changes = tex[tex.index(r"\begin{sphinxuseclass}{enhspec-config-changes}"):]
    assert (r"\sphinxcode{\sphinxupquote{exporter." + BREAK + r"output\_" + WEAK
            + "directory}}") in changes
    assert (r"\sphinxcode{\sphinxupquote{build/" + BREAK + "export/" + BREAK + r"\{name\}."
            + BREAK + "pdf}}") in changes


@twins("latex")
def test_user_text_in_an_id_stays_escaped(build, root):
    tex = shown(tex_of(build, root))
    special = (r"tests/test\_tex.py::test\_special{[}100\%\_\#1\{x\}\$\textasciitilde{}"
               r"\textasciicircum{}\&{]}")
    assert tex.count(special) == 2  # the requirement's line and the matrix


def test_tables_take_their_widths_and_their_longest_words(build):
    tex = tex_of(build, "collections")
    specs = re.findall(r"\\begin\{sphinxuseclass\}\{enhspec-matrix\}\n.*?"
                       r"\\begin\{longtable\}\{(.*?)\}\n", tex, re.DOTALL)
    widths = [[int(w) for w in re.findall(r"\\X\{(\d+)\}\{\d+\}", spec)] for spec in specs]
    # id, title, kind, status, priority, spec, depends, verified-by, implemented-by, risks,
    # tags: as the text builder has them, but "compatibility" needs 13 characters
    assert [14, 30, 13, 12, 12, 12, 16, 30, 24, 14, 12] in widths
    # the default columns (id, title, status, priority, verified-by, risks): as they are
    assert [14, 30, 12, 12, 30, 14] in widths


@pytest.mark.parametrize("builder", ["html", "text", "xml", "texinfo"])
def test_other_builders_are_left_as_they_were(build, builder):
    project = build("latex", builder, confoverrides=EPUB)
    assert project.warnings() == []
    page = project.resolved("index")
    assert not list(page.findall(break_point))
    for table in page.findall(nodes.table):
        assert "colwidths-given" not in table["classes"]
        assert not isinstance(table.parent, nodes.container)
    if builder == "text":
        text = project.text("index.txt")
        assert ('Verified by: "tests/test_config.py::test_legacy_config",\n'
                '"tests/test_export.py::test_parallel_export[4,pdf]"') in text
        # the key column is the model's 24 characters wide; Sphinx 7's text writer wraps a
        # cell one character earlier than later versions
        assert ('| "exporter.output_directo |' in text
                or '| "exporter.output_direct  |' in text)
    if builder == "html":
        html = project.text("index.html")
        assert ('<code class="docutils literal notranslate"><span class="pre">'
                "tests/test_config.py::test_legacy_config</span></code>") in html


def test_wide_tables_are_set_a_size_smaller(build):
    """The spec index's eleven columns are set in \\small; the register's eight are not."""
    project = build("collections", "latex", confoverrides=EPUB)
    [name] = [p.name for p in project.outdir.glob("*.tex")]
    tex = project.text(name)

    def around(kind):
        table = tex[tex.index(r"\begin{sphinxuseclass}{enhspec-" + kind + "}"):]
        head, rest = table.split(r"\begin{longtable}", 1)
        return head, rest.split(r"\end{longtable}", 1)[1][:200]

    head, tail = around("spec-index")
    assert r"\begingroup\small" in head and r"\endgroup" in tail
    head, tail = around("risk-register")
    assert r"\begingroup" not in head and r"\endgroup" not in tail
