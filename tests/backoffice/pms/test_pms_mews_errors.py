"""Every way the Mews API can fail becomes one PmsError kind at the driver's boundary.

Faults come from the real simulator (HTTP errors, slow answers, garbage, dropped
connections); hostile replies are the simulator's own data bent out of shape, so
the driver reads them over real HTTP and must name the field that is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest

from kiosk.backoffice.pms.mews import MewsConnector
from kiosk.backoffice.pms.sim import ACCESS_TOKEN, CLIENT_TOKEN, MewsSimulator, guid
from kiosk.domain.hotel.pms import PmsError, PmsErrorKind, RefusalCode


def error_of(call: Callable[[], object]) -> PmsError:
    with pytest.raises(PmsError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("client_token", "access_token", "says"),
    [("wrong", ACCESS_TOKEN, "ClientToken"), (CLIENT_TOKEN, "wrong", "AccessToken")],
)
def test_bad_credentials_are_refused_as_unauthorized(
    sim: MewsSimulator, client_token: str, access_token: str, says: str
) -> None:
    with MewsConnector(sim.url, client_token, access_token, "Kiosk", 5) as pms:
        error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert (error.kind, error.code) == (PmsErrorKind.REFUSED, RefusalCode.UNAUTHORIZED)
    assert "401" in error.message
    assert says in error.message
    assert "wrong" not in error.message  # the credentials are not logged


@pytest.mark.parametrize(
    ("status", "code"),
    [(503, "server"), (500, "server"), (408, "timeout"), (429, "rate_limited")],
)
def test_server_errors_and_rate_limits_are_unreachable_and_the_next_call_works(
    sim: MewsSimulator, pms: MewsConnector, status: int, code: str
) -> None:
    sim.fail_next(1, status)
    error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert (error.kind, error.code) == (PmsErrorKind.UNREACHABLE, code)
    assert str(status) in error.message
    if status == 429:
        assert "retry after 1 s" in error.message
    assert pms.find_by_confirmation("4701").confirmation_number == "4701"


def test_a_reply_that_is_not_json_is_invalid(sim: MewsSimulator, pms: MewsConnector) -> None:
    sim.garbage_next()
    error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert error.kind is PmsErrorKind.INVALID
    assert "reservations/getAll/2023-06-06" in error.message
    assert "not JSON" in error.message


def test_a_slow_answer_times_out_as_unreachable(sim: MewsSimulator) -> None:
    sim.slow_next(30.0)
    with MewsConnector(sim.url, CLIENT_TOKEN, ACCESS_TOKEN, "Kiosk", 0.3) as pms:
        error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert (error.kind, error.code) == (PmsErrorKind.UNREACHABLE, "timeout")


def test_a_dropped_connection_is_unreachable(sim: MewsSimulator, pms: MewsConnector) -> None:
    sim.drop_next()
    assert error_of(lambda: pms.find_by_confirmation("4701")).kind is PmsErrorKind.UNREACHABLE


def test_nobody_listening_is_unreachable() -> None:
    sim = MewsSimulator().start()
    url = sim.url
    sim.stop()
    with MewsConnector(url, CLIENT_TOKEN, ACCESS_TOKEN, "Kiosk", 2) as pms:
        error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert error.kind is PmsErrorKind.UNREACHABLE


def test_a_wrong_platform_address_is_invalid(sim: MewsSimulator) -> None:
    with MewsConnector(sim.url + "/wrong", CLIENT_TOKEN, ACCESS_TOKEN, "Kiosk", 2) as pms:
        error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert error.kind is PmsErrorKind.INVALID
    assert "404" in error.message


def test_an_unknown_time_zone_is_invalid_at_construction() -> None:
    error = error_of(
        lambda: MewsConnector("http://127.0.0.1:9", "c", "a", property_timezone="Mars/Olympus")
    )
    assert error.kind is PmsErrorKind.INVALID
    assert "Mars/Olympus" in error.message


RES_4701 = guid("res-4701")


@pytest.mark.parametrize(
    ("collection", "key", "field", "value", "named"),
    [
        ("reservations", RES_4701, "Number", 12, "Reservations[0].Number: expected a string"),
        ("reservations", RES_4701, "State", "Teleported", "Reservations[0].State"),
        ("reservations", RES_4701, "ScheduledStartUtc", "yesterday", "ScheduledStartUtc"),
        ("reservations", RES_4701, "ScheduledEndUtc", "2020-01-01T00:00:00Z", "not after"),
        ("reservations", RES_4701, "ScheduledStartUtc", "2026-12-05T14:00:00", "ending in Z"),
        ("reservations", RES_4701, "AccountId", None, "Reservations[0].AccountId: missing"),
        ("reservations", RES_4701, "PersonCounts", {"Count": 2}, "PersonCounts: expected an array"),
        ("customers", guid("cus-ana"), "LastName", ["García"], "LastName: expected a string"),
        ("customers", guid("cus-ana"), "BirthDate", "31/12/1990", "BirthDate: expected a date"),
        ("customers", guid("cus-ana"), "Sex", "Robot", "Sex: unknown sex"),
        ("resources", guid("room-204"), "State", "Haunted", "Resources[0].State"),
        ("rates", guid("rate-flex"), "Names", {"en-US": 7}, "Rates[0].Names.en-US: expected a"),
    ],
)
def test_a_malformed_reply_names_the_field(  # noqa: PLR0917
    sim: MewsSimulator,
    pms: MewsConnector,
    collection: str,
    key: str,
    field: str,
    value: object,
    named: str,
) -> None:
    getattr(sim.hotel, collection)[key][field] = value
    error = error_of(lambda: pms.stay(RES_4701))
    assert error.kind is PmsErrorKind.INVALID
    assert named in error.message


@pytest.mark.parametrize(
    ("amount", "named"),
    [
        ({"Currency": "EUR", "GrossValue": "12.50"}, "GrossValue: expected a number"),
        ({"Currency": "XXX", "GrossValue": 1}, "unknown currency"),
        ({"Currency": "EUR", "GrossValue": Decimal("0.001")}, "more than 2 decimals"),
        ({"Currency": "EUR", "GrossValue": True}, "GrossValue: expected a number"),
        ({"GrossValue": 1}, "Currency: missing"),
        ({"Currency": "EUR", "GrossValue": 10**40}, "out of range"),
    ],
)
def test_a_malformed_amount_names_the_item(
    sim: MewsSimulator, pms: MewsConnector, amount: object, named: str
) -> None:
    item = next(i for i in sim.hotel.order_items.values() if i["ServiceOrderId"] == RES_4701)
    item["Amount"] = amount
    error = error_of(lambda: pms.folio(RES_4701))
    assert error.kind is PmsErrorKind.INVALID
    assert "OrderItems[" in error.message
    assert named in error.message


def test_faults_can_be_queued_over_http_by_another_process(
    sim: MewsSimulator, pms: MewsConnector
) -> None:
    queued = httpx.post(sim.url + "/sim/fault", json={"kind": "status", "status": 500, "count": 2})
    assert queued.status_code == 200
    for _ in range(2):
        assert error_of(lambda: pms.find_by_confirmation("4701")).code == "server"
    assert pms.find_by_confirmation("4701").confirmation_number == "4701"
    refused = httpx.post(sim.url + "/sim/fault", json={"kind": "meteor"})
    assert refused.status_code == 400
    assert "meteor" in refused.json()["Message"]


def test_a_simulator_that_trips_on_its_own_data_answers_500(
    sim: MewsSimulator, pms: MewsConnector
) -> None:
    sim.hotel.rates[guid("rate-flex")]["Names"] = {"en-US": 1.5}  # a float: not sendable
    error = error_of(lambda: pms.find_by_confirmation("4701"))
    assert (error.kind, error.code) == (PmsErrorKind.UNREACHABLE, "server")
    assert "Internal server error" in error.message
