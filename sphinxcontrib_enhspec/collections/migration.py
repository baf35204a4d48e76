"""The migration guide (per release: steps, config changes, compatibility requirements)
and the config-changes table."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .. import blocks
from ..model import ConfigChange, MigrationStep, Requirement
from ..query import Query, matches
from ..versions import parse_version, release_key
from ..views import Views, natural_key
from .context import Context
from .tables import empty, paragraph, table

CHANGE_HEADERS = ("Key", "Action", "Release", "Default", "Previous", "Replaces", "Spec")
COMPATIBILITY = "compatibility"


@dataclass(frozen=True)
class Release:
    """One release of the guide."""

    release: str
    steps: tuple[MigrationStep, ...]
    changes: tuple[ConfigChange, ...]
    compatibility: tuple[Requirement, ...]


def changes(views: Views, query: Query) -> tuple[ConfigChange, ...]:
    """The config changes that pass the filters, by release then key."""
    return tuple(change for change in views.changes if matches(query, change, change.release))


def derive(views: Views, query: Query) -> tuple[Release, ...]:
    """The releases in range, in PEP 440 order; steps and changes without one come last."""
    low = parse_version(query.from_release) if query.from_release else None
    high = parse_version(query.to_release) if query.to_release else None

    def in_range(release: str) -> bool:
        version = parse_version(release)
        if version is None:
            return not release and low is None and high is None
        return (low is None or version > low) and (high is None or version <= high)

    steps = [s for s in views.steps if in_range(s.release) and matches(query, s, s.release)]
    found = [c for c in changes(views, query) if in_range(c.release)]
    # One part per version: "2.0" and "2.0.0" are the same release, named as first written.
    parts: dict[object, list[str]] = {}
    for release in sorted({s.release for s in steps} | {c.release for c in found}):
        parts.setdefault(parse_version(release) or release, []).append(release)
    out = []
    for spellings in sorted(parts.values(), key=lambda r: (r[0] == "", release_key(r[0]))):
        release = spellings[0]
        here = sorted((s for s in steps if s.release in spellings),
                      key=lambda s: (not s.breaking, natural_key(s.spec), s.order,
                                     natural_key(s.id)))
        changed = tuple(c for c in found if c.release in spellings)
        specs = sorted({s.spec for s in here} | {c.spec for c in changed} - {""},
                       key=natural_key)
        compatible = tuple(req for spec in specs for req in views.requirements_of.get(spec, [])
                           if req.kind == COMPATIBILITY)
        out.append(Release(release, tuple(here), changed, compatible))
    return tuple(out)


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
    extra = [nodes.Text(" "), blocks.badge("breaking", "breaking")] if step.breaking else []
    head = paragraph(ctx.link("mig", step.id), nodes.Text(" "), *ctx.title(step.id, step.title),
                     *extra, classes=["enhspec-heading", "enhspec-guide-step"])
    return [head, *(ctx.adopt(node, step.location.docname) for node in ctx.bodies(step.id))]


def change_table(found: tuple[ConfigChange, ...], ctx: Context, *, with_release: bool = True,
                 caption: str = "") -> nodes.table:
    """Key, action, (release,) default, previous, replaces and spec of each change."""
    headers = [h for h in CHANGE_HEADERS if with_release or h != "Release"]
    rows = []
    for change in found:
        cells: list[list[nodes.Node]] = [
            [nodes.literal(change.key, change.key)],
            [blocks.badge("action", change.action)] if change.action else [],
        ]
        if with_release:
            cells.append(blocks.text(change.release))
        cells += [blocks.literals([v] if v else []) for v in
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
