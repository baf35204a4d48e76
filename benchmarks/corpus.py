"""Generate the same corpus of specs in four flavors.

- ``plain``: the same prose and headings, requirements as paragraphs; no extension and no
  collections (the floor);
- ``tables``: plain, plus hand-written list-tables of the same rows the collections show;
- ``enhspec``: the directives, and pages with the full matrix, per-kind matrices, the spec
  index, the risk register and a migration guide;
- ``needs``: sphinx-needs ``req`` directives with links, and ``needtable`` pages.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

KINDS = (("ER", "enhancement"), ("CR", "compatibility"), ("PR", "performance"))
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
              ']\nneeds_extra_options = ["kind"]\nsuppress_warnings = ["needs"]\n'),
}


def req_kind(k: int) -> tuple[str, str]:
    """The kind prefix and name of the k-th requirement of a spec."""
    return KINDS[(k - 1) % len(KINDS)]


def spec_page(flavor: str, s: int, reqs: int) -> str:
    """One spec document."""
    sid = f"ENH-{s:04d}"
    title = f"Spec {s}: enhancement number {s}"
    out = [title, "=" * len(title), ""]
    if flavor == "enhspec":
        out += [f".. enhancement-spec:: {sid} {title}", "   :status: approved" if s % 2
                else "   :status: draft", f"   :release: 1.{s % 10}", "   :module: core", "",
                f"   {PROSE}", ""]
    else:
        out += [f"{sid}: {title}. Status approved, release 1.{s % 10}.", "", PROSE, ""]
    out += ["Requirements", "-" * 12, ""]
    for k in range(1, reqs + 1):
        prefix, kind = req_kind(k)
        local = f"{prefix}{k}"
        dep = f"ENH-{s - 1:04d}.ER1" if s > 1 and k == 1 else ""
        text = f"Requirement {k} of spec {s} is met when the {kind} behaviour is in place."
        if flavor == "enhspec":
            out += [f".. requirement:: {local} Requirement {k} of spec {s}",
                    f"   :status: {'done' if k % 3 == 0 else 'open'}"]
            out += [f"   :depends: {dep}"] if dep else []
            out += ["", f"   {text}", ""]
        elif flavor == "needs":
            out += [f".. req:: Requirement {k} of spec {s}", f"   :id: {sid}_{local}",
                    f"   :status: {'done' if k % 3 == 0 else 'open'}", f"   :kind: {kind}"]
            out += [f"   :links: {dep.replace('.', '_')}"] if dep else []
            out += ["", f"   {text}", ""]
        else:
            out += [f"**{sid}.{local}** Requirement {k} of spec {s}", "", text, ""]
    out += ["Risks", "-----", ""]
    risk = f"Risk of spec {s}: the change breaks a workflow."
    if flavor == "enhspec":
        out += [".. risk:: R1 The change breaks a workflow", "   :likelihood: medium",
                "   :impact: high", "   :affects: ER1", "   :mitigation: Test it first.", ""]
    elif flavor == "needs":
        out += [".. risk:: The change breaks a workflow", f"   :id: {sid}_R1",
                f"   :links: {sid}_ER1", "", "   Test it first.", ""]
    else:
        out += [risk, ""]
    out += ["Migration", "---------", ""]
    if flavor == "enhspec":
        out += [".. migration-step:: Update the configuration", "", "   Edit the file.", ""]
    elif flavor == "needs":
        out += [".. mig:: Update the configuration", f"   :id: {sid}_M1", "",
                "   Edit the file.", ""]
    else:
        out += ["Update the configuration: edit the file.", ""]
    return "\n".join(out) + "\n"


def table_page(specs: int, reqs: int, kind: str | None) -> str:
    """A hand-written list-table of the requirements (the ``tables`` flavor)."""
    out = ["   * - ID", "     - Title", "     - Status", "     - Spec"]
    for s in range(1, specs + 1):
        for k in range(1, reqs + 1):
            prefix, name = req_kind(k)
            if kind and name != kind:
                continue
            out += [f"   * - ENH-{s:04d}.{prefix}{k}", f"     - Requirement {k} of spec {s}",
                    f"     - {'done' if k % 3 == 0 else 'open'}", f"     - ENH-{s:04d}"]
    return ".. list-table::\n   :header-rows: 1\n\n" + "\n".join(out) + "\n"


def collection_pages(flavor: str, specs: int, reqs: int) -> dict[str, str]:
    """The pages that show collections (none in the floor)."""
    if flavor == "plain":
        return {}
    pages: dict[str, list[str]] = {"matrix": ["Matrix", "======", ""]}
    for _, kind in KINDS:
        pages[f"matrix-{kind}"] = [f"Matrix: {kind}", "=" * (8 + len(kind)), ""]
    if flavor == "enhspec":
        pages["matrix"] += [".. traceability-matrix::"]
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += [".. traceability-matrix::", f"   :kind: {kind}"]
        pages["overview"] = ["Overview", "========", "", ".. spec-index::", "",
                             ".. risk-register::", "   :matrix:", "", ".. migration-guide::"]
    elif flavor == "needs":
        pages["matrix"] += [".. needtable::", "   :types: req",
                            "   :columns: id, title, status"]
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += [".. needtable::", f"   :filter: kind == '{kind}'",
                                        "   :columns: id, title, status"]
        pages["overview"] = ["Overview", "========", "", ".. needtable::", "   :types: risk",
                             "", ".. needtable::", "   :types: mig"]
    else:
        pages["matrix"] += [table_page(specs, reqs, None)]
        for _, kind in KINDS:
            pages[f"matrix-{kind}"] += [table_page(specs, reqs, kind)]
    return {name: "\n".join(lines) + "\n" for name, lines in pages.items()}


def generate(flavor: str, specs: int, reqs: int, out: Path, *, sidebar: bool = True) -> Path:
    """Write the corpus of one flavor into `out` (emptied first)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "specs").mkdir(parents=True)
    conf = CONF[flavor]
    if not sidebar:
        conf += 'html_sidebars = {"**": ["searchbox.html"]}\n'
    (out / "conf.py").write_text(conf)
    for s in range(1, specs + 1):
        (out / "specs" / f"enh-{s:04d}.rst").write_text(spec_page(flavor, s, reqs))
    pages = collection_pages(flavor, specs, reqs)
    for name, text in pages.items():
        (out / f"{name}.rst").write_text(text)
    toctree = ["Bench", "=====", "", ".. toctree::", "   :glob:", "", "   specs/*",
               *(f"   {name}" for name in pages)]
    (out / "index.rst").write_text("\n".join(toctree) + "\n")
    return out


def main() -> None:
    """``python corpus.py FLAVOR SPECS REQS OUT``."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("flavor", choices=sorted(CONF))
    args.add_argument("specs", type=int)
    args.add_argument("reqs", type=int)
    args.add_argument("out", type=Path)
    ns = args.parse_args()
    generate(ns.flavor, ns.specs, ns.reqs, ns.out)


if __name__ == "__main__":
    main()
