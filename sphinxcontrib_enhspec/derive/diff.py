"""Two states of a project's objects compared by full ID: added, removed, changed, conflicts.

Both states are export data (``enhspec.json``), so a file of any schema version compares
with a build: a field compares only when both sides have it, and a kind of object that
one side does not list at all (milestones before schema 2) is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..exchange import LISTS
from ..ids import natural_key

#: Object types in the order a comparison lists them.
TYPES = tuple(cls.objtype for cls in LISTS.values())
NOUNS = {"spec": "spec", "requirement": "requirement", "risk": "risk",
         "migration-step": "migration step", "milestone": "milestone"}
#: Where an object is written: not what it says.
PLACE = frozenset({"docname", "line", "uri", "anchor", "source"})
#: Counted or derived from other objects or from test results; the ID is the match key.
DERIVED = frozenset({"id", "type", "fingerprint", "superseded_by", "requirements_done",
                     "requirements_total", "open_risks", "tasks_done", "tasks_total",
                     "overdue", "verified", "tests", "risks"})
#: What a comparison can find, as ``--fail-on`` names it.
KINDS = ("added", "removed", "changed", "conflict")

Value = str | int | float | bool | tuple[str, ...] | None


@dataclass(frozen=True)
class Obj:
    """One object of one state: its type, full ID, document and compared fields by name."""

    type: str
    id: str
    docname: str
    fields: tuple[tuple[str, Value], ...]

    def get(self, name: str) -> Value:
        """A field's value ('' when the state does not have it)."""
        return next((value for key, value in self.fields if key == name), "")

    @property
    def title(self) -> str:
        """The object's title."""
        return str(self.get("title") or "")


@dataclass(frozen=True)
class Snapshot:
    """A state: its objects by full ID, and the object types it lists at all."""

    objects: Mapping[str, Obj]
    types: frozenset[str]


@dataclass(frozen=True)
class FieldChange:
    """A field whose value differs: its name, old value and new value."""

    name: str
    old: Value
    new: Value


@dataclass(frozen=True)
class Changed:
    """An object in both states, and the fields that differ."""

    old: Obj
    new: Obj
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Transition:
    """How many objects of a type went from one status to another."""

    type: str
    old: str
    new: str
    count: int

    def __str__(self) -> str:
        noun = NOUNS.get(self.type, self.type)
        return f"{self.count} {noun}{'s' if self.count != 1 else ''} {self.old} \u2192 {self.new}"


@dataclass(frozen=True)
class Diff:
    """What changed between two states; each part in type, then ID order."""

    added: tuple[Obj, ...] = ()
    removed: tuple[Obj, ...] = ()
    changed: tuple[Changed, ...] = ()
    #: One ID naming two different objects (baseline's, then now's).
    conflicts: tuple[tuple[Obj, Obj], ...] = ()
    transitions: tuple[Transition, ...] = field(default=())

    @property
    def found(self) -> dict[str, int]:
        """How many of each kind (`KINDS`) were found."""
        return {"added": len(self.added), "removed": len(self.removed),
                "changed": len(self.changed), "conflict": len(self.conflicts)}

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any(self.found.values())


def value(raw: Any) -> Value:
    """An export value in comparable form: lists become tuples of text."""
    if isinstance(raw, (list, tuple)):
        return tuple(str(item) for item in raw)
    if raw is None or isinstance(raw, (str, int, float, bool)):
        return raw
    return str(raw)


def shown(raw: Value) -> str:
    """A value as text."""
    if isinstance(raw, tuple):
        return ", ".join(raw)
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    return "" if raw is None else str(raw)


def obj(objtype: str, entry: Mapping[str, Any]) -> Obj:
    """The compared form of one export entry."""
    fields = tuple(sorted((name, value(raw)) for name, raw in entry.items()
                          if name not in PLACE and name not in DERIVED))
    return Obj(objtype, str(entry["id"]), str(entry.get("docname") or ""), fields)


