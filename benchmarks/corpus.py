"""Generate the same corpus of specs in four flavors.

- ``plain``: the same prose and headings, requirements as paragraphs; no extension and no
  collections (the floor);
- ``tables``: plain with a label on each object, plus the pages the collections make,
  written by hand: list-tables of the same rows and columns with the same links, the
  spec index, the risk register with its grid and the migration guide;
- ``enhspec``: the directives, and pages with the full matrix, per-kind matrices, the spec
  index, the risk register and a migration guide;
- ``needs``: sphinx-needs ``req`` directives with links, and ``needtable`` pages.

Two shapes: ``template`` specs follow the sections of the project's spec template (prose,
lists and code blocks around the objects); ``dense`` specs hold nothing but the objects,
the worst case for the ratio to the floor.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

KINDS = (("ER", "enhancement"), ("CR", "compatibility"), ("PR", "performance"))
SHAPES = ("template", "dense")
RELEASES = 10
PROSE = ("This section describes the enhancement in plain words. It explains what changes, "
         "why it matters to the people who use the module, and how the change is rolled out "
         "without breaking existing configurations.")
CONF = {
    "plain": 'project = "bench"\nextensions = []\n',
    "tables": 'project = "bench"\nextensions = []\n',
    "enhspec": 'project = "bench"\nextensions = ["sphinxcontrib_enhspec"]\n',
    "needs": ('project = "bench"\nextensions = ["sphinx_needs"]\n'
              'needs_types = [\n'
              '    {"directive": "req", "title": "Requirement", "prefix": "R_"},\n'
              '    {"directive": "risk", "title": "Risk", "prefix": "K_"},\n'
              '    {"directive": "mig", "title": "Migration step", "prefix": "M_"},\n'
              ']\nneeds_extra_options = ["kind", "spec", "verified_by"]\n'
              'suppress_warnings = ["needs"]\n'),
}
#: The template's sections after the requirements: (heading, subsections); a subsection
#: named "*" holds the spec's migration step, "!" its risk.
LATER_SECTIONS = (
    ("Implementation Plan", ("Phase 1: Core Enhancement", "Phase 2: Integration",
                             "Phase 3: Documentation and Testing")),
    ("Impact Analysis", ("Code Impact", "User Impact", "Performance Impact")),
    ("Migration Strategy", ("Backward Compatibility", "*", "Migration Tools")),
    ("Testing Requirements", ("Enhanced Testing", "Migration Testing",
                              "User Acceptance Testing")),
    ("Documentation Updates", ("Code Documentation", "User Documentation",
                               "Migration Documentation")),
    ("Acceptance Criteria", ("Technical Criteria", "Functional Criteria", "User Criteria")),
    ("Risks and Mitigation", ("!",)),
    ("Timeline", ("Development Timeline", "Rollout Timeline")),
)
CONFIG_BLOCK = (".. code-block:: yaml", "", "   exporter:", "     existing_param: value",
                "     new_feature:", "       option1: value1", "       option2: value2")
API_BLOCK = (".. code-block:: python", "", "   class Exporter:",
             "       def export(self, workers: int = 1) -> Report:",
             '           """Export with the given number of workers."""', "",
             "       def plan(self) -> Plan:", '           """What an export would do."""')


def req_kind(k: int) -> tuple[str, str]:
    """The kind prefix and name of the k-th requirement of a spec."""
    return KINDS[(k - 1) % len(KINDS)]


def spec_id(s: int) -> str:
    """The ID of spec number `s`."""
    return f"ENH-{s:04d}"


def label(ident: str) -> str:
    """The hand-written label of an object in the ``tables`` flavor."""
    return ident.lower().replace(".", "-")


def ref(ident: str) -> str:
    """A hand-written link to an object in the ``tables`` flavor."""
    return f":ref:`{ident} <{label(ident)}>`"


def heading(text: str, underline: str) -> list[str]:
    """A section title."""
    return [text, underline * len(text), ""]


def bullets(topic: str) -> list[str]:
    """The short list a template section holds."""
    return [f"- {topic}: the first point to settle.", f"- {topic}: what the module changes.",
            f"- {topic}: what users must know.", ""]


def spec_head(flavor: str, s: int, shape: str) -> list[str]:
    """The spec's title and metadata."""
    sid, title = spec_id(s), f"Spec {s}: enhancement number {s}"
    status, release = ("approved" if s % 2 else "draft"), f"1.{s % RELEASES}"
    out = ([f".. _{label(sid)}:", ""] if flavor == "tables" else []) + heading(title, "=")
    if flavor == "enhspec":
        out += [f".. enhancement-spec:: {sid} {title}", f"   :status: {status}",
                f"   :release: {release}", "   :module: core", "   :version: 1.0",
                "   :date: 2026-11-02", "   :author: Ada Author"]
        return [*out, "", f"   {PROSE}", ""]
    if shape == "dense":
        return [*out, f"{sid}: {title}. Status {status}, release {release}, "
                      "version 1.0 of 2026-11-02 by Ada Author.", "", PROSE, ""]
    return [*out, f":ID: {sid}", ":Version: 1.0", ":Date: 2026-11-02", f":Status: {status}",
            ":Authors: Ada Author", ":Module: core", f":Release: {release}", "", PROSE, ""]


