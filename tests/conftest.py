"""Settings for the whole suite.

Hypothesis's per-example deadline (200 ms by default) and its "too slow" health
check measure the machine, not the code: on a loaded 2-core CI runner a first
example that imports a module or starts a parser can take longer, and the test
then fails without a bug. Speed is measured by the scripts in benchmarks/, never
by a test, so both are off for every property test.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile("kiosk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kiosk")
