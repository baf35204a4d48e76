"""Fail when a line of the extension's content in a LaTeX build's PDF is too wide.

Reads the pdflatex log next to the ``.tex`` file of a Sphinx LaTeX build. An overfull
``\\hbox`` is the extension's when a ``.tex`` line that TeX names for it (``in paragraph at
lines a--b``, ``in alignment at lines a--b``, ``detected at line n``) lies in one of the
extension's environments: ``sphinxuseclass`` of class ``enhspec`` (a block: heading, line,
fields, body) or ``enhspec-table`` (a collection table; LaTeX builds mark them so). Other
overfull lines (the documentation's own tables and code) are counted, not failed on.

Line numbers count in the file TeX is reading when it reports them; the files it opens
and closes (the table of contents, the index) are followed through the parentheses of the
log, leaving out the box contents shown after each message, whose text may hold any.

Usage: ``latex_overflow.py BUILD/NAME.log [--max-pt 10]``; exits 1 when a line of the
extension's content overflows by more than ``--max-pt`` points.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

OVERFULL = re.compile(r"Overfull \\hbox \((?P<pt>[\d.]+)pt too wide\) (?:in (?:paragraph|"
                      r"alignment) at lines (?P<a>\d+)--(?P<b>\d+)|detected at line (?P<n>\d+))")
BOX_MESSAGE = re.compile(r"^(?:Overfull|Underfull|Tight|Loose) \\[hv]box")
USE_CLASS = re.compile(r"\\(begin|end)\{sphinxuseclass\}(?:\{([^}]*)\})?")
#: The classes of the environments that hold the extension's content.
OURS = {"enhspec", "enhspec-table"}


@dataclass(frozen=True)
class Overfull:
    """An overfull line: how much too wide, the file read and its lines."""

    points: float
    file: str
    first: int
    last: int


def overfull_lines(log: Iterable[str]) -> Iterator[Overfull]:
    """The overfull lines a pdflatex log reports, each with the file it was reading."""
    files: list[str] = []
    in_box = False
    for line in log:
        if in_box:  # the box's contents, up to a blank line
            in_box = bool(line.strip())
            continue
        found = OVERFULL.match(line)
        if found:
            first = int(found["a"] or found["n"])
            reading = next((f for f in reversed(files) if f), "")
            yield Overfull(float(found["pt"]), reading, first, int(found["b"] or first))
        if BOX_MESSAGE.match(line):
            in_box = True
            continue
        for match in re.finditer(r"\(([^\s()]*)|\)", line):
            if match.group().startswith("("):
                name = match.group(1)
                files.append(name if name.startswith((".", "/")) else "")
            elif files:
                files.pop()


def our_lines(tex: Iterable[str]) -> set[int]:
    """The numbers of the ``.tex`` lines inside the extension's environments."""
    ours: set[int] = set()
    stack: list[str] = []
    for number, line in enumerate(tex, start=1):
        inside = OURS & set(stack)
        for match in USE_CLASS.finditer(line):
            if match[1] == "begin":
                stack.append(match[2] or "")
            elif stack:
                stack.pop()
            inside |= OURS & set(stack)
        if inside:
            ours.add(number)
    return ours


def main(argv: list[str] | None = None) -> int:
    """Print the counts; list and fail on the extension's lines over the limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path)
    parser.add_argument("--max-pt", type=float, default=10.0)
    args = parser.parse_args(argv)
    tex_path = args.log.with_suffix(".tex")
    tex = tex_path.read_text(encoding="utf-8").splitlines()
    ours = our_lines(tex)
    found = list(overfull_lines(
        args.log.read_text(encoding="latin-1").splitlines()))
    too_wide = [o for o in found if o.points > args.max_pt]
    failing = [o for o in too_wide if Path(o.file).name == tex_path.name
               and ours & set(range(o.first, o.last + 1))]
    print(f"{len(found)} overfull lines, {len(too_wide)} over {args.max_pt:g} pt, "
          f"{sum(o.points > 50 for o in found)} over 50 pt; "
          f"{len(failing)} of the extension's content over {args.max_pt:g} pt")
    for o in failing:
        print(f"  {o.points:.1f} pt too wide at {tex_path.name}:{o.first}: "
              f"{tex[o.first - 1][:100]}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
