"""Sample boarding pass and bag tag data for the AEA printer tests (the demo booking)."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.airport.dcs import BagTag, BoardingPassData
from kiosk.domain.travel import BoardingPass, Leg, encode_bcbp

FLIGHT_DATE = date(2026, 12, 5)


def sample_bcbp() -> str:
    leg = Leg(
        pnr="KX7Q2M",
        origin="LIS",
        destination="CDG",
        carrier="KX",
        flight_number="0123",
        flight_day=339,
        compartment="Y",
        seat="012A",
        check_in_sequence="0012",
        passenger_status="1",
    )
    return encode_bcbp(BoardingPass(passenger_name="ERIKSSON/ANNA MARIA", legs=(leg,)))


def boarding_pass(**changes: object) -> BoardingPassData:
    values: dict[str, object] = {
        "passenger_id": "P1",
        "segment_id": "S1",
        "name": "ERIKSSON/ANNA MARIA",
        "flight": "KX0123",
        "origin": "LIS",
        "destination": "CDG",
        "departure": datetime(2026, 12, 5, 15, 40),
        "boarding_time": datetime(2026, 12, 5, 15, 0),
        "gate": "12",
        "seat": "12A",
        "sequence_number": 12,
        "group": "2",
        "compartment": "Y",
        "bcbp": sample_bcbp(),
        "extras": ("FAST TRACK",),
    }
    values.update(changes)
    return BoardingPassData(**values)  # type: ignore[arg-type]


def bag_tag(**changes: object) -> BagTag:
    values: dict[str, object] = {
        "passenger_id": "P1",
        "licence_plate": "0125123456",
        "weight_g": 19_400,
        "destination": "CDG",
        "routing": ("LIS", "CDG"),
        "flight": "KX0123",
    }
    values.update(changes)
    return BagTag(**values)  # type: ignore[arg-type]
