"""Reviews and suspect links in real builds: warnings, the matrix's column, the register's
marks, every build mode."""

from __future__ import annotations

import pytest
from conftest import twins
from sources import edit, write

from sphinxcontrib_enhspec.cli import main

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER11")

#: (reST line, MyST line, message) of each warning of the roots as committed.
SUSPECT = [
    ("enh-1", 4, 3, "ENH-1 is approved, and its text or its requirements changed since it "
     "was reviewed; review it, then run 'enhspec review ENH-1' [enhspec.suspect]"),
    ("enh-1", 9, 9, "ENH-1.ER1 depends on ENH-1.ER2, which changed since the link was "
     "reviewed; check the link, then run 'enhspec review ENH-1.ER1' [enhspec.suspect]"),
    ("enh-1", 19, 21, "ENH-1.ER3 depends on ENH-2.ER1, which changed since the link was "
     "reviewed; check the link, then run 'enhspec review ENH-1.ER3' [enhspec.suspect]"),
    ("enh-1", 24, 27, "ENH-1.R1 affects ENH-1.ER3, which changed since the link was "
     "reviewed; check the link, then run 'enhspec review ENH-1.R1' [enhspec.suspect]"),
]
MATRIX = [["ID", "Depends on", "Suspect"],
          ["ENH-1.ER1", "ENH-1.ER2", "ENH-1.ER2"],
          ["ENH-1.ER2", "", ""],
          ["ENH-1.ER3", "ENH-1.ER2, ENH-2.ER1", "ENH-2.ER1"],
          ["ENH-2.ER1", "", ""],
          ["ENH-2.ER2", "ENH-1.ER1", ""]]
REGISTER_ROW = ["ENH-1.R1", "Readers see a partial file", "", "low", "high", "open", "",
                "ENH-1.ER2, ENH-1.ER3 suspect"]


def expected(root, which=SUSPECT):
    myst = root.endswith("myst")
    return [f"{doc}.{'md' if myst else 'rst'}:{md if myst else rst}: WARNING: {message}"
            for doc, rst, md, message in which]


def review_all(project):
    """``enhspec review --all`` from the project's export into its reviews file."""
    return main(["review", "--all", "--export", str(project.outdir / "enhspec.json"),
                 "--file", str(project.srcdir / "enhspec-reviews.json")])


@twins("reviews")
def test_suspect_links_and_specs_warn_at_their_source(build, root):
    project = build(root)
    assert project.warnings() == expected(root)


@twins("reviews")
def test_the_matrix_and_the_register_mark_suspect_links(build, root):
    project = build(root)
    assert project.tables("tables", "matrix") == [MATRIX]
    [register] = project.tables("tables", "risk-register")
    assert register[1] == REGISTER_ROW
    [table] = [t for t in project.html_tables("tables") if "enhspec-risk-register" in t.classes]
    affects = table.rows[1][-1]
    assert [href for href, _ in affects.links] == ["enh-1.html#req-ENH-1.ER2",
                                                   "enh-1.html#req-ENH-1.ER3"]
    html = project.text("tables.html")
    assert '<span class="enhspec-badge enhspec-state-suspect">suspect</span>' in html
    text = build(root, "text").text("tables.txt")
    assert "| Suspect " in text and "suspect  " in text
    assert "| *ENH-1.ER3*    | *ENH-1.ER2*,     | *ENH-2.ER1*      |" in text


@twins("reviews")
def test_nothing_is_suspect_once_reviewed(build, root, capsys):
    first = build(root)
    assert review_all(first) == 0
    # Two of the committed records were current; one was of a link that no longer exists.
    path = first.srcdir / "enhspec-reviews.json"
    assert capsys.readouterr().out == (
        f"{path}: 6 records written; 6 links and 2 specs recorded in all\n")
    again = build(root, srcdir=first.srcdir)
    assert again.warnings() == []
    assert [row[2] for row in again.tables("tables", "matrix")[0][1:]] == [""] * 5
    assert again.tables("tables", "risk-register")[0][1][-1] == "ENH-1.ER2, ENH-1.ER3"


@twins("reviews")
def test_a_malformed_reviews_file_warns_at_its_lines_and_the_rest_is_used(build, root, tmp_path):
    project = build(root)
    path = project.srcdir / "enhspec-reviews.json"
    lines = path.read_text().splitlines()
    lines[1:1] = ["{not json", '{"spec": "ENH-9"}']
    path.write_text("\n".join(lines) + "\n")
    again = build(root, srcdir=project.srcdir)
    assert again.warnings() == [
        "enhspec-reviews.json:2: WARNING: enhspec_reviews: not a JSON record (Expecting "
        "property name enclosed in double quotes: line 1 column 2 (char 1)); the line is "
        "ignored [enhspec.config]",
        "enhspec-reviews.json:3: WARNING: enhspec_reviews: not a review record: it is not "
        '{"source", "target", "fingerprint"} nor {"spec", "fingerprint"} with text values; '
        "the line is ignored [enhspec.config]",
        *expected(root)]
    path.unlink()
    path.mkdir()
    unreadable = build(root, srcdir=project.srcdir)
    [warning] = unreadable.warnings()
    assert warning.startswith("enhspec-reviews.json:: WARNING: enhspec_reviews: cannot be "
                              "read: ")
    assert warning.endswith("[enhspec.config]")


