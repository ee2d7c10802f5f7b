"""DLE EOT status: parsing each reply, combining a round, missing and garbage replies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.printer.status import (
    PaperState,
    PrinterStatus,
    StatusExchange,
    encode_reply,
    parse_reply,
    query_bytes,
)
from kiosk.devices.status import Condition, Health


@pytest.mark.parametrize(
    ("n", "byte", "facts"),
    [
        (1, 0x12, {"online": True, "drawer_pin_high": False}),
        (1, 0x16, {"online": True, "drawer_pin_high": True}),
        (1, 0x1A, {"online": False, "drawer_pin_high": False}),
        (2, 0x12, {"cover_open": False, "paper_stop": False, "error": False}),
        (2, 0x16, {"cover_open": True, "paper_stop": False, "error": False}),
        (2, 0x32, {"cover_open": False, "paper_stop": True, "error": False}),
        (3, 0x12, {"error": False}),
        (3, 0x1A, {"error": True}),  # autocutter error
        (4, 0x12, {"paper": PaperState.OK}),
        (4, 0x1E, {"paper": PaperState.LOW}),
        (4, 0x72, {"paper": PaperState.OUT}),
        (4, 0x7E, {"paper": PaperState.OUT}),
        (4, 0x00, {}),  # python-escpos would call a 0 "no paper"; it is not a status byte
        (4, 0xFF, {}),
        (9, 0x12, {}),
    ],
)
def test_parse_reply(n: int, byte: int, facts: dict[str, object]) -> None:
    assert parse_reply(n, byte) == facts


def run_round(replies: dict[int, bytes]) -> PrinterStatus:
    exchange = StatusExchange()
    while (query := exchange.next_query()) is not None:
        reply = replies.get(query[2], b"")
        if not exchange.feed(reply):
            exchange.no_reply()
    return exchange.result()


def test_healthy_printer() -> None:
    status = run_round({n: encode_reply(n) for n in (1, 2, 3, 4)})
    assert status == PrinterStatus(
        online=True, paper=PaperState.OK, cover_open=False, error=False, drawer_pin_high=False
    )
    assert status.can_print
    assert status.device_status().health is Health.READY


@pytest.mark.parametrize(
    ("state", "health", "condition"),
    [
        ({"paper": PaperState.OUT, "online": False}, Health.ERROR, Condition.PAPER_OUT),
        ({"paper": PaperState.LOW}, Health.READY, Condition.PAPER_LOW),
        ({"cover_open": True, "online": False}, Health.ERROR, Condition.COVER_OPEN),
    ],
)
def test_conditions(state: dict[str, object], health: Health, condition: Condition) -> None:
    status = run_round({n: encode_reply(n, **state) for n in (1, 2, 3, 4)})  # type: ignore[arg-type]
    assert status.device_status().health is health
    assert str(condition) in status.device_status().conditions


def test_no_reply_is_offline_and_unknown_not_paper_ok() -> None:
    status = run_round({})
    assert status.online is None
    assert status.paper is PaperState.UNKNOWN
    assert status.device_status().health is Health.OFFLINE


def test_no_paper_reply_is_unknown() -> None:
    status = run_round({1: encode_reply(1), 2: encode_reply(2), 3: encode_reply(3)})
    assert status.online is True
    assert status.paper is PaperState.UNKNOWN


def test_garbage_before_reply_is_skipped() -> None:
    status = run_round(
        {1: b"\x00\xff" + encode_reply(1), 4: b"\x80" + encode_reply(4, paper=PaperState.LOW)}
    )
    assert status.online is True
    assert status.paper is PaperState.LOW


def test_query_bytes() -> None:
    assert query_bytes(4) == b"\x10\x04\x04"


@given(st.lists(st.binary(max_size=8), min_size=4, max_size=4))
def test_garbage_replies_never_raise(replies: list[bytes]) -> None:
    status = run_round(dict(zip((1, 2, 3, 4), replies, strict=True)))
    status.device_status()  # always a status, never an exception
    if not any(b & 0x93 == 0x12 for b in replies[0]):
        assert status.online is None
