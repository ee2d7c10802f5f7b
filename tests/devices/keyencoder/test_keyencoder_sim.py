"""The Salto simulator on its own (sans-IO): what it answers, its operator commands, fuzzed."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.keyencoder.messages import (
    CheckedOut,
    Checkout,
    EncodeKey,
    EncoderFault,
    Enquiry,
    HostProtocol,
    KeyEncoded,
    KeyRead,
    ReadKey,
    encode,
)
from kiosk.devices.keyencoder.protocol import ACK, NAK, Ack, Nak, encode_frame
from kiosk.devices.keyencoder.sim import HELP, SaltoSimulator

ARRIVAL = datetime(2026, 12, 5, 15, 0)
DEPARTURE = datetime(2026, 12, 7, 11, 0)


def _ask(sim: SaltoSimulator, message: object) -> list[object]:
    parser = sim.new_parser()
    return list(HostProtocol().feed(sim.feed(parser, encode(message))))  # type: ignore[arg-type]


def _key(room: str = "101", copy: bool = False) -> EncodeKey:
    return EncodeKey("1", room, ARRIVAL, DEPARTURE, copy=copy)


def test_enq_is_acked_and_a_new_key_is_acked_then_echoed() -> None:
    sim = SaltoSimulator()
    assert sim.feed(sim.new_parser(), encode(Enquiry())) == bytes([ACK])
    assert _ask(sim, _key()) == [Ack(), KeyEncoded("CN", "1", "101")]
    assert [k.room for k in sim.keys] == ["101"]
    assert sim.received == [_key()]


def test_copies_need_a_checked_in_room_and_checkout_voids_every_key() -> None:
    sim = SaltoSimulator()
    assert _ask(sim, _key(copy=True)) == [Ack(), EncoderFault("EA", "1")]
    _ask(sim, _key())
    assert _ask(sim, _key(copy=True)) == [Ack(), KeyEncoded("CC", "1", "101")]
    assert _ask(sim, Checkout("1", "101")) == [Ack(), CheckedOut("1", "101")]
    assert not any(sim.works(k) for k in sim.keys)
    assert _ask(sim, _key(copy=True)) == [Ack(), EncoderFault("EA", "1")]


def test_unknown_rooms_are_td_and_a_bad_frame_is_nak() -> None:
    sim = SaltoSimulator(rooms=["101"])
    assert _ask(sim, _key(room="102")) == [Ack(), EncoderFault("TD", "1")]
    assert _ask(sim, Checkout("1", "999")) == [Ack(), EncoderFault("TD", "1")]
    broken = encode(_key())[:-1] + b"\x00"
    assert sim.feed(sim.new_parser(), broken) == bytes([NAK])


def test_reading_gives_the_last_key_or_the_one_presented() -> None:
    sim = SaltoSimulator()
    assert _ask(sim, ReadKey("1")) == [Ack(), KeyRead("1", (), None, None)]
    _ask(sim, _key("101"))
    _ask(sim, _key("102"))
    assert _ask(sim, ReadKey("1"))[1] == KeyRead("1", ("102",), ARRIVAL, DEPARTURE)
    assert sim.command("present 1") == "key 1 (room 101) is on the encoder"
    assert _ask(sim, ReadKey("1"))[1] == KeyRead("1", ("101",), ARRIVAL, DEPARTURE)
    assert sim.command("blank") == "a blank card is on the encoder"
    assert _ask(sim, ReadKey("1"))[1] == KeyRead("1", (), None, None)


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("present 3", "error: no key 3; 0 encoded"),
        ("present x", "error: 'x' is not a whole number"),
        ("error XX", "error: unknown error code 'XX'"),
        ("remove after two", "error: 'two' is not a whole number"),
        ("dance", HELP),
        ("", ""),
        ("status", "0 key(s); card present; answering; occupied: none"),
        ("keys", "no keys encoded"),
    ],
)
def test_operator_commands_reply_and_never_raise(line: str, reply: str) -> None:
    assert SaltoSimulator().command(line).startswith(reply)


def test_faults_apply_once_and_silence_until_told() -> None:
    sim = SaltoSimulator()
    sim.command("error OV")
    assert _ask(sim, _key()) == [Ack(), EncoderFault("OV", "1")]
    sim.command("nak")
    assert _ask(sim, _key()) == [Nak()]
    sim.command("silent")
    assert sim.feed(sim.new_parser(), encode(Enquiry()) + encode(_key())) == b""
    sim.command("answer")
    assert _ask(sim, _key()) == [Ack(), KeyEncoded("CN", "1", "101")]


FIELD = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\xb3"))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["CN", "CC", "CO", "LT", "XX"]), st.lists(FIELD, max_size=12), st.binary())
def test_any_message_or_garbage_gets_an_answer_never_a_crash(
    command: str, fields: list[str], garbage: bytes
) -> None:
    sim = SaltoSimulator()
    reply = sim.feed(
        sim.new_parser(), garbage + bytes([0x03, 0]) + encode_frame([command, *fields])
    )
    events = HostProtocol().feed(reply)
    assert events, reply
    assert isinstance(events[-1], KeyEncoded | CheckedOut | KeyRead | EncoderFault)
