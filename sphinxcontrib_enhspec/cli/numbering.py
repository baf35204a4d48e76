"""The next free spec ID of a project, read from the ``enhancement-spec`` directives of its
reST and MyST sources."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

#: The suffixes of the sources read.
SUFFIXES = (".rst", ".md")
#: Folders never read: Sphinx's usual output folder (hidden folders are skipped too).
SKIPPED = ("_build",)
#: The prefix of the first spec of a project that has none.
DEFAULT_PREFIX = "ENH"
#: The number of digits of that first spec's number.
DEFAULT_DIGITS = 3

#: An ID of the default ``enhspec_spec_id_pattern``: a prefix and a number.
NUMBERED = re.compile(r"^([A-Z][A-Z0-9]*)-([0-9]+)$")
REST = re.compile(r"^[ \t]*\.\.[ \t]+enhancement-spec::[ \t]+(\S+)")
MYST = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{enhancement-spec\}[ \t]+(\S+)")
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*(.*?)[ \t]*$")
LITERAL = re.compile(r"^\.\.[ \t]+(code-block|code|sourcecode|parsed-literal)::")


def sources(root: Path) -> Iterator[Path]:
    """The reST and Markdown files under `root`, in a stable order, outside ``_build`` and
    hidden folders."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders
                               if d not in SKIPPED and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES):
                yield Path(folder, name)


def rest_ids(text: str) -> Iterator[str]:
    """The IDs of the spec directives of a reST text, outside literal blocks."""
    literal = -1  # indentation of the line that opened the literal block being skipped
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if literal >= 0 and (not line.strip() or indent > literal):
            continue
        literal = -1
        found = REST.match(line)
        if found:
            yield found.group(1)
        stripped = line.strip()
        if LITERAL.match(stripped) or (stripped.endswith("::") and not stripped.startswith("..")):
            literal = indent


def myst_ids(text: str) -> Iterator[str]:
    """The IDs of the spec directives of a MyST text (or of reST in its ``eval-rst`` blocks),
    outside code blocks."""
    fences: list[tuple[str, bool]] = []  # (the fence's characters, whether it holds code)
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence and fences and _closes(fence, fences[-1][0]):
            fences.pop()
            continue
        if fences and fences[-1][1]:
            continue
        found = MYST.match(line) or REST.match(line)
        if found:
            yield found.group(1)
        if fence:
            info = fence.group(2)
            fences.append((fence.group(1), not info.startswith("{") and fence.group(1)[0] != ":"))


def _closes(fence: re.Match[str], opened: str) -> bool:
    """Whether a fence line closes the block that `opened` (its fence characters) began."""
    chars = fence.group(1)
    return chars[0] == opened[0] and len(chars) >= len(opened) and not fence.group(2)


def spec_ids(root: Path) -> list[str]:
    """The ID of every spec directive of the sources under `root`, in file order.

    Raises OSError when a source cannot be read.
    """
    found: list[str] = []
    for path in sources(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        found.extend(myst_ids(text) if path.suffix == ".md" else rest_ids(text))
    return found


def next_id(ids: Iterable[str]) -> str:
    """The ID after the highest of `ids` that have the most common prefix, with as many
    digits as that one has; ``ENH-001`` when no ID has a prefix and a number."""
    numbered = [m.groups() for m in map(NUMBERED.match, ids) if m]
    if not numbered:
        return f"{DEFAULT_PREFIX}-{1:0{DEFAULT_DIGITS}d}"
    counts = Counter(prefix for prefix, _ in numbered)
    prefix = min(counts, key=lambda p: (-counts[p], p))
    highest = max((digits for p, digits in numbered if p == prefix), key=int)
    return f"{prefix}-{int(highest) + 1:0{len(highest)}d}"
