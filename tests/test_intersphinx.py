"""Another project links to our requirements through intersphinx and objects.inv."""

from __future__ import annotations

import re

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.CR3")


BASE = "https://core.example.org/"


@pytest.mark.parametrize("root", ["intersphinx", "intersphinx-myst"])
def test_links_from_a_second_project_resolve(build, root):
    core = build("basic")
    inventory = core.outdir / "objects.inv"
    consumer = build(root, confoverrides={
        "intersphinx_mapping": {"core": (BASE, str(inventory))},
    })
    assert consumer.warnings() == []
    html = consumer.text("index.html")
    external = re.findall(r'<a class="reference external" href="([^"]+)"[^>]*>'
                          r'<span[^>]*>([^<]+)</span></a>', html)
    assert external == [
        (f"{BASE}export.html#req-ENH-042.ER1", "ENH-042.ER1"),
        (f"{BASE}export.html#req-ENH-042.CR1", "ENH-042.CR1"),
        (f"{BASE}export.html#spec-ENH-042", "ENH-042"),
        (f"{BASE}export.html#risk-ENH-042.R1", "ENH-042.R1"),
        (f"{BASE}export.html#req-ENH-042.PR1", "ENH-042.PR1"),
    ]
    assert 'href="#req-APP-1.ER1"' in html
