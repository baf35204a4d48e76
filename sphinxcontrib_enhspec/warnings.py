"""Typed, located warnings: every problem in user input goes through `warn`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils.nodes import Node

    WarningLocation = Node | str | tuple[str | None, int | None] | None

WARNING_TYPE = "enhspec"

logger = logging.getLogger("sphinxcontrib_enhspec")


class Subtype(str, Enum):
    """The warning subtypes; silence one with ``suppress_warnings = ["enhspec.<name>"]``."""

    DUPLICATE = "duplicate"
    """The same full ID (or config key in one release) is defined twice."""
    UNRESOLVED = "unresolved"
    """A role or an option names an ID that no object has."""
    INVALID_VALUE = "invalid_value"
    """An option value is not one of the allowed values."""
    INVALID_ID = "invalid_id"
    """An ID does not have the form of a spec, local or global ID."""
    ORPHAN = "orphan"
    """A local ID, migration step or mitigation with nothing to belong to."""
    CYCLE = "cycle"
    """Requirements depend on each other in a cycle."""
    UNVERIFIED = "unverified"
    """A requirement of a spec whose status requires verification has no passing test."""
    FAILED = "failed"
    """A test that verifies a requirement failed or errored."""
    RESULTS = "results"
    """A JUnit results file is missing or malformed."""
    EXTERNAL = "external"
    """Another project's export cannot be read."""
    BASELINE = "baseline"
    """A baseline (``enhspec_baselines``) cannot be read as an export."""
    CONFIG = "config"
    """A setting has the wrong type or shape; its default is used."""
    DEPRECATION = "deprecation"
    """A removal without an earlier deprecation, or in another release than promised."""
    POLICY = "policy"
    """A spec breaks a rule that ``enhspec_policies`` sets for its status."""
    SUSPECT = "suspect"
    """A link whose target, or an approved spec whose text, changed since it was reviewed."""
    OVERDUE = "overdue"
    """Work past its date: a spec older than its policy's ``stale_after_days``; with
    ``enhspec_warn_overdue``, a planned milestone past its date and a deprecation whose
    removal release the project has reached."""


def warn(message: str, subtype: Subtype, location: WarningLocation, *args: object) -> None:
    """Emit one ``enhspec`` warning of `subtype` at `location`."""
    logger.warning(
        message, *args, type=WARNING_TYPE, subtype=subtype.value, location=location
    )

