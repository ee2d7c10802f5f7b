"""A real airport lane reporting to a real station, for the station's tests.

The airport lane is the one of ``tests/app/airport/airport_lane_rig.py`` (``build_lane``
on the DCS simulator over HTTP, the document reader, the ATB / BTP printers and the scale
on ptys, the card terminal simulator, a real SQLite store), with ``[station]`` pointed at
an in-process :class:`~kiosk.station.server.StationServer`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_fixtures import KEY, station_staff, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app" / "airport"))
from airport_lane_rig import NOW, AirportRig, airport_rig, at, wait_for

from kiosk.app.wiring import Lane, build_lane
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.states import Step
from kiosk.station.server import StationServer

__all__ = ["NOW", "AirportRig", "TravelRig", "at", "travel_rig", "wait_for"]


@dataclass
class TravelRig:
    station: StationServer
    airport: AirportRig
    lane: Lane

    @property
    def lane_id(self) -> str:
        return str(self.lane.config.lane.lane_id)

    def reported(self) -> dict[str, Any]:
        """The lane's last report as the station's board holds it."""
        return dict(self.station.board.lanes.get(self.lane_id, {}))

    def wait_reported(self, what: str, condition: Any) -> dict[str, Any]:
        """The lane's report once ``condition(report)`` holds (polled with a deadline)."""
        wait_until(lambda: self.reported() and condition(self.reported()), what=what)
        return self.reported()

    def to_documents(self) -> tuple[str, str]:
        """The demo booking KX7Q2M found, both passengers travelling, Anna's document
        asked; returns both passengers' ids."""
        runner = self.lane.controller
        runner.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
        state = wait_for(self.lane, at(Step.PASSENGERS))
        anna, lars = (p.passenger_id for p in state.passengers)
        runner.send(ev.PassengersConfirmed(NOW))
        wait_for(self.lane, lambda s: s.step is Step.DOCUMENTS and s.document_for == anna)
        return anna, lars


@contextlib.contextmanager
def travel_rig(tmp_path: Path, *, start: bool = True, **station: Any) -> Iterator[TravelRig]:
    """A station (Ana and Sam on its staff) and an airport lane reporting to it (built,
    and started unless ``start`` is false: the shell's window starts it; stopped after)."""
    folder = tmp_path / "station"
    folder.mkdir()
    (tmp_path / "airport").mkdir()
    station_staff(folder)
    with (
        StationServer(folder, key=KEY, **station) as server,
        airport_rig(tmp_path / "airport") as rig,
    ):
        config = dataclasses.replace(
            rig.config,
            station=dataclasses.replace(
                rig.config.station, url=server.url, key=KEY, report_every_s=1.0, staff_every_s=5.0
            ),
        )
        lane = build_lane(config, with_sync=False)
        if start:
            lane.start()
        try:
            yield TravelRig(server, rig, lane)
        finally:
            lane.stop()
