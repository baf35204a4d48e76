"""Every directive and role on a small project, in reST and in MyST."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.model import ConfigChange, MigrationStep, Requirement, Risk, Spec

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER1", "ENH-100.CR1")


TWINS = pytest.mark.parametrize("root", ["basic", "basic-myst"])
EXT = {"basic": "rst", "basic-myst": "md"}
#: Where each object stands, per root (lines differ between reST and MyST).
LINES = {
    "basic": {"ENH-042": 4, "ENH-042.ER1": 16, "ENH-042.R1": 32, "SEC-1": 14},
    "basic-myst": {"ENH-042": 3, "ENH-042.ER1": 16, "ENH-042.R1": 35, "SEC-1": 13},
}


def read_inventory(path: Path) -> dict[str, tuple[str, str, str]]:
    """objects.inv as name -> (type, uri, display name)."""
    raw = path.read_bytes()
    body = raw.split(b"\n", 4)[4]
    entries = {}
    for line in zlib.decompress(body).decode().splitlines():
        match = re.match(r"(.+?)\s+(\S+)\s+(-?\d+)\s+(\S*)\s+(.*)$", line)
        assert match, line
        name, objtype, _prio, uri, dispname = match.groups()
        if uri.endswith("$"):
            uri = uri[:-1] + name
        if dispname == "-":
            dispname = name
        if objtype.startswith("enhspec:"):
            entries[name] = (objtype, uri, dispname)
    return entries


@TWINS
def test_builds_without_warnings(build, root):
    project = build(root)
    assert project.warnings() == []


@TWINS
def test_records(build, root):
    index = build(root).domain.catalog
    assert sorted(index.objects) == [
        "ENH-017", "ENH-017.ER2", "ENH-042", "ENH-042.CR1", "ENH-042.ER1", "ENH-042.M1",
        "ENH-042.M2", "ENH-042.PR1", "ENH-042.R1", "ENH-042.R2", "KEEP-NAMES", "SEC-1",
    ]
    spec = index.objects["ENH-042"]
    assert isinstance(spec, Spec)
    assert (spec.title, spec.status, spec.version, spec.date) == (
        "Parallel export", "approved", "1.0", "2026-11-23")
    assert spec.authors == ("Ada Lovelace", "Grace Hopper")
    assert (spec.module, spec.release, spec.supersedes, spec.tags) == (
        "exporter", "2.0", ("ENH-017",), ("export", "performance"))
    er1 = index.objects["ENH-042.ER1"]
    assert isinstance(er1, Requirement)
    assert (er1.spec, er1.kind, er1.status, er1.priority) == (
        "ENH-042", "enhancement", "done", "must")
    assert er1.depends == ("CR1", "ENH-017.ER2")
    assert er1.verified_by == (
        "tests/test_export.py::test_parallel_export", "tests/test_export.py::test_x[a,b]")
    assert er1.implemented_by == ("src/exporter/parallel.py",)
    cr1 = index.objects["ENH-042.CR1"]
    assert isinstance(cr1, Requirement)
    assert (cr1.kind, cr1.status, cr1.priority) == ("compatibility", "open", "should")
    pr1 = index.objects["ENH-042.PR1"]
    assert isinstance(pr1, Requirement) and pr1.kind == "performance"
    sec = index.objects["SEC-1"]
    assert isinstance(sec, Requirement)
    assert (sec.spec, sec.kind, sec.status) == ("", "requirement", "in-progress")
    r1 = index.objects["ENH-042.R1"]
    assert isinstance(r1, Risk)
    assert (r1.category, r1.likelihood, r1.impact, r1.status) == (
        "technical", "medium", "high", "open")
    assert r1.affects == ("ER1", "PR1")
    assert r1.mitigation == "Run the export suite under -j 8 in CI."
    r2 = index.objects["ENH-042.R2"]
    assert isinstance(r2, Risk)
    assert (r2.status, r2.mitigation) == (
        "mitigated", "The old option keeps working for one release.")
    m1, m2, keep = (index.objects[i] for i in ("ENH-042.M1", "ENH-042.M2", "KEEP-NAMES"))
    assert isinstance(m1, MigrationStep) and isinstance(m2, MigrationStep)
    assert (m1.title, m1.release, m1.order, m1.breaking) == (
        "Rename export.threads to export.workers", "2.0", 1, True)
    assert (m2.order, m2.breaking) == (5, False)
    assert isinstance(keep, MigrationStep)
    assert (keep.spec, keep.release) == ("ENH-017", "1.5")
    assert sorted(index.config_changes) == ["exporter.threads@2.0", "exporter.workers@2.0"]
    workers = index.config_changes["exporter.workers@2.0"]
    assert isinstance(workers, ConfigChange)
    assert (workers.action, workers.default, workers.previous, workers.replaces) == (
        "renamed", "4", "1", "exporter.threads")
    assert index.config_changes["exporter.threads@2.0"].spec == "ENH-042"
    for ident, line in LINES[root].items():
        assert index.objects[ident].location.lineno == line, ident


@TWINS
def test_html_blocks_and_links(build, root):
    project = build(root)
    export = project.text("export.html")
    assert '<span class="enhspec-box enhspec-box-done">\u2611</span>' in export
    assert 'enhspec-badge enhspec-status-approved">approved</span>' in export
    assert re.search(r'<strong class="enhspec-id">ENH-042.CR1</strong>', export)
    assert ('<code class="docutils literal notranslate"><span class="pre">export</span></code>'
            in export)
    # :depends: links to the local and to the other spec's requirement
    assert 'href="#req-ENH-042.CR1"' in export
    assert 'href="legacy.html#req-ENH-017.ER2"' in export
    index = project.text("index.html")
    links = re.findall(r'<a class="reference internal" href="([^"]+)"[^>]*>'
                       r'<span class="[^"]*">([^<]+)</span></a>', index)
    assert links == [
        ("export.html#spec-ENH-042", "ENH-042"),
        ("export.html#req-ENH-042.ER1", "ENH-042.ER1"),
        ("export.html#req-ENH-042.ER1", "the parallel export"),
        ("export.html#risk-ENH-042.R1", "ENH-042.R1"),
        ("export.html#mig-ENH-042.M1", "ENH-042.M1"),
        ("legacy.html#req-ENH-017.ER2", "ENH-017.ER2"),
    ]
    legacy = project.text("legacy.html")
    # a local ID in a role resolves within the current spec, and shows its full ID
    assert '<a class="reference internal" href="#req-ENH-017.ER2"' in legacy


@TWINS
def test_objects_inventory(build, root):
    inventory = read_inventory(build(root).outdir / "objects.inv")
    # the display name is the full ID, the link text intersphinx shows
    assert inventory["ENH-042"] == ("enhspec:spec", "export.html#spec-ENH-042", "ENH-042")
    assert inventory["ENH-042.ER1"] == (
        "enhspec:requirement", "export.html#req-ENH-042.ER1", "ENH-042.ER1")
    assert inventory["ENH-042.R1"][0] == "enhspec:risk"
    assert inventory["ENH-042.M1"][0] == "enhspec:migration-step"
    assert inventory["SEC-1"] == ("enhspec:requirement", "index.html#req-SEC-1", "SEC-1")
    assert len(inventory) == 12
    assert not any("@" in name for name in inventory)  # config changes have no role


def test_search_index_lists_objects_under_their_spec(build):
    searchindex = build("basic").text("searchindex.js")
    assert re.search(r'"ENH-042":\s*\[\[[^]]*\],\s*\[0,\s*1,\s*1,\s*"req-ENH-042.ER1",\s*"ER1"\]',
                     searchindex)
