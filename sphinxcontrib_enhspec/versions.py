"""Releases as PEP 440 versions, for ordering and ranges."""

from __future__ import annotations

from packaging.version import InvalidVersion, Version


def parse_version(text: str) -> Version | None:
    """`text` as a PEP 440 version, or None."""
    try:
        return Version(text)
    except InvalidVersion:
        return None


def release_key(text: str) -> tuple[int, Version | None, str]:
    """Valid versions in PEP 440 order, then anything else by its text."""
    version = parse_version(text)
    return (0, version, "") if version is not None else (1, None, text)
