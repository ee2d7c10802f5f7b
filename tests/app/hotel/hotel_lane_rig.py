"""A hotel lane on real parts for the runner's tests.

The hotel demo rig (:class:`kiosk.app.demo_hotel.HotelDemoRig`: receipt printer,
card terminal simulator, the Mews simulator over HTTP, the Salto simulator over
TCP, a document reader on a pty) and a lane built by ``build_lane`` as ``kiosk
run`` builds it from ``config/demo-hotel.toml``, on a real SQLite store. The lane
and the PMS simulator share one clock the test can move (check-out days later).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.app.demo_hotel import GUEST_DOCUMENTS, HotelDemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig, load_config
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import HotelState, Step
from kiosk.store.db import connect

ROOT = Path(__file__).resolve().parents[3]
START = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # any time: the runner stamps events with its clock


class MovableClock:
    """The lane's and the PMS simulator's one clock; tests move it on."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self.now += delta


@dataclass
class HotelRig:
    demo: HotelDemoRig
    config: KioskConfig
    clock: MovableClock


@contextlib.contextmanager
def hotel_rig(tmp_path: Path, **hotel: Any) -> Iterator[HotelRig]:
    """The simulators and a lane configuration pointed at them (``hotel`` overrides keys
    of the [hotel] section)."""
    clock = MovableClock()
    with HotelDemoRig(tmp_path / "rig", with_hq=False, clock=clock) as demo:
        config = load_config(ROOT / "config" / "demo-hotel.toml", environ={})
        config = dataclasses.replace(
            config, store=dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3")
        )
        config = demo.configure(config)
        config = dataclasses.replace(config, hotel=dataclasses.replace(config.hotel, **hotel))
        yield HotelRig(demo, config, clock)


@contextlib.contextmanager
def running_lane(rig: HotelRig) -> Iterator[Lane]:
    lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
    lane.start()
    try:
        yield lane
    finally:
        lane.stop()


def wait_for(lane: Lane, until: Callable[[HotelState], bool], timeout: float = 30) -> HotelState:
    """The runner's state once ``until`` holds (fails after ``timeout`` seconds)."""
    runner = lane.controller
    reached = threading.Event()

    def listener(state: HotelState, effects: list[Any]) -> None:
        if until(state):
            reached.set()

    runner.listeners.append(listener)
    try:
        if until(runner.state):
            reached.set()
        if not reached.wait(timeout):
            state = runner.state
            raise AssertionError(
                f"visit stuck in {state.step.value} (waiting {state.waiting}, paying "
                f"{state.paying}, notice {state.notice!r}, intervention {state.intervention})"
            )
    finally:
        runner.listeners.remove(listener)
    return runner.state


def at(step: Step) -> Callable[[HotelState], bool]:
    """``step`` reached, no call in flight and nothing at the terminal."""
    return lambda s: s.step is step and s.waiting is None and s.paying is None


def device_ready(lane: Lane, name: str, timeout: float = 15) -> None:
    """Wait until device ``name`` is usable (its worker opened the link)."""
    reached = threading.Event()
    device = lane.devices[name]
    deadline = datetime.now(UTC) + timedelta(seconds=timeout)
    while not device.status.usable:
        if datetime.now(UTC) > deadline:
            raise AssertionError(f"device {name} not usable: {device.status}")
        reached.wait(0.02)  # polling a device's status with a deadline


def present(rig: HotelRig, lane: Lane, name: str) -> None:
    """Put guest ``name``'s specimen passport on the document reader."""
    device_ready(lane, "docreader")
    rig.demo.docreader.present_lines(GUEST_DOCUMENTS[name], name)


def register_guest(lane: Lane, guest_id: str) -> None:
    """Type what Portugal's register asks beyond the ID (birth place, residence)."""
    from kiosk.domain.hotel.pms import Address

    address = Address("Calle Mayor 1", "Sevilla", "41001", "ES")
    details = ev.GuestDetailsEntered(guest_id, NOW, address=address, birth_place="Sevilla")
    lane.controller.send(details)


def register_guests(rig: HotelRig, lane: Lane, names: dict[str, str] | None = None) -> None:
    """Read each guest's ID the guests step asks for and type their details, up to the
    registration card (``names``: given name -> specimen; Ana and Luis by default)."""
    names = names or {"Ana": "ana", "Luis": "luis"}
    steps = (Step.GUESTS, Step.DETAILS, Step.REGISTRATION, Step.KEYS)
    for _ in range(8):
        state = wait_for(lane, lambda s: s.waiting is None and s.step in steps)
        if state.step in (Step.REGISTRATION, Step.KEYS):
            return
        if state.step is Step.GUESTS:
            asked = state.document_for
            guest = state.guest(asked)
            assert guest is not None, f"no guest {asked!r}"
            present(rig, lane, names[guest.given_names.split()[0]])
            wait_for(
                lane,
                lambda s, a=asked: (
                    s.waiting is None and not (s.step is Step.GUESTS and s.document_for == a)
                ),
            )
        else:
            asked = state.details_for
            register_guest(lane, asked)
            wait_for(
                lane,
                lambda s, a=asked: (
                    s.waiting is None and not (s.step is Step.DETAILS and s.details_for == a)
                ),
            )
    raise AssertionError(f"guests not registered: {lane.controller.state.step.value}")


def check_in_to_registration(rig: HotelRig, lane: Lane) -> HotelState:
    """Stay 4701 found, both IDs read and registered: the registration card's step."""
    runner = lane.controller
    runner.send(ev.ConfirmationEntered("4701", NOW))
    wait_for(lane, at(Step.STAY))
    runner.send(ev.StayConfirmed(NOW))
    register_guests(rig, lane)
    return wait_for(lane, at(Step.REGISTRATION))


def check_in_to_paying(rig: HotelRig, lane: Lane) -> HotelState:
    """... then the card signed and printed: the paying step."""
    runner = lane.controller
    check_in_to_registration(rig, lane)
    runner.sign(b"\x89PNG\r\n\x1a\nsignature", "es")
    wait_for(lane, lambda s: bool(s.signature_ref))
    runner.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
    return wait_for(lane, at(Step.PAYING), timeout=60)


def check_in_to_keys(rig: HotelRig, lane: Lane) -> HotelState:
    """... then the balance paid and the deposit pre-authorised: the keys step."""
    runner = lane.controller
    check_in_to_paying(rig, lane)
    runner.send(ev.PayRequested(NOW))  # the balance
    wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0, timeout=60)
    runner.send(ev.PayRequested(NOW))  # the deposit
    return wait_for(lane, at(Step.KEYS), timeout=60)


def outbox(store: Path, kind: str) -> list[dict[str, Any]]:
    conn = connect(store)
    try:
        rows = conn.execute(
            "SELECT payload FROM outbox JOIN outbox_payload USING (id) WHERE kind = ? ORDER BY id",
            (kind,),
        )
        return [json.loads(r[0]) for r in rows]
    finally:
        conn.close()
