"""Rendering: from a collection's rows to plain docutils nodes; no domain, no builder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import query as q
from . import matrix, migration, risks, specs

if TYPE_CHECKING:
    from docutils import nodes

    from .context import Context

#: Each collection's renderer, by the collection's name.
RENDERERS: dict[str, Callable[[Any, q.Query, Context], list[nodes.Node]]] = {
    q.MATRIX: matrix.render,
    q.SPEC_INDEX: specs.render,
    q.RISK_REGISTER: risks.render,
    q.MIGRATION_GUIDE: migration.render_guide,
    q.CONFIG_CHANGES: migration.render_changes,
}


def render(rows: object, query: q.Query, ctx: Context) -> list[nodes.Node]:
    """The nodes that replace a collection's placeholder."""
    return RENDERERS[query.kind](rows, query, ctx)
