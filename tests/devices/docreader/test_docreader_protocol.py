"""The document reader's frame parser: each framing, byte-by-byte feeds, resync, fuzz."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.docreader.protocol import (
    LINES_FOR_WIDTH,
    DocReaderProtocol,
    encode_document,
    lrc,
)
from kiosk.devices.docreader.samples import SAMPLE_DOCUMENTS
from kiosk.devices.protocol import Rejected

ANNA = SAMPLE_DOCUMENTS["anna"]
LARS = SAMPLE_DOCUMENTS["lars"]
CARD = SAMPLE_DOCUMENTS["td1_card"]
TD2 = ("I<UTOSTEVENSON<<PETER<<<<<<<<<<<<<<<", "D231458907UTO3407127M9507122<<<<<<<2")


def _documents(events: list[object]) -> list[tuple[str, ...]]:
    return [e.lines for e in events if isinstance(e, DocumentRead)]


def _reasons(events: list[object]) -> list[str]:
    return [e.reason for e in events if isinstance(e, Rejected)]


def _feed_bytewise(parser: DocReaderProtocol, data: bytes) -> list[object]:
    events: list[object] = []
    for index in range(len(data)):
        events += parser.feed(data[index : index + 1])
    return events


@pytest.mark.parametrize(
    ("framing", "checksum", "wire"),
    [
        ("stx", "none", b"\x02" + "\r".join(ANNA).encode() + b"\r\x03"),
        ("stx", "none", b"\x02" + "\r\n".join(ANNA).encode() + b"\r\n\x03"),
        ("stx", "none", b"\x02" + "\n".join(ANNA).encode() + b"\x03"),  # no line end before ETX
        # a header before STX and a byte after ETX are skipped; a missing line is sent empty
        ("stx", "none", b"\x01\x5c\x00OU\x02\r" + "\r".join(ANNA).encode() + b"\r\x03\x41"),
        # DESKO CUTE style: device delimiters around STX..ETX
        ("stx", "none", b"\x1c\x02" + "\r".join(ANNA).encode() + b"\r\x03\x1d"),
        ("stx", "lrc", encode_document(ANNA, "stx", "lrc")),
        ("lines", "none", "\r".join(ANNA).encode() + b"\r"),
        ("lines", "none", "\n".join(ANNA).encode() + b"\n"),
        ("lines", "none", "\r\n".join(ANNA).encode() + b"\r\n"),
        ("lines", "none", b"\x02" + "\r".join(ANNA).encode() + b"\r\x03"),  # framed, read plain
    ],
)
def test_each_framing_reads_a_passport_whole_and_byte_by_byte(
    framing: str, checksum: str, wire: bytes
) -> None:
    assert _documents(DocReaderProtocol(framing, checksum).feed(wire)) == [ANNA]
    events = _feed_bytewise(DocReaderProtocol(framing, checksum), wire)
    assert _documents(events) == [ANNA]
    assert _reasons(events) == []


@pytest.mark.parametrize("lines", [ANNA, CARD, TD2], ids=["TD3", "TD1", "TD2"])
@pytest.mark.parametrize("framing", ["stx", "lines"])
def test_every_legal_shape_is_read(lines: tuple[str, ...], framing: str) -> None:
    parser = DocReaderProtocol(framing)
    assert _documents(parser.feed(encode_document(lines, framing))) == [lines]
    assert not parser.busy


def test_documents_one_after_the_other_in_one_read() -> None:
    wire = b"".join(encode_document(d) for d in (ANNA, LARS, CARD))
    assert _documents(DocReaderProtocol().feed(wire)) == [ANNA, LARS, CARD]
    wire = b"".join(encode_document(d, "lines", line_end=b"\r\n") for d in (ANNA, CARD, LARS))
    assert _documents(DocReaderProtocol("lines").feed(wire)) == [ANNA, CARD, LARS]


def test_garbage_then_a_good_document() -> None:
    parser = DocReaderProtocol()
    events = parser.feed(b"x" * 100 + b"\x00\xff" + encode_document(ANNA))
    assert _documents(events) == [ANNA]
    [reason] = _reasons(events)  # reported once, not once per byte
    assert "outside a document block" in reason
    assert "STX" in reason


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ((ANNA[0], ANNA[1][:-1]), "line 2 is 43 characters wide but line 1 is 44"),
        ((ANNA[0][:40], ANNA[1][:40]), "line 1 is 40 characters wide; MRZ lines are 30, 36 or 44"),
        ((ANNA[0],), "1 lines of 44 characters; a TD3 or MRV-A document has 2"),
        ((*CARD[:2],), "2 lines of 30 characters; a TD1 document has 3"),
        ((*ANNA, ANNA[0]), "3 lines of 44 characters; a TD3 or MRV-A document has 2"),
        ((), "no MRZ line"),
        ((ANNA[0], ANNA[1][:5] + "\x07" + ANNA[1][6:]), "line 2 has byte 0x07 at column 6"),
    ],
)
def test_a_bad_block_is_one_clear_error_and_the_next_document_is_read(
    lines: tuple[str, ...], expected: str
) -> None:
    parser = DocReaderProtocol()
    events = parser.feed(encode_document(lines) + encode_document(LARS))
    assert len(events) == 2
    assert expected in _reasons(events)[0]
    assert _documents(events) == [LARS]


def test_error_reasons_never_carry_the_mrz_text() -> None:
    parser = DocReaderProtocol()
    events = parser.feed(encode_document((ANNA[0], ANNA[1][:-1])) + b"\x02" + ANNA[0].encode())
    events += parser.flush()
    assert len(_reasons(events)) == 2
    for event in events:
        assert isinstance(event, Rejected)
        assert event.raw == b""
        assert "ERIKSSON" not in event.reason
        assert "L898902" not in event.reason


def test_an_over_long_block_is_reported_once_and_reading_resyncs_on_stx() -> None:
    parser = DocReaderProtocol(max_length=100)
    events = parser.feed(b"\x02" + b"A" * 500) + parser.feed(b"B" * 500 + b"\x03")
    events += parser.feed(encode_document(ANNA))
    assert _reasons(events) == ["document block longer than 100 bytes without ETX"]
    assert _documents(events) == [ANNA]


def test_stx_inside_a_block_cuts_it_short_and_starts_over() -> None:
    events = DocReaderProtocol().feed(b"\x02" + ANNA[0].encode() + b"\r" + encode_document(LARS))
    assert _reasons(events) == ["document block cut short: STX again before ETX"]
    assert _documents(events) == [LARS]


def test_lrc_is_checked() -> None:
    good = encode_document(ANNA, "stx", "lrc")
    bad = good[:-1] + bytes((good[-1] ^ 0x01,))
    parser = DocReaderProtocol("stx", "lrc")
    events = parser.feed(bad + good)
    assert _documents(events) == [ANNA]
    [reason] = _reasons(events)
    assert reason.startswith("block check failed: LRC ")
    assert lrc(b"\x01\x02\x03") == 0


def test_an_lrc_byte_that_looks_like_stx_is_not_a_frame_start() -> None:
    # find a document whose LRC is STX (0x02): the parser must take it as the check byte
    lines = next(
        (ANNA[0], ANNA[1][:-2] + f"{n:02d}")
        for n in range(100)
        if lrc(encode_document((ANNA[0], ANNA[1][:-2] + f"{n:02d}"))[1:]) == 0x02
    )
    wire = encode_document(lines, "stx", "lrc")
    assert wire[-1] == 0x02
    parser = DocReaderProtocol("stx", "lrc")
    assert _documents(parser.feed(wire + encode_document(LARS, "stx", "lrc"))) == [lines, LARS]


def test_flush_rejects_what_is_unfinished_so_the_next_document_is_not_glued_to_it() -> None:
    for framing in ("stx", "lines"):
        parser = DocReaderProtocol(framing)
        wire = encode_document(ANNA, framing)
        parser.feed(wire[: len(wire) // 2 + 3])  # the first line and a bit of the second
        assert parser.busy
        [reason] = _reasons(parser.flush())
        assert "cut short" in reason
        assert not parser.busy
        assert _documents(parser.feed(encode_document(LARS, framing))) == [LARS]
    assert DocReaderProtocol().flush() == []


@pytest.mark.parametrize(
    ("wire", "reason"),
    [
        (
            (ANNA[0] + "\r\r").encode(),
            "document cut short by a blank line: 1 of 2 lines of 44 characters",
        ),
        ((ANNA[0] + "\r\x04").encode(), "document cut short by EOT: 1 of 2 lines of 44 characters"),
        (
            (ANNA[0] + "\r" + CARD[0] + "\r").encode(),
            "document cut short after 1 line: the next line is 30 characters wide but line 1 is 44",
        ),
        (
            (ANNA[0][:20] + "\r").encode(),
            "line 1 is 20 characters wide; MRZ lines are 30, 36 or 44",
        ),
        (b"A" * 80, "line longer than 64 bytes without CR or LF"),
    ],
)
def test_lines_framing_errors_then_resync(wire: bytes, reason: str) -> None:
    parser = DocReaderProtocol("lines")
    events = parser.feed(wire) + parser.feed(b"\r" + encode_document(LARS, "lines"))
    assert _reasons(events)[0] == reason
    assert _documents(events) == [LARS]


def test_lines_framing_a_wrong_width_line_restarts_with_the_new_line() -> None:
    # a card's first line after half a passport: the card is still read
    wire = (ANNA[0] + "\r").encode() + encode_document(CARD, "lines")
    events = DocReaderProtocol("lines").feed(wire)
    assert len(_reasons(events)) == 1
    assert _documents(events) == [CARD]


def test_unknown_options_are_refused() -> None:
    with pytest.raises(ValueError, match="framing 'xml'"):
        DocReaderProtocol("xml")
    with pytest.raises(ValueError, match="checksum 'crc'"):
        DocReaderProtocol("stx", "crc")
    with pytest.raises(ValueError, match="needs the 'stx' framing"):
        DocReaderProtocol("lines", "lrc")


MRZ_CHARS = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, ...]:
    width = draw(st.sampled_from(sorted(LINES_FOR_WIDTH)))
    line = st.text(MRZ_CHARS, min_size=width, max_size=width)
    return tuple(draw(line) for _ in range(LINES_FOR_WIDTH[width]))


def _legal(lines: tuple[str, ...]) -> bool:
    widths = {len(line) for line in lines}
    return (
        len(widths) == 1
        and LINES_FOR_WIDTH.get(widths.pop()) == len(lines)
        and all(0x20 <= ord(c) <= 0x7E for line in lines for c in line)
    )


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=1500),
    cuts=st.lists(st.integers(0, 1500), max_size=20),
    framing=st.sampled_from(["stx", "lines"]),
    checksum=st.sampled_from(["none", "lrc"]),
)
def test_garbage_never_raises_never_yields_an_illegal_document_and_chunking_does_not_matter(
    data: bytes, cuts: list[int], framing: str, checksum: str
) -> None:
    if framing == "lines":
        checksum = "none"
    whole = DocReaderProtocol(framing, checksum, max_length=200).feed(data)
    parser = DocReaderProtocol(framing, checksum, max_length=200)
    pieces: list[object] = []
    start = 0
    for cut in sorted(cuts):
        pieces += parser.feed(data[start:cut])
        start = max(start, cut)
    pieces += parser.feed(data[start:]) + parser.flush()
    assert all(isinstance(e, DocumentRead | Rejected) for e in pieces)
    assert _documents(pieces) == _documents(whole)
    assert all(_legal(lines) for lines in _documents(pieces))
    assert all(e.raw == b"" and e.reason for e in pieces if isinstance(e, Rejected))


@settings(max_examples=200, deadline=None)
@given(
    docs=st.lists(documents(), min_size=1, max_size=5),
    framing=st.sampled_from(["stx", "lines"]),
    line_end=st.sampled_from([b"\r", b"\n", b"\r\n"]),
    noise=st.sampled_from([b"", b"\x00", b"\x11\x13", b"\xff"]),
    chunk=st.integers(1, 9),
)
def test_every_encoded_document_comes_out_once_in_order(
    docs: list[tuple[str, ...]], framing: str, line_end: bytes, noise: bytes, chunk: int
) -> None:
    wire = b"".join(noise + encode_document(d, framing, line_end=line_end) for d in docs)
    parser = DocReaderProtocol(framing)
    events: list[object] = []
    for index in range(0, len(wire), chunk):
        events += parser.feed(wire[index : index + chunk])
    assert _documents(events) == docs
    assert _reasons(events) == []
