"""Sphinx configuration of the sphinxcontrib-enhspec documentation."""

from pathlib import Path

from sphinxcontrib_enhspec import __version__

project = "sphinxcontrib-enhspec"
author = "The sphinxcontrib-enhspec developers"
copyright = "the sphinxcontrib-enhspec developers"
version = release = __version__

extensions = ["myst_parser", "sphinxcontrib_enhspec"]
myst_enable_extensions = ["colon_fence"]

exclude_patterns = ["_build"]

# The example specs as they were at their first review, before the edits that
# examples/changes shows (made with tests/make_baselines.py --docs).
enhspec_baselines = {"1.0": "examples/baseline.json"}
html_theme = "alabaster"

# `make test` writes this report; with it, the project's own spec (project/enh-100) shows
# its test outcomes, and every requirement of an implemented spec must have a passing test.
if (Path(__file__).parent.parent / "reports" / "junit.xml").is_file():
    enhspec_test_results = ["../reports/junit.xml"]
    enhspec_require_verification = ["implemented"]
