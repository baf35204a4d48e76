"""The model as plain docutils nodes, which every builder writes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join

from ..nodes import box
from . import model as m
from .parts import badge, fields
from .to_dot import dot_source, no_links
from .to_graphviz import source

#: Looks up kept nodes by text key.
Lookup = Callable[[str], Sequence[nodes.Node]]


@dataclass(frozen=True)
class Page:
    """The page a model is written on: its name, the kept texts, and how links are made."""

    docname: str
    texts: Lookup
    #: A link as this builder makes it from this page.
    link: Callable[[m.Link], nodes.Node]

    def adopt(self, node: nodes.Node, source: str) -> nodes.Node:
        """A copy of `node` (from document `source`) for this page: IDs dropped, links made
        from this page, and document links still relative to where they were written."""
        # Node.deepcopy copies the subtree; copy.deepcopy would follow .parent to the page.
        copy = node.deepcopy()
        if isinstance(copy, nodes.Element):
            for element in copy.findall(nodes.Element):
                element["ids"] = []
                if isinstance(element, addnodes.pending_xref):
                    if element.get("reftype") == "doc" and not element["reftarget"].startswith("/"):
                        element["reftarget"] = "/" + docname_join(source, element["reftarget"])
                    element["refdoc"] = self.docname
        return copy

    def kept(self, key: str, source: str) -> list[nodes.Node]:
        """Copies, for this page, of the nodes kept under `key`."""
        return [self.adopt(node, source) for node in self.texts(key)]


def items(values: Iterable[m.Item], page: Page) -> list[nodes.Node]:
    """Inline nodes (and, for kept block content, blocks) of items."""
    out: list[nodes.Node] = []
    for item in values:
        if isinstance(item, m.Text):
            out.append(nodes.Text(item.text))
        elif isinstance(item, m.Emphasis):
            out.append(nodes.emphasis(item.text, item.text))
        elif isinstance(item, m.Code):
            code = nodes.literal(item.text, item.text)
            out.append(nodes.reference("", "", code, refuri=item.url) if item.url else code)
        elif isinstance(item, m.Badge):
            out.append(badge(item.kind, item.value))
        elif isinstance(item, m.Box):
            out.append(box(item.done))
        elif isinstance(item, m.Link):
            out.append(page.link(item))
        elif isinstance(item, m.Parsed):
            out.extend(page.kept(item.key, item.source))
        elif isinstance(item, m.Test):
            test = nodes.inline(classes=["enhspec-test", f"enhspec-test-{item.source}"])
            test += nodes.literal(item.name, item.name)
            if item.outcome:
                test += nodes.Text(" ")
                test += badge("outcome", item.outcome)
            out.append(test)
        else:
            out.append(nodes.inline("", "", classes=["enhspec-coverage",
                                                     f"enhspec-coverage-{item.share}"]))
    return out


def blocks(values: Iterable[m.Block], page: Page) -> list[nodes.Node]:
    """The nodes of blocks."""
    out: list[nodes.Node] = []
    for block in values:
        if isinstance(block, m.Table):
            out.append(table(block, page))
        elif isinstance(block, m.Paragraph):
            out.append(nodes.paragraph("", "", *items(block.items, page),
                                       classes=list(block.classes)))
        elif isinstance(block, m.Rubric):
            out.append(nodes.rubric(block.text, block.text, classes=list(block.classes)))
        elif isinstance(block, m.Bullets):
            bullets = nodes.bullet_list(classes=list(block.classes))
            for entry in block.entries:
                bullets += nodes.list_item("", nodes.paragraph("", "", *items(entry, page)))
            out.append(bullets)
        elif isinstance(block, m.Body):
            out.extend(page.kept(block.key, block.source))
        elif isinstance(block, m.Chart):
            pass  # bars are drawn in HTML only; the table beside them says it all
        elif isinstance(block, m.Diagram):
            # Drawn by the write phase, which knows whether Graphviz can; else its source.
            out.append(source(block, dot_source(block, no_links)))
        else:
            shown = fields((label, items(values, page)) for label, values in block.rows)
            out.extend(shown[0].children if shown else [])
    return out


def table(model: m.Table, page: Page) -> nodes.table:
    """A table with a header row; long tables break across pages in LaTeX."""
    node = nodes.table(classes=list(model.classes))
    if model.caption:
        node += nodes.title(model.caption, model.caption)
    group = nodes.tgroup(cols=len(model.headers))
    node += group
    group.extend(nodes.colspec(colwidth=width) for width in model.widths)
    head = nodes.thead()
    head += row(model.headers, page)
    group += head
    body = nodes.tbody()
    for cells in model.rows:
        body += row(cells, page)
    group += body
    return node


def row(cells: Sequence[m.Cell], page: Page) -> nodes.row:
    """A table row of cells, each a paragraph of inline nodes (or empty)."""
    out = nodes.row()
    for cell in cells:
        entry = nodes.entry(classes=list(cell.classes))
        inline: list[nodes.Node] = []
        for node in items(cell.items, page):
            if isinstance(node, (nodes.Text, nodes.Inline)):
                inline.append(node)
                continue
            if inline:  # block content (a kept mitigation) follows the inline run
                entry += nodes.paragraph("", "", *inline)
                inline = []
            entry += node
        if inline:
            entry += nodes.paragraph("", "", *inline)
        out += entry
    return out
