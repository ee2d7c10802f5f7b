"""A text front-end for a lane: the same controller as the touchscreen, driven by lines.

Used by ``kiosk demo --console`` on a machine without a screen and by the
end-to-end test. Commands (one per line; anything else is scanned as a code):

    pay                      press Pay
    weigh GRAMS [moving]     put GRAMS on the simulated scale
    help                     press Help
    approve [STAFF]          the attendant approves the pending intervention
    deny [STAFF]             the attendant refuses it
    void LINE                ask to void a line
    receipt                  print the last receipt
    next                     thank-you done: back to idle for the next customer
    wait PHASE [SECONDS]     wait until the checkout is in PHASE (idle, shopping, ...)
    expect KEY [SECONDS]     wait until the screen shows message KEY (scan.not_a_product...)
    synced [SECONDS]         wait until every committed sale has reached HQ
    status                   show the basket
    quit
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import (
    HelpRequested,
    InterventionResolved,
    PayRequested,
    VoidRequested,
)
from kiosk.domain.checkout.machine import Checkout

Out = Callable[[str], None]


class LaneConsole:
    """Feeds text commands to a lane and prints what happens."""

    def __init__(
        self,
        lane: Any,
        out: Out = print,
        *,
        scan: Callable[[str], None] | None = None,
        weigh: Callable[[int, bool], None] | None = None,
    ) -> None:
        self.lane = lane
        self.controller = lane.controller
        self.out = out
        self.scan = scan or self.controller.scan
        self.weigh = weigh or (lambda grams, moving: self.controller.weight(grams, not moving))
        self._changed = threading.Condition()
        # Message keys shown since the last ``expect`` consumed them (in order).
        self._shown: list[str] = []
        self.controller.listeners.append(self._on_change)

    def _on_change(self, checkout: Checkout, effects: list[Any]) -> None:
        for effect in effects:
            text = describe(effect)
            if text:
                self.out(text)
        with self._changed:
            self._shown.extend(e.key for e in effects if isinstance(e, fx.ShowMessage))
            self._changed.notify_all()

    def wait_for(self, phase: str, timeout: float = 30.0) -> bool:
        """Block until the checkout's phase is ``phase`` (by name)."""

        def reached() -> bool:
            return bool(self.controller.checkout.phase.value == phase.lower())

        with self._changed:
            return self._changed.wait_for(reached, timeout)

    def expect(self, key: str, timeout: float = 30.0) -> bool:
        """Block until message ``key`` is shown; it and the messages before it are consumed.

        Scans reach the lane through a device, so a script cannot tell when one was
        handled; this lets it wait for the answer before it goes on.
        """

        def shown() -> bool:
            return key in self._shown

        with self._changed:
            if not self._changed.wait_for(shown, timeout):
                return False
            del self._shown[: self._shown.index(key) + 1]
            return True

    def wait_synced(self, timeout: float) -> bool:
        """Block until the outbox has no pending row (polling the lane's own file)."""
        from kiosk.store.db import connect

        conn = connect(self.lane.config.store.path, migrate=False)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                pending = conn.execute(
                    "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"
                ).fetchone()[0]
                if pending == 0:
                    return True
                if self.lane.sync is not None:
                    self.lane.sync.wake()
                time.sleep(0.1)
            return False
        finally:
            conn.close()

    def run(self, lines: Iterable[str]) -> int:
        """Execute commands until ``quit`` or the end of input; return an exit status."""
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line == "quit":
                break
            if not self.command(line):
                return 1
        return 0

    def command(self, line: str) -> bool:
        """Run one command; False if a ``wait`` timed out."""
        word, *rest = line.split()
        submit = self.controller.submit
        staff = rest[0] if rest else "attendant"
        if word == "pay":
            submit(PayRequested)
        elif word == "weigh":
            self.weigh(int(rest[0]), "moving" in rest)
        elif word == "help":
            submit(HelpRequested)
        elif word in ("approve", "deny"):
            pending = self.controller.checkout.pending
            if pending is None:
                self.out("nothing to approve")
            else:
                submit(
                    lambda at: InterventionResolved(
                        pending.kind, staff, word == "approve", at, id_seen=True
                    )
                )
        elif word == "void":
            submit(lambda at: VoidRequested(int(rest[0]), at))
        elif word == "receipt":
            self.controller.print_receipt()
        elif word == "next":
            self.controller.reset()
        elif word == "wait":
            timeout = float(rest[1]) if len(rest) > 1 else 30.0
            if not self.wait_for(rest[0], timeout):
                self.out(
                    f"timed out waiting for {rest[0]} (now {self.controller.checkout.phase.value})"
                )
                return False
        elif word == "expect":
            timeout = float(rest[1]) if len(rest) > 1 else 30.0
            if not self.expect(rest[0], timeout):
                self.out(f"timed out waiting for message {rest[0]}")
                return False
        elif word == "synced":
            timeout = float(rest[0]) if rest else 30.0
            if not self.wait_synced(timeout):
                self.out("timed out waiting for HQ to receive every sale")
                return False
            self.out("  every sale has reached HQ")
        elif word == "status":
            self.out(basket_text(self.controller.checkout))
        else:
            self.scan(line)
        return True


def describe(effect: Any) -> str:
    """One line for the console about an effect, or "" for the quiet ones."""
    if isinstance(effect, fx.JournalLine):
        line = effect.line
        state = "voided" if line.voided else f"{line.quantity} x"
        return f"  line {line.line_no}: {state} {line.item.name('en')}  {line.amount}"
    if isinstance(effect, fx.CallAttendant):
        return f"  ATTENDANT: {effect.kind.value} {effect.detail}".rstrip()
    if isinstance(effect, fx.ShowMessage):
        params = ", ".join(f"{k}={v}" for k, v in effect.params)
        return f"  screen: {effect.key} {params}".rstrip()
    if isinstance(effect, fx.StartPayment):
        return f"  card terminal: pay {effect.amount}"
    if isinstance(effect, fx.CommitSale):
        return f"  sale committed: {effect.sale.totals.total} ({effect.sale.status})"
    return ""


def basket_text(checkout: Checkout) -> str:
    lines = [f"phase {checkout.phase.value}, basket {checkout.basket.basket_id}"]
    for line in checkout.basket.lines:
        mark = "  (void)" if line.voided else ""
        lines.append(f"  {line.line_no:>3} {line.item.name('en'):<32} {line.amount}{mark}")
    lines.append(f"  total {checkout.totals().total}")
    return "\n".join(lines)
