"""The extension's own doctree nodes, and every mark that the read and write phases share."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

CHECKED = "\u2611"
UNCHECKED = "\u2610"

#: Class of every inline that wraps a user's title or mitigation text.
TEXT_CLASS = "enhspec-text"
#: Class of the container around a directive's content, which collections copy.
BODY_CLASS = "enhspec-body"
#: Class of a nested ``mitigation`` block in a risk's body.
MITIGATION_CLASS = "enhspec-mitigation"
#: Classes of the lines a block is made of besides its body: its heading, a requirement's
#: meta line, a card's fields; and of every collection table.
HEADING_CLASS = "enhspec-heading"
META_CLASS = "enhspec-meta"
FIELDS_CLASS = "enhspec-fields"
TABLE_CLASS = "enhspec-table"

#: The ``ref_context`` key (and pending reference attribute) of the spec current where a
#: directive or role stands.
CURRENT_SPEC = "enhspec:spec"

#: Attribute of a text wrapper: the key its parsed text is kept under (see `text_key`).
TEXT_KEY = "enhspec_key"
#: Attribute of a pending reference whose target was checked when the records were read.
CHECKED_XREF = "enhspec_checked"
#: Attribute of a placeholder inside a copied body: how many copies deep it is.
COPY_DEPTH = "enhspec_depth"
#: Attribute of `test_outcomes`: the label and separator shown when it has tests.
LEAD = "lead"
#: Attribute of an object's block: the object's ID, for what later reads the doctree.
OBJECT_ID = "enhspec_object"
#: Classes of a checklist item that is a task, and of its state.
TASK_CLASS = "enhspec-task"


class TextPart(str, Enum):
    """The parts of an object whose parsed nodes collections show again."""

    TITLE = "title"
    """The title, as inline markup."""
    MITIGATION = "mitigation"
    """A risk's ``:mitigation:`` option, as inline markup."""
    BODY = "body"
    """A migration step's body."""
    NESTED_MITIGATIONS = "mitigations"
    """The content of the ``mitigation`` directives in a risk's body."""


def text_key(ident: str, part: TextPart) -> str:
    """The key a part of object `ident` is kept under."""
    return f"{ident}#{part.value}"


class status_box(nodes.inline):  # noqa: N801 (docutils names nodes in lower case)
    """A checked or empty box: an inline everywhere, a maths symbol in LaTeX."""


def box(done: bool) -> status_box:
    """The box for a done (checked) or open (empty) item."""
    char = CHECKED if done else UNCHECKED
    state = "done" if done else "open"
    return status_box(char, char, classes=["enhspec-box", f"enhspec-box-{state}"])


def visit_box_latex(translator: LaTeXTranslator, node: status_box) -> None:
    """pdflatex has no glyph for U+2610/U+2611; amssymb (loaded by Sphinx) has both shapes."""
    translator.body.append(r"\(\boxtimes\)" if node.astext() == CHECKED else r"\(\square\)")
    raise nodes.SkipNode


class break_point(nodes.Inline, nodes.Element):  # noqa: N801
    """Where a long identifier may break across lines, showing nothing; LaTeX only.

    ``node["weak"]``: a break to take only when the others do not do.
    """


#: The cost of a line break at a break point (an explicit hyphen's is 50), weak or not:
#: spaces are the better breaks, then separators such as ``::``, then ``_`` in a name.
BREAK_PENALTIES = {False: 50, True: 200}


def visit_break_latex(translator: LaTeXTranslator, node: break_point) -> None:
    """A penalty: a place to break that shows nothing, no hyphen."""
    translator.body.append(rf"\penalty{BREAK_PENALTIES[bool(node.get('weak'))]}\relax{{}}")
    raise nodes.SkipNode


class collection(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a collection; ``node["query"]`` says what it shows.

    Replaced at write time by plain tables and lists, so it never reaches a writer.
    """


class card_counts(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder in a spec's card for what other records say of it (``node["spec"]``)."""


class test_outcomes(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a requirement's tests and their outcomes (``node["req"]``)."""


class milestone_state(nodes.Inline, nodes.Element):  # noqa: N801
    """Placeholder for what a milestone's state is on the build's date (``node["ms"]``):
    an *overdue* badge, or nothing."""


#: The placeholders, every one filled at write time.
PLACEHOLDERS = (collection, card_counts, test_outcomes, milestone_state)
