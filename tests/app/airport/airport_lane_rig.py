"""An airport lane on real parts for the runner's tests.

The self-checkout's :class:`~kiosk.app.demo.DemoRig` (scale, receipt printer, card
terminal simulator) plus the airline's DCS simulator over HTTP, a document reader and
the ATB / BTP printers on real ptys; the lane is built by ``build_lane`` as
``kiosk run`` builds it, on a real SQLite store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.backoffice.dcs.sim import DcsSimulator
from kiosk.config import KioskConfig, load_config
from kiosk.config.devices import DeviceConfig
from kiosk.devices.aea.sim import AeaSimulator
from kiosk.devices.aea.sim import serve_pty as serve_aea
from kiosk.devices.docreader.sim import DocReaderSimulator
from kiosk.devices.sim.pty import VirtualPort
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.states import CheckinState, Step
from kiosk.store.db import connect
from kiosk.threads import start_thread

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class AirportRig:
    demo: DemoRig
    dcs: DcsSimulator
    docreader: DocReaderSimulator
    atb: AeaSimulator
    btp: AeaSimulator
    config: KioskConfig


@contextlib.contextmanager
def airport_rig(tmp_path: Path, **airport: Any) -> Iterator[AirportRig]:
    """The simulators and a lane configuration pointed at them (``airport`` overrides
    keys of the [airport] section)."""
    # through links, so that a port unplugged and plugged again is found at the same path
    names = ("sim-docreader", "sim-atb", "sim-btp")
    ports = [VirtualPort(link=tmp_path / f"{n}.tty", name=n) for n in names]
    with DemoRig(tmp_path / "rig", with_hq=False) as demo, DcsSimulator("LIS") as dcs:
        for port in ports:
            port.plug()
        demo.scale.capacity_g = 60_000  # a belt scale, not a grocery platter
        atb = AeaSimulator("atb", out_dir=tmp_path / "boarding-passes")
        btp = AeaSimulator("btp", out_dir=tmp_path / "bag-tags")
        start_thread("sim-atb", lambda: serve_aea(atb, ports[1], demo.stop_event))
        start_thread("sim-btp", lambda: serve_aea(btp, ports[2], demo.stop_event))
        config = load_config(ROOT / "config" / "demo.toml", environ={})
        config = dataclasses.replace(
            config,
            lane=dataclasses.replace(config.lane, mode="airport_checkin"),
            store=dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3"),
        )
        config = demo.configure(config)
        travel = (
            DeviceConfig(name="docreader", type="docreader", driver="serial", port=ports[0].path),
            DeviceConfig(name="atb", type="atb_printer", driver="serial", port=ports[1].path),
            DeviceConfig(name="btp", type="btp_printer", driver="serial", port=ports[2].path),
        )
        settings = {"airport": "LIS", "dcs_url": dcs.url, "dcs_key": dcs.api_key, **airport}
        config = dataclasses.replace(
            config,
            devices=(*config.devices, *travel),
            airport=dataclasses.replace(config.airport, **settings),
        )
        try:
            yield AirportRig(demo, dcs, DocReaderSimulator(ports[0]), atb, btp, config)
        finally:
            for port in ports:
                with contextlib.suppress(Exception):
                    port.unplug()


@contextlib.contextmanager
def running_lane(config: KioskConfig) -> Iterator[Lane]:
    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        yield lane
    finally:
        lane.stop()


def wait_for(
    lane: Lane, until: Callable[[CheckinState], bool], timeout: float = 20
) -> CheckinState:
    """The runner's state once ``until`` holds (fails after ``timeout`` seconds)."""
    runner = lane.controller
    reached = threading.Event()

    def listener(state: CheckinState, effects: list[Any]) -> None:
        if until(state):
            reached.set()

    runner.listeners.append(listener)
    try:
        if until(runner.state):
            reached.set()
        if not reached.wait(timeout):
            state = runner.state
            raise AssertionError(
                f"check-in stuck in {state.step.value} (waiting {state.waiting}, "
                f"notice {state.notice!r}, intervention {state.intervention})"
            )
    finally:
        runner.listeners.remove(listener)
    return runner.state


NOW = datetime(2026, 1, 1, tzinfo=UTC)  # any time: the runner stamps events with its clock


def at(step: Step) -> Callable[[CheckinState], bool]:
    """``step`` reached and no DCS call in flight."""
    return lambda state: state.step is step and state.waiting is None


def to_safety(lane: Lane, rig: AirportRig) -> tuple[str, str]:
    """The demo booking found, both passengers' passports read; returns their ids."""
    runner = lane.controller
    runner.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    state = wait_for(lane, at(Step.PASSENGERS))
    anna, lars = (p.passenger_id for p in state.passengers)
    runner.send(ev.PassengersConfirmed(NOW))
    wait_for(lane, lambda s: s.step is Step.DOCUMENTS and s.document_for == anna)
    rig.docreader.present("anna")
    wait_for(lane, lambda s: s.document_for == lars and s.waiting is None)
    rig.docreader.present("lars")
    wait_for(lane, at(Step.SAFETY))
    return anna, lars


def to_bags(lane: Lane, rig: AirportRig) -> tuple[str, str]:
    """Checked in, seats kept, offers skipped: the bags step."""
    anna, lars = to_safety(lane, rig)
    runner = lane.controller
    for question in runner.state.booking.safety_questions:
        runner.send(ev.SafetyAnswered(question, question == "packed_yourself", NOW))
    state = wait_for(lane, at(Step.SEATS))
    for _ in state.booking.flights:
        runner.send(ev.SeatsDone(NOW))
    state = wait_for(lane, lambda s: s.step in (Step.OFFERS, Step.BAGS) and s.waiting is None)
    if state.step is Step.OFFERS:
        runner.send(ev.OffersDone(NOW))
    wait_for(lane, at(Step.BAGS))
    return anna, lars


def weigh(lane: Lane, rig: AirportRig, *grams: int) -> None:
    """Put each bag on the belt scale, wait for its weight, take it off."""
    for n, weight in enumerate(grams):
        rig.demo.scale.load_g = weight
        wait_for(lane, lambda s, n=n: len(s.bags) > n and s.bags[n].weight_g is not None)
        rig.demo.scale.load_g = 0
        wait_for(lane, lambda s: s.scale_clear)


def stored_events(store: Path) -> list[dict[str, Any]]:
    """The service events in the lane's outbox, each checked against HQ's event model."""
    from pydantic import TypeAdapter

    from kiosk.hq.event_models import ServiceEvent

    conn = connect(store)
    try:
        rows = conn.execute(
            "SELECT payload FROM outbox JOIN outbox_payload USING (id)"
            " WHERE kind = 'event' ORDER BY id"
        )
        events = [json.loads(r[0]) for r in rows]
    finally:
        conn.close()
    adapter = TypeAdapter(ServiceEvent)
    for event in events:
        adapter.validate_python(event)  # what HQ's /api/v1/events takes
    return events
