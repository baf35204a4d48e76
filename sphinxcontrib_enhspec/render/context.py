"""What rendering needs besides the rows: the page, and the parsed titles and bodies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join

from ..nodes import TextPart, text_key
from .parts import xref

#: Looks up parsed nodes by key (see `text_key`).
Lookup = Callable[[str], Sequence[nodes.Node]]


@dataclass(frozen=True)
class Context:
    """The page a collection is rendered on, and where its parsed texts come from."""

    docname: str
    texts: Lookup
    #: Object ID -> the document it is written in.
    source_of: Callable[[str], str]
    #: (role, full ID) -> a resolved link, or None to leave the link to reference
    #: resolution. Collections name many objects: resolving them here spares the builder
    #: a pending reference each.
    resolve: Callable[[str, str], nodes.Node | None]
    source_url: str | None = None

    def parsed(self, ident: str, part: TextPart) -> Sequence[nodes.Node]:
        """The nodes kept of part `part` of object `ident`, as its page shows them."""
        return self.texts(text_key(ident, part))

    def text(self, ident: str, part: TextPart, plain: str) -> list[nodes.Node]:
        """A part of an object as its page shows it (markup, translation), else `plain`."""
        found = self.parsed(ident, part)
        if not found:
            return [nodes.Text(plain)] if plain else []
        return [self.adopt(node, self.source_of(ident)) for node in found]

    def title(self, ident: str, plain: str) -> list[nodes.Node]:
        """An object's title as its page shows it, else its plain text."""
        return self.text(ident, TextPart.TITLE, plain)

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

    def link(self, role: str, target: str) -> nodes.Node:
        """A link to an object by its full ID, checked when the records were read."""
        resolved = self.resolve(role, target)
        return resolved if resolved is not None else xref(role, target, "", self.docname)
