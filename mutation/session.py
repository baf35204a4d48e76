"""A cosmic-ray session of the pure modules: skip the known equivalent mutants, then score it.

``python mutation/session.py exclude SESSION`` marks the mutants listed in
``mutation/equivalent.toml`` as skipped before ``cosmic-ray exec``;
``python mutation/session.py score SESSION --fail-under 90`` prints killed/total per module,
the survivors, and exits 1 when the total score is below the bar.

Skipped mutants count neither as killed nor in the total: cosmic-ray's own ``cr-rate`` counts
them as killed, which would flatter the score.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import toml
from cosmic_ray.mutating import mutate_code
from cosmic_ray.plugins import get_operator
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import MutationSpec, TestOutcome, WorkerOutcome, WorkResult

HERE = Path(__file__).parent
EQUIVALENTS = HERE / "equivalent.toml"


@dataclass(frozen=True)
class Equivalent:
    """A mutant that changes no behaviour: its module, its source line before and after the
    mutation (stripped), and why no test can tell them apart. `previous`, the line before,
    tells apart lines that read the same."""

    module: str
    line: str
    mutant: str
    why: str
    previous: str = ""

    def matches(self, mutation: MutationSpec) -> bool:
        """Whether `mutation` turns this line of this module into this mutant."""
        return (mutation.module_path.as_posix() == self.module
                and source_line(mutation).strip() == self.line
                and (not self.previous or source_line(mutation, -1).strip() == self.previous)
                and mutated_line(mutation).strip() == self.mutant)


def source_line(mutation: MutationSpec, offset: int = 0) -> str:
    """The line of source the mutation starts on, or the one `offset` lines from it."""
    lines = read(mutation.module_path).splitlines()
    return lines[mutation.start_pos[0] - 1 + offset]


def mutated_line(mutation: MutationSpec) -> str:
    """The same line with the mutation applied."""
    operator = get_operator(mutation.operator_name)(**mutation.operator_args)
    code = mutate_code(read(mutation.module_path), operator, mutation.occurrence)
    return "" if code is None else code.splitlines()[mutation.start_pos[0] - 1]


@cache
def read(module: Path) -> str:
    """A module's source, read once."""
    return module.read_text(encoding="utf-8")


#: A span of source: (line, column) of its start and of its end, lines from 1.
Span = tuple[tuple[int, int], tuple[int, int]]


@cache
def annotation_spans(module: Path) -> tuple[Span, ...]:
    """The annotations of a module that postpones them (``from __future__ import
    annotations``): Python never evaluates them, so no mutant inside one can be killed."""
    tree = ast.parse(read(module))
    postponed = any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
                    and any(alias.name == "annotations" for alias in node.names)
                    for node in tree.body)
    if not postponed:
        return ()
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            found.append(node.returns)
        elif isinstance(node, (ast.arg, ast.AnnAssign)) and node.annotation:
            found.append(node.annotation)
    return tuple(((a.lineno, a.col_offset), (a.end_lineno or a.lineno, a.end_col_offset or 0))
                 for a in found)


def in_annotation(mutation: MutationSpec) -> bool:
    """Whether the mutated code lies wholly inside an annotation that is never evaluated."""
    start, end = tuple(mutation.start_pos), tuple(mutation.end_pos)
    return any(low <= start and end <= high
               for low, high in annotation_spans(mutation.module_path))


def load_equivalents(path: Path = EQUIVALENTS) -> list[Equivalent]:
    """The documented equivalent mutants."""
    data = toml.loads(path.read_text(encoding="utf-8"))
    return [Equivalent(**entry) for entry in data.get("equivalent", [])]


def exclude(session: Path) -> int:
    """Mark every mutant inside an annotation and every documented equivalent mutant as
    skipped; fail on an entry that matches none, so that the list cannot go stale unnoticed."""
    equivalents = load_equivalents()
    used: Counter[Equivalent] = Counter()
    with use_db(str(session), WorkDB.Mode.open) as db:
        skipped = []
        annotations = 0
        for item in db.work_items:
            for mutation in item.mutations:
                if in_annotation(mutation):
                    annotations += 1
                    skipped.append(item.job_id)
                    continue
                hit = next((e for e in equivalents if e.matches(mutation)), None)
                if hit is not None:
                    used[hit] += 1
                    skipped.append(item.job_id)
        if skipped:
            db.set_multiple_results(skipped, WorkResult(
                worker_outcome=WorkerOutcome.SKIPPED, output="equivalent mutant"))
    stale = [e for e in equivalents if not used[e]]
    for entry in stale:
        print(f"equivalent.toml: {entry.module} has no mutant {entry.mutant!r} of {entry.line!r}",
              file=sys.stderr)
    print(f"{len(skipped)} equivalent mutants skipped, {annotations} of them in annotations")
    return 1 if stale else 0


def score(session: Path, fail_under: float, show_diff: bool) -> int:
    """Print killed/total per module and in total, and each survivor."""
    killed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    skipped = 0
    survivors: list[tuple[MutationSpec, WorkResult]] = []
    with use_db(str(session), WorkDB.Mode.open) as db:
        pending = sum(1 for _ in db.pending_work_items)
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                skipped += 1
                continue
            for mutation in item.mutations:
                module = mutation.module_path.as_posix()
                total[module] += 1
                if result.test_outcome == TestOutcome.SURVIVED:
                    survivors.append((mutation, result))
                else:
                    killed[module] += 1
    survivors.sort(key=lambda s: (s[0].module_path, s[0].start_pos))
    for mutation, result in survivors:
        line = source_line(mutation).strip()
        print(f"survived: {mutation.module_path}:{mutation.start_pos[0]} "
              f"{mutation.operator_name}  {line}")
        if show_diff and result.diff:
            print(result.diff)
    width = max((len(module) for module in total), default=0)
    for module in sorted(total):
        print(f"{module:<{width}}  {killed[module]:>4}/{total[module]:<4} "
              f"{100 * killed[module] / total[module]:6.1f}%")
    all_killed, all_total = sum(killed.values()), sum(total.values())
    rate = 100 * all_killed / all_total if all_total else 0.0
    print(f"{'total':<{width}}  {all_killed:>4}/{all_total:<4} {rate:6.1f}%  "
          f"({skipped} equivalent mutants skipped, {pending} not run)")
    if pending or rate < fail_under:
        print(f"mutation score below {fail_under:g}% or incomplete", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """The command line: ``exclude SESSION`` or ``score SESSION [--fail-under N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("exclude").add_argument("session", type=Path)
    scoring = commands.add_parser("score")
    scoring.add_argument("session", type=Path)
    scoring.add_argument("--fail-under", type=float, default=0.0)
    scoring.add_argument("--show-diff", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "exclude":
        return exclude(args.session)
    return score(args.session, args.fail_under, args.show_diff)


if __name__ == "__main__":
    sys.exit(main())
