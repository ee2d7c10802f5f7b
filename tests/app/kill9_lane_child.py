"""A lane process for the kill -9 payment test: shoppers and an attendant, at random.

Usage: ``python kill9_lane_child.py CONFIG.pickle SIM_URL SEED SALES``. Builds the real
lane (:func:`kiosk.app.wiring.build_lane`: start-up reconciliation, orphan reversals),
signs a supervisor in through ``AttendantService`` and then plays, from ``SEED``:
shoppers who scan 1-3 items (sometimes more later, sometimes an age-restricted beer),
pay while the terminal simulator (its own process, at ``SIM_URL``) is told to approve,
decline, wait for a PIN, answer late, approve after an abort came too late, freeze or
drop the line; shoppers who press cancel at the terminal; an attendant who answers every
call and gives both verdicts on unknown payments at random, cancels some baskets, and
switches a frozen terminal off and on. One line is printed per step, so the parent can
SIGKILL the process at any step; ``done`` once the store holds ``SALES`` sales.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import random
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from kiosk.app.attendant import AttendantError
from kiosk.app.wiring import build_lane
from kiosk.domain.checkout.events import Cancelled, PayRequested
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.logs import setup_logging
from kiosk.store.db import connect

ITEMS = ("8410000000016", "8410000000139", "8410000000023", "8410074000042", "8410185000078")
BEER = "8410148001135"  # age 18: the attendant checks an ID
SCENARIOS = (
    ("approve", 50),
    ("pin", 12),
    ("decline", 8),
    ("cancel", 5),
    ("late", 8),
    ("slow", 8),
    ("drop", 6),
    ("hang", 3),
    ("partial", 6),
)


def say(text: str) -> None:
    print(text, flush=True)


def wait_change(lane: Any, phase: Phase, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while lane.controller.checkout.phase is phase and time.monotonic() < deadline:
        time.sleep(0.01)


def wait_lines(lane: Any, count: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while len(lane.controller.checkout.basket.lines) < count and time.monotonic() < deadline:
        time.sleep(0.005)


class Player:
    """One shopper after another at the lane, with an attendant nearby."""

    def __init__(self, lane: Any, sim: httpx.Client, rng: random.Random, sales: int) -> None:
        self.lane, self.sim, self.rng, self.sales = lane, sim, rng, sales
        self.service = lane.attendant
        self.store = connect(lane.config.store.path, migrate=False)
        self.waiting_since: float | None = None

    def done(self) -> bool:
        return int(self.store.execute("SELECT COUNT(*) FROM sale").fetchone()[0]) >= self.sales

    def scan(self, code: str) -> None:
        count = len(self.lane.controller.checkout.basket.lines)
        self.lane.controller.scan(code)
        wait_lines(self.lane, count + 1)

    def step(self) -> bool:
        """One step; False when the lane has sold enough and is idle."""
        checkout = self.lane.controller.checkout
        phase = checkout.phase
        if phase is Phase.FINISHED:
            self.lane.controller.reset()
            wait_change(self.lane, Phase.FINISHED, 5)
        elif phase is Phase.IDLE:
            if self.done():
                return False
            for _ in range(self.rng.randint(1, 3)):
                self.scan(self.rng.choice(ITEMS))
        elif phase is Phase.SHOPPING:
            self.shop()
        elif phase is Phase.PAYING:
            if self.rng.random() < 0.03:
                self.lane.controller.submit(Cancelled)  # the shopper presses cancel
                say("shopper cancel")
            wait_change(self.lane, Phase.PAYING, 0.5)
        elif phase is Phase.INTERVENTION:
            self.attend(checkout)
        else:
            wait_change(self.lane, phase, 0.5)
        say(f"step {phase.value}")
        return True

    @staticmethod
    def credit(checkout: Any) -> bool:
        """Whether part of the basket is paid already (a partial or earlier approval)."""
        return any(p.outcome == "approved" for p in checkout.payments)

    def shop(self) -> None:
        checkout = self.lane.controller.checkout
        roll = self.rng.random()
        if roll < 0.12:
            self.scan(BEER if self.rng.random() < 0.2 else self.rng.choice(ITEMS))
        elif roll < 0.16 or (roll < 0.3 and self.credit(checkout)):
            self.act(lambda: self.service.cancel_transaction("shopper left"), "cancel basket")
        else:
            names, weights = zip(*SCENARIOS, strict=True)
            scenario = self.rng.choices(names, weights)[0]
            with contextlib.suppress(httpx.HTTPError):  # the terminal is off: the lane sees it
                self.sim.post("/sim/scenario", json={"scenario": scenario})
            self.lane.controller.submit(PayRequested)
            say(f"pay {scenario}")
            wait_change(self.lane, Phase.SHOPPING, 1.0)

    def attend(self, checkout: Any) -> None:
        kind = checkout.pending.kind
        if kind is InterventionKind.DEVICE_FAULT:
            self.act(self.service.clear_device_fault, "clear fault")
        elif kind is InterventionKind.AGE_RESTRICTED:
            self.act(lambda: self.service.approve_age(id_seen=True), "age ok")
        elif kind is InterventionKind.PAYMENT_UNKNOWN:
            verdict = self.rng.random() < 0.5
            self.act(lambda: self.service.resolve_pending(verdict), f"verdict paid={verdict}")
        else:
            self.act(lambda: self.service.resolve_pending(True), f"resolve {kind.value}")

    def act(self, action: Any, what: str) -> None:
        try:
            action()
        except AttendantError as error:
            say(f"refused {what}: {str(error)[:80]}")
            if "still working" in str(error):
                self.waiting_since = self.waiting_since or time.monotonic()
                if time.monotonic() - self.waiting_since > 3.0:  # frozen: off and on
                    self.power_cycle()
                time.sleep(0.1)
            return
        self.waiting_since = None
        say(what)

    def power_cycle(self) -> None:
        try:
            self.sim.post("/sim/power-cycle")
            say("power cycle")
        except httpx.HTTPError:
            pass
        self.waiting_since = None


def main() -> int:
    config = pickle.loads(Path(sys.argv[1]).read_bytes())
    sim_url, seed, sales = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    setup_logging("INFO", Path(config.store.path).with_name("lane.log"))
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(
            handler, logging.FileHandler
        ):
            handler.setLevel(logging.CRITICAL)  # stdout/stderr are the parent's
    lane = build_lane(config, with_sync=False)
    lane.start()
    lane.attendant.sign_in_pin("s-1", "1357")
    lane.attendant.sessions.idle_timeout = timedelta(days=1)  # the attendant stays
    player = Player(lane, httpx.Client(base_url=sim_url, timeout=2.0), random.Random(seed), sales)
    say("started")
    while player.step():
        pass
    lane.stop()
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
