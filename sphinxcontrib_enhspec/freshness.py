"""After reading: which pages to rewrite, because what they show of other pages changed."""

from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, cast

from . import render
from .render import model as m

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
        shown: list[object] = [render.collection(domain, query)
                               for query in domain.collections.get(docname, [])]
        shown += [_filled(domain, kind, ident) for kind, ident in domain.fills.get(docname, [])]
        digests[docname] = fingerprint(shown, lambda key: _texts_of(domain, key))
    return sorted({*domain.remember_shown(digests), *domain.remember_externals()})


def _filled(domain: EnhspecDomain, objtype: str, ident: str) -> object:
    """What a block filled at write time shows: a spec's counts, a requirement's tests."""
    if objtype == "spec":
        return render.card_counts(domain, ident)
    return render.test_outcomes(domain, ident)


def _texts_of(domain: EnhspecDomain, key: str) -> str:
    return "".join(node.pformat() for node in domain.texts(key))


def fingerprint(shown: object, text_of: Callable[[str], str]) -> str:
    """A digest of what a page shows: every text, every link's target document, anchor and
    title, and the parsed texts it copies (`text_of` a text key)."""
    return hashlib.sha256(repr(_plain(shown, text_of)).encode()).hexdigest()


def _plain(value: object, text_of: Callable[[str], str]) -> object:
    if isinstance(value, (m.Parsed, m.Body)):
        return (value.key, value.source, text_of(value.key))
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                *((f.name, _plain(getattr(value, f.name), text_of)) for f in fields(value)))
    if isinstance(value, (tuple, list)):
        return tuple(_plain(item, text_of) for item in value)
    return value