@twins("reviews")
def test_settings(build, root):
    gated = build(root, confoverrides={"enhspec_review_statuses": ["implemented"]})
    assert gated.warnings() == expected(root, SUSPECT[1:])
    off = build(root, confoverrides={"enhspec_reviews": None})
    assert off.warnings() == []
    assert [row[2] for row in off.tables("tables", "matrix")[0][1:]] == [""] * 5
    wrong = build(root, confoverrides={"enhspec_reviews": 3,
                                       "enhspec_review_statuses": ["implemented", "aproved"]})
    assert wrong.warnings() == [
        "conf.py:2: WARNING: enhspec_reviews must be None or a path (a string), not 3; "
        "using the default [enhspec.config]",
        "conf.py:1: WARNING: enhspec_review_statuses names unknown spec statuses aproved "
        "(allowed: draft, proposed, approved, implemented, rejected, withdrawn, superseded); "
        "they are ignored [enhspec.config]"]


@twins("reviews")
def test_incremental_builds_follow_the_targets_and_the_file(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    first = build(root)
    src = first.srcdir
    # Only the reviews file changes: no document is read, the warnings and the matrix
    # page follow it all the same.
    before = {p.name: p.stat().st_mtime_ns for p in first.outdir.glob("*.html")}
    assert review_all(first) == 0
    reviewed = build(root, srcdir=src, freshenv=False)
    assert reviewed.warnings() == []
    assert [row[2] for row in reviewed.tables("tables", "matrix")[0][1:]] == [""] * 5
    after = {p.name: p.stat().st_mtime_ns for p in reviewed.outdir.glob("*.html")}
    rewritten = {name for name in after if after[name] != before[name]}
    # Sphinx rewrites the root document and the indexes after any update by itself.
    assert rewritten - {"index.html", "genindex.html", "search.html"} == {"tables.html"}
    # A target edited in another document makes the links to it suspect.
    edit(src / f"enh-2.{ext}", "may be written as gzip", "may be written as gzip or zstd")
    edited = build(root, srcdir=src, freshenv=False)
    line = 19 if ext == "rst" else 21
    assert edited.warnings() == [
        f"enh-1.{ext}:{line}: WARNING: ENH-1.ER3 depends on ENH-2.ER1, which changed since "
        "the link was reviewed; check the link, then run 'enhspec review ENH-1.ER3' "
        "[enhspec.suspect]"]
    matrix = edited.tables("tables", "matrix")[0]
    assert matrix[3] == ["ENH-1.ER3", "ENH-1.ER2, ENH-2.ER1", "ENH-2.ER1"]
    clean = build(root, srcdir=src)
    assert clean.warnings() == edited.warnings()
    assert clean.tables("tables", "matrix") == edited.tables("tables", "matrix")
    # Deleting the requirement that holds the link leaves its record ignored.
    edit(src / f"enh-1.{ext}", ":depends: ER2, ENH-2.ER1", ":depends: ER2")
    deleted = build(root, srcdir=src, freshenv=False)
    assert deleted.warnings() == []


@twins("reviews")
def test_parallel_builds_and_other_builders_warn_the_same(build, root):
    ext = "md" if root.endswith("myst") else "rst"
    serial = build(root)
    for n in range(4):  # more than five documents, so that -j 2 reads in parallel
        orphan = "---\norphan: true\n---\n\n# Note\n" if ext == "md" else \
            ":orphan:\n\nNote\n====\n"
        write(serial.srcdir / f"note-{n}.{ext}", orphan)
    serial = build(root, srcdir=serial.srcdir)
    parallel = build(root, srcdir=serial.srcdir, parallel=2)
    assert parallel.app.parallel == 2
    assert serial.warnings() == expected(root)
    assert sorted(parallel.warnings()) == sorted(serial.warnings())
    assert parallel.tables("tables", "matrix") == [MATRIX]
    assert parallel.text("tables.html") == serial.text("tables.html")
    for builder in ("dummy", "latex", "singlehtml"):
        assert build(root, builder, srcdir=serial.srcdir).warnings() == expected(root), builder


@pytest.mark.parametrize("root", ["reviews"])
def test_the_export_keeps_what_the_reviews_compare(build, root):
    """The build and ``enhspec review`` compute a spec's fingerprint the same way."""
    project = build(root)
    path = project.srcdir / "enhspec-reviews.json"
    assert review_all(project) == 0
    specs = [line for line in path.read_text().splitlines() if line.startswith('{"spec"')]
    traces = project.domain.traces
    assert specs == [
        f'{{"spec": "{spec}", "fingerprint": "{traces.spec_fingerprint(spec)}"}}'
        for spec in ("ENH-1", "ENH-2")]
