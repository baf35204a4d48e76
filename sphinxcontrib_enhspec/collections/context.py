"""What rendering needs besides the rows: the page, and the parsed titles and bodies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from ..blocks import xref

#: Looks up parsed inline nodes by key (``<id>#title``), or a body by step ID.
Lookup = Callable[[str], Sequence[nodes.Node]]


@dataclass(frozen=True)
class Context:
    """The page a collection is rendered on, and where its parsed texts come from."""

    docname: str
    texts: Lookup
    bodies: Lookup
    source_url: str | None = None

    def title(self, ident: str, plain: str) -> list[nodes.Node]:
        """An object's title as the page shows it (markup, translation), else its text."""
        return self.text(f"{ident}#title", plain)

    def text(self, key: str, plain: str) -> list[nodes.Node]:
        """Parsed inline text by key, copied for this page."""
        found = self.texts(key)
        if not found:
            return [nodes.Text(plain)] if plain else []
        return [self.adopt(node) for node in found]

    def adopt(self, node: nodes.Node) -> nodes.Node:
        """A copy of `node` whose links resolve from this page and whose IDs are dropped."""
        copy = deepcopy(node)
        if isinstance(copy, nodes.Element):
            for element in copy.findall(nodes.Element):
                element["ids"] = []
                if isinstance(element, addnodes.pending_xref):
                    element["refdoc"] = self.docname
        return copy

    def link(self, role: str, target: str) -> addnodes.pending_xref:
        """A link to an object by its full ID, checked when the records were read."""
        return xref(role, target, "", self.docname)
