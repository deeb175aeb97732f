"""Hypothesis profiles for the fuzz tests.

"ci" (the default): derandomized, so a CI failure reproduces anywhere; no example database
written into the repository; no per-example deadline (the machine may be shared). The long run
(scripts/fuzz_long.py) selects "long": random, with COSTGATE_FUZZ_SCALE multiplying every
test's example count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)
settings.register_profile("ci", derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", derandomize=False, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("COSTGATE_FUZZ_PROFILE", "ci"))
