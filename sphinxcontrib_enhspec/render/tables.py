"""Tables and notes of the model, as every collection lays them out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..nodes import TABLE_CLASS
from . import model as m

#: Relative column widths; the text builder takes them as characters.
WIDTHS = {"ID": 14, "Title": 30, "Mitigation": 30, "Verified by": 30, "Implemented by": 24,
          "Depends on": 16, "Affects": 16, "Suspect": 16, "Risks": 14, "Key": 24, "Authors": 18,
          "Name": 24, "Signature": 24, "Replacement": 20, "Previous": 20, "Replaces": 20,
          "Milestone": 30, "Old": 30, "New": 30, "Baseline": 24, "Now": 24}


def table(headers: Sequence[str], rows: Iterable[Sequence[tuple[m.Item, ...]]], *, kind: str,
          caption: str = "") -> m.Table:
    """A table with a header row; long tables break across pages in LaTeX."""
    return m.Table(
        classes=(TABLE_CLASS, f"enhspec-{kind}", "longtable"),
        headers=tuple(m.Cell((m.Text(h),)) for h in headers),
        rows=tuple(tuple(m.Cell(items) for items in cells) for cells in rows),
        widths=tuple(WIDTHS.get(h, 12) for h in headers),
        caption=caption,
    )


def empty(kind: str, what: str) -> m.Paragraph:
    """What a collection shows when nothing matches its filters."""
    return m.Paragraph((m.Emphasis(f"No {what}."),), ("enhspec-empty", f"enhspec-{kind}"))
