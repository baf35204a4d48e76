"""Collections: derive each from the shared views (pure), then render it as plain nodes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from .. import query as q
from ..model import Location
from . import matrix, migration, risks, specs

if TYPE_CHECKING:
    from docutils import nodes

    from ..views import Views
    from .context import Context


#: Each collection's pure derive function and its render function.
KINDS: dict[str, tuple[Callable[[Views, q.Query], Any],
                       Callable[[Any, q.Query, Context], list[nodes.Node]]]] = {
    q.MATRIX: (matrix.derive, matrix.render),
    q.SPEC_INDEX: (specs.derive, specs.render),
    q.RISK_REGISTER: (risks.derive, risks.render),
    q.MIGRATION_GUIDE: (migration.derive, migration.render_guide),
    q.CONFIG_CHANGES: (migration.changes, migration.render_changes),
}


def derive(views: Views, query: q.Query) -> object:
    """The data a collection shows, as plain values."""
    return KINDS[query.kind][0](views, query)


def render(derived: object, query: q.Query, ctx: Context) -> list[nodes.Node]:
    """The nodes that replace a collection's placeholder."""
    return KINDS[query.kind][1](derived, query, ctx)


def fingerprint(values: object, text_of: Callable[[str], str]) -> str:
    """A digest of what a page shows: records without their lines, with their parsed texts."""
    return hashlib.sha256(repr(_shown(values, text_of)).encode()).hexdigest()


def _shown(value: object, text_of: Callable[[str], str]) -> object:
    if isinstance(value, Location):
        return value.docname
    if is_dataclass(value) and not isinstance(value, type):
        shown = tuple((f.name, _shown(getattr(value, f.name), text_of)) for f in fields(value))
        ident = getattr(value, "id", None)
        if isinstance(ident, str) and hasattr(value, "title"):
            shown += (("texts", text_of(ident)),)
        return shown
    if isinstance(value, (tuple, list)):
        return tuple(_shown(item, text_of) for item in value)
    return value
