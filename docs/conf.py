"""Sphinx configuration of the sphinxcontrib-enhspec documentation."""

from sphinxcontrib_enhspec import __version__

project = "sphinxcontrib-enhspec"
author = "The sphinxcontrib-enhspec developers"
copyright = "the sphinxcontrib-enhspec developers"
version = release = __version__

extensions = ["myst_parser", "sphinxcontrib_enhspec"]
myst_enable_extensions = ["colon_fence"]

exclude_patterns = ["_build"]
html_theme = "alabaster"
