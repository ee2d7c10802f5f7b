"""The lane's own journeys are imported when a lane asks for one: a self-checkout lane
never imports the airport's or the hotel's code (issue 16: start-up that reads only
what the first screen needs), yet every built-in mode is known and loads on demand."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from kiosk.app.journeys.registry import journey_spec, known_journeys
assert journey_spec("self_checkout").mode == "self_checkout"
loaded = sorted(m for m in sys.modules if m.startswith(("kiosk.app.airport", "kiosk.app.hotel",
    "kiosk.app.journeys.airport", "kiosk.app.journeys.hotel", "kiosk.domain.airport",
    "kiosk.domain.hotel", "kiosk.backoffice")))
print(",".join(known_journeys()))
print(",".join(loaded) or "none")
assert journey_spec("airport_checkin").mode == "airport_checkin"
print("kiosk.app.journeys.airport" in sys.modules)
"""


def test_a_self_checkout_lane_imports_no_travel_journey():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    known, loaded, airport_loaded = result.stdout.split()
    assert known == "airport_checkin,hotel_checkin,self_checkout"
    assert loaded == "none"
    assert airport_loaded == "True"
