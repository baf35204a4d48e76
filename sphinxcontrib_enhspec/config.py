"""The ``enhspec_*`` settings: registration, validation once at start-up, typed access."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

DEFAULTS: dict[str, Any] = {
    "enhspec_spec_statuses": [
        "draft", "proposed", "approved", "implemented", "rejected", "withdrawn", "superseded",
    ],
    "enhspec_requirement_statuses": ["open", "in-progress", "done", "dropped"],
    "enhspec_requirement_kinds": {"ER": "enhancement", "CR": "compatibility", "PR": "performance"},
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
}

RISK_STATUSES = ("open", "mitigated", "accepted", "closed")
PRIORITIES = ("must", "should", "may")
CONFIG_ACTIONS = ("added", "changed", "deprecated", "removed", "renamed")
DEFAULT_KIND = "requirement"
DONE = "done"


def is_done(status: str) -> bool:
    """Whether a requirement status counts as done (a checked box)."""
    return status.casefold() == DONE


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
}


def register(app: Sphinx) -> None:
    """Register every setting as plain data that rebuilds the environment when changed."""
    for name, default in DEFAULTS.items():
        types: frozenset[type] = frozenset({type(default)})
        if name == "enhspec_source_url":
            types = frozenset({str, type(None)})
        elif isinstance(default, list):
            types = frozenset({list, tuple})
        app.add_config_value(name, default, "env", types=types)


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
    unknown = [s for s in config.enhspec_require_verification if s.lower() not in statuses]
    if unknown:
        warn("enhspec_require_verification names unknown spec statuses %s (allowed: %s); "
             "they are ignored", Subtype.CONFIG,
             _setting_location(conf_py, lines, "enhspec_require_verification"),
             ", ".join(unknown), ", ".join(config.enhspec_spec_statuses))
        config.enhspec_require_verification = [
            s for s in config.enhspec_require_verification if s.lower() in statuses
        ]


@dataclass(frozen=True)
class EnhspecConfig:
    """The validated settings, as the rest of the extension reads them."""

    spec_statuses: tuple[str, ...]
    requirement_statuses: tuple[str, ...]
    requirement_kinds: dict[str, str]
    risk_categories: tuple[str, ...]
    levels: tuple[str, ...]
    separator: str
    spec_id_pattern: re.Pattern[str]
    local_id_pattern: re.Pattern[str]
    source_url: str | None

    @property
    def kind_names(self) -> tuple[str, ...]:
        """Every kind a requirement can have, in the settings' order."""
        names = dict.fromkeys([*self.requirement_kinds.values(), DEFAULT_KIND])
        return tuple(names)


def get_config(env: BuildEnvironment) -> EnhspecConfig:
    """The settings of `env`'s project."""
    c = env.config
    return EnhspecConfig(
        spec_statuses=tuple(c.enhspec_spec_statuses),
        requirement_statuses=tuple(c.enhspec_requirement_statuses),
        requirement_kinds=dict(c.enhspec_requirement_kinds),
        risk_categories=tuple(c.enhspec_risk_categories),
        levels=tuple(c.enhspec_levels),
        separator=c.enhspec_id_separator,
        spec_id_pattern=re.compile(c.enhspec_spec_id_pattern),
        local_id_pattern=re.compile(c.enhspec_local_id_pattern),
        source_url=c.enhspec_source_url,
    )
