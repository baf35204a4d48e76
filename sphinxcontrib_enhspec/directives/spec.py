"""``enhancement-spec``: a spec's metadata card; it becomes the document's current spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from ..dates import parse_date
from ..ids import IdError, check_spec_id, split_argument
from ..model import SPEC_OPTIONS, Spec
from ..nodes import CURRENT_SPEC, card_counts
from ..render import parts
from ..warnings import Subtype
from .base import CURRENT_RELEASE, EnhspecDirective, option_spec, plain

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class SpecDirective(EnhspecDirective):
    """``.. enhancement-spec:: ENH-042 Title``."""

    option_spec: ClassVar[OptionSpec] = option_spec(*SPEC_OPTIONS)

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
        reviewers = self.items("reviewers")
        approvers = self.items("approvers")
        day = self._date()
        discussion, resolution = self._url("discussion"), self._url("resolution")
        record = None
        anchor = ""
        if spec_id:
            anchor = self.anchor("spec", spec_id)
            record = Spec(
                id=spec_id, title=plain(title), location=self.location, anchor=anchor,
                status=status, version=self.options.get("version", ""),
                date=day, authors=authors,
                module=self.options.get("module", ""), release=self.options.get("release", ""),
                supersedes=supersedes, tags=tags, reviewers=reviewers, approvers=approvers,
                discussion=discussion, resolution=resolution,
            )
            self.env.ref_context[CURRENT_SPEC] = spec_id
            self.env.ref_context[CURRENT_RELEASE] = record.release
        docname = self.env.docname
        card = parts.container("spec", parts.css("status", status))
        card += parts.heading(word, title, parts.badge("status", status))
        fields = parts.fields([
            ("Status", parts.text(status)),
            ("Version", parts.text(self.options.get("version", ""))),
            ("Date", parts.text(day)),
            ("Authors", parts.text(", ".join(authors))),
            ("Reviewers", parts.text(", ".join(reviewers))),
            ("Approvers", parts.text(", ".join(approvers))),
            ("Module", parts.text(self.options.get("module", ""))),
            ("Release", parts.text(self.options.get("release", ""))),
            ("Tags", parts.text(", ".join(tags))),
            ("Discussion", parts.url(discussion)),
            ("Resolution", parts.url(resolution)),
        ])
        if record is not None:
            fields[0] += card_counts(spec=spec_id, docname=docname)
            self.domain.note_fill(docname, "spec", spec_id)
        card += fields
        card += parts.body(self.content_nodes())
        return self.finish(record, anchor, card)

    def _date(self) -> str:
        """``:date:`` when it is an ISO 8601 date; anything else warns and is left out."""
        value = str(self.options.get("date", ""))
        if value and parse_date(value) is None:
            self.problem(Subtype.INVALID_VALUE, "enhancement-spec: :date: %r is not an ISO 8601 "
                         "date (YYYY-MM-DD); left out", value)
            return ""
        return value

    def _url(self, option: str) -> str:
        """A link option: an http or https URL; anything else warns and is left out."""
        value = str(self.options.get(option, ""))
        parsed = urlsplit(value)
        if value and (parsed.scheme not in ("http", "https") or not parsed.netloc
                      or any(c.isspace() for c in value)):
            self.problem(Subtype.INVALID_VALUE, "enhancement-spec: :%s: %r is not an http or "
                         "https URL; left out", option, value)
            return ""
        return value
