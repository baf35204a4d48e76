"""Plain docutils tables and paragraphs, which every builder renders."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes

Cell = Sequence[nodes.Node]

#: Relative column widths; the text builder takes them as characters.
WIDTHS = {"ID": 14, "Title": 30, "Mitigation": 30, "Verified by": 30, "Implemented by": 24,
          "Depends on": 16, "Affects": 16, "Risks": 14, "Key": 24, "Authors": 18}


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    kind: str,
    caption: str = "",
) -> nodes.table:
    """A table with a header row; long tables break across pages in LaTeX."""
    node = nodes.table(classes=["enhspec-table", f"enhspec-{kind}", "longtable"])
    if caption:
        node += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    node += group
    for header in headers:
        group += nodes.colspec(colwidth=WIDTHS.get(header, 12))
    head = nodes.thead()
    head += row([[nodes.Text(h)] for h in headers])
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += row(cells)
    group += body
    return node


def row(cells: Sequence[Cell], classes: Sequence[str] = ()) -> nodes.row:
    """A table row of cells, each a paragraph of inline nodes (or empty)."""
    out = nodes.row(classes=list(classes))
    for cell in cells:
        entry = nodes.entry()
        inline: list[nodes.Node] = []
        for node in cell:
            if isinstance(node, (nodes.Text, nodes.Inline)):
                inline.append(node)
                continue
            if inline:  # block content (a copied mitigation) follows the inline run
                entry += nodes.paragraph("", "", *inline)
                inline = []
            entry += node
        if inline:
            entry += nodes.paragraph("", "", *inline)
        out += entry
    return out


def paragraph(*inline: nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    """A paragraph of inline nodes."""
    return nodes.paragraph("", "", *inline, classes=list(classes))


def empty(kind: str, what: str) -> nodes.paragraph:
    """What a collection shows when nothing matches its filters."""
    return paragraph(nodes.emphasis(f"No {what}.", f"No {what}."),
                     classes=["enhspec-empty", f"enhspec-{kind}"])