def requirement(flavor: str, s: int, k: int, first: int = 1) -> list[str]:
    """Requirement `k` of spec `s`; the first requirement of each spec after `first`
    depends on the previous spec's."""
    sid = spec_id(s)
    prefix, kind = req_kind(k)
    local, status = f"{prefix}{k}", "done" if k % 3 == 0 else "open"
    dep = f"{spec_id(s - 1)}.ER1" if s > first and k == 1 else ""
    title = f"Requirement {k} of spec {s}"
    text = f"Requirement {k} of spec {s} is met when the {kind} behaviour is in place."
    if flavor == "enhspec":
        return [f".. requirement:: {local} {title}", f"   :status: {status}",
                *([f"   :depends: {dep}"] if dep else []), "", f"   {text}", ""]
    if flavor == "needs":
        return [f".. req:: {title}", f"   :id: {sid}_{local}", f"   :status: {status}",
                f"   :kind: {kind}", f"   :spec: {sid}",
                *([f"   :links: {dep.replace('.', '_')}"] if dep else []),
                "", f"   {text}", ""]
    own = [f".. _{label(f'{sid}.{local}')}:", ""] if flavor == "tables" else []
    return [*own, f"**{sid}.{local}** {title}", "", text, ""]


def risk(flavor: str, s: int) -> list[str]:
    """The spec's risk."""
    sid = spec_id(s)
    if flavor == "enhspec":
        return [".. risk:: R1 The change breaks a workflow", "   :likelihood: medium",
                "   :impact: high", "   :affects: ER1", "   :mitigation: Test it first.", ""]
    if flavor == "needs":
        return [".. risk:: The change breaks a workflow", f"   :id: {sid}_R1",
                f"   :links: {sid}_ER1", "", "   Test it first.", ""]
    own = [f".. _{label(f'{sid}.R1')}:", ""] if flavor == "tables" else []
    return [*own, f"Risk of spec {s}: the change breaks a workflow. Test it first.", ""]


def step(flavor: str, s: int) -> list[str]:
    """The spec's migration step."""
    if flavor == "enhspec":
        return [".. migration-step:: Update the configuration", "", "   Edit the file.", ""]
    if flavor == "needs":
        return [".. mig:: Update the configuration", f"   :id: {spec_id(s)}_M1", "",
                "   Edit the file.", ""]
    own = [f".. _{label(f'{spec_id(s)}.M1')}:", ""] if flavor == "tables" else []
    return [*own, "Update the configuration: edit the file.", ""]


