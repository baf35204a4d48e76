"""``enhspec.json``: every object with every field, its place, and its resolved links."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from . import __version__
from .collections.specs import spec_row
from .model import ConfigChange, LinkedRecord, Location, MigrationStep, Requirement, Risk, Spec
from .transforms import domain_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from .views import Views

SCHEMA_VERSION = 1
FILENAME = "enhspec.json"


def _place(location: Location, anchor: str, uri: Callable[[str], str]) -> dict[str, Any]:
    place: dict[str, Any] = {"docname": location.docname, "line": location.lineno,
                             "anchor": anchor, "uri": f"{uri(location.docname)}#{anchor}"}
    if location.source:
        place["source"] = location.source
    return place


def _common(record: LinkedRecord, uri: Callable[[str], str]) -> dict[str, Any]:
    fields = asdict(record)
    fields.pop("location")
    fields.pop("objtype")
    fields.pop("body_digest", None)
    return {"type": record.objtype, **fields, **_place(record.location, record.anchor, uri)}


def _spec(views: Views, spec: Spec, uri: Callable[[str], str]) -> dict[str, Any]:
    row = spec_row(views, spec)
    out = _common(spec, uri)
    out["supersedes"] = [views.resolve(t, spec.id, "spec") for t in spec.supersedes]
    out.update(superseded_by=list(row.superseded_by), requirements_done=row.done,
               requirements_total=row.total, open_risks=row.open_risks)
    return out


def _requirement(views: Views, req: Requirement, uri: Callable[[str], str]) -> dict[str, Any]:
    out = _common(req, uri)
    verification = views.verification[req.id]
    out.update(depends=views.depends_of(req), risks=list(views.risks_affecting.get(req.id, ())),
               tests=[{**asdict(t), "outcome": t.outcome if verification.known else None}
                      for t in verification.tests],
               verified=verification.verified if verification.known else None)
    return out


def _risk(views: Views, risk: Risk, uri: Callable[[str], str]) -> dict[str, Any]:
    out = _common(risk, uri)
    out["affects"] = views.affects_of(risk)
    return out


def _change(change: ConfigChange, uri: Callable[[str], str]) -> dict[str, Any]:
    fields = asdict(change)
    fields.pop("location")
    return {"type": "config-change", "id": change.id, **fields,
            **_place(change.location, change.anchor, uri)}


def document(views: Views, uri: Callable[[str], str], project: str) -> dict[str, Any]:
    """The export as plain data, in a deterministic order; other projects' objects stay out."""
    views = views.local()
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"sphinxcontrib-enhspec {__version__}",
        "project": project,
        "specs": [_spec(views, s, uri) for s in views.specs],
        "requirements": [_requirement(views, r, uri) for r in views.requirements],
        "risks": [_risk(views, r, uri) for r in views.risks],
        "migration_steps": [_common(s, uri) for s in views.steps if isinstance(s, MigrationStep)],
        "config_changes": [_change(c, uri) for c in views.changes],
    }


def write_export(app: Sphinx, exception: BaseException | None) -> None:
    """Write ``enhspec.json`` into the output folder after every successful build."""
    if exception is not None or not app.config.enhspec_json_export:
        return
    builder = app.builder

    def uri(docname: str) -> str:
        if builder.format == "html":
            return builder.get_target_uri(docname)
        return f"{docname}.html"

    data = document(domain_of(app.env).views, uri, app.config.project)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    os.makedirs(builder.outdir, exist_ok=True)
    with open(os.path.join(builder.outdir, FILENAME), "w", encoding="utf-8") as stream:
        stream.write(text)
