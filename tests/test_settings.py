"""The ``enhspec_*`` settings: custom values take effect, bad ones warn once at conf.py."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec.model import Requirement, Risk, Spec

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER3")


TWINS = ["settings", "settings-myst"]


@pytest.mark.parametrize("root", TWINS)
def test_custom_settings_take_effect(build, root):
    project = build(root)
    assert project.warnings() == []
    index = project.domain.catalog
    # ER1 does not match this project's local pattern: it is a global ID, kept as written
    assert sorted(index.objects) == [
        "ER1", "RFC7", "RFC7/F1", "RFC7/R1", "RFC7/S2", "RFC7/S3", "RFC8"]
    assert index.objects["ER1"].spec == "RFC7"
    spec = index.objects["RFC7"]
    assert isinstance(spec, Spec) and spec.status == "accepted"
    # with no "draft" among the statuses, a spec starts in the first one
    assert index.objects["RFC8"].status == "idea"
    kinds = {i: r.kind for i, r in index.objects.items() if isinstance(r, Requirement)}
    assert kinds == {"RFC7/F1": "functional", "RFC7/S2": "security", "ER1": "requirement",
                     "RFC7/S3": "security"}
    f1 = index.objects["RFC7/F1"]
    assert isinstance(f1, Requirement) and f1.status == "done"
    s2 = index.objects["RFC7/S2"]
    assert isinstance(s2, Requirement) and s2.status == "todo"
    risk = index.objects["RFC7/R1"]
    assert isinstance(risk, Risk)
    assert (risk.category, risk.likelihood) == ("legal", "critical")
    html = project.text("index.html")
    assert ('<a class="reference external" href="https://example.org/repo/blob/main/src/a.py">'
            in html)
    assert 'href="#req-RFC7-F1"' in html
    assert '<span class="enhspec-box enhspec-box-done">\u2611</span>' in html


@pytest.mark.parametrize("root", ["config", "config-myst"])
def test_bad_settings_warn_at_conf_py_and_use_defaults(build, root):
    project = build(root)
    assert project.warnings() == [
        "conf.py:2: WARNING: enhspec_spec_statuses must be a non-empty list of strings, "
        "not 'draft'; using the default [enhspec.config]",
        "conf.py:3: WARNING: enhspec_requirement_kinds must be a dict of ID prefix to kind "
        "name (strings), not ['ER']; using the default [enhspec.config]",
        "conf.py:10: WARNING: enhspec_levels must be a non-empty list of strings, low to high, "
        "not []; using the default [enhspec.config]",
        "conf.py:4: WARNING: enhspec_id_separator must be a non-empty string without spaces, "
        "not ''; using the default [enhspec.config]",
        "conf.py:5: WARNING: enhspec_spec_id_pattern must be a regular expression string, "
        "not '(['; using the default [enhspec.config]",
        "conf.py:6: WARNING: enhspec_source_url must be None or a string containing '{path}', "
        "not 'https://example.org/'; using the default [enhspec.config]",
        "conf.py:8: WARNING: enhspec_json_export must be True or False, not 'yes'; using the "
        "default [enhspec.config]",
        "conf.py:9: WARNING: enhspec_external must be a dict of name to (base URL, path or "
        "None), not {'core': 'https://core.example.org/'}; using the default [enhspec.config]",
        "conf.py:7: WARNING: enhspec_require_verification names unknown spec statuses golden "
        "(allowed: draft, proposed, approved, implemented, rejected, withdrawn, superseded); "
        "they are ignored [enhspec.config]",
        # the valid part of the setting is in force
        f"index.{'md' if root.endswith('myst') else 'rst'}:7: WARNING: ENH-1.ER1 is not "
        "verified, and its spec ENH-1 is approved: no test verifies it [enhspec.unverified]",
    ]
    config = project.app.config
    assert config.enhspec_spec_statuses[0] == "draft"
    assert config.enhspec_id_separator == "."
    assert config.enhspec_require_verification == ["approved"]
    index = project.domain.catalog
    assert sorted(index.objects) == ["ENH-1", "ENH-1.ER1"]
    er1 = index.objects["ENH-1.ER1"]
    assert isinstance(er1, Requirement) and er1.kind == "enhancement"


def test_override_from_the_command_line_is_located_at_conf_py(build):
    project = build("basic", confoverrides={"enhspec_id_separator": "a b"})
    assert project.warnings() == [
        "conf.py:1: WARNING: enhspec_id_separator must be a non-empty string without spaces, "
        "not 'a b'; using the default [enhspec.config]",
    ]
    assert "ENH-042.ER1" in project.domain.catalog.objects