def spec_page(flavor: str, s: int, reqs: int, shape: str = "template", first: int = 1) -> str:
    """One spec document."""
    out = spec_head(flavor, s, shape)
    if shape == "dense":
        out += heading("Requirements", "-")
        for k in range(1, reqs + 1):
            out += requirement(flavor, s, k, first)
        out += heading("Risks", "-") + risk(flavor, s)
        out += heading("Migration", "-") + step(flavor, s)
        return "\n".join(out) + "\n"
    out += heading("Overview", "-")
    for part in ("Current State", "Proposed Enhancement", "Motivation"):
        out += [*heading(part, "~"), PROSE, ""]
    out += heading("Requirements", "-")
    for prefix, kind in KINDS:
        out += heading(f"{kind.capitalize()} Requirements", "~")
        for k in (k for k in range(1, reqs + 1) if req_kind(k)[0] == prefix):
            out += requirement(flavor, s, k, first)
    out += heading("Design Changes", "-")
    out += [*heading("Configuration Changes", "~"), *CONFIG_BLOCK, ""]
    out += [*heading("API Changes", "~"), *API_BLOCK, ""]
    out += heading("Data Structure Changes", "~") + bullets("Data")
    for section, parts in LATER_SECTIONS:
        out += heading(section, "-")
        for part in parts:
            if part == "*":
                out += heading("Migration Steps", "~") + step(flavor, s)
            elif part == "!":
                out += [PROSE, "", *risk(flavor, s)]
            else:
                out += heading(part, "~") + bullets(part)
    return "\n".join(out) + "\n"


def list_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A hand-written list-table."""
    out = [".. list-table::", "   :header-rows: 1", ""]
    for cells in [headers, *rows]:
        out += [f"   {'*' if i == 0 else ' '} - {cell}".rstrip() for i, cell in enumerate(cells)]
    return [*out, ""]


def matrix_page(specs: int, reqs: int, kind: str | None) -> list[str]:
    """The ``tables`` flavor's matrix: the columns and summary the default matrix shows."""
    rows, done = [], 0
    for s in range(1, specs + 1):
        for k in range(1, reqs + 1):
            prefix, name = req_kind(k)
            if kind and name != kind:
                continue
            status = "done" if k % 3 == 0 else "open"
            done += status == "done"
            rid = f"{spec_id(s)}.{prefix}{k}"
            box = "\u2611" if status == "done" else "\u2610"
            rows.append([ref(rid), f"Requirement {k} of spec {s}", f"{box} {status}",
                         ref(spec_id(s)), "",
                         ref(f"{spec_id(s)}.R1") if k == 1 else ""])
    summary = f"{len(rows)} requirements, {done} done, 0 verified (0%)"
    return [*list_table(["ID", "Title", "Status", "Spec", "Verified by", "Risks"], rows),
            summary, ""]


def overview_page(specs: int, reqs: int) -> list[str]:
    """The ``tables`` flavor's spec index, risk register and migration guide."""
    out: list[str] = []
    open_reqs = sum(1 for k in range(1, reqs + 1) if k % 3 != 0)
    for status, parity in (("draft", 0), ("approved", 1)):
        out += [f".. rubric:: {status}", ""]
        out += list_table(
            ["ID", "Title", "Status", "Version", "Date", "Authors", "Module", "Release",
             "Requirements", "Open risks", "Tasks"],
            ([ref(spec_id(s)), f"Spec {s}: enhancement number {s}", status, "1.0",
              "2026-11-02", "Ada Author", "core", f"1.{s % RELEASES}",
              f"{reqs - open_reqs}/{reqs}", "1", "0/0"] for s in range(1, specs + 1)
             if s % 2 == parity))
    out += list_table(
        ["ID", "Title", "Category", "Likelihood", "Impact", "Status", "Mitigation", "Affects"],
        ([ref(f"{spec_id(s)}.R1"), "The change breaks a workflow", "", "medium", "high",
          "open", "Test it first.", ref(f"{spec_id(s)}.ER1")] for s in range(1, specs + 1)))
    every = ", ".join(ref(f"{spec_id(s)}.R1") for s in range(1, specs + 1))
    out += list_table(["Likelihood \\\\ impact", "low", "medium", "high"],
                      [["high", "", "", ""], ["medium", "", "", every], ["low", "", "", ""]])
    for r in range(RELEASES):
        out += heading(f"Release 1.{r}", "-")
        members = [s for s in range(1, specs + 1) if s % RELEASES == r]
        for s in members:
            out += [f"{ref(f'{spec_id(s)}.M1')} Update the configuration", "",
                    "Edit the file.", ""]
        out += [f"- {ref(f'{spec_id(s)}.{p}{k}')} Requirement {k} of spec {s}"
                for s in members for k in range(1, reqs + 1) for p in [req_kind(k)[0]]
                if p == "CR"] + [""]
    return out