def snapshot(data: Mapping[str, Any]) -> Snapshot:
    """A state from export data; the first object of an ID stands, as in a build."""
    objects: dict[str, Obj] = {}
    types = set()
    for key, cls in LISTS.items():
        listed = data.get(key)
        if not isinstance(listed, list):
            continue
        types.add(cls.objtype)
        for entry in listed:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                objects.setdefault(entry["id"], obj(cls.objtype, entry))
    return Snapshot(objects, frozenset(types))


def _order(item: Obj) -> tuple[int, tuple[tuple[int, int | str], ...]]:
    return (TYPES.index(item.type) if item.type in TYPES else len(TYPES), natural_key(item.id))


def _conflict(old: Obj, new: Obj) -> bool:
    """Two different objects under one ID: another document and another title."""
    return bool(old.docname and new.docname and old.docname != new.docname
                and old.title != new.title)


def _fields(old: Obj, new: Obj) -> tuple[FieldChange, ...]:
    """The fields both have whose values differ, and the type when it differs."""
    before = dict(old.fields)
    out = [FieldChange("type", old.type, new.type)] if old.type != new.type else []
    out += sorted((FieldChange(name, before[name], now) for name, now in new.fields
                   if name in before and before[name] != now), key=_field_order)
    return tuple(out)


def _field_order(change: FieldChange) -> tuple[int, str]:
    """Title and status first, then the other fields by name."""
    first = ("title", "status")
    return (first.index(change.name) if change.name in first else len(first), change.name)


def transitions(changed: Iterable[Changed]) -> tuple[Transition, ...]:
    """The status changes summed up per type and (old, new) status, most first."""
    counts = Counter((c.new.type, str(f.old), str(f.new))
                     for c in changed for f in c.fields if f.name == "status")
    ordered = sorted(counts.items(), key=lambda item: (
        TYPES.index(item[0][0]) if item[0][0] in TYPES else len(TYPES), -item[1], item[0]))
    return tuple(Transition(kind, old, new, n) for (kind, old, new), n in ordered)


def compare(old: Snapshot, new: Snapshot) -> Diff:
    """What changed from `old` to `new`, over the object types both list."""
    types = old.types & new.types
    added: list[Obj] = []
    removed: list[Obj] = []
    changed: list[Changed] = []
    conflicts: list[tuple[Obj, Obj]] = []
    for ident in sorted(old.objects.keys() | new.objects.keys(), key=natural_key):
        before, now = old.objects.get(ident), new.objects.get(ident)
        if before is None or now is None:
            present = before or now
            if present is not None and present.type in types:
                (removed if now is None else added).append(present)
        elif before.type in types and now.type in types:
            if _conflict(before, now):
                conflicts.append((before, now))
            elif fields := _fields(before, now):
                changed.append(Changed(before, now, fields))
    return make(added, removed, changed, conflicts)


def make(added: Iterable[Obj], removed: Iterable[Obj], changed: Iterable[Changed],
         conflicts: Iterable[tuple[Obj, Obj]]) -> Diff:
    """A diff of these parts, each sorted, with its transitions summed up."""
    kept = tuple(sorted(changed, key=lambda c: _order(c.new)))
    return Diff(tuple(sorted(added, key=_order)), tuple(sorted(removed, key=_order)), kept,
                tuple(sorted(conflicts, key=lambda pair: _order(pair[1]))), transitions(kept))


def select(diff: Diff, keep: Callable[[Obj], bool]) -> Diff:
    """The part of `diff` about objects `keep` accepts (on either side, for changes)."""
    return make([o for o in diff.added if keep(o)], [o for o in diff.removed if keep(o)],
                [c for c in diff.changed if keep(c.old) or keep(c.new)],
                [p for p in diff.conflicts if keep(p[0]) or keep(p[1])])


def spec_of(item: Obj) -> str:
    """The spec an object belongs to: its own ID for a spec."""
    return item.id if item.type == "spec" else str(item.get("spec") or "")


def of_specs(specs: Collection[str]) -> Callable[[Obj], bool]:
    """Accepts the objects of the named specs (the specs themselves included)."""
    return lambda item: spec_of(item) in specs
