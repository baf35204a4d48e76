"""``enhspec.json``: every object with every field, its place, and its resolved links."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
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


@dataclass(frozen=True)
class Site:
    """Where objects end up: each page's URI, and the folder source paths are relative to."""

    uri: Callable[[str], str]
    srcdir: str = ""
FILENAME = "enhspec.json"


def _place(location: Location, anchor: str, site: Site) -> dict[str, Any]:
    place: dict[str, Any] = {"docname": location.docname, "line": location.lineno,
                             "anchor": anchor, "uri": f"{site.uri(location.docname)}#{anchor}"}
    if location.source:
        place["source"] = os.path.relpath(location.source, site.srcdir).replace(os.sep, "/")
    return place


def _common(record: LinkedRecord, site: Site) -> dict[str, Any]:
    fields = asdict(record)
    fields.pop("location")
    fields.pop("objtype")
    fields.pop("body_digest", None)
    return {"type": record.objtype, **fields, **_place(record.location, record.anchor, site)}


def _spec(views: Views, spec: Spec, site: Site) -> dict[str, Any]:
    row = spec_row(views, spec)
    out = _common(spec, site)
    out["supersedes"] = [views.resolve(t, spec.id, "spec") for t in spec.supersedes]
    out.update(superseded_by=list(row.superseded_by), requirements_done=row.done,
               requirements_total=row.total, open_risks=row.open_risks)
    return out


def _requirement(views: Views, req: Requirement, site: Site) -> dict[str, Any]:
    out = _common(req, site)
    verification = views.verification[req.id]
    out.update(depends=views.depends_of(req), risks=list(views.risks_affecting.get(req.id, ())),
               tests=[{**asdict(t), "outcome": t.outcome if verification.known else None}
                      for t in verification.tests],
               verified=verification.verified if verification.known else None)
    return out


def _risk(views: Views, risk: Risk, site: Site) -> dict[str, Any]:
    out = _common(risk, site)
    out["affects"] = views.affects_of(risk)
    return out


def _change(change: ConfigChange, site: Site) -> dict[str, Any]:
    fields = asdict(change)
    fields.pop("location")
    return {"type": "config-change", "id": change.id, **fields,
            **_place(change.location, change.anchor, site)}


def document(views: Views, site: Site, project: str) -> dict[str, Any]:
    """The export as plain data, in a deterministic order; other projects' objects stay out."""
    views = views.local()
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"sphinxcontrib-enhspec {__version__}",
        "project": project,
        "specs": [_spec(views, s, site) for s in views.specs],
        "requirements": [_requirement(views, r, site) for r in views.requirements],
        "risks": [_risk(views, r, site) for r in views.risks],
        "migration_steps": [_common(s, site) for s in views.steps
                            if isinstance(s, MigrationStep)],
        "config_changes": [_change(c, site) for c in views.changes],
    }


def write_export(app: Sphinx, exception: BaseException | None) -> None:
    """Write ``enhspec.json`` into the output folder after every successful build."""
    if exception is not None or not app.config.enhspec_json_export:
        return
    builder = app.builder

    def uri(docname: str) -> str:
        target = builder.get_target_uri(docname) if builder.format == "html" else ""
        if not target or target.startswith("#"):  # not HTML, or one page for all (singlehtml)
            page = app.config.root_doc if target else docname
            return f"{page}.html"
        return target

    data = document(domain_of(app.env).views, Site(uri, str(app.srcdir)), app.config.project)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    os.makedirs(builder.outdir, exist_ok=True)
    with open(os.path.join(builder.outdir, FILENAME), "w", encoding="utf-8") as stream:
        stream.write(text)
