"""Toledo, NCI and CAS parsers: frames, statuses, units, garbage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.protocol import Rejected
from kiosk.devices.scale.cas import CasProtocol
from kiosk.devices.scale.nci import NciProtocol
from kiosk.devices.scale.sim import ScaleSimulator
from kiosk.devices.scale.toledo import ToledoProtocol
from kiosk.devices.scale.weight import (
    ScaleCommand,
    UnsupportedCommand,
    WeightReading,
    WeightUnit,
    to_grams,
)

R = WeightReading


@pytest.mark.parametrize(
    ("unit", "frame", "expected"),
    [
        (WeightUnit.KG, b"\x0201.234\r", R(1234)),
        (WeightUnit.KG, b"\x0201234\r", R(1234)),  # implied 3 decimals for kg
        (WeightUnit.KG, b"\x0200.000\r", R(0, at_zero=True)),
        (WeightUnit.LB, b"\x0202.72\r", R(1234)),  # 2.72 lb = 1233.77 g
        (WeightUnit.LB, b"\x020272\r", R(1234)),
        (WeightUnit.G, b"\x02001234\r", R(1234)),
        (WeightUnit.KG, b"\x02?\x21\r", R(None, motion=True)),
        (WeightUnit.KG, b"\x02?\x22\r", R(None, over_capacity=True)),
        (WeightUnit.KG, b"\x02?\x24\r", R(None, under_zero=True)),
        (WeightUnit.KG, b"\x02?\x30\r", R(None, at_zero=True)),
        (WeightUnit.KG, b"\x02?\xa1\r", R(None, motion=True)),  # parity bit set
        (WeightUnit.KG, b"\x02?\x28\r", R(None, fault="outside zero capture range")),
    ],
)
def test_toledo_frames(unit: WeightUnit, frame: bytes, expected: WeightReading) -> None:
    assert ToledoProtocol(unit).feed(frame) == [expected]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"junk\x0201.000\r", "bytes outside a Toledo frame"),
        (b"\x02" + b"1" * 20 + b"\r", "over-long Toledo frame"),
        (b"\x02abc\r", "not a Toledo weight"),
        (b"\x02?\r", "malformed Toledo status frame"),
        (b"\x0201.0\x0201.000\r", "cut short"),
    ],
)
def test_toledo_garbage_is_rejected(data: bytes, reason: str) -> None:
    events = ToledoProtocol().feed(data)
    assert any(isinstance(e, Rejected) and reason in e.reason for e in events)


def test_toledo_commands() -> None:
    protocol = ToledoProtocol()
    assert protocol.encode(ScaleCommand.WEIGHT) == b"W"
    assert protocol.encode(ScaleCommand.ZERO) == b"Z"
    with pytest.raises(UnsupportedCommand):
        protocol.encode(ScaleCommand.TARE)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (b"\n  1.234kg\r\n00\r\x03", R(1234)),
        (b"\n002.72lb\r\n00\r\x03", R(1234)),
        (b"\n  1.234kg\r\nS00\r\x03", R(1234)),  # SCP-02 puts an S before the status
        (b"\n  1.234kg\r\n10\r\x03", R(1234, motion=True)),
        (b"\n  0.000kg\r\n20\r\x03", R(0, at_zero=True)),
        (b"\n^^^^^^^kg\r\n02\r\x03", R(None, over_capacity=True)),
        (b"\n -0.010kg\r\n01\r\x03", R(-10, under_zero=True)),
        (b"\n00\r\x03", R(None)),
        (b"\n  1.000kg\r\n0p8\r\x03", R(1000, fault="initial zero error")),
        (b"\n  1.000kg\r\n40\r\x03", R(1000, fault="RAM error")),
        (b"\n  1.000kg\r\n0p4\r\x03", R(1000, net=True)),
    ],
)
def test_nci_messages(message: bytes, expected: WeightReading) -> None:
    # status bytes as on the wire: "0" = 0x30, "p" = 0x70 (bit 6: another byte follows)
    assert NciProtocol().feed(message) == [expected]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\n?\r\x03", "did not understand"),
        (b"\n1.0kg\r\nxx\r\x03", "malformed NCI status"),
        (b"\n1.0 parsecs\r\n00\r\x03", "not an NCI weight"),
        (b"x" * 70, "over-long NCI message"),
    ],
)
def test_nci_garbage_is_rejected(data: bytes, reason: str) -> None:
    events = NciProtocol().feed(data)
    assert any(isinstance(e, Rejected) and reason in e.reason for e in events)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"ST,GS,+  1.234kg\r\n", R(1234)),
        (b"US,GS,+  1.100kg\r\n", R(1100, motion=True)),
        (b"ST,NT,+  0.500kg\r\n", R(500, net=True)),
        (b"ST,GS,-  0.010kg\r\n", R(-10, under_zero=True)),
        (b"ST,GS,+  0.000kg\r\n", R(0, at_zero=True)),
        (b"OL,GS,+  -----kg\r\n", R(None, over_capacity=True)),
        (b"ST,GS,\x01\x00+001.234 kg\r\n", R(1234)),  # device id and lamp bytes
        (b"ST,GS,   2.50lb\r\n", R(1134)),
    ],
)
def test_cas_lines(line: bytes, expected: WeightReading) -> None:
    assert CasProtocol().feed(line) == [expected]


def test_cas_has_no_commands() -> None:
    with pytest.raises(UnsupportedCommand):
        CasProtocol().encode(ScaleCommand.ZERO)


@pytest.mark.parametrize(
    ("value", "unit", "grams"),
    [
        ("1", WeightUnit.LB, 454),
        ("0.01", WeightUnit.LB, 5),
        ("2.2046", WeightUnit.LB, 1000),
        ("1", WeightUnit.OZ, 28),
        ("0.0005", WeightUnit.KG, 1),
        ("0.0004", WeightUnit.KG, 0),
    ],
)
def test_unit_conversion_is_exact(value: str, unit: WeightUnit, grams: int) -> None:
    assert to_grams(Decimal(value), unit) == grams


PARSERS = [
    ToledoProtocol,
    lambda: ToledoProtocol(WeightUnit.LB),
    NciProtocol,
    CasProtocol,
]


@pytest.mark.parametrize("make", PARSERS)
@given(chunks=st.lists(st.binary(max_size=80), max_size=20))
@settings(max_examples=150, deadline=None)
def test_garbage_into_every_parser(make: object, chunks: list[bytes]) -> None:
    parser = make()  # type: ignore[operator]
    for chunk in chunks:
        for event in parser.feed(chunk):
            assert isinstance(event, WeightReading | Rejected)
            if isinstance(event, WeightReading) and event.grams is not None:
                assert isinstance(event.grams, int)
    assert len(parser._buffer) <= 80


@pytest.mark.parametrize(
    ("protocol", "unit"),
    [
        ("toledo", WeightUnit.KG),
        ("toledo", WeightUnit.G),
        ("nci", WeightUnit.KG),
        ("cas", WeightUnit.KG),
    ],
)
@given(grams=st.integers(min_value=0, max_value=15000))
@settings(max_examples=100, deadline=None)
def test_simulator_and_parser_agree(protocol: str, unit: WeightUnit, grams: int) -> None:
    sim = ScaleSimulator(protocol, unit)
    sim.load_g = grams
    parser = {"toledo": lambda: ToledoProtocol(unit), "nci": NciProtocol, "cas": CasProtocol}[
        protocol
    ]()
    data = sim.frame() if protocol == "cas" else sim.feed(parser.encode(ScaleCommand.WEIGHT))
    (reading,) = parser.feed(data)
    assert isinstance(reading, WeightReading)
    assert reading.grams == grams
