"""The template's bold metadata lines (``**Status**: Draft``) as options of
``enhancement-spec``, and where the spec's ID and title come from."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

META = re.compile(r"^\*\*(?P<label>[^*:]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(?P<value>.*?)\s*$")
#: The template's labels (lower case) -> the option of ``enhancement-spec`` they fill.
LABELS = {
    "version": "version", "date": "date", "status": "status", "author": "author",
    "authors": "author", "related module": "module", "module": "module",
    "release": "release", "target release": "release", "supersedes": "supersedes",
    "tags": "tags", "reviewers": "reviewers", "approvers": "approvers",
    "discussion": "discussion", "resolution": "resolution",
}
#: Labels whose value is the spec's ID.
ID_LABELS = ("id", "spec id", "spec", "enhancement id")
#: The words before the title in the template's page title.
TITLE_PREFIX = re.compile(r"^\s*enhancement\s+specification\s*[:\-\u2013\u2014]?\s*", re.I)


def split(line: str) -> tuple[str, str] | None:
    """A metadata line's label and value, or None when `line` is not one."""
    match = META.match(line.strip())
    if not match:
        return None
    return match.group("label").strip(), match.group("value")


def option(label: str, value: str, statuses: Sequence[str],
           spec_pattern: str) -> tuple[str, str] | str:
    """The option and value a metadata line gives, or the reason it is kept as text."""
    name = LABELS.get(label.lower())
    if name is None:
        return f"{label!r} is not a metadata field of enhancement-spec"
    value = value.strip()
    if not value:
        return f"{label!r} has no value"
    if name == "status":
        found = [s for s in statuses if s.lower() == value.lower()]
        if not found:
            return f"{value!r} is not one of the spec statuses ({', '.join(statuses)})"
        return name, found[0]
    if name == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not an ISO 8601 date (YYYY-MM-DD)"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return f"{value!r} is not an ISO 8601 date (YYYY-MM-DD)"
    if name in ("discussion", "resolution") and urlsplit(value).scheme not in ("http", "https"):
        return f"{value!r} is not an http or https URL"
    if name == "supersedes" and not all(
            re.search(spec_pattern, v.strip()) for v in value.split(",")):
        return f"{value!r} is not a list of spec IDs"
    return name, value


def spec_id_of(label: str, value: str, spec_pattern: str) -> str | None:
    """The spec ID a metadata line names, or None."""
    value = value.strip()
    if label.lower() in ID_LABELS and re.search(spec_pattern, value):
        return value
    return None


def title_parts(heading: str, spec_pattern: str) -> tuple[str | None, str]:
    """The spec ID in a page title (``ENH-7: Title``), if any, and the title without it
    and without the template's "Enhancement Specification:"."""
    text = TITLE_PREFIX.sub("", heading).strip()
    first, _, rest = text.partition(" ")
    candidate = first.rstrip(":,.\u2013\u2014-")
    if candidate and re.search(spec_pattern, candidate):
        return candidate, rest.lstrip(":-\u2013\u2014 ").strip()
    return None, text
