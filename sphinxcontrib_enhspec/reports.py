"""Warnings about the inputs that are no documents: test results, baselines and the
reviews file.

Sphinx reads no document again when only such a file changed, so these warnings are
emitted on every build, not with the consistency checks of a build that read something.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .config import setting_location
from .derive.checks import suspect_problems, unknown_markers
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from .derive.traces import Traces
    from .sources.baseline import BaselineProblem
    from .sources.junit import Results
    from .sources.reviews import Loaded


def report_inputs(results: Results, reviews: Loaded, traces: Traces, srcdir: str,
                  baselines: list[BaselineProblem], confdir: str) -> None:
    """Warn about unusable results, baselines and reviews files, markers naming no
    requirement, and links and specs that changed since they were reviewed."""
    for problem in results.problems:
        warn("test results %s %s", Subtype.RESULTS, f"{problem.path}:{problem.lineno or ''}",
             os.path.relpath(problem.path, srcdir), problem.message)
    for path, test, req in unknown_markers(results.cases, traces.catalog):
        warn("test %r names unknown requirement %r", Subtype.UNRESOLVED, f"{path}:", test, req)
    for unusable in baselines:
        # A file that is there but unusable is the place to look; a missing one, the setting.
        where = (f"{unusable.path}:" if unusable.exists
                 else setting_location(confdir, "enhspec_baselines"))
        warn("baseline %s (%s) %s", Subtype.BASELINE, where, unusable.name, unusable.path,
             unusable.message)
    for bad in reviews.problems:
        warn("enhspec_reviews: %s; the line is ignored" if bad.lineno else "enhspec_reviews: %s",
             Subtype.CONFIG, f"{reviews.path}:{bad.lineno or ''}", bad.message)
    for found in suspect_problems(traces):
        warn(found.message, found.subtype, found.location.warning_location)

