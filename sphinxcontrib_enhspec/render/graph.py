"""The trace graph's look: a vertex per object shaped by its type and coloured by its status
(the colours of the status badges), an arrow per link styled by what it says."""

from __future__ import annotations

import textwrap

from ..derive.graph import TEST_PREFIX, GraphEdge, GraphNode, TraceGraph
from ..query import Query
from . import model as m
from .context import Context
from .tables import empty

#: The colours of enhspec.css (``--enhspec-*``), which the badges have.
PALETTE = {
    "grey": "#6b7280", "blue": "#2563eb", "green": "#15803d", "teal": "#0f766e",
    "red": "#b91c1c", "amber": "#b45309", "purple": "#7e22ce",
}
#: A status (or a test's outcome) to its badge's colour; any other value is grey, as an
#: unstyled badge is.
STATUS_COLOURS = {
    "proposed": "blue", "in-progress": "blue", "planned": "blue",
    "approved": "green", "done": "green", "mitigated": "green", "passed": "green",
    "implemented": "teal", "closed": "teal",
    "rejected": "red", "failed": "red", "error": "red",
    "superseded": "purple",
    "open": "amber", "skipped": "amber",
    "draft": "grey", "withdrawn": "grey", "dropped": "grey", "accepted": "grey",
    "cancelled": "grey", "missing": "grey",
}
#: The shape of each type of node.
SHAPES = {"spec": "folder", "requirement": "box", "risk": "hexagon", "test": "ellipse"}
#: The role that links to each type of object.
ROLES = {"spec": "spec", "requirement": "req", "risk": "risk"}
#: How each kind of edge is drawn.
EDGE_STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "contains": (("color", PALETTE["grey"]), ("arrowhead", "none")),
    "depends": (("color", "#374151"),),
    "affects": (("color", PALETTE["red"]), ("style", "dashed")),
    "supersedes": (("color", PALETTE["purple"]), ("style", "bold")),
    "verifies": (("color", PALETTE["green"]), ("style", "dotted")),
}
#: What an edge's tooltip says it means.
EDGE_VERBS = {"contains": "contains", "depends": "depends on", "affects": "affects",
              "supersedes": "supersedes", "verifies": "verifies"}
#: A title is shown in lines of this many characters, at most `MAX_LINES` of them.
WIDTH = 28
MAX_LINES = 3


def colour(status: str) -> str:
    """The fill colour of a node of `status`."""
    return PALETTE[STATUS_COLOURS.get(status.casefold(), "grey")]


def title_lines(title: str) -> tuple[str, ...]:
    """A title wrapped for a node's label: a few short lines, cut with an ellipsis."""
    lines = textwrap.wrap(" ".join(title.split()), WIDTH, break_long_words=True,
                          max_lines=MAX_LINES, placeholder=" \u2026")
    return tuple(lines)


def test_lines(name: str) -> tuple[str, ...]:
    """A test's name wrapped for a node's label, broken after each ``::`` first."""
    parts = name.split("::")
    pieces = [f"{part}::" for part in parts[:-1]] + parts[-1:]
    lines = [line for piece in pieces
             for line in textwrap.wrap(piece, WIDTH, break_long_words=True) or [piece]]
    if len(lines) > MAX_LINES:
        lines[MAX_LINES - 1] += " \u2026"
    return tuple(lines[:MAX_LINES])


def vertex(node: GraphNode, ctx: Context) -> m.Vertex:
    """A node's vertex: its ID and title, linked to its object (a test links nowhere)."""
    style = "filled,dashed" if node.external else "filled"
    if node.type == "requirement":
        style += ",rounded"
    attributes = (("shape", SHAPES[node.type]), ("style", style),
                  ("fillcolor", colour(node.status or "missing")), ("fontcolor", "#ffffff"))
    if node.type == "test":
        lines = (*test_lines(node.title), *([node.status] if node.status else []))
        tooltip = f"{node.title} ({node.status})" if node.status else node.title
        return m.Vertex(node.ident, None, lines, tooltip, attributes)
    tooltip = f"{node.ident}: {node.title} ({node.status})" if node.title else node.ident
    return m.Vertex(node.ident, ctx.link(ROLES[node.type], node.ident),
                    (node.ident, *title_lines(node.title)), tooltip, attributes)


def arrow(edge: GraphEdge) -> m.Arrow:
    """An edge's arrow, styled by its kind."""
    source = edge.source.removeprefix(TEST_PREFIX)
    tooltip = f"{source} {EDGE_VERBS[edge.kind]} {edge.target}"
    return m.Arrow(edge.source, edge.target, (*EDGE_STYLES[edge.kind], ("tooltip", tooltip)))


def render(graph: TraceGraph, query: Query, ctx: Context) -> list[m.Block]:
    """The diagram, or a note when no object passes the filters."""
    if not graph.nodes:
        return [empty("trace-graph", "objects match")]
    return [m.Diagram(tuple(vertex(node, ctx) for node in graph.nodes),
                      tuple(arrow(edge) for edge in graph.edges), query.direction,
                      query.caption, ("enhspec-graph",))]