def collection_pages(flavor: str, specs: int, reqs: int) -> dict[str, str]:
    """The pages that show collections (none in the floor)."""
    if flavor == "plain":
        return {}
    pages: dict[str, list[str]] = {"matrix": heading("Matrix", "=")}
    for _, kind in KINDS:
        pages[f"matrix-{kind}"] = heading(f"Matrix: {kind}", "=")
    pages["overview"] = heading("Overview", "=")
    if flavor == "enhspec":
        pages["matrix"] += [".. traceability-matrix::"]
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += [".. traceability-matrix::", f"   :kind: {kind}"]
        pages["overview"] += [".. spec-index::", "", ".. risk-register::", "   :matrix:", "",
                              ".. migration-guide::"]
    elif flavor == "needs":
        # The matrix's default columns: ID, title, status, spec, tests, and the risks
        # that link to the requirement.
        columns = "   :columns: id, title, status, spec, verified_by, incoming"
        pages["matrix"] += [".. needtable::", "   :types: req", columns]
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += [".. needtable::", f"   :filter: kind == '{kind}'",
                                        columns]
        pages["overview"] += [".. needtable::", "   :types: risk", "", ".. needtable::",
                              "   :types: mig"]
    else:
        pages["matrix"] += matrix_page(specs, reqs, None)
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += matrix_page(specs, reqs, kind)
        pages["overview"] += overview_page(specs, reqs)
    return {name: "\n".join(lines) + "\n" for name, lines in pages.items()}


def generate(flavor: str, specs: int, reqs: int, out: Path, *, sidebar: bool = True,
             shape: str = "template", first: int = 1, collections: bool = True,
             conf: str = "") -> Path:
    """Write the corpus of one flavor into `out` (emptied first): specs `first` to
    `first + specs - 1`, and the pages of the collections unless told not to."""
    if out.exists():
        shutil.rmtree(out)
    (out / "specs").mkdir(parents=True)
    conf = CONF[flavor] + conf
    if not sidebar:
        conf += 'html_sidebars = {"**": ["searchbox.html"]}\n'
    (out / "conf.py").write_text(conf)
    for s in range(first, first + specs):
        (out / "specs" / f"enh-{s:04d}.rst").write_text(
            spec_page(flavor, s, reqs, shape, first))
    pages = collection_pages(flavor, specs, reqs) if collections else {}
    for name, text in pages.items():
        (out / f"{name}.rst").write_text(text)
    toctree = [*heading("Bench", "="), ".. toctree::", "   :glob:", "", "   specs/*",
               *(f"   {name}" for name in pages)]
    (out / "index.rst").write_text("\n".join(toctree) + "\n")
    return out


def main() -> None:
    """``python corpus.py FLAVOR SPECS REQS OUT [--shape dense]``."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("flavor", choices=sorted(CONF))
    args.add_argument("specs", type=int)
    args.add_argument("reqs", type=int)
    args.add_argument("out", type=Path)
    args.add_argument("--shape", choices=SHAPES, default="template")
    ns = args.parse_args()
    generate(ns.flavor, ns.specs, ns.reqs, ns.out, shape=ns.shape)


if __name__ == "__main__":
    main()
