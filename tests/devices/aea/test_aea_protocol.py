"""The AEA encoder, pectab syntax, reply and command parsers (sans-IO), with fuzzing."""

from __future__ import annotations

import re

import pytest
from aea_samples import bag_tag, boarding_pass
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.aea import encoder
from kiosk.devices.aea.commands import (
    BadCommand,
    ClearPectabs,
    CommandParser,
    PrintDocument,
    QueryStatus,
    Stray,
    UploadPectab,
    parse_command,
)
from kiosk.devices.aea.framing import MAX_FRAME, Deframer, Frame, Garbage, frame
from kiosk.devices.aea.layouts import BAG_TAG, BOARDING_PASS
from kiosk.devices.aea.pectab import (
    ATB,
    BTP,
    BarcodeElement,
    Pectab,
    PectabError,
    Position,
    TextElement,
    parse_pectab,
    pectab_text,
)
from kiosk.devices.aea.replies import (
    Fault,
    Media,
    Noise,
    Ok,
    PectabList,
    PectabStored,
    Refused,
    ReplyParser,
    StatusReport,
    Unrecognised,
    parse_reply,
    reply_text,
)
from kiosk.devices.aea.sim import AeaSimulator

# -- framing ------------------------------------------------------------------------------------


def test_frames_survive_any_split_and_noise_is_reported_then_skipped() -> None:
    data = b"xx" + frame("OK") + frame("QS;1;OK;0;0")
    deframer = Deframer()
    events = [e for i in range(len(data)) for e in deframer.feed(data[i : i + 1])]
    assert [e for e in events if isinstance(e, Frame)] == [Frame("OK"), Frame("QS;1;OK;0;0")]
    assert Garbage(b"x", "bytes outside a frame") in events


def test_a_restarted_frame_is_garbage_and_the_next_one_reads() -> None:
    events = Deframer().feed(b"\x02QS;1\x02OK\x03")
    assert events == [Garbage(b"\x02QS;1", "frame restarted before its ETX"), Frame("OK")]


def test_an_over_long_frame_is_dropped_and_reading_resumes() -> None:
    deframer = Deframer(max_frame=8)
    events = deframer.feed(b"\x02" + b"A" * 20 + b"\x03" + frame("OK"))
    assert events[0] == Garbage(b"\x02" + b"A" * 8, "frame over 8 bytes")
    assert events[-1] == Frame("OK")
    assert MAX_FRAME >= 4096


def test_frame_refuses_control_bytes_and_non_latin1() -> None:
    with pytest.raises(ValueError, match="STX/ETX"):
        frame("A\x03B")
    with pytest.raises(PectabError, match="cannot be sent"):
        encoder.encode("€")


# -- replies ------------------------------------------------------------------------------------

REPLIES = st.one_of(
    st.just(Ok()),
    st.builds(PectabStored, st.text("ABCK019", min_size=3, max_size=3)),
    st.builds(PectabList, st.lists(st.text("AK19", min_size=3, max_size=3), max_size=4).map(tuple)),
    st.builds(StatusReport, st.booleans(), st.sampled_from(Media), st.booleans(), st.booleans()),
    st.builds(Refused, st.sampled_from(Fault), st.text("abc XYZ 09", max_size=20)),
)


@given(REPLIES)
def test_every_reply_reads_back_as_written(reply: object) -> None:
    assert parse_reply(reply_text(reply)) == reply  # type: ignore[arg-type]


def test_bag_tag_printer_lists_four_character_pectab_ids() -> None:
    assert parse_reply("PSOKK101K202", key_width=4) == PectabList(("K101", "K202"))
    assert isinstance(parse_reply("PSOKK10", key_width=4), Unrecognised)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("QS;1;OK;0", "3 fields"),
        ("QS;2;OK;0;0", "0 or 1"),
        ("QS;1;EMPTY;0;0", "paper state 'EMPTY'"),
        ("ERR;MELTED;hot", "unknown error code 'MELTED'"),
        ("PECTAB OK", "without an id"),
        ("HELLO", "not an answer"),
    ],
)
def test_unreadable_replies_say_what_is_wrong(text: str, reason: str) -> None:
    result = parse_reply(text)
    assert isinstance(result, Unrecognised)
    assert reason in result.reason


def test_the_parser_resyncs_after_garbage() -> None:
    parser = ReplyParser()
    events = parser.feed(b"\x00\xff\x02PARTIAL" + b"\x02OK\x03" + b"junk\x02QS;1;LOW;0;0\x03")
    assert Ok() in events
    assert StatusReport(True, Media.LOW, False, False) in events
    assert any(isinstance(e, Noise) for e in events)


@settings(max_examples=300)
@given(st.lists(st.binary(max_size=64), max_size=8))
def test_reply_parser_never_crashes_on_garbage(chunks: list[bytes]) -> None:
    parser = ReplyParser()
    for chunk in chunks:
        for event in parser.feed(chunk):
            assert isinstance(
                event,
                Ok | PectabStored | PectabList | StatusReport | Refused | Unrecognised | Noise,
            )


