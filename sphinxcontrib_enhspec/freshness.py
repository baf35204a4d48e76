"""After reading: which pages to rewrite, because what they show of other pages changed."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, cast

from . import render
from .config import warn_missing_dot
from .query import TRACE_GRAPH
from .render import model as m
from .reports import report_inputs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import EnhspecDomain


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose collections, cards or outside sources changed since last written."""
    domain = cast("EnhspecDomain", env.domains["enhspec"])
    report_inputs(domain.results, domain.reviews, domain.traces, str(env.srcdir),
                  domain.baselines[1], str(app.confdir))
    graphs = {docname for docname, queries in domain.collections.items()
              if any(query.kind == TRACE_GRAPH for query in queries)}
    if graphs and not domain.cfg.graphviz:
        warn_missing_dot(app.confdir, app.config)
    digests = {}
    for docname in sorted(domain.collections.keys() | domain.fills.keys()):
        shown: list[object] = [render.collection(domain, query)
                               for query in domain.collections.get(docname, [])]
        if docname in graphs:  # drawn, or shown as source: dot was installed or removed
            shown.append(domain.cfg.graphviz)
        shown += [_filled(domain, kind, ident) for kind, ident in domain.fills.get(docname, [])]
        digests[docname] = fingerprint(shown, lambda key: _texts_of(domain, key))
    return sorted({*domain.remember_shown(digests), *domain.remember_externals()})


def _filled(domain: EnhspecDomain, objtype: str, ident: str) -> object:
    """What a block filled at write time shows: a spec's counts, a requirement's tests, a
    milestone's state on the build's date."""
    if objtype == "spec":
        return render.card_counts(domain, ident)
    if objtype == "milestone":
        return render.milestone_state(domain, ident)
    return render.test_outcomes(domain, ident)


def _texts_of(domain: EnhspecDomain, key: str) -> str:
    return "".join(node.pformat() for node in domain.texts(key))


def fingerprint(shown: object, text_of: Callable[[str], str]) -> str:
    """A digest of what a page shows: every text, every link's target document, anchor and
    title (the model's own ``repr``), and the parsed texts it copies (`text_of` a key)."""
    digest = hashlib.sha256(repr(shown).encode())
    for key in _kept(shown):
        digest.update(f"\0{key}\0{text_of(key)}".encode())
    return digest.hexdigest()


def _kept(shown: object) -> Iterator[str]:
    """The keys of the parsed texts and bodies a page copies, in the order shown."""
    if isinstance(shown, (list, tuple)):
        for part in shown:
            yield from _kept(part)
    elif isinstance(shown, (m.Parsed, m.Body)):
        yield shown.key
    elif isinstance(shown, m.Table):
        for cells in shown.rows:
            for cell in cells:
                yield from (i.key for i in cell.items if isinstance(i, m.Parsed))
    elif isinstance(shown, m.Paragraph):
        yield from _kept(shown.items)
    elif isinstance(shown, m.Bullets):
        yield from _kept(shown.entries)
    elif isinstance(shown, m.Fields):
        yield from _kept([items for _, items in shown.rows])
