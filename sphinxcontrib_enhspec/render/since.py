"""The ``changes`` collection, and the column ``:since:`` adds to the matrix."""

from __future__ import annotations

from ..derive import diff
from ..derive.since import Against
from ..query import Query
from ..roles import ROLE_TYPES
from . import model as m
from .context import Context, text
from .tables import empty, table

#: The role that links to each type of object.
ROLES = {objtype: role for role, objtype in ROLE_TYPES.items()}
#: Shown for a field without a value.
NONE = m.Emphasis("none")


def render(against: Against | None, query: Query, ctx: Context) -> list[m.Block]:
    """The transitions summed up, then the objects added, removed and changed, and conflicts."""
    if against is None:
        return [empty("changes", "baseline is named by :since:")]
    if against.diff is None:
        return [problem(against)]
    found = against.diff
    if found.empty:
        return [m.Paragraph((m.Emphasis(f"No changes since {against.name}."),),
                            ("enhspec-empty", "enhspec-changes"))]
    out: list[m.Block] = [summary(against.name, found)]
    if found.transitions:
        said = ", ".join(str(t) for t in found.transitions)
        out.append(m.Paragraph((m.Text(f"Status: {said}."),), ("enhspec-transitions",)))
    parts: list[tuple[str, list[m.Block]]] = [
        ("Added", [_objects(found.added, ctx, "added")] if found.added else []),
        ("Removed", [_objects(found.removed, ctx, "removed")] if found.removed else []),
        ("Changed", [_changed(found.changed, ctx)] if found.changed else []),
        ("Conflicts", [_conflicts(found.conflicts, ctx)] if found.conflicts else []),
    ]
    for title, blocks in parts:
        if blocks:
            out += [m.Rubric(title, ("enhspec-changes-part",)), *blocks]
    return out


def problem(against: Against) -> m.Paragraph:
    """Why the baseline cannot be compared with."""
    said = f"The baseline {against.name} cannot be used: {against.problem}."
    return m.Paragraph((m.Emphasis(said),), ("enhspec-baseline-problem",))


def summary(name: str, found: diff.Diff) -> m.Paragraph:
    """``Since 2.0: 1 added, 2 removed, 3 changed`` (and conflicts, when there are any)."""
    counts = found.found
    said = (f"Since {name}: {counts['added']} added, {counts['removed']} removed, "
            f"{counts['changed']} changed")
    if counts["conflict"]:
        said += f", {counts['conflict']} conflict{'s' if counts['conflict'] != 1 else ''}"
    return m.Paragraph((m.Text(said + "."),), ("enhspec-summary",))


def _link(item: diff.Obj, ctx: Context) -> tuple[m.Item, ...]:
    role = ROLES.get(item.type)
    return (ctx.link(role, item.id),) if role else (m.Text(item.id),)


def _noun(item: diff.Obj) -> tuple[m.Item, ...]:
    return text(diff.NOUNS.get(item.type, item.type))


def _value(value: diff.Value) -> tuple[m.Item, ...]:
    said = diff.shown(value)
    return (m.Text(said),) if said else (NONE,)


def _objects(items: tuple[diff.Obj, ...], ctx: Context, kind: str) -> m.Table:
    """Objects added or removed: ID, type, title, status."""
    rows = [[_link(item, ctx), _noun(item), text(item.title),
             (m.Badge("status", str(item.get("status"))),) if item.get("status") else ()]
            for item in items]
    return table(("ID", "Type", "Title", "Status"), rows, kind=f"changes-{kind}")


def _changed(changed: tuple[diff.Changed, ...], ctx: Context) -> m.Table:
    """A row per changed field: ID, field, old value, new value."""
    rows = [[_link(c.new, ctx), text(f.name), _value(f.old), _value(f.new)]
            for c in changed for f in c.fields]
    return table(("ID", "Field", "Old", "New"), rows, kind="changes-changed")


def _conflicts(pairs: tuple[tuple[diff.Obj, diff.Obj], ...], ctx: Context) -> m.Table:
    """One ID, two objects: where and what each is."""
    def where(item: diff.Obj) -> tuple[m.Item, ...]:
        return (m.Code(item.docname), m.Text(f" {item.title}"))
    rows = [[_link(now, ctx), where(old), where(now)] for old, now in pairs]
    return table(("ID", "Baseline", "Now"), rows, kind="changes-conflicts")


def mark(value: str) -> tuple[m.Item, ...]:
    """The matrix's ``Since`` cell: ``added``, ``changed`` or nothing."""
    return (m.Badge("change", value),) if value else ()