@settings(max_examples=100)
@given(REPLIES, st.binary(max_size=30).filter(lambda b: 2 not in b), st.integers(1, 7))
def test_a_reply_after_noise_is_still_read_in_any_chunking(
    reply: object, noise: bytes, step: int
) -> None:
    data = noise + frame(reply_text(reply))  # type: ignore[arg-type]
    parser = ReplyParser()
    events = [e for i in range(0, len(data), step) for e in parser.feed(data[i : i + step])]
    assert events[-1] == reply


# -- pectabs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("pectab", [BOARDING_PASS, BAG_TAG])
def test_the_kiosk_pectabs_read_back_as_written(pectab: Pectab) -> None:
    text = pectab_text(pectab)
    assert text.startswith("PT##?K1A#@;#TICKT#CHKIN#BOARD#" if pectab.kind == ATB else "BTTK101#")
    assert parse_pectab(text, pectab.kind, pectab.columns, pectab.rows) == pectab


def test_the_public_example_pectab_shape_parses() -> None:
    text = "PT##?W8B#@;#T//#T//CI#T//CI#0401N02A#0525A02D#0619E07E54D#"
    pectab = parse_pectab(text, ATB)
    assert pectab.key == "W8B"
    assert pectab.element("06") == TextElement("06", 19, (Position("E", 7), Position("E", 54)), "D")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("XX##?K1A#@;#a#b#c#", "must start 'PT##?'"),
        ("PT##?K1A#@@#a#b#c#", "header"),
        ("PT##?k1A#@;#a#b#c#", "pectab id 'k1'"),
        ("PT##?K11#@;#a#b#c#", "version '1'"),
        ("PT##?K1A#@;#a#b#c#0525Z02D#", "element 0 ('0525Z02D'): position Z02 is outside"),
        ("PT##?K1A#@;#a#b#c#0525A02D#0510B02D#", "element 1 ('0510B02D'): number 05 defined twice"),
        ("PT##?K1A#@;#a#b#c#0500A02D#", "length must be 2 digits"),
        ("PT##?K1A#@;#a#b#c#0525A02#", "a font"),
        ("PT##?K1A#@;#a#b#c#1BBPG32x305#", "4 digits"),
        ("PT##?K1A#@;#a#b#c#1BBPG329905#", "module 99"),
    ],
)
def test_bad_pectabs_name_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(PectabError, match=re.escape(message)):
        parse_pectab(text, ATB)


_ELEMENT_NUMBERS = [f"{n:02X}" for n in range(2, 256)]
TEXT_ELEMENTS = st.builds(
    TextElement,
    st.sampled_from(_ELEMENT_NUMBERS),
    st.integers(1, 99),
    st.lists(
        st.builds(Position, st.sampled_from("ABCDEFGHIJKLMNOPQR"), st.integers(1, 72)),
        min_size=1,
        max_size=3,
    ).map(tuple),
    st.sampled_from("ABCDE"),
)
BARCODES = st.builds(
    BarcodeElement,
    st.sampled_from(_ELEMENT_NUMBERS),
    st.sampled_from("PI"),
    st.builds(Position, st.sampled_from("ABCDEFGHIJKLMNOPQR"), st.integers(1, 72)),
    st.integers(1, 20),
    st.integers(1, 18),
)


@given(st.lists(st.one_of(TEXT_ELEMENTS, BARCODES), max_size=12, unique_by=lambda e: e.number))
def test_any_valid_pectab_reads_back_as_written(elements: list[TextElement]) -> None:
    pectab = Pectab(ATB, "Z9", "Q", tuple(elements))
    assert parse_pectab(pectab_text(pectab), ATB) == pectab


@settings(max_examples=300)
@given(st.text(max_size=80), st.sampled_from([ATB, BTP]))
def test_pectab_parser_raises_only_pectab_errors(text: str, kind: str) -> None:
    messages: list[str] = []
    for candidate in (text, "PT##?K1A#@;#a#b#c#" + text, "BTTK101#" + text):
        try:
            parse_pectab(candidate, kind)
        except PectabError as error:
            messages.append(error.message)
    assert all(messages)


# -- print commands -----------------------------------------------------------------------------


def test_the_boarding_pass_command_has_the_public_cp_shape() -> None:
    text = encoder.print_text(BOARDING_PASS, encoder.boarding_pass_fields(boarding_pass()))
    assert text.startswith("CP#1C01#01K1A#02BOARDING PASS#03KX#")
    assert "#05ERIKSSON/ANNA MARIA#" in text
    assert "#1BM1ERIKSSON/ANNA MARIA" in text


