"""The collection directives: each validates its options and leaves one placeholder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .. import query as q
from ..dates import parse_date
from ..ids import match_choice
from ..model import CONFIG_ACTIONS, MILESTONE_STATUSES, RISK_STATUSES
from ..nodes import collection
from ..versions import parse_version
from ..warnings import Subtype
from .base import EnhspecDirective, option_spec

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class CollectionDirective(EnhspecDirective):
    """Base of the collections: the filters every one of them takes."""

    argument_name = ""
    accepts_content = False
    kind: ClassVar[str] = ""
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS)

    def run(self) -> list[Node]:
        """A placeholder carrying the validated query; rendered after all documents are read."""
        query = q.Query(kind=self.kind, location=self.location, filters=self.filters(),
                        **self.layout())
        node = collection("", query=query, docname=self.env.docname)
        self.set_source_info(node)
        self.domain.note_collection(query)
        return [node]

    def layout(self) -> dict[str, Any]:
        """The collection's own options."""
        return {}

    def allowed(self, name: str) -> Sequence[str] | None:
        """The values filter `name` may take (None: any)."""
        cfg = self.cfg
        statuses = {
            q.MATRIX: cfg.requirement_statuses, q.SPEC_INDEX: cfg.spec_statuses,
            q.RISK_REGISTER: RISK_STATUSES, q.TIMELINE: MILESTONE_STATUSES,
            q.TRACE_GRAPH: tuple(dict.fromkeys(
                [*cfg.spec_statuses, *cfg.requirement_statuses, *RISK_STATUSES])),
        }
        lists: dict[str, Sequence[str]] = {
            "kind": cfg.kind_names, "category": cfg.risk_categories,
            "status": statuses.get(self.kind, ()),
        }
        if self.kind == q.CHANGES and name == "status":
            return None  # each type of object has statuses of its own
        return lists.get(name)

    def since(self, required: bool = False) -> str:
        """The baseline named by ``:since:``, when ``enhspec_baselines`` has that name."""
        value = str(self.options.get("since", "")).strip()
        names = sorted(self.env.config.enhspec_baselines)
        if value in names:
            return value
        if value or required:
            said = f"{value!r} is not" if value else "is required: name"
            self.problem(Subtype.INVALID_VALUE, "%s: :since: %s one of enhspec_baselines (%s)",
                         self.kind, said, ", ".join(names) or "none are set")
        return ""

    def filters(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each filter given, with its valid values in their canonical spelling."""
        out = []
        for name in q.FILTERS:
            values = self.items(name)
            if not values:
                continue
            if name not in q.APPLICABLE[self.kind]:
                self.problem(Subtype.INVALID_VALUE, "%s: :%s: does not apply to its rows "
                             "(filters here: %s); ignored", self.kind, name,
                             ", ".join(q.APPLICABLE[self.kind]))
                continue
            out.append((name, self.valid(name, values, self.allowed(name))))
        return tuple((name, values) for name, values in out if values)

    def valid(self, name: str, values: Sequence[str], allowed: Sequence[str] | None
              ) -> tuple[str, ...]:
        """The values found in `allowed` (all of them when it is None); others warn."""
        if allowed is None:
            return tuple(values)
        kept = []
        for value in values:
            matched = match_choice(value, allowed)
            if matched is None:
                self.problem(Subtype.INVALID_VALUE, "%s: :%s: %r is not one of %s; ignored",
                             self.kind, name, value, ", ".join(allowed))
            else:
                kept.append(matched)
        return tuple(kept)


class MatrixDirective(CollectionDirective):
    """``.. traceability-matrix::``: a row per requirement."""

    kind = q.MATRIX
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "columns", "sort", "caption",
                                                    "since")

    def layout(self) -> dict[str, Any]:
        """Columns, sort column and caption."""
        columns = tuple(dict.fromkeys(
            self.valid("columns", self.items("columns"), q.MATRIX_COLUMNS)))
        sort = self.options.get("sort", "")
        if sort and match_choice(sort, q.MATRIX_COLUMNS) is None:
            self.problem(Subtype.INVALID_VALUE, "%s: :sort: %r is not one of %s; sorting by id",
                         self.kind, sort, ", ".join(q.MATRIX_COLUMNS))
        return {
            "columns": columns,
            "sort": match_choice(sort, q.MATRIX_COLUMNS) or "id",
            "caption": self.options.get("caption", ""),
            "since": self.since(),
        }


class SpecIndexDirective(CollectionDirective):
    """``.. spec-index::``: every spec, grouped."""

    kind = q.SPEC_INDEX
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "columns", "group-by",
                                                    "caption")

    def layout(self) -> dict[str, Any]:
        """The columns, grouping and caption."""
        columns = tuple(dict.fromkeys(
            self.valid("columns", self.items("columns"), q.SPEC_INDEX_COLUMNS)))
        return {"columns": columns,
                "group_by": self.choice("group-by", q.GROUPS, "status"),
                "caption": self.options.get("caption", "")}


class RiskRegisterDirective(CollectionDirective):
    """``.. risk-register::``: every risk, optionally with a likelihood x impact grid."""

    kind = q.RISK_REGISTER
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "matrix", "caption")

    def layout(self) -> dict[str, Any]:
        """The grid flag and caption."""
        return {"matrix": self.flag("matrix"), "caption": self.options.get("caption", "")}


class ConfigChangesDirective(CollectionDirective):
    """``.. config-changes::``: a table of configuration changes."""

    kind = q.CONFIG_CHANGES
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "action", "caption")

    def layout(self) -> dict[str, Any]:
        """The action filter and caption."""
        return {"actions": self.valid("action", self.items("action"), CONFIG_ACTIONS),
                "caption": self.options.get("caption", "")}


class ApiChangesDirective(ConfigChangesDirective):
    """``.. api-changes::``: a table of API changes."""

    kind = q.API_CHANGES


class MigrationGuideDirective(CollectionDirective):
    """``.. migration-guide::``: the steps and changes of each release, in version order."""

    kind = q.MIGRATION_GUIDE
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "from", "to")

    def layout(self) -> dict[str, Any]:
        """The release range, each end a PEP 440 version."""
        return {"from_release": self._version("from"), "to_release": self._version("to")}

    def _version(self, option: str) -> str:
        """A PEP 440 version option; anything else warns and is ignored."""
        value = self.options.get(option, "")
        if value and parse_version(value) is None:
            self.problem(Subtype.INVALID_VALUE, "%s: :%s: %r is not a PEP 440 version; "
                         "ignored", self.kind, option, value)
            return ""
        return str(value)


class DeprecationTimelineDirective(MigrationGuideDirective):
    """``.. deprecation-timeline::``: what each release removes, deprecated earlier."""

    kind = q.DEPRECATION_TIMELINE


class TimelineDirective(CollectionDirective):
    """``.. timeline::``: the milestones of every spec by date, with their bars in HTML."""

    kind = q.TIMELINE
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "from", "to", "caption")

    def layout(self) -> dict[str, Any]:
        """The date range, both ends inclusive, and the caption."""
        return {"from_date": self._date("from"), "to_date": self._date("to"),
                "caption": self.options.get("caption", "")}

    def _date(self, option: str) -> str:
        """An ISO 8601 date option; anything else warns and is ignored."""
        value = str(self.options.get(option, ""))
        if value and parse_date(value) is None:
            self.problem(Subtype.INVALID_VALUE, "%s: :%s: %r is not an ISO 8601 date "
                         "(YYYY-MM-DD); ignored", self.kind, option, value)
            return ""
        return value


class TraceGraphDirective(CollectionDirective):
    """``.. trace-graph::``: specs, requirements, risks (and tests) and their links, drawn."""

    kind = q.TRACE_GRAPH
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "direction", "tests",
                                                    "caption")

    def layout(self) -> dict[str, Any]:
        """The direction, the tests flag and the caption."""
        return {"direction": self.choice("direction", q.DIRECTIONS, q.DIRECTIONS[0]),
                "tests": self.flag("tests"), "caption": self.options.get("caption", "")}


class ChangesDirective(CollectionDirective):
    """``.. changes::``: what changed since a baseline."""

    kind = q.CHANGES
    option_spec: ClassVar[OptionSpec] = option_spec(*q.FILTERS, "since")

    def layout(self) -> dict[str, Any]:
        """The baseline to compare with."""
        return {"since": self.since(required=True)}


COLLECTIONS = {
    directive.kind: directive
    for directive in (MatrixDirective, SpecIndexDirective, RiskRegisterDirective,
                      ConfigChangesDirective, ApiChangesDirective, MigrationGuideDirective,
                      DeprecationTimelineDirective, TimelineDirective,
                      TraceGraphDirective, ChangesDirective)
}
