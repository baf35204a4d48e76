"""Bad collection options warn at the directive; the collection still shows what is valid."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec.render.to_graphviz import trace_graph

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER3")


COLUMNS = "id, title, kind, status, priority, spec, depends, verified-by, implemented-by, " \
          "risks, tags, suspect"
#: (reST line, MyST line, message)
EXPECTED = [
    (13, 15, "traceability-matrix: :status: 'finished' is not one of open, in-progress, done, "
     "dropped; ignored [enhspec.invalid_value]"),
    (13, 15, "traceability-matrix: :category: does not apply to its rows (filters here: spec, "
     "status, kind, tags, release); ignored [enhspec.invalid_value]"),
    (13, 15, f"traceability-matrix: :columns: 'owner' is not one of {COLUMNS}; ignored "
     "[enhspec.invalid_value]"),
    (13, 15, f"traceability-matrix: :sort: 'weight' is not one of {COLUMNS}; sorting by id "
     "[enhspec.invalid_value]"),
    (20, 23, "spec-index: :group-by: 'colour' is not one of status, release, module, none; "
     "using 'status' [enhspec.invalid_value]"),
    (23, 27, "risk-register: :status: 'gone' is not one of open, mitigated, accepted, closed; "
     "ignored [enhspec.invalid_value]"),
    (26, 31, "config-changes: :action: 'moved' is not one of added, changed, deprecated, "
     "removed, renamed; ignored [enhspec.invalid_value]"),
    (29, 35, "migration-guide: :from: 'one' is not a PEP 440 version; ignored "
     "[enhspec.invalid_value]"),
    (33, 40, "trace-graph: :status: 'nonsense' is not one of draft, proposed, approved, "
     "implemented, rejected, withdrawn, superseded, open, in-progress, done, dropped, "
     "mitigated, accepted, closed; ignored [enhspec.invalid_value]"),
    (33, 40, "trace-graph: :direction: 'sideways' is not one of LR, TB; using 'LR' "
     "[enhspec.invalid_value]"),
    (10, 11, "ENH-1.M1: release 'next' is not a PEP 440 version; migration guides leave it "
     "out [enhspec.invalid_value]"),
    (13, 15, "traceability-matrix: :spec: names unknown spec 'ENH-404' [enhspec.unresolved]"),
]


@pytest.mark.parametrize("root", ["collections-bad", "collections-bad-myst"])
def test_bad_options_warn_and_the_rest_renders(build, root):
    project = build(root)
    myst = root.endswith("myst")
    ext = "md" if myst else "rst"
    assert project.warnings() == [
        f"index.{ext}:{md if myst else rst}: WARNING: {message}" for rst, md, message in EXPECTED
    ]
    [matrix] = project.tables("index", "matrix")
    assert matrix == [["ID", "Title"], ["ENH-1.ER1", "A requirement"]]
    assert "No migration steps or config changes in range." in project.text("index.html")
    # The graph is drawn with every object (its bad filter ignored), left to right.
    [graph] = [n for n in project.resolved("index").findall(trace_graph)]
    assert "rankdir=LR;" in graph["code"]
    assert '"ENH-1" -> "ENH-1.ER1"' in graph["code"]
