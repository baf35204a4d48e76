"""Rendering: from the derived rows to the model, once per build and the same for every page
and builder; `to_nodes` and `to_html` then write the model on each page."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .. import query as q
from ..derive.milestones import is_overdue
from ..model import Milestone
from ..roles import ROLE_TYPES
from . import changes, graph, matrix, migration, risks, since, specs, timeline
from .context import Context, verified_by
from .model import Block, Fields, Item, Link

if TYPE_CHECKING:
    from docutils import nodes

    from ..derive.catalog import Catalog
    from ..derive.traces import Traces
    from ..settings import EnhspecConfig

T = TypeVar("T")

#: Each collection's renderer, by the collection's name.
RENDERERS: dict[str, Callable[[Any, q.Query, Context], list[Block]]] = {
    q.MATRIX: matrix.render,
    q.SPEC_INDEX: specs.render,
    q.RISK_REGISTER: risks.render,
    q.MIGRATION_GUIDE: migration.render_guide,
    q.CONFIG_CHANGES: changes.render_config_changes,
    q.API_CHANGES: changes.render_api_changes,
    q.DEPRECATION_TIMELINE: changes.render_timeline,
    q.TIMELINE: timeline.render,
    q.TRACE_GRAPH: graph.render,
    q.CHANGES: since.render,
}


class Source(Protocol):
    """What rendering reads from the owner of the records (the domain)."""

    @property
    def cfg(self) -> EnhspecConfig: ...
    @property
    def catalog(self) -> Catalog: ...
    @property
    def traces(self) -> Traces: ...
    def rows(self, query: q.Query) -> object: ...
    def texts(self, key: str) -> list[nodes.Node]: ...
    def derived(self, key: Hashable, make: Callable[[], T]) -> T: ...


def collection(source: Source, query: q.Query) -> list[Block]:
    """What a collection shows, made once per build."""
    return source.derived(("collection", query), lambda: RENDERERS[query.kind](
        source.rows(query), query, context(source)))


def card_counts(source: Source, spec: str) -> Fields | None:
    """The derived fields of a spec's card, made once per build; None for no spec."""
    def make() -> Fields | None:
        counts = source.traces.counts.get(spec)
        return specs.card_counts(counts, context(source)) if counts else None
    return source.derived(("card", spec), make)


def test_outcomes(source: Source, req: str) -> tuple[Item, ...]:
    """A requirement's tests with their outcomes."""
    verification = source.traces.verification.get(req)
    return verified_by(verification) if verification else ()


def milestone_state(source: Source, ident: str) -> tuple[Item, ...]:
    """What a milestone's block shows of its state on the build's date: overdue or
    nothing."""
    record = source.catalog.get(ident, "milestone")
    if isinstance(record, Milestone) and is_overdue(record, source.cfg.build_date):
        return (timeline.OVERDUE,)
    return ()


def context(source: Source) -> Context:
    """Kept texts and link targets, from the records."""

    def link(role: str, target: str) -> Link:
        record = source.catalog.get(target, ROLE_TYPES[role])
        if record is None:
            return Link(role, target)
        return Link(role, target, record.location.docname, record.anchor,
                    record.title or record.id, record.location.uri)

    def source_of(ident: str) -> str:
        record = source.catalog.get(ident)
        return record.location.docname if record is not None else ""

    return source.derived("context", lambda: Context(
        lambda key: bool(source.texts(key)), link, source_of, source.cfg.source_url))
