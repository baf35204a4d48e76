"""The stylesheet and the optional script of HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
STYLESHEET = "enhspec.css"
SCRIPT = "enhspec.js"


def copy_static(app: Sphinx) -> None:
    """Before Sphinx 9.1 (``add_static_dir``): put the files in place for HTML builders."""
    if app.builder.format == "html":
        # Before any page is written, so every page links them the same way (Sphinx adds
        # a checksum to the link of a file it finds).
        static = Path(app.builder.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        for name in (STYLESHEET, SCRIPT):
            copy_asset_file(str(STATIC / name), str(static))
