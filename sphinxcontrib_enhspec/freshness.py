"""After reading: which pages to rewrite, because what they show of other pages changed."""

from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, cast

from .model import Location
from .nodes import TextPart, text_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import EnhspecDomain


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose collections, cards or outside sources changed since last written."""
    domain = cast("EnhspecDomain", env.domains["enhspec"])
    domain.report_results()
    digests = {}
    for docname in sorted(domain.collections.keys() | domain.fills.keys()):
        shown = [domain.rows(query) for query in domain.collections.get(docname, [])]
        shown += [_filled(domain, kind, ident) for kind, ident in domain.fills.get(docname, [])]
        digests[docname] = fingerprint(shown, lambda ident: _texts_of(domain, ident))
    return sorted({*domain.remember_shown(digests), *domain.remember_externals()})


def _filled(domain: EnhspecDomain, objtype: str, ident: str) -> object:
    """What a block filled at write time shows: a spec's counts, a requirement's tests."""
    if objtype == "spec":
        return domain.traces.counts.get(ident)
    return domain.traces.verification.get(ident)


def _texts_of(domain: EnhspecDomain, ident: str) -> str:
    return "".join(node.pformat() for part in (TextPart.TITLE, TextPart.MITIGATION)
                   for node in domain.texts(text_key(ident, part)))


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
