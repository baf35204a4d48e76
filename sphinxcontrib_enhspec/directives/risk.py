"""``risk`` with its levels and mitigation, and the nested ``mitigation`` directive."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from ..model import RISK_STATUSES, Risk
from ..nodes import MITIGATION_CLASS, TextPart
from ..render import parts
from ..warnings import Subtype
from .base import EnhspecDirective, option_spec, plain

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

#: ``temp_data`` key set while a risk's body is parsed.
IN_RISK = "enhspec:in-risk"


class RiskDirective(EnhspecDirective):
    """``.. risk:: R1 Title``."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "category", "likelihood", "impact", "status", "affects", "mitigation", "tags", "spec",
    )

    def run(self) -> list[Node]:
        """Render the risk and record it, with the mitigation from the option or the body."""
        cfg = self.cfg
        word, spec, ident, title = self.identify()
        category = self.choice("category", cfg.risk_categories)
        likelihood = self.choice("likelihood", cfg.levels)
        impact = self.choice("impact", cfg.levels)
        status = self.choice("status", RISK_STATUSES, "open")
        affects = self.items("affects")
        tags = self.items("tags")
        mitigation_option = self.title(self.options.get("mitigation", ""), TextPart.MITIGATION,
                                       ident=ident.full if ident else "")
        content = self._body()
        mitigation = " ".join(filter(None, [plain(mitigation_option), *_nested(content)]))
        record = None
        anchor = ""
        if ident is not None:
            anchor = self.anchor("risk", ident.full)
            record = Risk(
                id=ident.full, title=plain(title), location=self.location, anchor=anchor,
                spec=ident.spec, category=category, likelihood=likelihood, impact=impact,
                status=status, affects=affects, mitigation=" ".join(mitigation.split()),
                tags=tags,
            )
        owner = ident.spec if ident else spec
        block = parts.container("risk", parts.css("status", status))
        block += parts.heading(ident.full if ident else word, title,
                                parts.badge("status", status))
        block += parts.fields([
            ("Category", parts.text(category)),
            ("Likelihood", [parts.badge("level", likelihood)] if likelihood else []),
            ("Impact", [parts.badge("level", impact)] if impact else []),
            ("Affects", parts.xrefs("req", affects, owner, self.env.docname)),
            ("Mitigation", mitigation_option),
            ("Tags", parts.text(", ".join(tags))),
        ])
        block += parts.body(content)
        return self.finish(record, anchor, block)

    def _body(self) -> list[Node]:
        """The body, parsed with nested ``mitigation`` directives allowed."""
        outer = self.env.temp_data.get(IN_RISK)
        self.env.temp_data[IN_RISK] = True
        try:
            return self.content_nodes()
        finally:
            self.env.temp_data[IN_RISK] = outer


class MitigationDirective(EnhspecDirective):
    """``.. mitigation::`` inside a risk: how the risk is reduced."""

    argument_name = ""

    def run(self) -> list[Node]:
        """The mitigation as a titled part of the risk's body."""
        if not self.env.temp_data.get(IN_RISK):
            self.problem(Subtype.ORPHAN, "mitigation: stands outside a risk; put it in the "
                         "body of a risk directive")
        block = nodes.container(classes=[MITIGATION_CLASS])
        block += nodes.rubric("Mitigation", "Mitigation", translatable=False)
        block += self.content_nodes()
        self.set_source_info(block)
        return [block]


def _nested(content: list[Node]) -> list[str]:
    """The text of each nested mitigation, without its heading."""
    return [
        " ".join(child.astext() for child in block.children
                 if not isinstance(child, nodes.rubric))
        for node in content
        for block in node.findall(nodes.container)
        if MITIGATION_CLASS in block["classes"]
    ]
