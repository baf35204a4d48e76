"""The change tables (config keys and APIs), the guide's deprecation and removal lists, and
the deprecation timeline."""

from __future__ import annotations

from collections.abc import Sequence

from ..derive.deprecations import Deprecation
from ..derive.releases import Removal, TimelinePart
from ..model import ApiChange, Change, ConfigChange
from ..query import Query
from . import model as m
from .context import Context, text
from .tables import empty, table

CONFIG_HEADERS = ("Key", "Action", "Release", "Default", "Previous", "Replaces", "Spec")
API_HEADERS = ("Name", "Action", "Release", "Signature", "Previous", "Replaces", "Spec")
TIMELINE_HEADERS = ("Name", "Kind", "Deprecated in", "Replacement", "Spec", "State")


def _code(value: str) -> tuple[m.Item, ...]:
    return (m.Code(value),) if value else ()


def _spec(change: Change, ctx: Context) -> tuple[m.Item, ...]:
    return (ctx.link("spec", change.spec),) if change.spec else ()


def change_table(found: Sequence[Change], ctx: Context, *, with_release: bool = True,
                 caption: str = "") -> m.Table:
    """Name, action, (release,) the values shown as code, and spec of each change; config
    keys and APIs each have a table of their own, so `found` holds one kind."""
    is_api = bool(found) and isinstance(found[0], ApiChange)
    headers = [h for h in (API_HEADERS if is_api else CONFIG_HEADERS)
               if with_release or h != "Release"]
    rows = []
    for change in found:
        cells: list[tuple[m.Item, ...]] = [
            _code(change.subject),
            (m.Badge("action", change.action),) if change.action else (),
        ]
        if with_release:
            cells.append(text(change.release))
        first = change.signature if isinstance(change, ApiChange) else change.default
        cells += [_code(value) for value in (first, change.previous, change.replaces)]
        cells.append(_spec(change, ctx))
        rows.append(cells)
    return table(headers, rows, kind="api-changes" if is_api else "config-changes",
                 caption=caption)


def render_config_changes(found: tuple[ConfigChange, ...], query: Query,
                          ctx: Context) -> list[m.Block]:
    """The config-changes collection."""
    if not found:
        return [empty("config-changes", "config changes match")]
    return [change_table(found, ctx, caption=query.caption)]


def render_api_changes(found: tuple[ApiChange, ...], query: Query,
                       ctx: Context) -> list[m.Block]:
    """The api-changes collection."""
    if not found:
        return [empty("api-changes", "API changes match")]
    return [change_table(found, ctx, caption=query.caption)]


def deprecation_list(found: Sequence[Deprecation], ctx: Context) -> m.Bullets:
    """What a release deprecates: name, kind, the release that removes it, replacement,
    and an *overdue* badge when that release has passed with no removal recorded."""
    entries = []
    for item in found:
        change = item.change
        items: list[m.Item] = [m.Code(item.subject), m.Text(f" ({item.kind})"),
                               m.Text(f", removed in {change.removed_in}")]
        if item.subject != change.subject:
            items += [m.Text("; use "), m.Code(change.subject)]
        if item.state == "overdue":
            items += [m.Text(" "), m.Badge("state", "overdue")]
        if change.spec:
            items += [m.Text(" \u2014 "), ctx.link("spec", change.spec)]
        entries.append(tuple(items))
    return m.Bullets(tuple(entries), ("enhspec-deprecations",))


def removal_list(found: Sequence[Removal], ctx: Context) -> m.Bullets:
    """What a release removes, and the release that deprecated it."""
    entries = []
    for removal in found:
        since = (f", deprecated in {removal.deprecated_in}" if removal.deprecated_in
                 else ", not deprecated before")
        items: list[m.Item] = [m.Code(removal.change.subject), m.Text(f" ({removal.kind})"),
                               m.Text(since)]
        if removal.change.spec:
            items += [m.Text(" \u2014 "), ctx.link("spec", removal.change.spec)]
        entries.append(tuple(items))
    return m.Bullets(tuple(entries), ("enhspec-removals",))


def render_timeline(found: tuple[TimelinePart, ...], query: Query,
                    ctx: Context) -> list[m.Block]:
    """A part per removal release: what is due to go in it, and what became of it."""
    if not found:
        return [empty("deprecation-timeline", "deprecations in range")]
    out: list[m.Block] = []
    for release, items in found:
        out.append(m.Rubric(f"Removed in {release}", ("enhspec-removal-release",)))
        rows = [[
            _code(item.subject), text(item.kind), text(item.change.release),
            _code(item.replacement), _spec(item.change, ctx),
            (m.Badge("state", item.state),),
        ] for item in items]
        out.append(table(TIMELINE_HEADERS, rows, kind="deprecation-timeline"))
    return out
