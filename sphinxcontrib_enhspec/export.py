"""After the build: ``enhspec.json``, every object with every field, its place and its links."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, cast

from . import exchange
from .__about__ import __version__
from .derive.milestones import is_overdue
from .derive.traces import Traces
from .model import MigrationStep

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import EnhspecDomain

def document(traces: Traces, page_uri: Callable[[str], str], srcdir: str,
             project: str) -> dict[str, Any]:
    """The export as plain data, in a deterministic order; other projects' objects stay out."""

    def at(record: Any) -> dict[str, Any]:
        location = record.location
        return exchange.place(location, record.anchor, page_uri(location.docname), srcdir)

    def local(records: list[Any]) -> list[Any]:
        return [r for r in records if not r.location.external]

    today = traces.cfg.build_date
    specs = []
    for spec in local(traces.specs):
        counts = traces.counts[spec.id]
        out = exchange.entry(spec, at(spec))
        out["supersedes"] = list(counts.supersedes)
        out.update(superseded_by=list(counts.superseded_by), requirements_done=counts.done,
                   requirements_total=counts.total, open_risks=counts.open_risks,
                   tasks_done=counts.tasks_done, tasks_total=counts.tasks_total)
        specs.append(out)
    requirements = []
    for req in local(traces.requirements):
        verification = traces.verification[req.id]
        out = exchange.entry(req, at(req))
        out.update(
            depends=traces.depends_of(req), risks=list(traces.risks_affecting.get(req.id, ())),
            tests=[{**asdict(t), "outcome": t.outcome if verification.known else None}
                   for t in verification.tests],
            verified=verification.verified if verification.known else None)
        requirements.append(out)
    return {
        "schema_version": exchange.SCHEMA_VERSION,
        "generator": f"sphinxcontrib-enhspec {__version__}",
        "project": project,
        "specs": specs,
        "requirements": requirements,
        "risks": [{**exchange.entry(r, at(r)), "affects": traces.affects_of(r)}
                  for r in local(traces.risks)],
        "migration_steps": [exchange.entry(s, at(s)) for s in local(traces.steps)
                            if isinstance(s, MigrationStep)],
        "milestones": [{**exchange.entry(ms, at(ms)), "overdue": is_overdue(ms, today)}
                       for ms in local(traces.milestones)],
        exchange.CONFIG_CHANGES: [exchange.change_entry(c, at(c)) for c in traces.changes],
        exchange.API_CHANGES: [exchange.change_entry(c, at(c)) for c in traces.api_changes],
        exchange.TASKS: [exchange.task_entry(t, srcdir) for t in traces.catalog.tasks],
    }


def write_export(app: Sphinx, exception: BaseException | None) -> None:
    """Write ``enhspec.json`` into the output folder after every successful build."""
    if exception is not None or not app.config.enhspec_json_export:
        return
    builder = app.builder

    def page_uri(docname: str) -> str:
        target = builder.get_target_uri(docname) if builder.format == "html" else ""
        if not target or target.startswith("#"):  # not HTML, or one page for all (singlehtml)
            page = app.config.root_doc if target else docname
            return f"{page}.html"
        return target

    domain = cast("EnhspecDomain", app.env.domains["enhspec"])
    data = document(domain.traces, page_uri, str(app.srcdir), app.config.project)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    os.makedirs(builder.outdir, exist_ok=True)
    with open(os.path.join(builder.outdir, exchange.FILENAME), "w", encoding="utf-8") as stream:
        stream.write(text)
