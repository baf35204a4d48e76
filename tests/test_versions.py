"""Releases as PEP 440 versions, without Sphinx."""

from __future__ import annotations

from sphinxcontrib_enhspec.versions import parse_version, release_key


def test_releases_sort_as_versions_then_as_text() -> None:
    releases = ["10.0", "next", "2.0", "", "1.0rc1", "2.0.1", "Later"]
    assert sorted(releases, key=release_key) == [
        "1.0rc1", "2.0", "2.0.1", "10.0", "", "Later", "next"]
    assert release_key("2.0") == release_key("2.0.0")
    assert parse_version("2.0") == parse_version("2.0.0")
    assert parse_version("next") is None
