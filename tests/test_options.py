"""An option a directive does not know is an ``enhspec`` warning at the directive, in reST
and MyST alike; the directive keeps its other options and its object."""

from __future__ import annotations

import pytest
from conftest import twins

pytestmark = pytest.mark.requirement("ENH-100.ER3")


@twins("options")
def test_unknown_options_warn_and_are_ignored(build, root):
    project = build(root)
    ext = "md" if root.endswith("myst") else "rst"
    lines = {"rst": (4, 7, 13), "md": (3, 7, 15)}[ext]
    assert project.warnings() == [
        f"index.{ext}:{lines[0]}: WARNING: enhancement-spec: unknown option :class: (options "
        "here: version, date, status, author, module, release, supersedes, tags); ignored "
        "[enhspec.invalid_value]",
        f"index.{ext}:{lines[1]}: WARNING: requirement: unknown option :depend: (options "
        "here: kind, status, priority, depends, verified-by, implemented-by, tags, spec); "
        "ignored [enhspec.invalid_value]",
        f"index.{ext}:{lines[2]}: WARNING: config-changes: unknown option :foo: (options "
        "here: spec, status, kind, category, tags, release, action, caption); ignored "
        "[enhspec.invalid_value]",
    ]
    er1 = project.domain.catalog.objects["ENH-1.ER1"]
    assert er1.status == "done"
    assert er1.depends == ()
    assert "ENH-1" in project.domain.catalog.objects
