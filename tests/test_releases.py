"""API changes, deprecations and removals: the directive, the api-changes and
deprecation-timeline collections, the guide's new parts, their warnings and the export; and
the spec's review fields."""

from __future__ import annotations

import json

import pytest
from conftest import twins
from docutils import nodes
from sources import write

pytestmark = pytest.mark.requirement("ENH-100.ER7")

#: (reST line, MyST line, message) of each warning, in the order the build gives them.
WARNINGS = [
    ("enh-2", 4, 3, "enhancement-spec: :date: '2026-13-01' is not an ISO 8601 date "
     "(YYYY-MM-DD); left out [enhspec.invalid_value]"),
    ("enh-2", 4, 3, "enhancement-spec: :discussion: 'ftp://example.org/t/1' is not an http "
     "or https URL; left out [enhspec.invalid_value]"),
    ("enh-2", 24, 28, "config-change: :removed-in: 'someday' is not a PEP 440 version; "
     "ignored [enhspec.invalid_value]"),
    ("enh-2", 28, 33, "api-change: :removed-in: applies to the actions deprecated and "
     "renamed, not 'added'; ignored [enhspec.invalid_value]"),
    ("planning", 18, 22, "spec-index: :columns: 'owner' is not one of id, title, status, "
     "version, date, author, reviewers, approvers, module, release, requirements, risks, "
     "tasks, discussion; ignored [enhspec.invalid_value]"),
    ("enh-1", 28, 31, "exporter.Exporter.write_all@1.0: API 'exporter.Exporter.dump' was to "
     "be removed in 1.5; the project is at release 2.0 and no removal is recorded "
     "[enhspec.overdue]"),
    ("enh-2", 12, 13, "export.tmp@2.1: removes config 'export.tmp' in 2.1, but its "
     "deprecation promised the removal in 2.0 [enhspec.deprecation]"),
    ("enh-2", 16, 18, "exporter.legacy@2.0: removes API 'exporter.legacy', which no earlier "
     "release deprecated [enhspec.deprecation]"),
    ("enh-2", 19, 22, "exporter.late@2.0: :removed-in: 1.0 is not after the release 2.0 of "
     "the change [enhspec.invalid_value]"),
]
TIMELINE_HEAD = ["Name", "Kind", "Deprecated in", "Replacement", "Spec", "State"]


@twins("releases")
def test_warnings_name_file_and_line(build, root):
    project = build(root)
    ext = "md" if root.endswith("myst") else "rst"
    assert project.warnings() == [
        f"{doc}.{ext}:{rst if ext == 'rst' else md}: WARNING: {message}"
        for doc, rst, md, message in WARNINGS
    ]


@twins("releases")
def test_overdue_is_shown_without_warning_when_not_asked(build, root):
    project = build(root, confoverrides={"enhspec_warn_overdue": False})
    assert not [w for w in project.warnings() if "enhspec.overdue" in w]
    timeline = project.tables("planning", "deprecation-timeline")
    assert ["exporter.Exporter.dump", "API", "1.0", "exporter.Exporter.write_all", "ENH-1",
            "overdue"] in timeline[0]


@twins("releases")
def test_api_changes_and_the_deprecation_timeline(build, root):
    project = build(root)
    api = project.tables("planning", "api-changes")
    assert api[0] == [
        ["Name", "Action", "Release", "Signature", "Previous", "Replaces", "Spec"],
        ["exporter.Exporter.run", "changed", "1.0",
         "run(self, workers: int | None = None) -> Report", "run(self) -> Report", "", "ENH-1"],
        ["exporter.Exporter.write_all", "renamed", "1.0", "", "", "exporter.Exporter.dump",
         "ENH-1"],
        ["exporter.serial", "deprecated", "1.0", "", "", "", "ENH-1"],
        ["exporter.added", "added", "2.0", "", "", "", "ENH-2"],
        ["exporter.late", "deprecated", "2.0", "", "", "", "ENH-2"],
        ["exporter.legacy", "removed", "2.0", "", "", "", "ENH-2"],
    ]
    assert api[1] == [api[0][0], api[0][2]]  # :release: 1.0 and :action: renamed
    timeline = project.tables("planning", "deprecation-timeline")
    # A removal release that is not after the deprecating release promises nothing.
    assert timeline[:3] == [
        [TIMELINE_HEAD, ["exporter.Exporter.dump", "API", "1.0", "exporter.Exporter.write_all",
                         "ENH-1", "overdue"]],
        [TIMELINE_HEAD, ["export.lock", "config", "1.0", "", "ENH-1", "removed"],
         ["export.tmp", "config", "1.0", "", "ENH-1", "removed"]],
        [TIMELINE_HEAD, ["exporter.serial", "API", "1.0", "", "ENH-1", "pending"]],
    ]
    assert timeline[3:] == [timeline[2]]  # :from: 2.0 leaves 1.5 and 2.0 out
    doctree = project.resolved("planning")
    rubrics = [n.astext() for n in doctree.findall(nodes.rubric)]
    assert rubrics[:3] == ["Removed in 1.5", "Removed in 2.0", "Removed in 3.0"]


