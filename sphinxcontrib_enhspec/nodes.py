"""The extension's own doctree nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

CHECKED = "\u2611"
UNCHECKED = "\u2610"


class status_box(nodes.inline):  # noqa: N801 (docutils names nodes in lower case)
    """A checked or empty box: an inline everywhere, a maths symbol in LaTeX."""


def box(done: bool) -> status_box:
    """The box for a done (checked) or open (empty) item."""
    char = CHECKED if done else UNCHECKED
    state = "done" if done else "open"
    return status_box(char, char, classes=["enhspec-box", f"enhspec-box-{state}"])


def visit_box_latex(translator: LaTeXTranslator, node: status_box) -> None:
    # pdflatex has no glyph for U+2610/U+2611; amssymb (loaded by Sphinx) has both shapes.
    translator.body.append(r"\(\boxtimes\)" if node.astext() == CHECKED else r"\(\square\)")
    raise nodes.SkipNode


class collection(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a collection; ``node["query"]`` says what it shows.

    Replaced at write time by plain tables and lists, so it never reaches a writer.
    """


class spec_summary(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder in a spec's card for what other records say of it (``node["spec"]``)."""


class test_outcomes(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a requirement's tests and their outcomes (``node["req"]``)."""


def register(app: Sphinx) -> None:
    """Register the nodes; writers other than LaTeX render the box as an inline."""
    app.add_node(status_box, latex=(visit_box_latex, None))
    app.add_node(collection)
    app.add_node(spec_summary)
    app.add_node(test_outcomes)
