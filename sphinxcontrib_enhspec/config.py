"""The ``enhspec_*`` settings: defaults, validation once at start-up, the typed value."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dates import EPOCH_VARIABLE, build_date
from .model import SPEC_OPTIONS
from .settings import EnhspecConfig, Policy
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
    "enhspec_policies": {},
    "enhspec_baselines": {},
    "enhspec_reviews": None,
    "enhspec_review_statuses": ["approved", "implemented"],
    "enhspec_warn_overdue": False,
}

def _is_str_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value)


def _is_nonempty_str_list(value: object) -> bool:
    return _is_str_list(value) and len(value) > 0  # type: ignore[arg-type]


def _is_str_dict(value: object) -> bool:
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
    "enhspec_requirement_kinds": (_is_str_dict, "a dict of ID prefix to kind name (strings)"),
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
    "enhspec_policies": (lambda v: isinstance(v, dict), "a dict of spec status to rules"),
    "enhspec_baselines": (_is_str_dict, "a dict of name to the path of an earlier export"),
    "enhspec_reviews": (lambda v: v is None or (isinstance(v, str) and bool(v)),
                        "None or a path (a string)"),
    "enhspec_review_statuses": (_is_str_list, "a list of spec statuses (strings)"),
    "enhspec_warn_overdue": (lambda v: isinstance(v, bool), "True or False"),
}


def _is_days(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


#: Each rule of a lifecycle policy: its check and the words that say what it expects.
RULES: dict[str, tuple[Callable[[object], bool], str]] = {
    "fields": (_is_str_list, "a list of enhancement-spec options (strings)"),
    "sections": (_is_str_list, "a list of section titles (strings)"),
    "requirements_done": (lambda v: isinstance(v, bool), "True or False"),
    "tasks_done": (lambda v: isinstance(v, bool), "True or False"),
    "stale_after_days": (_is_days, "a whole number of days, 0 or more"),
}


def check_policies(value: dict[object, object], statuses: Sequence[str]
                   ) -> tuple[dict[str, dict[str, object]], list[str]]:
    """The well-formed rules of ``enhspec_policies`` by status, and what is wrong with the
    others, which are left out."""
    known = {status.casefold() for status in statuses}
    kept: dict[str, dict[str, object]] = {}
    problems = []
    for status, rules in value.items():
        where = f"enhspec_policies[{status!r}]"
        if not isinstance(status, str) or status.casefold() not in known:
            problems.append(f"enhspec_policies names unknown spec status {status!r} (allowed: "
                            f"{', '.join(statuses)}); its rules are ignored")
        elif status.casefold() in {s.casefold() for s in kept}:
            problems.append(f"enhspec_policies names spec status {status!r} twice; the "
                            "second one's rules are ignored")
        elif not isinstance(rules, dict):
            problems.append(f"{where} must be a dict of rule name to value, not {rules!r}; its "
                            "rules are ignored")
        else:
            kept[status] = _rules(where, rules, problems)
    return kept, problems


def _rules(where: str, rules: dict[object, object], problems: list[str]) -> dict[str, object]:
    """The well-formed rules of one status; a message in `problems` for each other one."""
    good: dict[str, object] = {}
    for rule, setting in rules.items():
        if not isinstance(rule, str) or rule not in RULES:
            problems.append(f"{where} has unknown rule {rule!r} (allowed: {', '.join(RULES)}); "
                            "it is ignored")
            continue
        check, expected = RULES[rule]
        if not check(setting):
            problems.append(f"{where}[{rule!r}] must be {expected}, not {setting!r}; the rule "
                            "is ignored")
            continue
        if rule == "fields" and isinstance(setting, (list, tuple)):
            unknown = [name for name in setting if name not in SPEC_OPTIONS]
            if unknown:
                problems.append(f"{where}['fields'] names unknown options "
                                f"{', '.join(map(repr, unknown))} (allowed: "
                                f"{', '.join(SPEC_OPTIONS)}); the rule is ignored")
                continue
        good[rule] = list(setting) if isinstance(setting, (list, tuple)) else setting
    return good


def policies(value: dict[str, dict[str, Any]]) -> dict[str, Policy]:
    """Checked ``enhspec_policies`` as typed values, by case-folded status."""
    return {status.casefold(): Policy(
        fields=tuple(rules.get("fields", ())), sections=tuple(rules.get("sections", ())),
        requirements_done=rules.get("requirements_done", False),
        tasks_done=rules.get("tasks_done", False),
        stale_after_days=rules.get("stale_after_days"),
    ) for status, rules in value.items()}


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


def setting_location(confdir: str | os.PathLike[str], name: str) -> str:
    """``conf.py:<line>`` of the assignment to setting `name`."""
    conf_py = Path(confdir, "conf.py")
    lines = conf_py.read_text(encoding="utf-8").splitlines() if conf_py.is_file() else []
    return _setting_location(conf_py, lines, name)


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
    config.enhspec_policies, problems = check_policies(config.enhspec_policies,
                                                       config.enhspec_spec_statuses)
    for problem in problems:
        warn("%s", Subtype.CONFIG, _setting_location(conf_py, lines, "enhspec_policies"),
             problem)
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
        graphviz=dot_program(config) is not None,
        policies=policies(config.enhspec_policies),
        review_statuses=tuple(config.enhspec_review_statuses),
    )


def dot_program(config: Config) -> str | None:
    """The path of Graphviz's ``dot`` (``graphviz_dot``), None when it is not found."""
    name = getattr(config, "graphviz_dot", "") or ""
    return shutil.which(name) if name else None


def warn_missing_dot(confdir: str | os.PathLike[str], config: Config) -> None:
    """The one warning of a build whose trace graphs cannot be drawn."""
    warn("graphviz_dot: the program %r is not found, so trace graphs show their DOT source; "
         "install Graphviz or set graphviz_dot to its dot program", Subtype.CONFIG,
         setting_location(confdir, "graphviz_dot"), getattr(config, "graphviz_dot", ""))