@twins("releases")
def test_the_guide_shows_api_changes_deprecations_and_removals(build, root):
    project = build(root)
    doctree = project.resolved("planning")

    def bullets(kind):
        return [[item.astext() for item in n.findall(nodes.list_item)]
                for n in doctree.findall(nodes.bullet_list) if f"enhspec-{kind}" in n["classes"]]

    assert bullets("deprecations") == [[
        "export.lock (config), removed in 2.0 \u2014 ENH-1",
        "export.tmp (config), removed in 2.0 \u2014 ENH-1",
        # the project is at 2.0: the removal promised for 1.5 is overdue
        "exporter.Exporter.dump (API), removed in 1.5; use exporter.Exporter.write_all "
        "overdue \u2014 ENH-1",
        "exporter.serial (API), removed in 3.0 \u2014 ENH-1",
    ]]  # 2.0's deprecation of exporter.late promises a removal in 1.0: left out
    assert ('<code class="docutils literal notranslate"><span class="pre">'
            'exporter.Exporter.write_all</span></code> <span class="enhspec-badge '
            'enhspec-state-overdue">overdue</span>') in project.text("planning.html")
    assert bullets("removals") == [[
        "export.lock (config), deprecated in 1.0 \u2014 ENH-2",
        "exporter.legacy (API), not deprecated before \u2014 ENH-2",
    ]]
    guide_api = [t for t in project.tables("planning", "api-changes")
                 if t[0][0:2] == ["Name", "Action"] and "Release" not in t[0]]
    assert [row[0] for row in guide_api[0][1:]] == [
        "exporter.Exporter.run", "exporter.Exporter.write_all", "exporter.serial"]


@twins("releases")
def test_card_and_export_carry_the_review_fields(build, root):
    project = build(root)
    fields = next(project.resolved("enh-1").findall(nodes.field_list))
    card = {f[0].astext(): f[1] for f in fields.findall(nodes.field)}
    assert card["Reviewers"].astext() == "Edsger Dijkstra, Tony Hoare"
    assert card["Approvers"].astext() == "Barbara Liskov"
    assert card["Date"].astext() == "2026-11-02"
    [link] = card["Discussion"].findall(nodes.reference)
    assert link["refuri"] == "https://example.org/forum/t/1234"
    assert card["Resolution"].astext() == "https://example.org/forum/t/1234/99"
    data = json.loads(project.text("enhspec.json"))
    specs = {s["id"]: s for s in data["specs"]}
    assert specs["ENH-1"]["reviewers"] == ["Edsger Dijkstra", "Tony Hoare"]
    assert specs["ENH-1"]["approvers"] == ["Barbara Liskov"]
    assert specs["ENH-1"]["discussion"] == "https://example.org/forum/t/1234"
    assert (specs["ENH-2"]["date"], specs["ENH-2"]["discussion"]) == ("", "")
    apis = {c["id"]: c for c in data["api_changes"]}
    assert apis["exporter.Exporter.write_all@1.0"] | {"line": 0} == {
        "type": "api-change", "id": "exporter.Exporter.write_all@1.0",
        "name": "exporter.Exporter.write_all", "spec": "ENH-1", "action": "renamed",
        "signature": "", "previous": "", "replaces": "exporter.Exporter.dump",
        "release": "1.0", "removed_in": "1.5", "docname": "enh-1", "line": 0,
        "anchor": "api-exporter.Exporter.write_all-1.0",
        "uri": "enh-1.html#api-exporter.Exporter.write_all-1.0",
    }
    configs = {c["id"]: c for c in data["config_changes"]}
    assert configs["export.lock@1.0"]["removed_in"] == "2.0"
    assert configs["export.when@2.0"]["removed_in"] == ""  # "someday" was left out


@twins("releases")
def test_spec_index_columns(build, root):
    project = build(root)
    [index] = [t for t in project.tables("planning", "spec-index")]
    assert index == [
        ["ID", "Reviewers", "Approvers", "Discussion"],
        ["ENH-1", "Edsger Dijkstra, Tony Hoare", "Barbara Liskov",
         "https://example.org/forum/t/1234"],
        ["ENH-2", "", "", ""],
    ]
    [table] = [t for t in project.html_tables("planning") if "enhspec-spec-index" in t.classes]
    assert table.rows[1][3].links == [("https://example.org/forum/t/1234", "")]


@twins("releases")
def test_a_recorded_removal_updates_the_timeline_incrementally(build, root):
    project = build(root)
    ext = "md" if root.endswith("myst") else "rst"
    removal = ("\n```{api-change} exporter.serial\n:action: removed\n:release: 3.0\n```\n"
               if ext == "md" else
               "\n.. api-change:: exporter.serial\n   :action: removed\n   :release: 3.0\n")
    path = project.srcdir / f"enh-2.{ext}"
    write(path, path.read_text(encoding="utf-8") + removal)
    again = build(root, srcdir=project.srcdir, freshenv=False)
    timeline = again.tables("planning", "deprecation-timeline")
    assert timeline[2] == [TIMELINE_HEAD,
                           ["exporter.serial", "API", "1.0", "", "ENH-1", "removed"]]
    assert timeline == build(root, srcdir=project.srcdir).tables(
        "planning", "deprecation-timeline")  # as a clean build shows it
