"""pytest plugin: ``@pytest.mark.requirement("ENH-042.ER1")`` names the requirements a test
verifies, and ``pytest --junitxml`` writes them as ``requirement`` properties."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

MARKER = "requirement"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker, so that ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*ids): the requirements (full IDs, e.g. ENH-042.ER1) that this test "
        "verifies; written to JUnit XML as 'requirement' properties",
    )


def requirement_ids(item: pytest.Item) -> Iterator[str]:
    """The IDs named by every ``requirement`` marker of `item`, in order, once each."""
    seen: set[str] = set()
    for marker in item.iter_markers(MARKER):
        if not marker.args or not all(isinstance(a, str) and a.strip() for a in marker.args):
            raise pytest.UsageError(
                f"{item.nodeid}: @pytest.mark.{MARKER} takes requirement IDs as strings, "
                f"got {marker.args!r}")
        for ident in marker.args:
            if ident.strip() not in seen:
                seen.add(ident.strip())
                yield ident.strip()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Attach the IDs as user properties, which junitxml writes (under xdist too)."""
    for item in items:
        for ident in requirement_ids(item):
            item.user_properties.append((MARKER, ident))
