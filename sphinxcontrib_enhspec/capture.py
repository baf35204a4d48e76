"""Read time: keep what collections show again, as each page shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .model import MigrationStep, Risk
from .nodes import BODY_CLASS, MITIGATION_CLASS, TEXT_CLASS, TEXT_KEY, TextPart, text_key

if TYPE_CHECKING:
    from .domain import EnhspecDomain


def detached(node: nodes.Node) -> nodes.Node:
    """A copy of `node` that does not hold on to its document.

    Copies keep a reference to the whole page, which pickling the environment (and every
    parallel reader's result) would then carry along, once per page.
    """
    copy = node.deepcopy()
    for part in copy.findall():
        if getattr(part, "_document", None) is not None:
            setattr(part, "_document", None)  # noqa: B010 (docutils has no public way)
    return copy


class CaptureTexts(SphinxTransform):
    """Keep each object's parsed title and mitigation text, a step's body and a risk's nested
    mitigations, after Sphinx's own transforms (translation, smart quotes) and the
    ``doctree-read`` handlers (880)."""

    default_priority = 881

    def apply(self, **kwargs: Any) -> None:
        domain = cast("EnhspecDomain", self.env.domains["enhspec"])
        docname = self.env.docname
        texts: dict[str, list[nodes.Node]] = {}
        for node in self.document.findall(nodes.inline):
            if TEXT_CLASS in node["classes"] and node.get(TEXT_KEY):
                # An ID defined twice keeps its first definition, as the catalog does.
                texts.setdefault(node[TEXT_KEY], [detached(c) for c in node.children])
        for record in domain.records.get(docname, []):
            if not isinstance(record, (MigrationStep, Risk)):
                continue
            block = self.document.ids.get(record.anchor)
            if block is None:
                continue
            parts = [c for c in block.findall(nodes.container)
                     if {BODY_CLASS, MITIGATION_CLASS} & set(c["classes"])]
            if isinstance(record, MigrationStep):
                body = [detached(p) for p in parts if BODY_CLASS in p["classes"]]
                texts.setdefault(text_key(record.id, TextPart.BODY), body[:1])
            else:
                texts.setdefault(text_key(record.id, TextPart.NESTED_MITIGATIONS), [
                    detached(child) for p in parts if MITIGATION_CLASS in p["classes"]
                    for child in p.children if not isinstance(child, nodes.rubric)])
        # A translated message is parsed as a document of its own, long before this page
        # reaches this transform: the page's own texts are noted last.
        domain.note_texts(docname, texts)
