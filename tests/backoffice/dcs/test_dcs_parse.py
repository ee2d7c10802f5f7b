"""The DCS reply parser (kiosk.backoffice.dcs.parse), fuzzed: what dump writes parses
back to the same object, and garbage (random JSON, or a good reply with one part
replaced by junk) gives DcsError(invalid) naming a field, never another exception."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.backoffice.dcs import dump, parse
from kiosk.backoffice.dcs.client import read_reply
from kiosk.domain.airport.dcs import (
    BagAllowance,
    BagTag,
    BoardingPassData,
    Booking,
    DcsError,
    DcsErrorKind,
    DocumentStatus,
    DocumentVerdict,
    Flight,
    Offer,
    Passenger,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
)
from kiosk.domain.money import CURRENCY_EXPONENTS, Money

text = st.text(max_size=12)
count = st.integers(min_value=0, max_value=10**9)
times = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1))
money = st.builds(
    Money, st.integers(-(10**12), 10**12), st.sampled_from(sorted(CURRENCY_EXPONENTS))
)
allowances = st.builds(BagAllowance, count, count, count, st.none() | money, st.none() | money)
passengers = st.builds(
    Passenger,
    passenger_id=text,
    surname=text,
    given_names=text,
    type=st.sampled_from(PassengerType),
    ticket_number=text,
    frequent_flyer=text,
    seat=text,
    checked_in=st.booleans(),
    sequence_number=count,
    inhibited=text,
    document_required=st.booleans(),
    infant_of=text,
    allowance=st.none() | allowances,
    seats=st.dictionaries(text, text, max_size=3).map(lambda d: tuple(d.items())),
)
flights = st.builds(
    Flight,
    segment_id=text,
    airline=text,
    number=text,
    origin=text,
    destination=text,
    departure=times,
    arrival=times,
    cabin=text,
    compartment=text,
    gate=text,
    boarding_time=st.none() | times,
    open_for_checkin=st.booleans(),
)
offers = st.builds(Offer, text, text, text, money, text)
bookings = st.builds(
    Booking,
    record_locator=text,
    passengers=st.lists(passengers, max_size=3).map(tuple),
    flights=st.lists(flights, max_size=3).map(tuple),
    safety_questions=st.lists(text, max_size=3).map(tuple),
    offers=st.lists(offers, max_size=2).map(tuple),
)
seats = st.builds(
    Seat,
    text,
    st.sampled_from(SeatStatus),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.none() | money,
)
seat_maps = st.builds(
    SeatMap,
    text,
    text,
    st.lists(
        st.builds(SeatRow, count, st.lists(st.none() | seats, max_size=7).map(tuple)), max_size=4
    ).map(tuple),
)
plates = st.from_regex(r"\A[0-9]{10}\Z")
bag_tags = st.builds(
    BagTag,
    text,
    plates,
    count,
    text,
    st.lists(text, min_size=1, max_size=3).map(tuple),
    text,
    st.none() | money,
)
passes = st.builds(
    BoardingPassData,
    passenger_id=text,
    segment_id=text,
    name=text,
    flight=text,
    origin=text,
    destination=text,
    departure=times,
    boarding_time=st.none() | times,
    gate=text,
    seat=text,
    sequence_number=count,
    group=text,
    compartment=text,
    bcbp=text,
    extras=st.lists(text, max_size=2).map(tuple),
)
verdicts = st.builds(DocumentVerdict, st.sampled_from(DocumentStatus), text)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def wire(value: Any) -> Any:
    """Through real JSON text, as the driver receives it."""
    return json.loads(json.dumps(value))


#: (parser, the reply that dump writes for an object)
PARSERS: dict[str, tuple[Callable[[object], object], Callable[[Any], Any]]] = {
    "booking": (parse.booking, dump.booking),
    "bookings": (parse.bookings, lambda bs: {"bookings": [dump.booking(b) for b in bs]}),
    "passenger": (parse.passenger, dump.passenger),
    "verdict": (parse.verdict, lambda v: {"verdict": dump.verdict(v)}),
    "seat_map": (parse.seat_map, dump.seat_map),
    "bag_tag": (parse.bag_tag, dump.bag_tag),
    "boarding_passes": (
        parse.boarding_passes,
        lambda ps: {"boarding_passes": [dump.boarding_pass(p) for p in ps]},
    ),
    "cancelled": (parse.cancelled, lambda ids: {"cancelled": list(ids)}),
}
OBJECTS = {
    "booking": bookings,
    "bookings": st.lists(bookings, max_size=2).map(tuple),
    "passenger": passengers,
    "verdict": verdicts,
    "seat_map": seat_maps,
    "bag_tag": bag_tags,
    "boarding_passes": st.lists(passes, max_size=3).map(tuple),
    "cancelled": st.lists(text, max_size=3).map(tuple),
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@given(data=st.data())
def test_what_dump_writes_parses_back(name: str, data: st.DataObject) -> None:
    parser, writer = PARSERS[name]
    value = data.draw(OBJECTS[name])
    assert parser(wire(writer(value))) == value


def invalid(parser: Callable[[object], object], reply: object) -> None:
    """The parser either reads ``reply`` or raises DcsError(invalid) naming a field."""
    try:
        parser(reply)
    except DcsError as caught:
        error = caught
    else:
        return
    assert (error.kind, error.code) == (DcsErrorKind.INVALID, "bad_reply")
    assert error.message.startswith("DCS reply: ")
    assert ": expected " in error.message
    assert len(error.message) < 300


@pytest.mark.parametrize("name", sorted(PARSERS))
@given(reply=json_values)
def test_garbage_gives_a_clear_error(name: str, reply: object) -> None:
    invalid(PARSERS[name][0], reply)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (dict keys, list indexes)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def replaced(value: Any, path: tuple[Any, ...], junk: Any) -> Any:
    if not path:
        return junk
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, junk)}
    copy = list(value)
    copy[head] = replaced(copy[head], rest, junk)
    return copy


@pytest.mark.parametrize("name", sorted(PARSERS))
@given(data=st.data())
def test_a_good_reply_with_one_part_spoiled(name: str, data: st.DataObject) -> None:
    parser, writer = PARSERS[name]
    good = wire(writer(data.draw(OBJECTS[name])))
    path = data.draw(st.sampled_from(paths(good)))
    invalid(parser, replaced(good, path, data.draw(json_values)))


@pytest.mark.parametrize(
    ("reply", "field"),
    [
        ({"record_locator": "X", "passengers": [{}], "flights": []}, "passengers[0].passenger_id"),
        (
            {"record_locator": "X", "passengers": [], "flights": [{"segment_id": 1}]},
            "flights[0].segment_id: expected a string, got 1",
        ),
        (
            {
                "passenger_id": "P1",
                "surname": "A",
                "type": "ADT",
                "allowance": {
                    "pieces": 1,
                    "max_weight_g": 1,
                    "heavy_limit_g": 1,
                    "extra_piece_fee": {"amount_minor": 1.5, "currency": "EUR"},
                },
            },
            "allowance.extra_piece_fee.amount_minor: expected an integer",
        ),
        ({"passenger_id": "P1", "surname": "A", "type": "OLD"}, "type: expected one of 'ADT'"),
        ({"passenger_id": "P1", "surname": "A", "type": "ADT", "checked_in": "yes"}, "checked_in"),
    ],
)
def test_errors_name_the_field(reply: dict[str, Any], field: str) -> None:
    parser = parse.booking if "record_locator" in reply else parse.passenger
    with pytest.raises(DcsError) as error:
        parser(reply)
    assert field in error.value.message


def test_a_flight_time_with_an_offset_or_no_time_is_refused() -> None:
    good = wire(
        dump.flight(
            Flight(
                "S1",
                "KX",
                "1",
                "A",
                "B",
                datetime(2026, 1, 1, 10),
                datetime(2026, 1, 1, 12),
                "Y",
                "Y",
            )
        )
    )
    for bad in ("2026-01-01T10:00:00+01:00", "2026-01-01", "yesterday", "2026-13-01T10:00"):
        reply = {"record_locator": "X", "passengers": [], "flights": [{**good, "departure": bad}]}
        with pytest.raises(DcsError) as error:
            parse.booking(reply)
        assert "flights[0].departure: expected a local date and time" in error.value.message


def test_a_licence_plate_must_be_ten_digits() -> None:
    tag = wire(dump.bag_tag(BagTag("P1", "0617100001", 1, "CDG", ("CDG",), "KX0123")))
    assert parse.bag_tag(tag).licence_plate == "0617100001"
    with pytest.raises(DcsError, match="licence_plate: expected 10 digits"):
        parse.bag_tag({**tag, "licence_plate": "061710000"})
    minimal = parse.passenger({"passenger_id": "P", "surname": "S", "type": "INF"})
    assert minimal.type is PassengerType.INFANT
    assert minimal.seats == ()


@pytest.mark.parametrize("constant", [b"NaN", b"-Infinity", b'{"weight_g": Infinity}'])
def test_nan_and_infinity_are_not_json(constant: bytes) -> None:
    with pytest.raises(DcsError, match="not JSON"):
        read_reply("DCS GET /x", 200, constant)


@given(
    status=st.integers(100, 599),
    content=st.binary(max_size=64) | json_values.map(lambda v: json.dumps(v).encode()),
)
def test_any_http_reply_is_json_or_one_dcs_error(status: int, content: bytes) -> None:
    try:
        data = read_reply("DCS GET /x", status, content)
    except DcsError as caught:
        error = caught
    else:
        assert 200 <= status < 300
        assert data == json.loads(content) if content else data is None
        return
    assert error.message.startswith(("DCS GET /x", "DCS reply"))
    if 200 <= status < 300:
        assert (error.kind, error.code) == (DcsErrorKind.INVALID, "bad_reply")
    elif status >= 500:
        assert error.kind is DcsErrorKind.UNREACHABLE
    elif status == 404:
        assert error.kind is DcsErrorKind.NOT_FOUND
    elif status in (409, 422):
        assert error.kind is DcsErrorKind.REFUSED
