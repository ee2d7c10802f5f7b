"""A hotel lane process for the police-report kill test (run by test_police_report_kill9.py).

``police_kill_child.py DB PREFIX``: one after the other, finish check-ins in Spain
``PREFIX-0``, ``PREFIX-1`` ... the way the lane does - the runner keeps the guest's
document from the PMS update in memory, then stores the visit's record
(``HotelRunner._record`` with the real ``HotelCommitter`` and ``PoliceReports`` on one
lane-store connection) - printing ``stored ID`` after each, until it is killed.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import count

from kiosk.app.hotel.police import PoliceReports
from kiosk.app.hotel.records import HotelCommitter
from kiosk.app.hotel.runner import HotelRunner
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import (
    Address,
    DocumentType,
    GuestIdentity,
    IdentityDocument,
    Stay,
    StayState,
)
from kiosk.domain.hotel.record import build_record
from kiosk.domain.hotel.register import RegisterData
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelSettings, HotelState
from kiosk.domain.money import Money
from kiosk.domain.travel.journey import Outcome
from kiosk.store.db import connect

T0 = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
SETTINGS = HotelSettings(hotel="H", country="ES", currency="EUR", utc_offset_minutes=60)
MADRID = Address("Calle Mayor 12", "Madrid", "28013", "ES", municipality_code="28079")
PASSPORT = IdentityDocument(DocumentType.PASSPORT, "PXC765432", "ES", date(2031, 1, 1))


def finished(visit: str) -> HotelState:
    """A visit in Spain whose guest is checked in, ready to be recorded."""
    stay = Stay(
        "s-" + visit, visit[-12:], StayState.EXPECTED, date(2026, 12, 5), date(2026, 12, 7),
        T0, T0 + timedelta(days=2, hours=-4), "Double", None, 1, 0, (), "Flex",
        Money(0, "EUR"), Money(0, "EUR"),
    )  # fmt: skip
    data = RegisterData(
        surname="MARTIN", given_names="LUIS", sex="M", birth_date=date(1983, 7, 9),
        nationality="ES", document_code="P", has_document_number=True, issuing_state="ESP",
        address=MADRID, email="luis@example.com",
    )  # fmt: skip
    guest = GuestState("g9", "Martin", "Luis", pms_id="g9", check=GuestCheck.DONE, data=data)
    start = HotelState.start(SETTINGS, visit)
    return replace(start, stay=stay, guests=(guest,), checked_in=True, started_at=T0)


def main() -> int:
    db, prefix = sys.argv[1], sys.argv[2]
    conn = connect(db)
    committer = HotelCommitter(conn, store_id="S1", lane_id="L1", language="en")
    police = PoliceReports(conn, "ES", "0000000042")
    runner = HotelRunner(
        settings=SETTINGS, pms=None, keys=None, payments=None, printer=None,  # type: ignore[arg-type]
        commit=committer, police=police,
    )  # fmt: skip
    identity = GuestIdentity("MARTIN", "LUIS", "ES", date(1983, 7, 9), "M", PASSPORT)
    for n in count():
        state = finished(f"{prefix}-{n}")
        assert state.stay is not None
        police.seen(fx.UpdateGuest(state.stay.stay_id, "g9", identity), state)
        record = build_record(state, Outcome.COMPLETED, T0 + timedelta(minutes=5))
        runner._record(record, "en", state)
        print(f"stored {state.checkin_id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
