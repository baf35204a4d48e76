"""``milestone``: a dated phase of a spec's implementation plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..dates import parse_date
from ..model import MILESTONE_STATUSES, PLANNED, Milestone
from ..nodes import milestone_state
from ..render import parts
from ..warnings import Subtype
from .base import option_spec, plain
from .migration import NumberedDirective

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

#: ``temp_data`` keys: spec ID -> its numbered milestones, and all its milestones, read so far.
MILESTONE_COUNTS = "enhspec:milestone-counts"
MILESTONE_ORDER = "enhspec:milestone-order"


class MilestoneDirective(NumberedDirective):
    """``.. milestone:: Title``; numbered ``<spec>.MS<n>`` unless ``:id:`` is given."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "id", "start", "date", "status", "release", "spec",
    )
    letters = "MS"
    noun = "milestone"
    counters = (MILESTONE_COUNTS, MILESTONE_ORDER)

    def run(self) -> list[Node]:
        """Render the milestone and record it; whether it is overdue is filled when written."""
        ident, owner, position, title = self.numbered()
        status = self.choice("status", MILESTONE_STATUSES, PLANNED)
        due = self._due()
        start = self._start(due)
        release = self.options.get("release", "") or self.spec_release(owner)
        record = None
        anchor = ""
        if ident is not None:
            anchor = self.anchor("ms", ident.full)
            record = Milestone(
                id=ident.full, title=plain(title), location=self.location, anchor=anchor,
                spec=owner, start=start, date=due, status=status, release=release,
                order=position,
            )
        block = parts.container("milestone", parts.css("status", status))
        extra: list[Node] = [parts.badge("status", status)]
        if record is not None:
            extra.append(milestone_state(ms=record.id, docname=self.env.docname))
            self.domain.note_fill(self.env.docname, "milestone", record.id)
        block += parts.heading(ident.full if ident else "Milestone", title, *extra)
        block += parts.fields([
            ("Start", parts.text(start)),
            ("Date", parts.text(due)),
            ("Status", parts.text(status)),
            ("Release", parts.text(release)),
        ])
        block += parts.body(self.content_nodes())
        return self.finish(record, anchor, block)

    def _due(self) -> str:
        """``:date:``, required: an ISO 8601 date; without one the milestone is in no
        timeline."""
        value = str(self.options.get("date", ""))
        if not value:
            self.problem(Subtype.INVALID_VALUE, "milestone: needs a :date: (YYYY-MM-DD); "
                         "left out of timelines")
        elif parse_date(value) is None:
            self.problem(Subtype.INVALID_VALUE, "milestone: :date: %r is not an ISO 8601 date "
                         "(YYYY-MM-DD); left out of timelines", value)
            return ""
        return value

    def _start(self, due: str) -> str:
        """``:start:``: an ISO 8601 date not after the due date; anything else is ignored."""
        value = str(self.options.get("start", ""))
        if not value:
            return ""
        start = parse_date(value)
        if start is None:
            self.problem(Subtype.INVALID_VALUE, "milestone: :start: %r is not an ISO 8601 date "
                         "(YYYY-MM-DD); ignored", value)
            return ""
        end = parse_date(due)
        if end is not None and start > end:
            self.problem(Subtype.INVALID_VALUE, "milestone: :start: %s is after its :date: %s; "
                         "ignored", value, due)
            return ""
        return value