def test_the_bag_tag_command_has_the_public_btp_shape() -> None:
    text = encoder.print_text(BAG_TAG, encoder.bag_tag_fields(bag_tag(), "ERIKSSON/LARS"))
    assert text.startswith("BTPK10101#02CDG#03LIS > CDG#04KX0123#")
    assert "#060125123456#" in text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"99": "x"}, "element 99: no such element"),
        ({"0F": "12345"}, "element 0F: '12345' is longer than 4"),
        ({"05": "A#B"}, "element 05: value 'A#B' holds '#'"),
        ({"05": "A\nB"}, "control character"),
        ({"05": "ЖУК"}, "not Latin-1"),
    ],
)
def test_print_values_are_checked_against_their_element(
    fields: dict[str, str], message: str
) -> None:
    with pytest.raises(PectabError, match=message):
        encoder.print_text(BOARDING_PASS, fields)


def test_a_licence_plate_must_be_ten_digits() -> None:
    with pytest.raises(PectabError, match="licence plate 'KX123456'"):
        encoder.bag_tag_fields(bag_tag(licence_plate="KX123456"), "X")


@pytest.mark.parametrize("kind", [ATB, BTP])
def test_commands_read_back_on_the_printer_side(kind: str) -> None:
    pectab = BOARDING_PASS if kind == ATB else BAG_TAG
    fields = (
        encoder.boarding_pass_fields(boarding_pass())
        if kind == ATB
        else encoder.bag_tag_fields(bag_tag(), "ERIKSSON/ANNA MARIA")
    )
    data = (
        encoder.upload(pectab)
        + encoder.print_command(pectab, fields, copies=2)
        + encoder.status_query()
        + encoder.pectab_clear("K1A")
    )
    events = CommandParser(kind).feed(data)
    assert events == [
        UploadPectab(pectab),
        PrintDocument(pectab.key, 2, tuple(fields.items())),
        QueryStatus(),
        ClearPectabs("K1A"),
    ]


def test_a_printer_refuses_the_other_kinds_pectab() -> None:
    result = parse_command(pectab_text(BAG_TAG), ATB)
    assert isinstance(result, BadCommand)
    assert "unknown command" in result.reason or "no such pectab" in result.reason


@settings(max_examples=300)
@given(st.lists(st.binary(max_size=64), max_size=6), st.sampled_from([ATB, BTP]))
def test_command_parser_never_crashes_on_garbage(chunks: list[bytes], kind: str) -> None:
    parser = CommandParser(kind)
    for chunk in chunks:
        for event in parser.feed(chunk):
            assert not isinstance(event, Exception)


@settings(max_examples=200)
@given(st.text(max_size=60), st.sampled_from(["CP#", "CP#1C01#", "BTP", "BTPK10101#", "PC"]))
def test_command_text_fuzz_gives_a_command_or_a_reason(text: str, prefix: str) -> None:
    for kind in (ATB, BTP):
        result = parse_command(prefix + text, kind)
        if isinstance(result, BadCommand):
            assert result.reason


# -- the simulator, sans-IO -----------------------------------------------------------------------


def test_the_simulator_asks_for_a_pectab_it_lacks_and_refuses_bad_data() -> None:
    sim = AeaSimulator(ATB)
    fields = encoder.boarding_pass_fields(boarding_pass())
    reply = ReplyParser().feed(sim.feed(encoder.print_command(BOARDING_PASS, fields)))
    assert reply == [Refused(Fault.NO_PECTAB, "K1A")]
    parser = ReplyParser()
    assert parser.feed(sim.feed(encoder.upload(BOARDING_PASS))) == [PectabStored("K1A")]
    bad = parser.feed(sim.feed(frame("CP#1C01#01K1A#0F123456#")))
    assert bad == [Refused(Fault.DATA, "element 0F longer than 4")]
    assert parser.feed(sim.feed(frame("ZZ"))) == [
        Refused(Fault.DATA, "unknown command for a ATB printer")
    ]
    assert parser.feed(sim.feed(b"noise" + encoder.pectab_query())) == [PectabList(("K1A",))]
    assert isinstance(CommandParser(ATB).feed(b"noise")[0], Stray)


def test_simulator_console_commands() -> None:
    sim = AeaSimulator(BTP)
    assert "paper out" in sim.command("paper out")
    assert "3 left" in sim.command("paper 3")
    assert sim.paper is Media.LOW
    assert "jams on the next print" in sim.command("jam next")
    assert "offline" in sim.command("offline")
    assert sim.feed(encoder.status_query()) == b""
    assert "paper ok" in sim.command("recover")
    assert "commands:" in sim.command("dance")
    with pytest.raises(ValueError, match="kind 'xyz'"):
        AeaSimulator("xyz")


def test_a_pass_without_boarding_time_gate_or_sequence_leaves_them_blank() -> None:
    data = boarding_pass(boarding_time=None, gate="", sequence_number=0, extras=())
    fields = encoder.boarding_pass_fields(data)
    assert (fields["11"], fields["0F"], fields["17"], fields["1A"]) == ("", "", "", "")
    assert fields["21"] == ""
    assert fields["22"] == "GRP 2"
    encoder.print_text(BOARDING_PASS, fields)  # still a valid command
