"""The trace graph: which objects it draws and the links between them, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import query as q
from ..model import Requirement, Risk, Spec
from .traces import Traces

#: What a node stands for: an object type, or a test.
NodeType = Literal["spec", "requirement", "risk", "test"]
#: What an edge says: a spec contains a requirement or risk, a requirement depends on
#: another, a risk affects a requirement, a spec supersedes another, a test verifies a
#: requirement.
EdgeKind = Literal["contains", "depends", "affects", "supersedes", "verifies"]
#: The prefix of a test's node ID, which no object ID can start with.
TEST_PREFIX = "test:"


@dataclass(frozen=True)
class GraphNode:
    """An object (or a test) the graph draws."""

    ident: str
    type: NodeType
    title: str = ""
    #: The object's status; a test's outcome ('' when no results were read).
    status: str = ""
    external: bool = False


@dataclass(frozen=True)
class GraphEdge:
    """A link between two drawn nodes, from `source` to `target` (node IDs)."""

    source: str
    target: str
    kind: EdgeKind


@dataclass(frozen=True)
class TraceGraph:
    """The nodes in drawing order (specs, requirements, risks by ID, then tests by name),
    and the edges between them."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


def _node(record: Spec | Requirement | Risk, kind: NodeType) -> GraphNode:
    return GraphNode(record.id, kind, record.title, record.status, record.location.external)


def trace_graph(traces: Traces, query: q.Query) -> TraceGraph:
    """The specs, requirements and risks that pass the filters as the matrix's rows do,
    the tests of the drawn requirements when the query asks for them, and every link
    between two drawn nodes."""
    specs = [s for s in traces.specs if q.matches(query, s, s.release)]
    reqs = [r for r in traces.requirements if q.matches(query, r, traces.release_of(r.spec))]
    risks = [r for r in traces.risks if q.matches(query, r, traces.release_of(r.spec))]
    nodes = [*(_node(s, "spec") for s in specs), *(_node(r, "requirement") for r in reqs),
             *(_node(r, "risk") for r in risks)]
    drawn = {node.ident for node in nodes}
    edges: dict[GraphEdge, None] = {}  # in the order found, each once

    def link(source: str, target: str, kind: EdgeKind) -> None:
        if source in drawn and target in drawn:
            edges.setdefault(GraphEdge(source, target, kind))

    for spec in specs:
        for old in spec.supersedes:
            link(spec.id, traces.resolve(old, "", "spec"), "supersedes")
    for req in reqs:
        link(req.spec, req.id, "contains")
        for target in traces.depends_of(req):
            link(req.id, target, "depends")
    for risk in risks:
        link(risk.spec, risk.id, "contains")
        for target in traces.affects_of(risk):
            link(risk.id, target, "affects")
    if query.tests:
        tests: dict[str, str] = {}
        for req in reqs:
            verification = traces.verification[req.id]
            for test in verification.tests:
                ident = TEST_PREFIX + test.test
                tests[ident] = test.outcome if verification.known else ""
                drawn.add(ident)
                link(ident, req.id, "verifies")
        nodes.extend(GraphNode(ident, "test", ident.removeprefix(TEST_PREFIX), outcome)
                     for ident, outcome in sorted(tests.items()))
    return TraceGraph(tuple(nodes), tuple(edges))
