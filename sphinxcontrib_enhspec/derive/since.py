"""A build compared with a baseline: its own state as export data, and what collections
with ``:since:`` show of the comparison."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import exchange
from .. import query as q
from . import diff
from .traces import Traces


@dataclass(frozen=True)
class Against:
    """The comparison a ``:since:`` collection shows; `problem` says why there is none."""

    name: str
    diff: diff.Diff | None = None
    problem: str = ""


def state(traces: Traces) -> diff.Snapshot:
    """The project's own objects as its export describes them, links resolved."""
    entries: list[tuple[str, dict[str, Any]]] = []

    def add(record: Any, **links: list[str]) -> None:
        if not record.location.external:
            where = {"docname": record.location.docname}
            entries.append((record.objtype, {**exchange.entry(record, where), **links}))

    for spec in traces.specs:
        add(spec, supersedes=[traces.resolve(t, spec.id, "spec") for t in spec.supersedes])
    for req in traces.requirements:
        add(req, depends=traces.depends_of(req))
    for risk in traces.risks:
        add(risk, affects=traces.affects_of(risk))
    for record in [*traces.steps, *traces.milestones]:
        add(record)
    objects: dict[str, diff.Obj] = {}
    for objtype, entry in entries:
        objects.setdefault(entry["id"], diff.obj(objtype, entry))
    return diff.Snapshot(objects, frozenset(diff.TYPES))


def _release(item: diff.Obj, releases: Callable[[str], str]) -> str:
    """An object's release, else its spec's."""
    return str(item.get("release") or "") or releases(diff.spec_of(item))


def matching(query: q.Query, releases: Callable[[str], str]) -> Callable[[diff.Obj], bool]:
    """Accepts the objects that pass the query's filters; `releases` gives a spec's release."""
    def keep(item: diff.Obj) -> bool:
        tags = item.get("tags")
        return q.matches_values(query, {
            "spec": (diff.spec_of(item),), "status": (str(item.get("status") or ""),),
            "kind": (str(item.get("kind") or ""),),
            "category": (str(item.get("category") or ""),),
            "tags": tags if isinstance(tags, tuple) else (),
            "release": (_release(item, releases),),
        })
    return keep


def shown(against: Against | None, query: q.Query, releases: Callable[[str], str]
          ) -> Against | None:
    """The part of a comparison that passes the query's filters."""
    if against is None or against.diff is None:
        return against
    return Against(against.name, diff.select(against.diff, matching(query, releases)))


def marks(against: Against | None) -> dict[str, str]:
    """Full ID -> ``added`` or ``changed``, for the matrix's column; a conflict is a change."""
    if against is None or against.diff is None:
        return {}
    found = against.diff
    out = {item.id: "added" for item in found.added}
    out.update({c.new.id: "changed" for c in found.changed})
    out.update({now.id: "changed" for _, now in found.conflicts})
    return out


def against(name: str, baselines: Mapping[str, Mapping[str, Any] | str], traces: Traces
            ) -> Against | None:
    """The comparison of the build with the export data of baseline `name`, or why there is
    none; None for no name."""
    if not name:
        return None
    base = baselines.get(name)
    if base is None:
        return Against(name, problem="is not a name of enhspec_baselines")
    if isinstance(base, str):
        return Against(name, problem=base)
    return Against(name, diff.compare(diff.snapshot(base), state(traces)))
