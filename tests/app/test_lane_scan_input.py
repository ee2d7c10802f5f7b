"""Whatever reaches the item scanner gets an answer on screen, and card numbers and
passport MRZs are never kept (DESIGN.md invariants 6 and 8), through the real lane:
``build_lane`` on the sample catalog, scans queued on the controller as the scanner
driver queues them.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from app_fixtures import MILK
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout import effects as fx

MRZ_TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
MRZ_TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
PAN = "5555555555554444"

ANSWERS = {
    "ABC-123": "scan.not_a_product",
    "https://example.com/menu?table=4": "scan.not_a_product",
    "]Q1https://example.com/menu": "scan.not_a_product",
    "]C100106141411234567897": "scan.not_a_product",  # GS1-128 SSCC: a pallet, not an item
    "12345678901": "scan.not_a_product",  # 11 digits: no GTIN has that length
    MRZ_TD3[0]: "scan.document_not_accepted",
    MRZ_TD3[1]: "scan.document_not_accepted",
    "\r\n".join(MRZ_TD3): "scan.document_not_accepted",
    MRZ_TD1[0]: "scan.document_not_accepted",
    MRZ_TD1[1]: "scan.document_not_accepted",
    MRZ_TD1[2]: "scan.document_not_accepted",
    "]Q1" + MRZ_TD3[1]: "scan.document_not_accepted",
    "5555 5555 5555 4444": "scan.card_not_accepted",
    "5555-5555-5555-4444": "scan.card_not_accepted",
    "]C05555.5555.5555.4444": "scan.card_not_accepted",
    PAN: "scan.card_not_accepted",
    "%B5555555555554444^DOE/JOHN^2512101?": "scan.card_not_accepted",
    "4006381333932": "scan.unreadable",  # EAN-13 with a wrong check digit
    "STAFF0042": "scan.not_a_product",  # a staff badge typed at the item scanner
    "9900420000": "scan.not_a_product",  # 10 digits: no GTIN, no PLU
    "9912345678909": "coupon.unknown",  # a store coupon (99) of an offer the list lacks
    "]E09812345678902": "scan.coupon_not_accepted",  # a common-currency coupon
}


class Failures(logging.Handler):
    """Collects the lane thread's "job failed" records (an exception out of a scan)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def lane(rig_config: tuple[DemoRig, KioskConfig]) -> Iterator[Lane]:
    _, config = rig_config
    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        yield lane
    finally:
        lane.stop()


@pytest.fixture
def failures() -> Iterator[Failures]:
    handler = Failures()
    logger = logging.getLogger("kiosk.app.lane")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def scan(lane: Lane, code: str) -> list[Any]:
    """Scan ``code`` and return the effects the lane broadcast while handling it."""
    seen: list[Any] = []
    handled = threading.Event()

    def listen(checkout: Any, effects: list[Any]) -> None:
        seen.extend(effects)

    lane.controller.listeners.append(listen)
    try:
        lane.controller.scan(code)
        lane.controller.call(handled.set)  # the lane thread runs jobs in order
        assert handled.wait(20), "the lane thread did not get to the scan"
    finally:
        lane.controller.listeners.remove(listen)
    return seen


def messages(effects: list[Any]) -> list[str]:
    return [e.key for e in effects if isinstance(e, fx.ShowMessage)]


def test_every_odd_code_gets_its_message_and_nothing_is_kept(
    lane: Lane, failures: Failures
) -> None:
    shown = {code: messages(scan(lane, code)) for code in ANSWERS}
    assert shown == {code: [key] for code, key in ANSWERS.items()}
    assert failures.records == []
    # Nothing was opened, journaled or audited for a refused code.
    conn = sqlite3.connect(lane.config.store.path)
    assert conn.execute("SELECT count(*) FROM open_basket").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM open_basket_line").fetchone() == (0,)
    assert lane.controller.checkout.basket.lines == ()
    # ... and the lane still sells.
    assert any(isinstance(e, fx.JournalLine) for e in scan(lane, MILK))


def test_an_unknown_product_calls_the_attendant(lane: Lane, failures: Failures) -> None:
    effects = scan(lane, "4006381333931")  # a valid EAN-13 the sample catalog lacks
    # config/demo.toml puts it aside: the shopper keeps scanning, the attendant is called
    assert messages(effects) == ["item_put_aside"]
    calls = [e.kind.value for e in effects if isinstance(e, fx.CallAttendant)]
    assert calls == ["unknown_barcode"]
    assert failures.records == []


# Text a scanner, a keyboard wedge or a confused document reader may send.
SCANS = st.one_of(
    st.text(max_size=120),
    st.text(alphabet="0123456789 -./", max_size=40),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", min_size=25, max_size=95),
    st.tuples(
        st.sampled_from(["]E0", "]E4", "]C0", "]C1", "]Q1", "]Q3", "]d2", "]e0", "]I1", "]A0"]),
        st.text(alphabet="0123456789ABC<\x1d()/:.-", max_size=40),
    ).map("".join),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
    st.sampled_from([*ANSWERS, MILK, "4011", "https://id.gs1.org/01/08410000000016"]),
)


def test_any_text_gets_an_answer_and_never_kills_a_scan(lane: Lane, failures: Failures) -> None:
    @settings(max_examples=150, deadline=None, database=None)
    @given(SCANS)
    def any_scan(code: str) -> None:
        effects = scan(lane, code)
        # An answer: a message, or the item is on the basket (the screen shows the line).
        answered = messages(effects) or any(isinstance(e, fx.JournalLine) for e in effects)
        assert answered, f"no answer to {code!r}: {effects}"
        assert failures.records == [], failures.records[0].getMessage()

    any_scan()
