"""How hard the property tests search: a short, fixed-seed search in `make test`, a long
random one in `make fuzz` (``ENHSPEC_FUZZ=1``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: Set by `make fuzz`: search long and at random instead of briefly and repeatably.
FUZZING = os.environ.get("ENHSPEC_FUZZ", "") not in ("", "0")


def search(examples: int, *, steps: int = 10, fuzz_factor: int = 10) -> settings:
    """Settings for a property test: `examples` (and `steps` per stateful example) with a
    fixed seed in `make test`; `fuzz_factor` times as many examples, random, when fuzzing."""
    return settings(
        max_examples=examples * fuzz_factor if FUZZING else examples,
        stateful_step_count=steps * 2 if FUZZING else steps,
        derandomize=not FUZZING,
        deadline=None,
        database=None if not FUZZING else settings.default.database,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
