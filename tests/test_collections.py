"""The collections, as a reader sees them: rows, order, groups, links, summaries."""

from __future__ import annotations

import re

import pytest
from docutils import nodes

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER7")


TWINS = pytest.mark.parametrize("root", ["collections", "collections-myst"])
MATRIX_HEAD = ["ID", "Title", "Status", "Spec", "Verified by", "Risks"]
SPEC_HEAD = ["ID", "Title", "Status", "Version", "Date", "Authors", "Module", "Release",
             "Requirements", "Open risks", "Tasks"]
ENH1 = ["ENH-1", "Parallel export", "approved", "1.2", "2026-10-01", "Ada Lovelace",
        "exporter", "2.0", "2/4", "1", "0/0"]
ENH2 = ["ENH-2", "Command-line export", "draft", "", "", "", "cli", "2.1", "0/2", "2", "0/0"]
ENH3 = ["ENH-3", "Serial export", "implemented", "", "", "", "exporter", "1.5", "1/1", "0",
        "0/0"]


def texts(doctree, cls):
    return [n.astext() for n in doctree.findall(nodes.Element) if cls in n.get("classes", [])]


@TWINS
def test_builds_without_warnings(build, root):
    assert build(root).warnings() == []


@TWINS
def test_traceability_matrices(build, root):
    project = build(root)
    default, compatibility = project.tables("tables", "matrix")
    assert default == [
        MATRIX_HEAD,
        ["ENH-1.CR1", "Old settings keep working", "\u2611 done", "ENH-1", "", ""],
        ["ENH-1.ER1", "Export runs in parallel", "\u2611 done", "ENH-1",
         "tests/test_export.py::test_parallel", "ENH-1.R1"],
        ["ENH-1.ER2", "Workers are configurable", "\u2610 open", "ENH-1", "", "ENH-1.R1"],
        ["ENH-1.PR10", "Ten workers scale linearly", "\u2610 open", "ENH-1", "", ""],
        ["ENH-2.CR1", "Exit codes stay the same", "\u2610 open", "ENH-2", "", ""],
        ["ENH-2.ER1", "A command exports one project", "\u2610 in-progress", "ENH-2", "", ""],
        ["ENH-3.ER1", "Export writes one file at a time", "\u2611 done", "ENH-3", "", ""],
    ]
    assert compatibility == [
        ["ID", "Title", "Kind", "Status", "Priority", "Spec", "Depends on", "Verified by",
         "Implemented by", "Risks", "Tags"],
        # sorted by status in the order of enhspec_requirement_statuses: open before done
        ["ENH-2.CR1", "Exit codes stay the same", "compatibility", "\u2610 open", "", "ENH-2",
         "", "", "", "", ""],
        ["ENH-1.CR1", "Old settings keep working", "compatibility", "\u2611 done", "", "ENH-1",
         "", "", "", "", ""],
    ]
    doctree = project.resolved("tables")
    assert texts(doctree, "enhspec-summary") == [
        "7 requirements, 3 done, 0 verified (0%)", "2 requirements, 1 done, 0 verified (0%)"]
    captions = [t.caption for t in project.html_tables("tables")
                if t.caption and "enhspec-matrix" in t.classes]
    assert captions == ["Compatibility requirements"]


@TWINS
def test_spec_index_groups(build, root):
    project = build(root)
    by_status, by_release = project.tables("tables", "spec-index")[:3], \
        project.tables("tables", "spec-index")[3:]
    assert by_status == [[SPEC_HEAD, ENH2], [SPEC_HEAD, ENH1], [SPEC_HEAD, ENH3]]
    assert by_release == [[SPEC_HEAD, ENH3], [SPEC_HEAD, ENH1], [SPEC_HEAD, ENH2]]
    doctree = project.resolved("tables")
    assert texts(doctree, "enhspec-group") == [
        "draft", "approved", "implemented", "1.5", "2.0", "2.1"]


@TWINS
def test_risk_register_and_grid(build, root):
    project = build(root)
    [register] = project.tables("tables", "risk-register")
    assert register == [
        ["ID", "Title", "Category", "Likelihood", "Impact", "Status", "Mitigation", "Affects"],
        ["ENH-1.R1", "Races in the writer", "technical", "medium", "high", "open",
         "Run the suite under -j 8.", "ENH-1.ER1, ENH-1.ER2"],
        ["ENH-1.R2", "Users keep the old option", "user-adoption", "low", "low", "mitigated",
         "", ""],
        ["ENH-2.R1", "Scripts parse the old output", "compatibility", "high", "medium", "open",
         "", ""],
        ["ENH-2.R2", "Unrated risk", "", "", "", "open", "", ""],
    ]
    [grid] = project.tables("tables", "risk-grid")
    assert grid == [
        ["Likelihood \\ impact", "low", "medium", "high"],
        ["high", "", "ENH-2.R1", ""],
        ["medium", "", "", "ENH-1.R1"],
        ["low", "ENH-1.R2", "", ""],
    ]
    doctree = project.resolved("tables")
    assert texts(doctree, "enhspec-unrated") == ["Not rated: ENH-2.R2"]
    cells = [cell.classes for t in project.html_tables("tables")
             if "enhspec-risk-grid" in t.classes for row in t.rows for cell in row
             if "enhspec-cell" in cell.classes]
    assert cells[2] == ["enhspec-cell", "enhspec-severity-4"]  # high x high


