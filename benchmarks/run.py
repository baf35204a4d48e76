"""Measure build time and memory of each flavor of the corpus, in one run.

Per flavor and size: the median wall time of several clean builds and their peak RSS, an
incremental build after editing one spec (time, pages rewritten, whether the collection
pages show the edit) and a clean ``-j 2`` build. Prints a table with the ratios
enhspec/plain and enhspec/sphinx-needs and writes it to ``results.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from corpus import SHAPES, generate

HERE = Path(__file__).parent
EDITED = "(edited)"


@dataclass
class Measure:
    """What one flavor at one size measured."""

    flavor: str
    reqs: int
    clean: float
    rss_mb: float
    incremental: float
    rewritten: int
    fresh: str
    parallel: float


def build(python: str, src: Path, out: Path, jobs: int = 1) -> tuple[float, float]:
    """One sphinx-build: (seconds, peak RSS in MB)."""
    command = [python, "-m", "sphinx", "-q", "-b", "html", "-j", str(jobs), "-d",
               str(out / ".doctrees"), str(src), str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        assert process.stderr is not None
        sys.exit(f"build failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def edit(src: Path, flavor: str) -> None:
    """Retitle requirement 3 of spec 1, everywhere the flavor writes it by hand."""
    old = re.compile(r"Requirement 3 of spec 1\b")
    paths = [src / "specs" / "enh-0001.rst"]
    if flavor == "tables":
        paths += sorted(src.glob("*.rst"))
    for path in paths:
        text = path.read_text()
        edited = old.sub(f"Requirement 3 of spec 1 {EDITED}", text,
                         count=1 if path.parent.name == "specs" else 0)
        if edited != text:
            path.write_text(edited)
            later = time.time() + 5
            os.utime(path, (later, later))


def profile_edit(python: str, src: Path, out: Path, flavor: str, report: Path) -> None:
    """Edit one spec once more and profile the incremental build; the top of the profile,
    by cumulative time, goes to `report`."""
    edit(src, flavor)
    stats = out.parent / f"{out.name}.prof"
    command = [python, "-m", "cProfile", "-o", str(stats), "-m", "sphinx", "-q", "-b", "html",
               "-d", str(out / ".doctrees"), str(src), str(out)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    script = ("import pstats, sys; pstats.Stats(sys.argv[1], stream=sys.stdout)"
              ".sort_stats('cumulative').print_stats(40)")
    text = subprocess.run([python, "-c", script, str(stats)], check=True, capture_output=True,
                          text=True).stdout
    report.write_text(text.replace(str(HERE.parent), "."))


def measure(pythons: dict[str, str], specs: int, reqs: int, runs: int, work: Path,
            sidebar: bool, shape: str, profile: bool = False) -> list[Measure]:
    """Every figure for each flavor at one size; the clean builds of the flavors take
    turns, so that a slower stretch of the machine weighs on all of them alike."""
    size = specs * reqs
    srcs = {flavor: generate(flavor, specs, reqs, work / f"{flavor}-{size}", sidebar=sidebar,
                             shape=shape) for flavor in pythons}
    outs = {flavor: work / f"{flavor}-{size}-html" for flavor in pythons}
    times: dict[str, list[float]] = {flavor: [] for flavor in pythons}
    peaks: dict[str, list[float]] = {flavor: [] for flavor in pythons}
    for _ in range(runs):
        for flavor, python in pythons.items():
            shutil.rmtree(outs[flavor], ignore_errors=True)
            seconds, peak = build(python, srcs[flavor], outs[flavor])
            times[flavor].append(seconds)
            peaks[flavor].append(peak)
    results = []
    for flavor, python in pythons.items():
        src, out = srcs[flavor], outs[flavor]
        before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
        edit(src, flavor)
        incremental, _ = build(python, src, out)
        rewritten = sum(1 for p in out.rglob("*.html") if p.stat().st_mtime_ns != before.get(p))
        matrix = out / "matrix.html"
        fresh = "n/a" if not matrix.exists() else (
            "yes" if EDITED in matrix.read_text(encoding="utf-8") else "STALE")
        if profile and flavor == "enhspec":
            profile_edit(python, src, out, flavor, HERE / f"profile-edit-{size}.txt")
        shutil.rmtree(out, ignore_errors=True)
        parallel, _ = build(python, src, out, jobs=2)
        results.append(Measure(flavor, size, statistics.median(times[flavor]),
                               max(peaks[flavor]), incremental, rewritten, fresh, parallel))
        print(f"{size} {flavor}: {results[-1]}", flush=True)
    return results


def table(results: list[Measure]) -> str:
    """The results and the ratios as Markdown."""
    lines = ["| reqs | flavor | clean (s) | peak RSS (MB) | edit one spec (s) | pages "
             "rewritten | collections fresh | -j 2 (s) |", "|---" * 8 + "|"]
    lines += [f"| {m.reqs} | {m.flavor} | {m.clean:.2f} | {m.rss_mb:.0f} | {m.incremental:.2f}"
              f" | {m.rewritten} | {m.fresh} | {m.parallel:.2f} |" for m in results]
    lines += ["", "| reqs | ratio | value |", "|---|---|---|"]
    for reqs in sorted({m.reqs for m in results}):
        by = {m.flavor: m for m in results if m.reqs == reqs}
        if "enhspec" not in by or "plain" not in by:
            continue
        e, p = by["enhspec"], by["plain"]
        rows = [("enhspec / plain, clean", e.clean / p.clean),
                ("enhspec / plain, peak RSS", e.rss_mb / p.rss_mb),
                ("enhspec / plain, edit one spec", e.incremental / p.incremental),
                ("-j 2 speed-up of enhspec / of plain",
                 (e.clean / e.parallel) / (p.clean / p.parallel))]
        if "tables" in by:
            rows.append(("enhspec / plain with tables, clean", e.clean / by["tables"].clean))
        if "needs" in by:
            n = by["needs"]
            rows.append(("enhspec / sphinx-needs, clean", e.clean / n.clean))
            overhead_needs = n.clean - p.clean
            if overhead_needs > 0:
                rows.append(("enhspec overhead / sphinx-needs overhead",
                             (e.clean - p.clean) / overhead_needs))
        lines += [f"| {reqs} | {name} | {value:.2f} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    """``python run.py [--sizes 1000,5000] [--runs 3] [--needs-python PATH]``."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--sizes", default="1000,5000", help="total requirements per corpus")
    args.add_argument("--reqs-per-spec", type=int, default=10)
    args.add_argument("--runs", type=int, default=3, help="clean builds per median")
    args.add_argument("--needs-python", default="", help="a Python with sphinx-needs")
    args.add_argument("--no-sidebar", action="store_true",
                      help="leave the global toctree out of the sidebar")
    args.add_argument("--shape", choices=SHAPES, default="template",
                      help="specs with the template's sections, or nothing but the objects")
    args.add_argument("--out", type=Path, default=HERE / "results.md")
    args.add_argument("--profile", action="store_true",
                      help="profile enhspec's edit build into profile-edit-<size>.txt")
    ns = args.parse_args()
    work = HERE / "_work"
    work.mkdir(exist_ok=True)
    pythons = {"plain": sys.executable, "tables": sys.executable, "enhspec": sys.executable}
    if ns.needs_python:
        pythons["needs"] = ns.needs_python
    results = []
    for size in (int(s) for s in ns.sizes.split(",")):
        specs = max(1, size // ns.reqs_per_spec)
        results += measure(pythons, specs, ns.reqs_per_spec, ns.runs, work, not ns.no_sidebar,
                           ns.shape, ns.profile)
    header = (f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}; "
              f"{ns.runs} clean builds per median, the flavors taking turns; {ns.shape} specs of "
              f"{ns.reqs_per_spec} requirements; sidebar "
              f"{'without' if ns.no_sidebar else 'with'} the global toctree.\n\n")
    text = header + table(results)
    ns.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
