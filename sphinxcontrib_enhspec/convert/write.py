"""The converted spec written out: as MyST, where every kept block is the Markdown it
was, or as reST (see rst.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import rst
from .blocks import Block
from .parts import Directive, Heading, Kept, Part


def fence(lines: Sequence[str], char: str = "`") -> str:
    """A fence longer than any fence of that character inside `lines`."""
    runs = [len(m.group(1)) for line in lines
            if (m := re.match(rf"^\s*({re.escape(char)}{{3,}})", line))]
    return char * max([3, *(n + 1 for n in runs)])


def option_value(value: str) -> str:
    """An option value as MyST reads it back unchanged: single-quoted when MyST's option
    parser would take it for a comment, a quoted string or a block scalar."""
    if value[:1] in ("#", "'", '"', "|", ">") or " #" in value:
        return "'" + value.replace("'", "''") + "'"
    return value


def myst_directive(part: Directive) -> str:
    """A directive as a MyST fenced block; ``~~~`` when its argument holds a backtick,
    which CommonMark does not allow in a backtick fence's opening line."""
    char = "~" if "`" in part.argument else "`"
    mark = fence(part.body, char)
    lines = [f"{mark}{{{part.name}}} {part.argument}".rstrip()]
    lines += [f":{name}: {option_value(value)}" for name, value in part.options]
    body = list(part.body)
    while body and not body[-1].strip():
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    if body:
        lines += ["", *body]
    return "\n".join([*lines, mark])


def myst_kept(block: Block) -> str:
    """A kept block as the Markdown it was."""
    if block.kind == "item":
        pad = " " * (block.indent + len(block.marker) + 1)
        first = f"{' ' * block.indent}{block.marker} {block.lines[0]}".rstrip()
        return "\n".join([first, *(pad + line if line else "" for line in block.lines[1:])])
    if block.kind == "code":
        mark = fence(block.lines)
        return "\n".join([f"{mark}{block.text}", *block.lines, mark])
    if block.kind == "heading":
        return f"# {block.text}"
    return "\n".join(block.lines)


def myst(parts: Sequence[Part]) -> str:
    """The parts as MyST; the items of one list stay together, as a tight list."""
    out: list[str] = []
    previous_item = False
    for part in parts:
        if isinstance(part, Heading):
            text = f"{'#' * part.level} {part.text}"
        elif isinstance(part, Directive):
            text = myst_directive(part)
        else:
            text = myst_kept(part.block)
        is_item = isinstance(part, Kept) and part.block.kind == "item"
        out.append(("\n" if is_item and previous_item else "\n\n") + text if out else text)
        previous_item = is_item
    return "".join(out)


def write(parts: Sequence[Part], fmt: str) -> str:
    """The parts as reST (`fmt` "rst") or MyST ("md"), ending with one newline."""
    text = myst(parts) if fmt == "md" else rst.blocks(parts)
    return text.rstrip() + "\n"
