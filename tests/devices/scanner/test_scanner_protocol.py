"""The serial scanner frame parser: table of cases plus hypothesis garbage and chunking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.protocol import Rejected
from kiosk.devices.scanner.protocol import ScannerProtocol
from kiosk.devices.scanner.scan import Scan, split_aim


def _scans(events: list[object]) -> list[tuple[str, str | None]]:
    return [(e.code, e.symbology) for e in events if isinstance(e, Scan)]


@pytest.mark.parametrize(
    ("options", "data", "expected"),
    [
        ({}, b"]E04006381333931\r", [("4006381333931", "]E0")]),
        ({}, b"4006381333931\r", [("4006381333931", None)]),
        ({"aim": False}, b"]E04006381333931\r", [("]E04006381333931", None)]),
        (
            {},
            b"]C1010950110153000317261231\x1d10ABC\r",
            [("010950110153000317261231\x1d10ABC", "]C1")],
        ),
        ({"terminator": b"\n"}, b"123\r\n456\n", [("123", None), ("456", None)]),
        ({"terminator": b"\r\n"}, b"123\r\n\r\n456\r\n", [("123", None), ("456", None)]),
        ({}, b"\x00\x11123\x13\xff4\r", [("1234", None)]),
        ({}, b"\r\r\n123\r", [("123", None)]),
        ({"prefix": b"\x02"}, b"junk\x02]E496385074\r", [("96385074", "]E4")]),
        ({}, "Jalapeño\r".encode(), [("Jalapeño", None)]),
        ({}, b"caf\xe9\r", [("café", None)]),
    ],
)
def test_frames(
    options: dict[str, object], data: bytes, expected: list[tuple[str, str | None]]
) -> None:
    parser = ScannerProtocol(**options)  # type: ignore[arg-type]
    assert _scans(parser.feed(data)) == expected


def test_prefix_is_required_and_noise_before_it_skipped() -> None:
    parser = ScannerProtocol(prefix=b"SCN:")
    events = parser.feed(b"zz SCN:]E04006381333931\r4006381333931\r")
    assert _scans(events) == [("4006381333931", "]E0")]
    assert isinstance(events[1], Rejected)
    assert "prefix" in events[1].reason


def test_over_long_frame_is_reported_once_and_the_next_scan_still_works() -> None:
    parser = ScannerProtocol(max_length=16)
    events = parser.feed(b"1" * 40) + parser.feed(b"1" * 40) + parser.feed(b"\r123\r")
    rejected = [e for e in events if isinstance(e, Rejected)]
    assert len(rejected) == 1
    assert "longer than 16" in rejected[0].reason
    assert _scans(events) == [("123", None)]


def test_frame_of_only_an_aim_identifier_is_rejected() -> None:
    events = ScannerProtocol().feed(b"]E0\r")
    assert len(events) == 1
    assert isinstance(events[0], Rejected)


def test_split_aim() -> None:
    assert split_aim("]Q3hello") == ("]Q3", "hello")
    assert split_aim("]x") == (None, "]x")
    assert split_aim("]1Ab") == (None, "]1Ab")


TERMINATORS = st.sampled_from([b"\r", b"\n", b"\r\n"])
CODES = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=40
).filter(lambda c: c.strip("\r\n") == c and c[:1] != "]")


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=2000),
    cuts=st.lists(st.integers(0, 2000), max_size=20),
    terminator=TERMINATORS,
    prefix=st.sampled_from([b"", b"\x02", b"S:"]),
)
def test_garbage_never_raises_and_chunking_does_not_matter(
    data: bytes, cuts: list[int], terminator: bytes, prefix: bytes
) -> None:
    whole = ScannerProtocol(terminator, prefix, max_length=64).feed(data)
    parser = ScannerProtocol(terminator, prefix, max_length=64)
    pieces: list[object] = []
    start = 0
    for cut in sorted(cuts):
        pieces += parser.feed(data[start:cut])
        start = max(start, cut)
    pieces += parser.feed(data[start:])
    assert all(isinstance(e, Scan | Rejected) for e in whole)
    assert _scans(pieces) == _scans(whole)
    assert all(e.code for e in whole if isinstance(e, Scan))


@settings(max_examples=200, deadline=None)
@given(
    codes=st.lists(
        st.tuples(st.sampled_from(["", "]E0", "]C1", "]Q3"]), CODES), min_size=1, max_size=10
    ),
    terminator=TERMINATORS,
    noise=st.sampled_from([b"", b"\x00", b"\x11\x13", b"\xff"]),
    chunk=st.integers(1, 7),
)
def test_every_framed_code_comes_out_once(
    codes: list[tuple[str, str]], terminator: bytes, noise: bytes, chunk: int
) -> None:
    wire = b"".join(noise + (aim + code).encode() + terminator for aim, code in codes)
    parser = ScannerProtocol(terminator)
    events: list[object] = []
    for i in range(0, len(wire), chunk):
        events += parser.feed(wire[i : i + chunk])
    assert _scans(events) == [(code, aim or None) for aim, code in codes]
