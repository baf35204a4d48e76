"""The migration guide (per release: steps, config changes, compatibility requirements)
and the config-changes table."""

from __future__ import annotations

from docutils import nodes

from ..derive.rows import Release
from ..model import ConfigChange, MigrationStep
from ..nodes import TextPart
from ..query import Query
from . import parts
from .context import Context
from .tables import empty, paragraph, table

CHANGE_HEADERS = ("Key", "Action", "Release", "Default", "Previous", "Replaces", "Spec")


def render_guide(releases: tuple[Release, ...], query: Query,
                 ctx: Context) -> list[nodes.Node]:
    """A part per release: rubric, steps with their bodies, changes, compatibility."""
    if not releases:
        return [empty("migration-guide", "migration steps or config changes in range")]
    out: list[nodes.Node] = []
    for part in releases:
        label = f"Release {part.release}" if part.release else "No release"
        out.append(nodes.rubric(label, label, classes=["enhspec-release"]))
        for step in part.steps:
            out.extend(_step(step, ctx))
        if part.changes:
            out.append(_rubric("Configuration changes"))
            out.append(change_table(part.changes, ctx, with_release=False))
        if part.compatibility:
            out.append(_rubric("Compatibility requirements"))
            items = nodes.bullet_list(classes=["enhspec-compatibility"])
            for req in part.compatibility:
                items += nodes.list_item("", paragraph(ctx.link("req", req.id), nodes.Text(" "),
                                                       *ctx.title(req.id, req.title)))
            out.append(items)
    return out


def _rubric(text: str) -> nodes.rubric:
    return nodes.rubric(text, text, classes=["enhspec-guide-part"])


def _step(step: MigrationStep, ctx: Context) -> list[nodes.Node]:
    extra = [nodes.Text(" "), parts.badge("breaking", "breaking")] if step.breaking else []
    head = paragraph(ctx.link("mig", step.id), nodes.Text(" "), *ctx.title(step.id, step.title),
                     *extra, classes=["enhspec-heading", "enhspec-guide-step"])
    return [head, *(ctx.adopt(node, step.location.docname)
                    for node in ctx.parsed(step.id, TextPart.BODY))]


def change_table(found: tuple[ConfigChange, ...], ctx: Context, *, with_release: bool = True,
                 caption: str = "") -> nodes.table:
    """Key, action, (release,) default, previous, replaces and spec of each change."""
    headers = [h for h in CHANGE_HEADERS if with_release or h != "Release"]
    rows = []
    for change in found:
        cells: list[list[nodes.Node]] = [
            [nodes.literal(change.key, change.key)],
            [parts.badge("action", change.action)] if change.action else [],
        ]
        if with_release:
            cells.append(parts.text(change.release))
        cells += [parts.literals([v] if v else []) for v in
                  (change.default, change.previous, change.replaces)]
        cells.append([ctx.link("spec", change.spec)] if change.spec else [])
        rows.append(cells)
    return table(headers, rows, kind="config-changes", caption=caption)


def render_changes(found: tuple[ConfigChange, ...], query: Query,
                   ctx: Context) -> list[nodes.Node]:
    """The config-changes collection."""
    if not found:
        return [empty("config-changes", "config changes match")]
    return [change_table(found, ctx, caption=query.caption)]
