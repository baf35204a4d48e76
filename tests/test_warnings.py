"""Bad input: every warning, exactly, with its file and line, in reST and MyST."""

from __future__ import annotations

import pytest
from sphinx.errors import SphinxWarning

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER3")


SPEC_PATTERN = "'^[A-Z][A-Z0-9]*-[0-9]+$'"

#: (document, reST line, MyST line, message), in the order Sphinx reports them:
#: while reading, then the checks after reading, then unresolved roles while writing.
EXPECTED = [
    ("index", 8, 7, "enhancement-spec: spec ID 'enh-1' does not match enhspec_spec_id_pattern "
     f"{SPEC_PATTERN} [enhspec.invalid_id]"),
    ("index", 10, 10, "requirement: local ID 'ER9' has no spec to belong to: put it after an "
     "enhancement-spec, give :spec:, or write a full ID [enhspec.orphan]"),
    ("index", 12, 13, "migration-step: has neither a spec nor an :id:; put it after an "
     "enhancement-spec, or give :spec: or :id: [enhspec.orphan]"),
    ("index", 14, 16, "mitigation: stands outside a risk; put it in the body of a risk "
     "directive [enhspec.orphan]"),
    ("index", 18, 20, "enhancement-spec: :status: 'final' is not one of draft, proposed, "
     "approved, implemented, rejected, withdrawn, superseded; using 'draft' "
     "[enhspec.invalid_value]"),
    ("index", 21, 24, "requirement: :priority: 'urgent' is not one of must, should, may; "
     "using '' [enhspec.invalid_value]"),
    ("index", 21, 24, "requirement: :kind: 'feature' is not one of enhancement, compatibility, "
     "performance, acceptance, testing, requirement; using 'enhancement' "
     "[enhspec.invalid_value]"),
    ("index", 29, 34, "requirement: '9lives' is not an ID: an ID starts with a letter and holds "
     "only letters, digits, '.', '_', '-' and the separator '.' [enhspec.invalid_id]"),
    ("index", 31, 37, "risk: :category: 'social' is not one of technical, user-adoption, "
     "compatibility; using '' [enhspec.invalid_value]"),
    ("index", 31, 37, "risk: :likelihood: 'extreme' is not one of low, medium, high; using '' "
     "[enhspec.invalid_value]"),
    ("index", 36, 43, "migration-step: :order: 'first' is not a whole number; using 1 "
     "[enhspec.invalid_value]"),
    ("index", 36, 43, "migration-step: :breaking: is a flag and takes no value (or one of yes, "
     "true, on, 1, no, false, off, 0); got 'maybe' [enhspec.invalid_value]"),
    ("index", 40, 48, "config-change: :action: 'moved' is not one of added, changed, "
     "deprecated, removed, renamed; using '' [enhspec.invalid_value]"),
    ("index", 48, 59, "requirement: :spec: spec ID 'not a spec' does not match "
     f"enhspec_spec_id_pattern {SPEC_PATTERN}; using the current spec [enhspec.invalid_id]"),
    # after reading
    ("index", 21, 24, "requirements depend on each other in a cycle: ENH-1.ER1 -> ENH-1.ER2 -> "
     "ENH-1.ER1 [enhspec.cycle]"),
    ("index", 21, 24, "ENH-1.ER1: :depends: names unknown requirement 'ER404' "
     "[enhspec.unresolved]"),
    ("index", 31, 37, "ENH-1.R1: :affects: names unknown requirement 'ER77' "
     "[enhspec.unresolved]"),
    ("index", 43, 52, "duplicate config change 'a.b@': also defined at index.{ext}:{line40} "
     "[enhspec.duplicate]"),
    ("index", 45, 55, "ENH-999.ER3: unknown spec 'ENH-999' [enhspec.unresolved]"),
    ("index", 51, 63, "ENH-2: :supersedes: names unknown spec 'ENH-404' [enhspec.unresolved]"),
    ("other", 4, 3, "duplicate ID 'ENH-1.ER1': also defined at index.{ext}:{line21} "
     "[enhspec.duplicate]"),
    ("other", 6, 6, "requirements depend on each other in a cycle: SELF-1 -> SELF-1 "
     "[enhspec.cycle]"),
    # while writing
    ("index", 54, 67, "unknown requirement 'ER404' [enhspec.unresolved]"),
    ("index", 54, 67, "unknown spec 'ENH-405' [enhspec.unresolved]"),
    ("index", 54, 67, "unknown risk 'ENH-1.ER1' (ENH-1.ER1 is a requirement) "
     "[enhspec.unresolved]"),
]


def expected(myst: bool) -> list[str]:
    ext = "md" if myst else "rst"
    fill = {"ext": ext, "line40": 48 if myst else 40, "line21": 24 if myst else 21}
    return [
        f"{doc}.{ext}:{md if myst else rst}: WARNING: {message.format(**fill)}"
        for doc, rst, md, message in EXPECTED
    ]


@pytest.mark.parametrize("root", ["warnings", "warnings-myst"])
def test_every_warning_with_location(build, root):
    project = build(root)
    assert project.warnings() == expected(myst=root.endswith("myst"))


@pytest.mark.parametrize("root", ["warnings", "warnings-myst"])
def test_bad_input_is_still_shown(build, root):
    """Nothing the user wrote is dropped: blocks without a valid ID still render."""
    html = build(root).text("index.html")
    for text in ("Lower-case ID", "Before any spec", "A step with no spec", "Stray.", "9lives",
                 "Bad spec option"):
        assert text in html, text


def test_suppress_warnings_silences_a_subtype(build):
    project = build("warnings", confoverrides={
        "suppress_warnings": ["enhspec.orphan", "enhspec.invalid_value", "enhspec.unresolved",
                              "enhspec.cycle", "enhspec.invalid_id"],
    })
    assert project.warnings() == [
        line for line in expected(myst=False) if "[enhspec.duplicate]" in line
    ]


def test_warnings_fail_a_strict_build(build):
    """``-W``: the build fails (Sphinx 7 stops at the first warning, 8+ at the end)."""
    try:
        project = build("warnings", warningiserror=True)
    except SphinxWarning as error:
        assert "enhspec" in str(error)
    else:
        assert project.app.statuscode == 1
