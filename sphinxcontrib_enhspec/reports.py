"""Warnings about the inputs that are no documents: test results and the reviews file.

Sphinx reads no document again when only such a file changed, so these warnings are
emitted on every build, not with the consistency checks of a build that read something.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .derive.checks import suspect_problems, unknown_markers
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from .domain import EnhspecDomain


def report_inputs(domain: EnhspecDomain) -> None:
    """Warn about unusable results and reviews files, markers naming no requirement, and
    links and specs that changed since they were reviewed."""
    for problem in domain.results.problems:
        warn("test results %s %s", Subtype.RESULTS, f"{problem.path}:{problem.lineno or ''}",
             os.path.relpath(problem.path, domain.env.srcdir), problem.message)
    for path, test, req in unknown_markers(domain.results.cases, domain.catalog):
        warn("test %r names unknown requirement %r", Subtype.UNRESOLVED, f"{path}:", test, req)
    for bad in domain.reviews.problems:
        warn("enhspec_reviews: %s; the line is ignored" if bad.lineno else "enhspec_reviews: %s",
             Subtype.CONFIG, f"{domain.reviews.path}:{bad.lineno or ''}", bad.message)
    for found in suspect_problems(domain.traces):
        warn(found.message, found.subtype, found.location.warning_location)
