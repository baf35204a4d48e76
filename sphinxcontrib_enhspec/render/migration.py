"""The migration guide (per release: steps, config changes, compatibility requirements)
and the config-changes table."""

from __future__ import annotations

from ..derive.rows import Release
from ..model import ConfigChange, MigrationStep
from ..nodes import HEADING_CLASS, TextPart, text_key
from ..query import Query
from . import model as m
from .context import SPACE, Context, text
from .tables import empty, table

CHANGE_HEADERS = ("Key", "Action", "Release", "Default", "Previous", "Replaces", "Spec")


def render_guide(releases: tuple[Release, ...], query: Query, ctx: Context) -> list[m.Block]:
    """A part per release: rubric, steps with their bodies, changes, compatibility."""
    if not releases:
        return [empty("migration-guide", "migration steps or config changes in range")]
    out: list[m.Block] = []
    for part in releases:
        label = f"Release {part.release}" if part.release else "No release"
        out.append(m.Rubric(label, ("enhspec-release",)))
        for step in part.steps:
            out.extend(_step(step, ctx))
        if part.changes:
            out.append(m.Rubric("Configuration changes", ("enhspec-guide-part",)))
            out.append(change_table(part.changes, ctx, with_release=False))
        if part.compatibility:
            out.append(m.Rubric("Compatibility requirements", ("enhspec-guide-part",)))
            out.append(m.Bullets(tuple((ctx.link("req", req.id), SPACE,
                                        *ctx.title(req.id, req.title))
                                       for req in part.compatibility),
                                 ("enhspec-compatibility",)))
    return out


def _step(step: MigrationStep, ctx: Context) -> list[m.Block]:
    extra = (SPACE, m.Badge("breaking", "breaking")) if step.breaking else ()
    head = m.Paragraph((ctx.link("mig", step.id), SPACE, *ctx.title(step.id, step.title),
                        *extra), (HEADING_CLASS, "enhspec-guide-step"))
    return [head, m.Body(text_key(step.id, TextPart.BODY), step.location.docname)]


def change_table(found: tuple[ConfigChange, ...], ctx: Context, *, with_release: bool = True,
                 caption: str = "") -> m.Table:
    """Key, action, (release,) default, previous, replaces and spec of each change."""
    headers = [h for h in CHANGE_HEADERS if with_release or h != "Release"]
    rows = []
    for change in found:
        cells: list[tuple[m.Item, ...]] = [
            (m.Code(change.key),),
            (m.Badge("action", change.action),) if change.action else (),
        ]
        if with_release:
            cells.append(text(change.release))
        cells += [(m.Code(value),) if value else ()
                  for value in (change.default, change.previous, change.replaces)]
        cells.append((ctx.link("spec", change.spec),) if change.spec else ())
        rows.append(cells)
    return table(headers, rows, kind="config-changes", caption=caption)


def render_changes(found: tuple[ConfigChange, ...], query: Query,
                   ctx: Context) -> list[m.Block]:
    """The config-changes collection."""
    if not found:
        return [empty("config-changes", "config changes match")]
    return [change_table(found, ctx, caption=query.caption)]
