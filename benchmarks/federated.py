"""One large project against the same specs split into sub-projects and a hub.

The monolith holds every spec and the collection pages. The split layout builds each
sub-project (its specs, no collections) as a process of its own, `--jobs` at a time as CI
jobs would run, then a hub that loads their exports through ``enhspec_external`` and
holds the same collection pages. Both layouts are then edited in one spec and rebuilt:
the monolith incrementally; in the split layout, the sub-project and then the hub.

``python federated.py --reqs 20000 --projects 10`` prints a Markdown table.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import shutil
import sys
import time
from pathlib import Path

from corpus import collection_pages, generate, heading
from run import build, edit

HERE = Path(__file__).parent
NO_SIDEBAR = 'html_sidebars = {"**": ["searchbox.html"]}\n'


def hub(out: Path, projects: list[str], exports: Path, specs: int, reqs: int) -> Path:
    """The hub: the collection pages over every sub-project's export."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    external = ", ".join(f'"{name}": ("https://example.org/{name}/", '
                         f'"{exports / name / "enhspec.json"}")' for name in projects)
    (out / "conf.py").write_text('project = "hub"\nextensions = ["sphinxcontrib_enhspec"]\n'
                                 f"enhspec_external = {{{external}}}\n{NO_SIDEBAR}")
    pages = collection_pages("enhspec", specs, reqs)
    for name, text in pages.items():
        (out / f"{name}.rst").write_text(text)
    toctree = [*heading("Hub", "="), ".. toctree::", "", *(f"   {name}" for name in pages)]
    (out / "index.rst").write_text("\n".join(toctree) + "\n")
    return out


def main() -> None:
    """Build both layouts, edit one spec in each, and print the figures."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--reqs", type=int, default=20000, help="requirements in all")
    args.add_argument("--projects", type=int, default=10)
    args.add_argument("--reqs-per-spec", type=int, default=10)
    args.add_argument("--jobs", type=int, default=2, help="sub-projects built at once")
    ns = args.parse_args()
    python = sys.executable
    work = HERE / "_work" / "federated"
    specs = ns.reqs // ns.reqs_per_spec
    per_project = specs // ns.projects

    mono = generate("enhspec", specs, ns.reqs_per_spec, work / "mono", sidebar=False)
    mono_out = work / "mono-html"
    shutil.rmtree(mono_out, ignore_errors=True)
    mono_clean, mono_rss = build(python, mono, mono_out)
    edit(mono, "enhspec")
    mono_edit, _ = build(python, mono, mono_out)

    names = [f"p{k:02d}" for k in range(1, ns.projects + 1)]
    srcs = {name: generate("enhspec", per_project, ns.reqs_per_spec, work / name,
                           sidebar=False, first=1 + k * per_project, collections=False)
            for k, name in enumerate(names)}
    outs = {name: work / f"{name}-html" for name in names}
    for out in outs.values():
        shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(ns.jobs) as pool:
        sub = dict(zip(names, pool.map(lambda n: build(python, srcs[n], outs[n]), names),
                       strict=True))
    subs_wall = time.perf_counter() - start
    exports = work / "exports"
    hub_src = hub(work / "hub", names, exports, specs, ns.reqs_per_spec)
    for name in names:  # the exports where the hub reads them, as CI artifacts would be
        (exports / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(outs[name] / "enhspec.json", exports / name / "enhspec.json")
    hub_out = work / "hub-html"
    shutil.rmtree(hub_out, ignore_errors=True)
    hub_clean, hub_rss = build(python, hub_src, hub_out)

    first = names[0]
    edit(srcs[first], "enhspec")
    sub_edit, _ = build(python, srcs[first], outs[first])
    shutil.copy(outs[first] / "enhspec.json", exports / first / "enhspec.json")
    hub_edit, _ = build(python, hub_src, hub_out)
    hub_fresh = "yes" if "(edited)" in (hub_out / "matrix.html").read_text() else "STALE"

    slowest = max(seconds for seconds, _ in sub.values())
    rows = [
        ("one project: clean build", f"{mono_clean:.1f} s", f"{mono_rss:.0f} MB"),
        ("one project: edit one spec", f"{mono_edit:.1f} s", ""),
        (f"split: {ns.projects} sub-projects, {ns.jobs} at a time (wall)",
         f"{subs_wall:.1f} s", f"{max(rss for _, rss in sub.values()):.0f} MB each at most"),
        ("split: the slowest sub-project (one CI job each)", f"{slowest:.1f} s", ""),
        ("split: the hub, clean", f"{hub_clean:.1f} s", f"{hub_rss:.0f} MB"),
        (f"split: clean, {ns.jobs} at a time, then the hub",
         f"{subs_wall + hub_clean:.1f} s", ""),
        ("split: clean, one job per project, then the hub", f"{slowest + hub_clean:.1f} s", ""),
        ("split: edit one spec (its sub-project, then the hub)",
         f"{sub_edit + hub_edit:.1f} s ({sub_edit:.1f} + {hub_edit:.1f})",
         f"hub collections {hub_fresh}"),
    ]
    print(f"{ns.reqs} requirements, {specs} specs; split into {ns.projects} projects of "
          f"{per_project} specs; no global toctree in the sidebar.\n")
    print("| layout | wall time | peak RSS |\n|---|---|---|")
    for row in rows:
        print(f"| {' | '.join(row)} |")


if __name__ == "__main__":
    main()
