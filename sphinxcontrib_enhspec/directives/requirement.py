"""``requirement``: a requirement with its ID, kind, status, priority and links."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..ids import kind_of
from ..model import PRIORITIES, Requirement, is_done
from ..nodes import box, test_outcomes
from ..render import parts
from .base import EnhspecDirective, option_spec, plain

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class RequirementDirective(EnhspecDirective):
    """``.. requirement:: ER1 Title``."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "kind", "status", "priority", "depends", "verified-by", "implemented-by", "tags", "spec",
    )

    def run(self) -> list[Node]:
        """Render the requirement and record it."""
        cfg = self.cfg
        word, spec, ident, title = self.identify()
        statuses = cfg.requirement_statuses
        status = self.choice("status", statuses, self.default_status(statuses, "open"))
        priority = self.choice("priority", PRIORITIES)
        kind = self.choice("kind", cfg.kind_names, kind_of(ident.full if ident else word, cfg))
        depends = self.items("depends")
        verified_by = self.items("verified-by")
        implemented_by = self.items("implemented-by")
        tags = self.items("tags")
        record = None
        anchor = ""
        if ident is not None:
            anchor = self.anchor("req", ident.full)
            record = Requirement(
                id=ident.full, title=plain(title), location=self.location, anchor=anchor,
                spec=ident.spec, kind=kind, status=status, priority=priority, depends=depends,
                verified_by=verified_by, implemented_by=implemented_by, tags=tags,
            )
        docname = self.env.docname
        owner = ident.spec if ident else spec
        block = parts.container("requirement", parts.css("kind", kind),
                                 parts.css("status", status))
        tests = self._tests(record)
        block += parts.heading(ident.full if ident else word, title,
                                parts.badge("status", status), lead=box(is_done(status)))
        block += parts.meta([
            ("Kind", parts.text(kind)),
            ("Priority", parts.text(priority)),
            ("Depends on", parts.xrefs("req", depends, owner, docname)),
            ("Implemented by", parts.source_links(implemented_by, cfg.source_url)),
            ("Tags", parts.text(", ".join(tags))),
            ("Verified by", parts.literals(verified_by) if tests is None else []),
        ], pending=None if tests is None else ("Verified by", tests))
        block.extend(self.content_nodes())
        return self.finish(record, anchor, block)

    def _tests(self, record: Requirement | None) -> test_outcomes | None:
        """A placeholder for the tests and their outcomes, filled in at write time once
        results are read; None for a requirement that could not be recorded."""
        if record is None:
            return None
        self.domain.note_fill(self.env.docname, "requirement", record.id)
        return test_outcomes(req=record.id, docname=self.env.docname)
