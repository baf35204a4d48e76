"""``enhancement-spec``: a spec's metadata card; it becomes the document's current spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..ids import IdError, check_spec_id, split_argument
from ..model import Spec
from ..nodes import CURRENT_SPEC, card_counts
from ..render import parts
from .base import CURRENT_RELEASE, EnhspecDirective, option_spec, plain

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class SpecDirective(EnhspecDirective):
    """``.. enhancement-spec:: ENH-042 Title``."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "version", "date", "status", "author", "module", "release", "supersedes", "tags",
    )

    def run(self) -> list[Node]:
        """Render the card, record the spec and make it current."""
        word, title_text = split_argument(self.arguments[0])
        spec_id = word
        try:
            if word:  # a missing argument has had its warning
                check_spec_id(word, self.cfg)
        except IdError as problem:
            self.problem(problem.subtype, "enhancement-spec: %s", problem.message)
            spec_id = ""
        title = self.title(title_text, ident=spec_id)
        statuses = self.cfg.spec_statuses
        status = self.choice("status", statuses, self.default_status(statuses, "draft"))
        authors = self.items("author")
        supersedes = self.items("supersedes")
        tags = self.items("tags")
        record = None
        anchor = ""
        if spec_id:
            anchor = self.anchor("spec", spec_id)
            record = Spec(
                id=spec_id, title=plain(title), location=self.location, anchor=anchor,
                status=status, version=self.options.get("version", ""),
                date=self.options.get("date", ""), authors=authors,
                module=self.options.get("module", ""), release=self.options.get("release", ""),
                supersedes=supersedes, tags=tags,
            )
            self.env.ref_context[CURRENT_SPEC] = spec_id
            self.env.ref_context[CURRENT_RELEASE] = record.release
        docname = self.env.docname
        card = parts.container("spec", parts.css("status", status))
        card += parts.heading(word, title, parts.badge("status", status))
        fields = parts.fields([
            ("Status", parts.text(status)),
            ("Version", parts.text(self.options.get("version", ""))),
            ("Date", parts.text(self.options.get("date", ""))),
            ("Authors", parts.text(", ".join(authors))),
            ("Module", parts.text(self.options.get("module", ""))),
            ("Release", parts.text(self.options.get("release", ""))),
            ("Supersedes", parts.xrefs("spec", supersedes, spec_id, docname)),
            ("Tags", parts.text(", ".join(tags))),
        ])
        if record is not None:
            fields[0] += card_counts(spec=spec_id, docname=docname)
            self.domain.note_fill(docname, "spec", spec_id)
        card += fields
        card += parts.body(self.content_nodes())
        return self.finish(record, anchor, card)
