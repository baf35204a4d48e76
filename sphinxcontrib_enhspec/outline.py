"""Read time: the section titles of each document that defines a spec, which lifecycle
policies (``sections``) ask for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .model import Spec

if TYPE_CHECKING:
    from .domain import EnhspecDomain


def titles(document: nodes.Node) -> list[str]:
    """The title of every section of `document`, at any level, in document order."""
    return [section[0].astext() for section in document.findall(nodes.section)
            if section.children and isinstance(section[0], nodes.title)]


class RecordSections(SphinxTransform):
    """Hand the section titles of a document that defines a spec to the domain, which keeps
    them per document."""

    # Before translation (20): a policy names the sections as the sources write them, so
    # a translated build meets the same policies.
    default_priority = 15

    def apply(self, **kwargs: Any) -> None:
        domain = cast("EnhspecDomain", self.env.domains["enhspec"])
        docname = self.env.docname
        if any(isinstance(r, Spec) for r in domain.records.get(docname, [])):
            domain.note_sections(docname, titles(self.document))
