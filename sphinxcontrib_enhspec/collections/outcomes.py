"""Tests with their outcomes, as requirement blocks and the matrix show them."""

from __future__ import annotations

from docutils import nodes

from .. import blocks
from ..verification import Verification


def outcome_nodes(verification: Verification) -> list[nodes.Node]:
    """Each test as a literal, with its outcome as a badge when results were read."""
    items: list[nodes.Node] = []
    for test in verification.tests:
        item = nodes.inline(classes=["enhspec-test", f"enhspec-test-{test.source}"])
        item += nodes.literal(test.test, test.test)
        if verification.known:
            item += nodes.Text(" ")
            item += blocks.badge("outcome", test.outcome)
        items.append(item)
    return blocks.joined(items)
