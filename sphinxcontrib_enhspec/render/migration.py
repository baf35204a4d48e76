"""The migration guide: per release, its steps, config and API changes, deprecations,
removals and compatibility requirements."""

from __future__ import annotations

from ..derive.releases import Release
from ..model import MigrationStep
from ..nodes import HEADING_CLASS, TextPart, text_key
from ..query import Query
from . import model as m
from .changes import change_table, deprecation_list, removal_list
from .context import SPACE, Context
from .tables import empty


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
        if part.api_changes:
            out.append(m.Rubric("API changes", ("enhspec-guide-part",)))
            out.append(change_table(part.api_changes, ctx, with_release=False))
        if part.deprecations:
            out.append(m.Rubric("Deprecations", ("enhspec-guide-part",)))
            out.append(deprecation_list(part.deprecations, ctx))
        if part.removals:
            out.append(m.Rubric("Removals", ("enhspec-guide-part",)))
            out.append(removal_list(part.removals, ctx))
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
