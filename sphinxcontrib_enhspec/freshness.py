"""Which pages to rewrite: those whose collections, cards or outside sources changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .collections import derive, fingerprint
from .collections.specs import spec_row

if TYPE_CHECKING:
    from .domain import EnhspecDomain


def stale_pages(domain: EnhspecDomain) -> list[str]:
    """Pages whose collections or cards show other data than when last written."""
    stale = []
    prints: dict[str, str] = domain.data["fingerprints"]
    pages = domain.collections.keys() | domain.cards.keys()
    for docname in sorted(pages):
        shown = [derive(domain.views, query) for query in domain.collections.get(docname, [])]
        shown += [_card(domain, kind, ident) for kind, ident in domain.cards.get(docname, [])]
        digest = fingerprint(shown, lambda ident: _text_digest(domain, ident))
        if prints.get(docname) != digest:
            prints[docname] = digest
            stale.append(docname)
    for docname in prints.keys() - pages:
        del prints[docname]
    return sorted({*stale, *_external_pages(domain)})


def _external_pages(domain: EnhspecDomain) -> list[str]:
    """Pages that link to a project whose export changed since the last build."""
    digests: dict[str, str] = domain.data["external_digests"]
    current = {project.name: project.digest for project in domain.externals}
    changed = {name for name in current.keys() | digests.keys()
               if current.get(name) != digests.get(name)}
    domain.data["external_digests"] = current
    return [docname for docname, names in domain.data["external_uses"].items()
            if changed & set(names)]


def _card(domain: EnhspecDomain, objtype: str, ident: str) -> object:
    if objtype == "spec":
        spec = domain.index.spec(ident)
        return spec_row(domain.views, spec) if spec is not None else None
    return domain.views.verification.get(ident)


def _text_digest(domain: EnhspecDomain, ident: str) -> str:
    return "".join(node.pformat() for key in (f"{ident}#title", f"{ident}#mitigation")
                   for node in domain.texts(key))
