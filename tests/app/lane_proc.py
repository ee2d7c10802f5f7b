"""A real lane process for the crash tests: ``python lane_proc.py CONFIG.pickle COMMAND...``.

Builds the lane with :func:`kiosk.app.wiring.build_lane` from a pickled ``KioskConfig``
(no devices, no HQ), runs the commands in order and then waits to be killed:
``scan CODE`` (waits until the line is in the basket), ``pay`` (presses Pay and waits
until the lane is paying). It prints each command when done, so a parent can SIGKILL
it at a chosen moment, as a power cut would.
"""

from __future__ import annotations

import pickle
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kiosk.app.wiring import build_lane
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.logs import setup_logging


def wait_until(lane: Any, test: Any, timeout: float = 20.0) -> None:
    reached = threading.Event()
    lane.controller.listeners.append(lambda checkout, effects: test(checkout) and reached.set())
    if not (test(lane.controller.checkout) or reached.wait(timeout)):
        sys.exit(f"lane stuck in {lane.controller.checkout.phase}")


def main() -> None:
    config = pickle.loads(Path(sys.argv[1]).read_bytes())
    setup_logging("INFO", Path(config.store.path).with_suffix(".child.log"))
    lane = build_lane(config, with_sync=False)
    lane.start()
    commands = sys.argv[2:]
    for command in commands:
        word, *rest = command.split()
        if word == "scan":
            count = len(lane.controller.checkout.basket.lines)
            lane.controller.scan(rest[0])
            wait_until(lane, lambda c, n=count: len(c.basket.lines) > n)
        elif word == "pay":
            lane.controller.submit(PayRequested)
            wait_until(lane, lambda c: c.phase is Phase.PAYING)
        print(command, flush=True)
    print("ready", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
