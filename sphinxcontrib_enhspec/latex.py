"""LaTeX only: where the extension's long identifiers may break, and its tables' widths.

Test IDs, paths and option names (``tests/test_config.py::test_parallel_export[4,pdf]``)
have no spaces, so LaTeX can break them only where Sphinx lets inline literals break (after
``.``, ``,`` and ``/``), never after ``::`` or ``[``; in a table cell they run off the
column. Other builders wrap lines themselves and are left as they are.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, cast

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import FIELDS_CLASS, HEADING_CLASS, META_CLASS, TABLE_CLASS, break_point

#: A run of separators inside a word, after which the word may break: not at its start
#: (``../``), not before a space (which breaks anyway) or a closing bracket (``f[]``).
#: After ``/``, ``::``, ``.``, ``[``, ``,``, and ``(`` and ``=`` of an API signature
#: (``run(self, workers=None)``) first; after ``_`` and ``-`` only where a name is too
#: long for its column otherwise (``test_links_from_a_second_project``).
SEPARATORS = re.compile(r"(?<=[^\s/.,\[(=:_-])(?:(?:::|[/.,\[(=])+|[_-]+)(?=[^\s\])])"
                        r"|(?<=[a-z])(?=[A-Z])")
#: The last character of a piece that ends in a weak break.
WEAK = ("_", "-")

#: The extension's own lines: a block's heading, a requirement's line, a card's fields,
#: and every collection table.
SCOPES = {HEADING_CLASS, META_CLASS, FIELDS_CLASS, TABLE_CLASS}


def break_points(text: str, *, weak: bool = True) -> list[str]:
    """`text` cut after each run of separators inside a word (without `weak`, not after
    ``_`` and ``-``); the pieces join to `text` again."""
    pieces: list[str] = []
    start = 0
    for match in SEPARATORS.finditer(text):
        if not weak and (match.group().endswith(WEAK) or not match.group()):
            continue
        pieces.append(text[start:match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def breakable(node: nodes.Element) -> None:
    """Put a break point after each run of separators in the text of `node`."""
    for child in list(node.children):
        if isinstance(child, nodes.Text):
            pieces = break_points(str(child))
            if len(pieces) > 1:
                shown: list[nodes.Node] = [nodes.Text(pieces[0])]
                for before, piece in pairwise(pieces):
                    # between the words of a CamelCase name: a weak break, as after "_"
                    camel = before[-1:].islower() and piece[:1].isupper()
                    shown += [break_point(weak=before.endswith(WEAK) or camel),
                              nodes.Text(piece)]
                node.replace(child, shown)


class BreakIdentifiers(SphinxPostTransform):
    """Let literals in the extension's lines and tables break after separators; give the
    tables their relative column widths.

    Priority 15: after the placeholders are filled (5) and the links resolved (10).
    """

    default_priority = 15
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for node in [n for n in self.document.findall(_is_identifier) if _in_scope(n)]:
            breakable(cast("nodes.Element", node))
        for table in [t for t in self.document.findall(nodes.table)
                      if TABLE_CLASS in t["classes"]]:
            widen(table)


def widen(table: nodes.table) -> None:
    """Columns as wide as the table model says, or as its longest word where that is more;
    and the table in an environment named after its classes, which marks it in the
    ``.tex`` file."""
    colspecs = list(table.findall(nodes.colspec))
    for colspec, word in zip(colspecs, longest_words(table), strict=False):
        colspec["colwidth"] = max(colspec["colwidth"], min(word, MAX_WORD))
    # Without this class Sphinx gives each column an equal share, whatever the colspecs.
    table["classes"].append("colwidths-given")
    marker = nodes.container(classes=[c for c in table["classes"] if c.startswith("enhspec")])
    table.replace_self(marker)
    if len(colspecs) >= SMALL_FROM:
        marker += nodes.raw("", r"\begingroup\small", format="latex")
        marker += table
        marker += nodes.raw("", r"\endgroup", format="latex")
    else:
        marker += table


#: Tables of this many columns or more are set a size smaller, so that a column of ten
#: still holds a word such as "Requirements".
SMALL_FROM = 9

#: A column's width, in characters as the model gives them, is at least its longest word
#: up to this many characters; a longer word breaks (or overflows) whatever the share.
MAX_WORD = 24


def longest_words(table: nodes.table) -> list[int]:
    """The length of the longest word of each column, identifiers cut where they break
    first (after ``::`` but not ``_``)."""
    longest: list[int] = []
    for row in table.findall(nodes.row):
        for column, entry in enumerate(row.findall(nodes.entry)):
            words = [len(piece) for word in entry.astext().split()
                     for piece in break_points(word, weak=False)]
            if column == len(longest):
                longest.append(0)
            longest[column] = max(longest[column], *words, 0)
    return longest


def _is_identifier(node: nodes.Node) -> bool:
    """An inline literal. Object IDs are short, and LaTeX breaks them after their hyphen
    (``ENH-`` / ``001.ER1``)."""
    return isinstance(node, nodes.literal)


def _in_scope(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and SCOPES & set(parent["classes"]):
            return True
        parent = parent.parent
    return False
