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


class NumberedDirective(EnhspecDirective):
    """A child of a spec numbered ``<spec>.<letter><n>`` in document order, unless ``:id:``
    is given: migration steps and milestones."""

    argument_name = "a title"
    missing_argument = Subtype.INVALID_VALUE
    #: The letters of the number, the object's name in messages, and the ``temp_data`` keys
    #: of its two counters (numbered ones, all).
    letters: ClassVar[str] = ""
    noun: ClassVar[str] = ""
    counters: ClassVar[tuple[str, str]] = ("", "")

    def numbered(self) -> tuple[ObjectId | None, str, int, list[Node]]:
        """The full ID (None when it has none), the owning spec, the place among the spec's
        objects of this kind, and the title."""
        spec = self.current_spec()
        ident: ObjectId | None
        if self.options.get("id"):
            ident = self.full_id(self.options["id"], spec)
        elif spec and spec == self.env.ref_context.get(CURRENT_SPEC):
            number = self._count(self.counters[0], spec)
            ident = ObjectId(f"{spec}{self.cfg.separator}{self.letters}{number}", spec)
        elif spec:
            self.problem(Subtype.INVALID_ID, "%s: only %ss of the document's current spec are "
                         "numbered; give this %s of %s an :id:", self.name, self.noun, self.noun,
                         spec)
            ident = None
        else:
            self.problem(Subtype.ORPHAN, "%s: has neither a spec nor an :id:; put it after an "
                         "enhancement-spec, or give :spec: or :id:", self.name)
            ident = None
        owner = ident.spec if ident else spec
        position = self._count(self.counters[1], owner)
        title = self.title(" ".join(self.arguments[0].split()), ident=ident.full if ident else "")
        return ident, owner, position, title

    def _count(self, key: str, spec: str) -> int:
        """The next number of `spec`'s counter `key` in this document."""
        counts = cast("dict[str, int]", self.env.temp_data.setdefault(key, {}))
        counts[spec] = counts.get(spec, 0) + 1
        return counts[spec]


class MigrationStepDirective(NumberedDirective):
    """``.. migration-step:: Title``; numbered ``<spec>.M<n>`` unless ``:id:`` is given."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "id", "release", "order", "breaking", "spec",
    )
    letters = "M"
    noun = "step"
    counters = (STEP_COUNTS, ORDER_COUNTS)

    def run(self) -> list[Node]:
        """Render the step and record it."""
        ident, owner, position, title = self.numbered()
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
