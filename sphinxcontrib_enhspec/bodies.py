"""Parts of objects (step bodies, nested mitigations) copied from their source pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .model import LinkedRecord

BODY_CLASS = "enhspec-body"
MITIGATION_CLASS = "enhspec-mitigation"


class Bodies:
    """Parts of objects copied from their source doctrees, each doctree loaded once."""

    def __init__(self, env: BuildEnvironment,
                 lookup: Callable[[str], LinkedRecord | None]) -> None:
        self.env = env
        self.lookup = lookup
        self.doctrees: dict[str, nodes.document] = {}

    def __call__(self, ident: str) -> list[nodes.Node]:
        """A step's body."""
        body: list[nodes.Node] = [*self._parts(ident, BODY_CLASS)[:1]]
        return body

    def mitigations(self, ident: str) -> list[nodes.Node]:
        """The content of a risk's nested mitigations, without their headings."""
        return [child for part in self._parts(ident, MITIGATION_CLASS)
                for child in part.children if not isinstance(child, nodes.rubric)]

    def _parts(self, ident: str, cls: str) -> list[nodes.Element]:
        record = self.lookup(ident)
        if record is None or record.location.external:
            return []
        docname = record.location.docname
        if docname not in self.doctrees:
            self.doctrees[docname] = self.env.get_doctree(docname)
        element = self.doctrees[docname].ids.get(record.anchor)
        if element is None:
            return []
        return [c for c in element.findall(nodes.container) if cls in c["classes"]]
