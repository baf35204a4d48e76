"""The tables of a written HTML page, as a reader sees them: classes, caption, cells' text,
classes and link targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that start a block of their own inside a cell.
BLOCKS = {"p", "pre", "div", "li", "dd", "dt", "blockquote"}


@dataclass
class Cell:
    """A ``th`` or ``td``: its text (blocks joined by blank lines), classes and links."""

    classes: list[str]
    blocks: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, title)

    @property
    def text(self) -> str:
        return "\n\n".join(b.strip() for b in self.blocks if b.strip())


@dataclass
class Table:
    """A ``table``: its classes, id, caption and rows of cells."""

    classes: list[str]
    id: str
    caption: str = ""
    rows: list[list[Cell]] = field(default_factory=list)

    def texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.stack: list[Table] = []
        self.cell: Cell | None = None
        self.in_caption = False
        self.skip = 0  # inside a headerlink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "table":
            table = Table(attr.get("class", "").split(), attr.get("id", ""))
            self.tables.append(table)
            self.stack.append(table)
        elif not self.stack:
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "a" and "headerlink" in attr.get("class", ""):
            self.skip += 1
        elif tag == "tr":
            self.stack[-1].rows.append([])
        elif tag in ("td", "th"):
            self.cell = Cell(attr.get("class", "").split(), [""])
            self.stack[-1].rows[-1].append(self.cell)
        elif self.cell is not None and tag in BLOCKS:
            self.cell.blocks.append("")
        elif self.cell is not None and tag == "a":
            self.cell.links.append((attr.get("href", ""), attr.get("title", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.stack:
            self.stack.pop()
        elif tag == "caption":
            self.in_caption = False
        elif tag == "a" and self.skip:
            self.skip -= 1
        elif tag in ("td", "th"):
            self.cell = None
        elif self.cell is not None and tag in BLOCKS:
            self.cell.blocks.append("")

    def handle_data(self, data: str) -> None:
        if self.skip or not self.stack:
            return
        if self.in_caption:
            self.stack[-1].caption += data
        elif self.cell is not None:
            self.cell.blocks[-1] += data


def read_tables(html: str) -> list[Table]:
    """Every table of a page, in document order."""
    reader = _Reader()
    reader.feed(html)
    return reader.tables
