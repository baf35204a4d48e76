"""What a collection shows, as plain values: blocks of items, the same on every page.

A collection is rendered once per build into this model. Links name their target's
document, anchor and title, not a URI, so the model does not depend on the page or the
builder: freshness digests it, and a writer turns it into docutils nodes (every builder)
or straight into HTML (HTML builders' tables).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Emphasised text."""

    text: str


@dataclass(frozen=True)
class Code:
    """A literal, linked to `url` when it has one."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Badge:
    """A labelled value styled by its kind and value."""

    kind: str
    value: str


@dataclass(frozen=True)
class Box:
    """A checked (done) or empty box."""

    done: bool


@dataclass(frozen=True)
class Link:
    """A link to an object: to its page and anchor, to another project's URI, or, for an
    ID that names nothing, its text alone."""

    role: str
    target: str
    docname: str = ""
    anchor: str = ""
    title: str = ""
    uri: str = ""

    @property
    def known(self) -> bool:
        """Whether the link leads somewhere."""
        return bool(self.docname or self.uri)


@dataclass(frozen=True)
class Parsed:
    """Nodes kept from the page an object is written on (a title as parsed), by key."""

    key: str
    source: str


@dataclass(frozen=True)
class Test:
    """A test of a requirement, and its outcome when results were read."""

    name: str
    source: str
    outcome: str = ""


@dataclass(frozen=True)
class Bar:
    """A coverage bar filled to `share` percent (in steps of five)."""

    share: int


Item = Text | Emphasis | Code | Badge | Box | Link | Parsed | Test | Bar


@dataclass(frozen=True)
class Cell:
    """A table cell: its items and classes."""

    items: tuple[Item, ...] = ()
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table: a header row, body rows, relative column widths and an optional caption."""

    classes: tuple[str, ...]
    headers: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]
    caption: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of items."""

    items: tuple[Item, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rubric:
    """A heading that is not a section."""

    text: str
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    """A bullet list, one paragraph of items each."""

    entries: tuple[tuple[Item, ...], ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """Block content kept from the page an object is written on (a step's body), by key."""

    key: str
    source: str


@dataclass(frozen=True)
class Fields:
    """Labelled values, as a card shows them; a label without a value is left out."""

    rows: tuple[tuple[str, tuple[Item, ...]], ...] = field(default=())


@dataclass(frozen=True)
class Span:
    """A bar of a chart: what it stands for, its dates, and where it lies on the chart's
    axis, offset and width in hundredths of a percent."""

    link: Link
    start: str
    end: str
    offset: int
    width: int
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    """Bars along one axis of dates from `first` to `last`; only HTML builders draw it."""

    spans: tuple[Span, ...]
    first: str
    last: str
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vertex:
    """A node of a diagram: its name in the graph, the object it links to (None for none),
    its label's lines, a tooltip and its drawing attributes (shape, colours, style)."""

    name: str
    link: Link | None
    lines: tuple[str, ...]
    tooltip: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Arrow:
    """An edge of a diagram from one vertex to another (by name), with its attributes."""

    source: str
    target: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Diagram:
    """A directed graph laid out in `direction` (``LR`` or ``TB``), drawn by Graphviz."""

    vertices: tuple[Vertex, ...]
    arrows: tuple[Arrow, ...]
    direction: str
    caption: str = ""
    classes: tuple[str, ...] = ()


Block = Table | Paragraph | Rubric | Bullets | Body | Fields | Chart | Diagram
