"""The converted spec written as reStructuredText: headings get underlines, the kept
Markdown blocks their reST forms, and inline markup is translated or escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docutils.utils import column_width

from .blocks import Block, read
from .inline import to_rst
from .parts import Directive, Heading, Kept, Part

UNDERLINES = "=-~^\"'+"
INDENT = "   "
SEPARATOR = re.compile(r"^:?-+:?$")


def heading(part: Heading) -> str:
    """A heading with the underline of its level."""
    text = to_rst(part.text)
    return f"{text}\n{UNDERLINES[min(part.level, len(UNDERLINES)) - 1] * column_width(text)}"


def indent(text: str, pad: str = INDENT) -> str:
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def directive(part: Directive) -> str:
    """A directive with its options and its body written as reST."""
    argument = part.argument
    if part.name in ("requirement", "risk", "enhancement-spec"):
        ident, _, title = argument.partition(" ")
        argument = f"{ident} {to_rst(title)}".strip()
    elif part.name == "migration-step":
        argument = to_rst(argument)
    lines = [f".. {part.name}:: {argument}"]
    lines += [f"   :{name}: {to_rst(value) if name in part.inline else value}"
              for name, value in part.options]
    text = body(part.body)
    if text:
        lines += ["", indent(text)]
    return "\n".join(lines)


def body(markdown: Sequence[str]) -> str:
    """Markdown inside a list item or a directive as reST; a heading there, which reST
    does not allow, becomes a paragraph."""
    return blocks([Kept(b if b.kind != "heading" else Block("para", b.line, (b.text,)))
                   for b in read("\n".join(markdown))])


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)]


def table(block: Block) -> str:
    """A pipe table as a ``list-table``."""
    rows = [_cells(line) for line in block.lines]
    header = len(rows) > 1 and all(SEPARATOR.match(cell) for cell in rows[1] if cell)
    if header:
        del rows[1]
    width = len(rows[0])
    lines = [".. list-table::"] + (["   :header-rows: 1"] if header else []) + [""]
    for row in rows:
        row = [*(row + [""] * width)[:width - 1], " | ".join(row[width - 1:])]
        for i, cell in enumerate(row):
            lead = "   * - " if i == 0 else "     - "
            lines.append((lead + to_rst(cell.replace("\\|", "|"))).rstrip())
    return "\n".join(lines)


class Lists:
    """The nesting of list items: each item is indented under the item it belongs to."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, int]] = []  # (markdown indent, reST content column)
        self.ordered_depth = -1

    def item(self, block: Block, after_item: bool) -> str:
        if not after_item:
            self.stack = []
        while self.stack and self.stack[-1][0] >= block.indent:
            self.stack.pop()
        column = self.stack[-1][1] if self.stack else 0
        if block.marker[0].isdigit():
            continues = after_item and self.ordered_depth == len(self.stack)
            marker = "#." if continues else f"{int(block.marker[:-1])}."
            self.ordered_depth = len(self.stack)
        else:
            marker = "-"
            if self.ordered_depth >= len(self.stack):
                self.ordered_depth = -1
        content = column + len(marker) + 1
        self.stack.append((block.indent, content))
        lines = body(block.lines).splitlines() or [""]
        first = f"{' ' * column}{marker} {lines[0]}".rstrip()
        return "\n".join([first, *(" " * content + line if line.strip() else ""
                                   for line in lines[1:])])


def kept(block: Block, lists: Lists, after_item: bool) -> str:
    """A block of the input in its reST form."""
    if block.kind == "item":
        return lists.item(block, after_item)
    if block.kind == "code":
        language = f" {block.text}" if block.text else ""
        return f".. code-block::{language}\n\n{indent(chr(10).join(block.lines))}"
    if block.kind == "table":
        return table(block)
    if block.kind == "quote":
        text = indent(body([re.sub(r"^ {0,3}> ?", "", line) for line in block.lines]))
        # An empty comment ends a list or a directive before it, which would take the
        # quote in.
        return f"..\n\n{text}"
    if block.kind == "comment":
        return "..\n" + indent("\n".join(block.lines))
    if block.kind == "heading":
        return heading(Heading(1, block.text))
    return "\n".join(to_rst(line) for line in block.lines)


def blocks(parts: Sequence[Part]) -> str:
    """The parts as reST, separated by blank lines."""
    out: list[str] = []
    lists = Lists()
    after_item = False
    for part in parts:
        if isinstance(part, Heading):
            out.append(heading(part))
        elif isinstance(part, Directive):
            out.append(directive(part))
        else:
            out.append(kept(part.block, lists, after_item))
        after_item = isinstance(part, Kept) and part.block.kind == "item"
    return "\n\n".join(out)
