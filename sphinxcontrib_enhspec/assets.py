"""The stylesheet and the optional script, for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
FILES = ("enhspec.css", "enhspec.js")


def add_assets(app: Sphinx) -> None:
    """Link the stylesheet and the script from every page of an HTML build."""
    if app.builder.format == "html":
        # In place before any page is written, so every page links them the same way
        # (Sphinx adds a checksum to the link of a file it finds).
        static = Path(app.builder.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            copy_asset_file(str(STATIC / name), str(static))
        app.add_css_file("enhspec.css")
        app.add_js_file("enhspec.js", defer="defer")
