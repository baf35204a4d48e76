"""What collections copy from other pages: placeholders inside copied bodies are filled,
and links to pages a builder leaves out show as text."""

from __future__ import annotations

import re

import pytest
from conftest import twins

pytestmark = pytest.mark.requirement("ENH-100.ER7", "ENH-100.CR2")

CONF = {"version": "1.0", "copyright": "2026, the authors", "project": "Copies"}
PASSED = ('Verified by: <span class="enhspec-test enhspec-test-verified-by"><code class="docutils '
          'literal notranslate"><span class="pre">tests/test_export.py::test_workers</span>'
          '</code> <span class="enhspec-badge enhspec-outcome-passed">passed</span>')
NOTE = "This collection is shown on the page it is written in."


@twins("copies")
def test_copied_step_bodies_have_their_placeholders_filled(build, root):
    project = build(root)
    assert project.warnings() == []
    guide = project.text("index.html")
    # the requirement inside the step, copied into the guide, with its test's outcome
    # in the copy of the step, and in the copy of the guide that the step holds
    assert guide.count(PASSED) == 2
    # the config changes listed inside the step are listed in the copy as well
    assert guide.count("<td><p><code") >= 1 and "exporter.threads" in guide
    # the step's own guide is shown in the copy; the collections inside that copy of a
    # copy (the guide and the config changes) are a note, so copying ends
    assert guide.count(NOTE) == 2
    assert project.text("steps.html").count(PASSED) == 3


@twins("copies")
@pytest.mark.parametrize("builder", ["latex", "texinfo"])
def test_links_to_pages_left_out_are_text(build, root, builder):
    project = build(root, builder, confoverrides=CONF)
    assert project.warnings() == []
    out = project.text("copies.tex" if builder == "latex" else "copies.texi")
    if builder == "latex":
        # Sphinx 7 writes one \DUrole with all classes, later ones one per class
        assert re.search(r"\\DUrole\{[^{}]*enhspec-req\}\{ENH\\sphinxhyphen\{\}9\.ER1\}", out)
        assert r"\hyperref[\detokenize{orphan:" not in out
        assert r"\hyperref[\detokenize{steps:req-ENH-1.CR1}]" in out
    else:
        assert "ENH-9.ER1" in out
        assert "@ref{" in out and "orphan" not in out.split("@ref{", 1)[1].split("}", 1)[0]
