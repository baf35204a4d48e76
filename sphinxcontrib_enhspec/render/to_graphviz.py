"""A diagram as a node that ``sphinx.ext.graphviz`` draws (SVG in HTML, PDF in LaTeX), or as
its DOT source when Graphviz's ``dot`` cannot be run."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from docutils import nodes
from markupsafe import escape
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.util import logging

from . import model as m

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

#: The prefix of the pictures' file names in the output's image folder.
PREFIX = "enhspec-graph"


class trace_graph(graphviz):  # noqa: N801 (docutils names nodes in lower case)
    """A trace graph. Every builder draws it as ``sphinx.ext.graphviz`` draws a graph, through
    the visitors of its base class, except HTML, which always gets SVG: its nodes link to the
    objects, whatever ``graphviz_output_format`` says for the project's own graphs."""


def alt_text(diagram: m.Diagram) -> str:
    """What stands for the picture where it is not shown (text, man, a screen reader)."""
    count = len(diagram.vertices)
    return f"Trace graph of {count} object{'s' if count != 1 else ''}"


def drawn(diagram: m.Diagram, code: str, docname: str) -> nodes.Element:
    """The graph for Graphviz to draw, in a figure when it has a caption."""
    node = trace_graph(code=code, options={"docname": docname}, alt=alt_text(diagram),
                       classes=list(diagram.classes))
    if not diagram.caption:
        return node
    caption = nodes.caption(diagram.caption, diagram.caption)
    return nodes.figure("", node, caption, classes=list(diagram.classes))


def source(diagram: m.Diagram, code: str) -> nodes.Element:
    """The graph's DOT source as a literal block, under its caption when it has one."""
    block = nodes.literal_block(code, code, language="dot",
                                classes=[f"{c}-source" for c in diagram.classes])
    if not diagram.caption:
        return block
    wrapper = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    wrapper += nodes.caption(diagram.caption, diagram.caption)
    wrapper += block
    return wrapper


def visit_html(self: HTML5Translator, node: trace_graph) -> None:
    """An SVG picture in an ``<object>``, so that its nodes' links work; as
    ``sphinx.ext.graphviz`` writes one."""
    try:
        relative, _ = render_dot(self, node["code"], node["options"], "svg", PREFIX)
    except GraphvizError as error:
        logger.warning("dot code %r: %s", node["code"], error)
        raise nodes.SkipNode from error
    classes = " ".join(["graphviz", *node["classes"]])
    alt = escape(node["alt"])
    if relative is None:  # dot could not be run: sphinx.ext.graphviz warned
        self.body.append(f'<pre class="{classes}">{escape(node["code"])}</pre>\n')
        raise nodes.SkipNode
    data = escape(PurePath(relative).as_posix())
    self.body.append(f'<div class="{classes}"><object data="{data}" type="image/svg+xml" '
                     f'class="{classes}" aria-label="{alt}">\n'
                     f'<p class="warning">{alt}</p></object></div>\n')
    raise nodes.SkipNode