@TWINS
def test_migration_guide(build, root):
    project = build(root)
    doctree = project.resolved("tables")
    guide = texts(doctree, "enhspec-release") + texts(doctree, "enhspec-guide-part")
    assert guide == ["Release 2.0", "Release 2.1", "Configuration changes", "Removals",
                     "Compatibility requirements", "Configuration changes",
                     "Compatibility requirements"]
    removals = [n.astext() for n in doctree.findall(nodes.bullet_list)
                if "enhspec-removals" in n["classes"]]
    assert removals == ["exporter.lock_file (config), deprecated in 1.5 \u2014 ENH-1"]
    steps = texts(doctree, "enhspec-guide-step")
    assert steps == ["ENH-1.M1 Rename threads to workers breaking",
                     "ENH-1.M2 Delete the lock file",
                     "ENH-2.M1 Use export run instead of export"]
    blocks = [b for b in doctree.findall(nodes.literal_block)]
    assert [b.astext() for b in blocks] == ["exporter:\n  workers: 4"]  # copied from enh-1
    changes = project.tables("tables", "config-changes")
    assert changes[0] == [
        ["Key", "Action", "Default", "Previous", "Replaces", "Spec"],
        ["exporter.lock_file", "removed", "", "", "", "ENH-1"],
        ["exporter.workers", "renamed", "4", "1", "exporter.threads", "ENH-1"],
    ]
    assert changes[1] == [["Key", "Action", "Default", "Previous", "Replaces", "Spec"],
                          ["cli.color", "added", "auto", "", "", "ENH-2"]]
    # the config-changes collection, filtered to 2.0
    assert changes[2] == [
        ["Key", "Action", "Release", "Default", "Previous", "Replaces", "Spec"],
        ["exporter.lock_file", "removed", "2.0", "", "", "", "ENH-1"],
        ["exporter.workers", "renamed", "2.0", "4", "1", "exporter.threads", "ENH-1"],
    ]
    compat = [n.astext() for n in doctree.findall(nodes.bullet_list)
              if "enhspec-compatibility" in n["classes"]]
    assert compat == ["ENH-1.CR1 Old settings keep working", "ENH-2.CR1 Exit codes stay the same"]
    assert "Move the output folder" not in doctree.astext()  # 1.5 is outside (1.5, 2.1]


@TWINS
def test_spec_cards_show_derived_fields(build, root):
    project = build(root)

    def card(docname):
        doctree = project.resolved(docname)
        fields = next(doctree.findall(nodes.field_list))
        return {f[0].astext(): f[1].astext() for f in fields.findall(nodes.field)}

    assert card("enh-3")["Superseded by"] == "ENH-1"
    assert card("enh-1")["Requirements"] == "2/4 done"
    assert card("enh-1")["Open risks"] == "1"
    assert "Superseded by" not in card("enh-1")
    # a requirement without tests says nothing of them
    doctree = project.resolved("enh-1")
    lines = [p.astext() for block in doctree.findall(nodes.container)
             if "enhspec-requirement" in block["classes"]
             for p in block.findall(nodes.paragraph) if "enhspec-meta" in p["classes"]]
    assert len(lines) == 4
    assert [line for line in lines if "Verified by" in line] == [
        "Kind: enhancement \u00b7 Priority: must \u00b7 Tags: export \u00b7 Verified by: "
        "tests/test_export.py::test_parallel"]
    assert (card("enh-2")["Requirements"], card("enh-2")["Open risks"]) == ("0/2 done", "2")


@TWINS
def test_links_in_collections_resolve(build, root):
    html = build(root).text("tables.html")
    for href in ("enh-1.html#req-ENH-1.ER1", "enh-1.html#spec-ENH-1", "enh-1.html#risk-ENH-1.R1",
                 "enh-1.html#mig-ENH-1.M1", "enh-2.html#risk-ENH-2.R1"):
        assert f'href="{href}"' in html, href
    pending = re.findall(r'<span class="xref enhspec[^"]*">[^<]+</span>(?!</a>)', html)
    assert pending == []
