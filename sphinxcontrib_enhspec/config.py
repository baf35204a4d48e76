"""The ``enhspec_*`` settings: defaults, validation once at start-up, the typed value."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dates import EPOCH_VARIABLE, build_date
from .settings import EnhspecConfig
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DEFAULTS: dict[str, Any] = {
    "enhspec_spec_statuses": [
        "draft", "proposed", "approved", "implemented", "rejected", "withdrawn", "superseded",
    ],
    "enhspec_requirement_statuses": ["open", "in-progress", "done", "dropped"],
    "enhspec_requirement_kinds": {"ER": "enhancement", "CR": "compatibility", "PR": "performance",
                                  "AC": "acceptance", "TR": "testing"},
    "enhspec_risk_categories": ["technical", "user-adoption", "compatibility"],
    "enhspec_levels": ["low", "medium", "high"],
    "enhspec_id_separator": ".",
    "enhspec_spec_id_pattern": r"^[A-Z][A-Z0-9]*-[0-9]+$",
    "enhspec_local_id_pattern": r"^[A-Z]+[0-9]+$",
    "enhspec_source_url": None,
    "enhspec_test_results": [],
    "enhspec_require_verification": [],
    "enhspec_json_export": True,
    "enhspec_external": {},
    "enhspec_reviews": None,
    "enhspec_review_statuses": ["approved", "implemented"],
    "enhspec_warn_overdue": False,
}

def _is_str_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value)


def _is_nonempty_str_list(value: object) -> bool:
    return _is_str_list(value) and len(value) > 0  # type: ignore[arg-type]


def _is_kinds(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and k and isinstance(v, str) and v for k, v in value.items()
    )


def _is_regex(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        re.compile(value)
    except re.error:
        return False
    return True


def _is_source_url(value: object) -> bool:
    return value is None or (isinstance(value, str) and "{path}" in value)


def _is_external(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    for name, entry in value.items():
        if not (isinstance(name, str) and name and isinstance(entry, (list, tuple))):
            return False
        if len(entry) != 2 or not isinstance(entry[0], str):
            return False
        if entry[1] is not None and not isinstance(entry[1], str):
            return False
    return True


#: Each setting's check and the words that say what it expects.
CHECKS: dict[str, tuple[Callable[[object], bool], str]] = {
    "enhspec_spec_statuses": (_is_nonempty_str_list, "a non-empty list of strings"),
    "enhspec_requirement_statuses": (_is_nonempty_str_list, "a non-empty list of strings"),
    "enhspec_requirement_kinds": (_is_kinds, "a dict of ID prefix to kind name (strings)"),
    "enhspec_risk_categories": (_is_nonempty_str_list, "a non-empty list of strings"),
    "enhspec_levels": (_is_nonempty_str_list, "a non-empty list of strings, low to high"),
    "enhspec_id_separator": (
        lambda v: isinstance(v, str) and bool(v) and not any(c.isspace() for c in v),
        "a non-empty string without spaces",
    ),
    "enhspec_spec_id_pattern": (_is_regex, "a regular expression string"),
    "enhspec_local_id_pattern": (_is_regex, "a regular expression string"),
    "enhspec_source_url": (_is_source_url, "None or a string containing '{path}'"),
    "enhspec_test_results": (_is_str_list, "a list of paths or globs (strings)"),
    "enhspec_require_verification": (_is_str_list, "a list of spec statuses (strings)"),
    "enhspec_json_export": (lambda v: isinstance(v, bool), "True or False"),
    "enhspec_external": (_is_external, "a dict of name to (base URL, path or None)"),
    "enhspec_reviews": (lambda v: v is None or (isinstance(v, str) and bool(v)),
                        "None or a path (a string)"),
    "enhspec_review_statuses": (_is_str_list, "a list of spec statuses (strings)"),
    "enhspec_warn_overdue": (lambda v: isinstance(v, bool), "True or False"),
}


def types_of(name: str) -> frozenset[type]:
    """The types Sphinx accepts for setting `name` without a warning of its own."""
    default = DEFAULTS[name]
    if name in ("enhspec_source_url", "enhspec_reviews"):
        return frozenset({str, type(None)})
    if isinstance(default, list):
        return frozenset({list, tuple})
    return frozenset({type(default)})


def _setting_location(conf_py: Path, lines: list[str], name: str) -> str:
    """``conf.py:<line>`` of the assignment to `name` (line 1 when set elsewhere, by -D)."""
    assignment = re.compile(rf"^{re.escape(name)}\s*(:[^=]*)?=")
    lineno = next((i for i, line in enumerate(lines, 1) if assignment.match(line)), 1)
    return f"{conf_py}:{lineno}"


def validate(app: Sphinx, config: Config) -> None:
    """Replace each ill-formed setting by its default, with one ``config`` warning each."""
    conf_py = Path(app.confdir, "conf.py")
    lines = conf_py.read_text(encoding="utf-8").splitlines() if conf_py.is_file() else []
    for name, (check, expected) in CHECKS.items():
        value = getattr(config, name)
        if not check(value):
            warn("%s must be %s, not %r; using the default", Subtype.CONFIG,
                 _setting_location(conf_py, lines, name), name, expected, value)
            setattr(config, name, DEFAULTS[name])
    statuses = {s.lower() for s in config.enhspec_spec_statuses}
    for name in ("enhspec_require_verification", "enhspec_review_statuses"):
        unknown = [s for s in getattr(config, name) if s.lower() not in statuses]
        # The default's statuses may be missing from a project's own statuses; no matter.
        if unknown and list(getattr(config, name)) != DEFAULTS[name]:
            warn("%s names unknown spec statuses %s (allowed: %s); they are ignored",
                 Subtype.CONFIG, _setting_location(conf_py, lines, name), name,
                 ", ".join(unknown), ", ".join(config.enhspec_spec_statuses))
            setattr(config, name, [s for s in getattr(config, name) if s.lower() in statuses])
    epoch = os.environ.get(EPOCH_VARIABLE)
    if build_date(epoch)[1]:
        warn("%s must be a whole number of seconds since 1970-01-01 UTC, not %r; using "
             "today's date", Subtype.CONFIG, _setting_location(conf_py, lines, EPOCH_VARIABLE),
             EPOCH_VARIABLE, epoch)


def read(config: Config) -> EnhspecConfig:
    """The validated settings of a project's configuration."""
    return EnhspecConfig(
        spec_statuses=tuple(config.enhspec_spec_statuses),
        requirement_statuses=tuple(config.enhspec_requirement_statuses),
        requirement_kinds=dict(config.enhspec_requirement_kinds),
        risk_categories=tuple(config.enhspec_risk_categories),
        levels=tuple(config.enhspec_levels),
        separator=config.enhspec_id_separator,
        spec_id_pattern=re.compile(config.enhspec_spec_id_pattern),
        local_id_pattern=re.compile(config.enhspec_local_id_pattern),
        source_url=config.enhspec_source_url,
        project_release=str(config.release or ""),
        warn_overdue=config.enhspec_warn_overdue,
        build_date=build_date(os.environ.get(EPOCH_VARIABLE))[0],
        review_statuses=tuple(config.enhspec_review_statuses),
    )
