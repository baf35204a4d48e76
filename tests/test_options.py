"""An option a directive does not know, a missing argument, and an argument or content a
directive does not take are ``enhspec`` warnings at the directive, in reST and MyST alike,
instead of docutils' or MyST's own errors; the directive keeps the rest."""

from __future__ import annotations

import pytest
from conftest import twins

pytestmark = pytest.mark.requirement("ENH-100.ER3")


@twins("options")
def test_unknown_options_warn_and_are_ignored(build, root):
    project = build(root)
    ext = "md" if root.endswith("myst") else "rst"
    lines = {"rst": (4, 7, 13, 17, 23, 27, 29, 32), "md": (3, 7, 15, 20, 25, 30, 33, 37)}[ext]
    assert project.warnings() == [
        f"index.{ext}:{lines[0]}: WARNING: enhancement-spec: unknown option :class: (options "
        "here: version, date, status, author, module, release, supersedes, tags, reviewers, "
        "approvers, discussion, resolution); ignored "
        "[enhspec.invalid_value]",
        f"index.{ext}:{lines[1]}: WARNING: requirement: unknown option :depend: (options "
        "here: kind, status, priority, depends, verified-by, implemented-by, tags, spec); "
        "ignored [enhspec.invalid_value]",
        f"index.{ext}:{lines[2]}: WARNING: config-changes: unknown option :foo: (options "
        "here: spec, status, kind, category, tags, release, action, caption); ignored "
        "[enhspec.invalid_value]",
        f"index.{ext}:{lines[3]}: WARNING: requirement: needs an ID and a title; none given "
        "[enhspec.invalid_id]",
        f"index.{ext}:{lines[4]}: WARNING: mitigation: takes no argument; 'An argument' "
        "ignored [enhspec.invalid_value]",
        f"index.{ext}:{lines[5]}: WARNING: migration-step: needs a title; none given "
        "[enhspec.invalid_value]",
        f"index.{ext}:{lines[6]}: WARNING: config-change: needs a key; none given "
        "[enhspec.invalid_value]",
        f"index.{ext}:{lines[7]}: WARNING: traceability-matrix: takes no argument; "
        "'An argument' ignored [enhspec.invalid_value]",
        f"index.{ext}:{lines[7]}: WARNING: traceability-matrix: takes no content; 1 line(s) "
        "ignored [enhspec.invalid_value]",
    ]
    er1 = project.domain.catalog.objects["ENH-1.ER1"]
    assert er1.status == "done"
    assert er1.depends == ()
    assert "ENH-1" in project.domain.catalog.objects
    # What the ID-less and argument-less directives hold is still on the page.
    html = project.text("index.html")
    assert "A body without an ID is kept." in html
    assert "Mitigated." in html
    assert "Content of a matrix" not in html  # warned about, as the matrix takes none
