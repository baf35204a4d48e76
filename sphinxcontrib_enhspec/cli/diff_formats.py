"""A comparison of two exports as text, as Markdown for a pull-request comment, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from ..derive import diff

ARROW = "\u2192"


def counted(found: diff.Diff) -> str:
    """``1 added, 2 removed, 3 changed, 0 conflicts``."""
    n = found.found
    return (f"{n['added']} added, {n['removed']} removed, {n['changed']} changed, "
            f"{n['conflict']} conflict{'s' if n['conflict'] != 1 else ''}")


def _said(value: diff.Value) -> str:
    return diff.shown(value) or "(none)"


def _head(item: diff.Obj) -> str:
    """``requirement ENH-1.ER1: Title``."""
    return f"{diff.NOUNS.get(item.type, item.type)} {item.id}: {item.title}"


def text(found: diff.Diff, old: str, new: str) -> str:
    """Plain text, a line per object and an indented line per changed field."""
    lines = [f"{old} {ARROW} {new}: {counted(found)}"]
    if found.transitions:
        lines.append("Status: " + ", ".join(map(str, found.transitions)))
    for title, items in (("Added", found.added), ("Removed", found.removed)):
        if items:
            lines.append(f"{title}:")
            lines += [f"  {_head(item)} [{_said(item.get('status'))}]" for item in items]
    if found.changed:
        lines.append("Changed:")
        for change in found.changed:
            lines.append(f"  {_head(change.new)}")
            lines += [f"    {f.name}: {_said(f.old)} {ARROW} {_said(f.new)}"
                      for f in change.fields]
    if found.conflicts:
        lines.append("Conflicts:")
        lines += [f"  {now.id}: {before.docname} ({before.title}) / {now.docname} ({now.title})"
                  for before, now in found.conflicts]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """Text safe in a Markdown table cell of a pull-request comment."""
    escaped = value.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return " ".join(escaped.split())


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    heads = list(headers)
    out = ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def markdown(found: diff.Diff, old: str, new: str) -> str:
    """A heading, the status transitions, and a table per part, for a pull-request comment."""
    out = ["## Specification changes", "", f"`{_cell(old)}` {ARROW} `{_cell(new)}`: "
           f"{counted(found)}.", ""]
    if found.transitions:
        out += ["**Status:** " + ", ".join(map(str, found.transitions)) + ".", ""]
    row: Callable[[diff.Obj], list[str]] = lambda item: [  # noqa: E731
        f"`{item.id}`", diff.NOUNS.get(item.type, item.type), item.title,
        diff.shown(item.get("status"))]
    for title, items in (("Added", found.added), ("Removed", found.removed)):
        if items:
            out += [f"### {title}", "", *_table(("ID", "Type", "Title", "Status"),
                                                 map(row, items))]
    if found.changed:
        rows = ([f"`{c.new.id}`", f.name, _said(f.old), _said(f.new)]
                for c in found.changed for f in c.fields)
        out += ["### Changed", "", *_table(("ID", "Field", "Old", "New"), rows)]
    if found.conflicts:
        rows = ([f"`{now.id}`", f"{before.docname}: {before.title}", f"{now.docname}: {now.title}"]
                for before, now in found.conflicts)
        out += ["### Conflicts", "", *_table(("ID", "Old", "New"), rows)]
    return "\n".join(out).rstrip("\n") + "\n"


def _plain(value: diff.Value) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _obj(item: diff.Obj) -> dict[str, Any]:
    return {"type": item.type, "id": item.id, "title": item.title, "docname": item.docname,
            "status": _plain(item.get("status"))}


def as_json(found: diff.Diff, old: str, new: str) -> str:
    """The comparison as JSON of a stable shape (see the documentation of ``enhspec diff``)."""
    data = {
        "format": 1, "old": old, "new": new, "counts": found.found,
        "transitions": [{"type": t.type, "from": t.old, "to": t.new, "count": t.count}
                        for t in found.transitions],
        "added": [_obj(item) for item in found.added],
        "removed": [_obj(item) for item in found.removed],
        "changed": [{**_obj(c.new), "fields": [
            {"field": f.name, "old": _plain(f.old), "new": _plain(f.new)} for f in c.fields]}
            for c in found.changed],
        "conflicts": [{"id": now.id, "old": _obj(before), "new": _obj(now)}
                      for before, now in found.conflicts],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[diff.Diff, str, str], str]] = {
    "text": text, "markdown": markdown, "json": as_json}
