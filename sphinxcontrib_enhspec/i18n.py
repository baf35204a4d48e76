"""Titles stay translatable without Sphinx moving them out of their headings."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import TEXT_CLASS

_PARKED = "enhspec_translatable"


def _texts(doctree: nodes.Node) -> list[nodes.inline]:
    return [n for n in doctree.findall(nodes.inline) if TEXT_CLASS in n["classes"]]


class ParkTranslatable(SphinxTransform):
    """Hide the ``translatable`` mark from Sphinx's clean-up of placeholder inlines.

    Sphinx translates marked inlines (priority 20), then removes every marked inline and
    appends its children to the end of its parent (priority 999), which would move a title
    behind its badges. The mark is parked here, after translation and before the clean-up.
    """

    default_priority = 998

    def apply(self, **kwargs: Any) -> None:
        for node in _texts(self.document):
            if "translatable" in node:
                node[_PARKED] = node.attributes.pop("translatable")


class RestoreTranslatable(SphinxPostTransform):
    """Put the mark back before writing, so that message catalogs list the titles."""

    # After every other post-transform, where ``doctree-resolved`` handlers would see it.
    default_priority = 999

    def run(self, **kwargs: Any) -> None:
        for node in _texts(self.document):
            if _PARKED in node:
                node["translatable"] = node.attributes.pop(_PARKED)
