"""Salto PMS framing and messages: exact bytes, LRC, resync after garbage, fuzzed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.keyencoder.messages import (
    ERRORS,
    BadCommand,
    CheckedOut,
    Checkout,
    EncodeKey,
    EncoderFault,
    Enquiry,
    HostProtocol,
    KeyEncoded,
    KeyRead,
    ReadKey,
    answer_from,
    command_from,
    encode,
)
from kiosk.devices.keyencoder.protocol import (
    ACK,
    ENQ,
    ETX,
    LRC_SKIP,
    NAK,
    SEP,
    STX,
    Ack,
    Enq,
    Frame,
    FrameParser,
    Nak,
    encode_frame,
    lrc,
)
from kiosk.devices.protocol import Rejected

ARRIVAL = datetime(2026, 12, 5, 15, 0)
DEPARTURE = datetime(2026, 12, 7, 11, 0)
S = bytes([SEP])


def _frame(*fields: bytes, check: int | None = None) -> bytes:
    body = S + S.join(fields) + S + bytes([ETX])
    return bytes([STX]) + body + bytes([lrc(body) if check is None else check])


def _frames(events: Sequence[object]) -> list[object]:
    return [e for e in events if not isinstance(e, Rejected)]


def test_a_new_key_command_is_stx_separated_fields_etx_and_the_xor_of_all_after_stx() -> None:
    command = EncodeKey("1", "101", ARRIVAL, DEPARTURE, operator="KIOSK")
    data = encode(command)
    assert data == _frame(
        b"CN", b"1", b"101", b"", b"", b"", b"", b"", b"1500051226", b"1100071226", b"KIOSK"
    )
    check = 0
    for byte in data[1:-1]:
        check ^= byte
    assert data[-1] == check
    assert data[-2] == ETX


def test_a_copy_is_cc_and_checkout_and_read_have_their_fields() -> None:
    copy = EncodeKey("2", "101", ARRIVAL, DEPARTURE, copy=True, extra_rooms=("GYM",))
    assert encode(copy)[:14] == bytes([STX]) + S + b"CC" + S + b"2" + S + b"101" + S + b"GYM"
    assert encode(Checkout("1", "101")) == _frame(b"CO", b"1", b"101")
    assert encode(ReadKey("1")) == _frame(b"LT", b"1")
    assert encode(Enquiry()) == bytes([ENQ])


def test_byte_by_byte_gives_the_same_events_as_one_read() -> None:
    data = (
        bytes([ACK])
        + encode(KeyEncoded("CN", "1", "101"))
        + bytes([NAK])
        + encode(EncoderFault("EP", "1"))
    )
    whole = HostProtocol().feed(data)
    protocol = HostProtocol()
    split = [event for byte in data for event in protocol.feed(bytes([byte]))]
    assert (
        whole
        == split
        == [
            Ack(),
            KeyEncoded("CN", "1", "101"),
            Nak(),
            EncoderFault("EP", "1"),
        ]
    )


def test_a_bad_lrc_is_named_and_the_next_frame_still_reads() -> None:
    good = _frame(b"CO", b"1", b"101")
    bad = _frame(b"CO", b"1", b"102", check=0x41)
    events = FrameParser().feed(bad + good)
    assert isinstance(events[0], Rejected)
    assert "bad LRC" in events[0].reason
    assert "got 0x41" in events[0].reason
    assert events[1] == Frame(("CO", "1", "101"))


def test_the_skip_value_in_the_lrc_place_is_taken_unless_turned_off() -> None:
    data = _frame(b"CO", b"1", b"101", check=LRC_SKIP)
    assert FrameParser().feed(data) == [Frame(("CO", "1", "101"))]
    refused = FrameParser(accept_lrc_skip=False).feed(data)
    assert len(refused) == 1
    assert isinstance(refused[0], Rejected)


def test_stray_bytes_are_reported_once_then_control_bytes_and_frames_read() -> None:
    events = FrameParser().feed(b"\x00garbage" + bytes([ENQ]) + _frame(b"LT", b"1"))
    assert isinstance(events[0], Rejected)
    assert "8 stray byte(s)" in events[0].reason
    assert events[1:] == [Enq(), Frame(("LT", "1"))]


def test_a_frame_cut_by_a_new_stx_is_rejected_and_the_new_one_reads() -> None:
    events = FrameParser().feed(bytes([STX]) + S + b"CN" + S + b"1" + _frame(b"CO", b"1", b"7"))
    assert isinstance(events[0], Rejected)
    assert "cut short by STX" in events[0].reason
    assert events[1] == Frame(("CO", "1", "7"))


def test_an_overlong_frame_is_dropped_and_the_parser_resyncs() -> None:
    parser = FrameParser(max_length=16)
    events = parser.feed(bytes([STX]) + S + b"X" * 40 + bytes([ETX, 0]) + _frame(b"LT", b"1"))
    assert "longer than 16 bytes" in events[0].reason  # type: ignore[union-attr]
    assert _frames(events) == [Frame(("LT", "1"))]


@pytest.mark.parametrize(
    ("body", "why"),
    [(b"CN" + S, "not the separator"), (S + S + b"1" + S, "empty command"), (b"", "nothing")],
)
def test_a_frame_that_is_not_a_message_is_named(body: bytes, why: str) -> None:
    data = bytes([STX]) + body + bytes([ETX, lrc(body + bytes([ETX]))])
    events = FrameParser().feed(data)
    assert len(events) == 1
    assert isinstance(events[0], Rejected)
    assert why in events[0].reason


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        (["CN", "10\xb31"], "field 1 has byte 0xb3 at position 2"),
        (["CN", "1", "1\x0301"], "field 2 has byte 0x03"),
        (["CO", "1", "Zimmer \u20ac"], "field 2 has '\u20ac'"),
        (["", "1"], "command in field 0"),
    ],
)
def test_encoding_refuses_what_a_field_cannot_carry_naming_it(fields: list[str], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        encode_frame(fields)


@pytest.mark.parametrize("code", sorted(ERRORS))
def test_every_error_code_becomes_a_fault_with_its_meaning(code: str) -> None:
    answer = answer_from(Frame((code, "1", "disk", "full")))
    assert answer == EncoderFault(code, "1", "disk full")
    assert isinstance(answer, EncoderFault)
    assert answer.description == ERRORS[code]


def test_answers_read_back_what_they_carry() -> None:
    assert answer_from(Frame(("CC", "1", "101"))) == KeyEncoded("CC", "1", "101")
    assert answer_from(Frame(("CO", "1", "101"))) == CheckedOut("1", "101")
    read = KeyRead("1", ("101", "GYM"), ARRIVAL, DEPARTURE)
    assert HostProtocol().feed(encode(read)) == [read]
    blank = KeyRead("1", (), None, None)
    assert HostProtocol().feed(encode(blank)) == [blank]


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        (("XX", "1"), "unknown answer 'XX'"),
        (("LT", "1", "101", "", "", "", "", "", "2500051226", "1100071226"), "field 8"),
        (("LT", "1", "101", "", "", "", "", "", "1500051226", "11000712"), "field 9"),
        (("LT", "1", "101"), "not both dates"),
    ],
)
def test_a_hostile_answer_is_rejected_naming_the_field(fields: tuple[str, ...], why: str) -> None:
    answer = answer_from(Frame(fields))
    assert isinstance(answer, Rejected)
    assert why in answer.reason


def test_commands_read_back_on_the_salto_side() -> None:
    for command in (
        EncodeKey("1", "101", ARRIVAL, DEPARTURE, operator="KIOSK"),
        EncodeKey("1", "101", ARRIVAL, DEPARTURE, copy=True, extra_rooms=("POOL", "GYM")),
        Checkout("1", "101"),
        ReadKey("1"),
    ):
        (frame,) = FrameParser().feed(encode(command))
        assert isinstance(frame, Frame)
        assert command_from(frame) == command


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        (("CN", "1", "101", "", "", "", "", "", "99", "1100071226"), "field 8 (start) '99'"),
        (("CN", "1", "", "", "", "", "", "", "1500051226", "1100071226"), "room is empty"),
        (("CO", "1"), "CO without a room"),
        (("ZZ", "1"), "unknown command 'ZZ'"),
    ],
)
def test_a_bad_command_is_named_for_the_es_answer(fields: tuple[str, ...], why: str) -> None:
    command = command_from(Frame(fields))
    assert isinstance(command, BadCommand)
    assert why in command.reason


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"room": ""}, "room is empty"),
        ({"encoder": ""}, "encoder is empty"),
        ({"valid_to": ARRIVAL}, "is not after valid_from"),
        ({"valid_from": datetime(1999, 1, 1)}, "valid_from 1999-01-01 00:00:00 is outside"),
        ({"extra_rooms": ("a", "b", "c", "d")}, "at most 3"),
    ],
)
def test_a_key_command_refuses_bad_values(kwargs: dict[str, object], why: str) -> None:
    values: dict[str, object] = {
        "encoder": "1",
        "room": "101",
        "valid_from": ARRIVAL,
        "valid_to": DEPARTURE,
    }
    values.update(kwargs)
    with pytest.raises(ValueError, match=why):
        EncodeKey(**values)  # type: ignore[arg-type]


# -- fuzz ----------------------------------------------------------------------------------------

FIELD_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\xb3"),
    max_size=20,
)
COMMAND = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_never_crashes_and_every_event_is_known(data: bytes) -> None:
    events = HostProtocol().feed(data)
    for event in events:
        assert isinstance(
            event, Ack | Nak | Enq | Rejected | KeyEncoded | CheckedOut | KeyRead | EncoderFault
        )
    for wire_event in FrameParser().feed(data):
        assert isinstance(wire_event, Ack | Nak | Enq | Rejected | Frame)


@settings(max_examples=200, deadline=None)
@given(COMMAND, st.lists(FIELD_TEXT, max_size=12), st.binary(max_size=60), st.data())
def test_any_frame_survives_garbage_before_it_and_any_split(
    command: str, fields: list[str], garbage: bytes, data: st.DataObject
) -> None:
    # a trailing empty field is not sent apart from the separator that closes it
    while fields and fields[-1] == "":
        fields.pop()
    frame = encode_frame([command, *fields])
    stream = garbage + bytes([ETX, 0]) + frame  # whatever the garbage left open is closed
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    parser = FrameParser()
    events: list[object] = []
    for start, end in zip([0, *cuts], [*cuts, len(stream)], strict=True):
        events += parser.feed(stream[start:end])
    assert _frames(events)[-1] == Frame((command, *fields))


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=80), st.integers(0, 255))
def test_a_wrong_lrc_is_always_rejected(body: bytes, wrong: int) -> None:
    clean = bytes(b for b in body if b not in (STX, ETX, ENQ, ACK, NAK))
    real = lrc(S + clean + bytes([ETX]))
    if wrong in (real, LRC_SKIP):
        wrong ^= 0x80
    events = FrameParser().feed(bytes([STX]) + S + clean + bytes([ETX, wrong]))
    assert len(events) == 1
    assert isinstance(events[0], Rejected)
