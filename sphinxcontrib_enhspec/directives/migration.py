"""``migration-step``: what users do to move to a release, in order."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, ClassVar, cast

from ..ids import ObjectId
from ..model import MigrationStep
from ..nodes import CURRENT_SPEC
from ..render import parts
from ..warnings import Subtype
from .base import EnhspecDirective, option_spec, plain

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

#: ``temp_data`` keys: spec ID -> its numbered steps, and all its steps, read so far.
STEP_COUNTS = "enhspec:step-counts"
ORDER_COUNTS = "enhspec:order-counts"


class MigrationStepDirective(EnhspecDirective):
    """``.. migration-step:: Title``; numbered ``<spec>.M<n>`` unless ``:id:`` is given."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "id", "release", "order", "breaking", "spec",
    )
    argument_name = "a title"
    missing_argument = Subtype.INVALID_VALUE

    def run(self) -> list[Node]:
        """Render the step and record it."""
        spec = self.current_spec()
        ident: ObjectId | None
        if self.options.get("id"):
            ident = self.full_id(self.options["id"], spec)
        elif spec and spec == self.env.ref_context.get(CURRENT_SPEC):
            number = self._count(STEP_COUNTS, spec)
            ident = ObjectId(f"{spec}{self.cfg.separator}M{number}", spec)
        elif spec:
            self.problem(Subtype.INVALID_ID, "migration-step: only steps of the document's "
                         "current spec are numbered; give this step of %s an :id:", spec)
            ident = None
        else:
            self.problem(Subtype.ORPHAN, "migration-step: has neither a spec nor an :id:; put "
                         "it after an enhancement-spec, or give :spec: or :id:")
            ident = None
        owner = ident.spec if ident else spec
        position = self._count(ORDER_COUNTS, owner)
        title = self.title(" ".join(self.arguments[0].split()), ident=ident.full if ident else "")
        order = self._order(position)
        breaking = self.flag("breaking")
        content = self.content_nodes()
        release = self.options.get("release", "") or self.spec_release(owner)
        record = None
        anchor = ""
        if ident is not None:
            anchor = self.anchor("mig", ident.full)
            record = MigrationStep(
                id=ident.full, title=plain(title), location=self.location, anchor=anchor,
                spec=owner, release=release, order=order, breaking=breaking,
                body_digest=digest(content),
            )
        block = parts.container("migration-step", *(["enhspec-breaking"] if breaking else []))
        extra = [parts.badge("breaking", "breaking")] if breaking else []
        block += parts.heading(ident.full if ident else "Migration step", title, *extra)
        block += parts.fields([
            ("Release", parts.text(release)),
            ("Order", parts.text(str(order))),
        ])
        block += parts.body(content)
        return self.finish(record, anchor, block)

    def _count(self, key: str, spec: str) -> int:
        """The next number of `spec`'s counter `key` in this document."""
        counts = cast("dict[str, int]", self.env.temp_data.setdefault(key, {}))
        counts[spec] = counts.get(spec, 0) + 1
        return counts[spec]

    def _order(self, default: int) -> int:
        value = self.options.get("order", "")
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            self.problem(Subtype.INVALID_VALUE, "migration-step: :order: %r is not a whole "
                         "number; using %d", value, default)
            return default


def digest(content: list[Node]) -> str:
    """A digest of a parsed body, so that collections copying it see when it changes."""
    return hashlib.sha256("".join(node.pformat() for node in content).encode()).hexdigest()
