"""Write time: a role whose ID names no object is an ``enhspec.unresolved`` warning."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from .domain import EnhspecDomain
from .ids import candidates
from .nodes import CHECKED_XREF, CURRENT_SPEC
from .roles import ROLE_TYPES
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.domains import Domain


def on_missing_reference(app: object, domain: Domain | None, node: pending_xref) -> bool | None:
    """Report an unknown ID as ``enhspec.unresolved``; option links were checked already."""
    if domain is None or domain.name != EnhspecDomain.name:
        return None
    if node.get(CHECKED_XREF):
        return True
    target = node["reftarget"]
    objtype = ROLE_TYPES.get(node["reftype"], "object")
    ours = cast("EnhspecDomain", domain)
    other = ours.catalog.lookup(candidates(target, node.get(CURRENT_SPEC, ""), ours.cfg))
    hint = f" ({other.id} is a {other.objtype})" if other is not None else ""
    warn("unknown %s %r%s", Subtype.UNRESOLVED, node, objtype, target, hint)
    return True
