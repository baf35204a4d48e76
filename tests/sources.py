"""Editing the sources of a copied test root between builds."""

from __future__ import annotations

import os
import time
from pathlib import Path


def write(path: Path, text: str) -> None:
    """Write a source and date it in the future, so Sphinx sees it as changed."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 10
    os.utime(path, (later, later))


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a source by `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    write(path, text.replace(old, new, 1))
