"""From the machine's state to what the screens show (pure: no Qt widgets).

Table of states built by hand: which screen each step shows, an infant shown with
their adult, a document that could not be read, the bag on the belt with its live fee,
the fees to pay, the seats of the party on the map."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from kiosk.domain.airport.dcs import (
    BagAllowance,
    Booking,
    Flight,
    Passenger,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
)
from kiosk.domain.airport.interventions import AirportIntervention, AirportInterventionKind
from kiosk.domain.airport.states import (
    Bag,
    CheckinSettings,
    CheckinState,
    DocumentCheck,
    Outcome,
    PassengerState,
    Step,
)
from kiosk.domain.money import Money
from kiosk.ui.airport import state_views as sv
from kiosk.ui.airport.views import DocumentStatus, PassengerKind, PaymentStage, SeatKind

EUR = "EUR"
ALLOWANCE = BagAllowance(1, 23_000, 32_000, Money(6000, EUR), Money(7500, EUR))
PAPER_OUT = AirportIntervention(
    AirportInterventionKind.PRINTER_OUT, "", "paper out", datetime(2026, 1, 1, tzinfo=UTC)
)
FLIGHT = Flight("S1", "KX", "0123", "LIS", "CDG", datetime(2026, 12, 5, 15, 35),
                datetime(2026, 12, 5, 19, 0), "Y", "Y", gate="12")  # fmt: skip


def passenger(
    pid: str, given: str, kind: PassengerType = PassengerType.ADULT, **more: object
) -> Passenger:
    return Passenger(pid, "GARCIA", given, kind, allowance=ALLOWANCE, **more)  # type: ignore[arg-type]


def family_state(**changes: object) -> CheckinState:
    people = (
        passenger("P1", "ELENA", seats=(("S1", "7A"),)),
        passenger("P2", "PABLO", seats=(("S1", "7B"),)),
        passenger("P4", "MATEO", PassengerType.INFANT, infant_of="P1"),
    )
    booking = Booking("FAMILY", people, (FLIGHT,), ("dangerous_goods", "packed_yourself"))
    state = CheckinState.start(CheckinSettings("LIS", EUR), "c1")
    state = replace(
        state,
        booking=booking,
        passengers=tuple(PassengerState(p) for p in people),
        started_at=datetime(2026, 12, 5, tzinfo=UTC),
    )
    return replace(state, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "screen"),
    [
        ({"step": Step.WELCOME}, "airport_identify"),
        ({"step": Step.PASSENGERS}, "airport_passengers"),
        ({"step": Step.DOCUMENTS}, "airport_documents"),
        ({"step": Step.SAFETY}, "airport_questions"),
        ({"step": Step.SEATS}, "airport_seats"),
        ({"step": Step.BAGS}, "airport_bags"),
        ({"step": Step.BAGS, "weighing": True}, "airport_weigh"),
        ({"step": Step.PAYING}, "airport_payment"),
        ({"step": Step.PRINTING}, "airport_printing"),
        ({"step": Step.INTERVENTION}, "airport_agent"),
        (
            {"step": Step.INTERVENTION, "resume": Step.PRINTING, "intervention": PAPER_OUT},
            "airport_printing",
        ),
        (
            {"step": Step.INTERVENTION, "resume": Step.DOCUMENTS, "intervention": PAPER_OUT},
            "airport_agent",
        ),
        ({"step": Step.DONE, "outcome": Outcome.COMPLETED}, "airport_done"),
        ({"step": Step.DONE, "outcome": Outcome.CANCELLED}, "airport_identify"),
        ({"step": Step.CLOSING, "outcome": Outcome.ABANDONED}, "airport_identify"),
    ],
)
def test_each_step_has_its_screen(changes: dict[str, object], screen: str) -> None:
    assert sv.screen_for(family_state(**changes)) == screen


def test_an_infant_is_shown_with_their_adult() -> None:
    view = sv.passengers_view(family_state(step=Step.PASSENGERS))
    assert [row.name for row in view.passengers] == ["ELENA GARCIA", "PABLO GARCIA"]
    assert view.passengers[0].infant == "MATEO GARCIA"
    assert view.passengers[0].kind is PassengerKind.ADULT
    assert view.flights[0].flight == "KX 0123"


def test_a_document_that_could_not_be_read_is_marked_for_its_passenger() -> None:
    state = family_state(step=Step.DOCUMENTS, document_for="P2", notice="document_unreadable")
    state = replace(
        state,
        passengers=(
            replace(state.passengers[0], document=DocumentCheck.ACCEPTED),
            *state.passengers[1:],
        ),
    )
    view = sv.documents_view(state)
    statuses = {row.passenger_id: row.status for row in view.rows}
    assert statuses == {
        "P1": DocumentStatus.ACCEPTED,
        "P2": DocumentStatus.FAILED,
        "P4": DocumentStatus.WAITING,
    }
    assert view.current == "P2"
    assert view.problem == "unreadable"


def test_the_bag_on_the_belt_shows_its_live_fee() -> None:
    bags = (Bag(1, "P1", 18_000), Bag(2, "P1"), Bag(3, "P2"))
    state = family_state(step=Step.BAGS, weighing=True, bags=bags)
    light = sv.weigh_view(state, 20_000, stable=False)
    assert (light.number, light.total, light.name) == (2, 3, "ELENA GARCIA")
    assert light.fee == Money(6000, EUR)  # her second bag: an extra piece
    heavy = sv.weigh_view(state, 25_000, stable=True)
    assert heavy.fee == Money(13_500, EUR)  # extra piece and overweight
    assert sv.weigh_view(state, 33_000, stable=True).problem == "too_heavy"
    assert light.accepted == (18_000,)
    assert not light.done


def test_the_fees_to_pay_are_listed_with_whose_they_are() -> None:
    bags = (Bag(1, "P1", 18_000), Bag(2, "P1", 25_000))
    from kiosk.domain.airport.fees import price_bags

    priced = price_bags(bags, {"P1": ALLOWANCE})
    view = sv.payment_view(family_state(step=Step.PAYING, bags=priced))
    assert view.amount == Money(13_500, EUR)
    assert [(line.text_key, line.detail) for line in view.lines] == [
        ("extra_bag", "ELENA GARCIA"),
        ("overweight", "ELENA GARCIA"),
    ]
    assert view.stage is PaymentStage.READY


def test_the_party_sits_on_the_map_numbered() -> None:
    def seat(number: str, status: SeatStatus = SeatStatus.AVAILABLE) -> Seat:
        return Seat(number, status, exit_row=number.startswith("12"))

    rows = (
        SeatRow(7, (seat("7A", SeatStatus.OCCUPIED), seat("7B", SeatStatus.OCCUPIED), None,
                    seat("7C"))),
        SeatRow(12, (seat("12A"), seat("12B"), None, seat("12C", SeatStatus.OCCUPIED))),
    )  # fmt: skip
    state = family_state(step=Step.SEATS, seat_segment="S1",
                         seat_maps=(SeatMap("S1", "AB C", rows),))  # fmt: skip
    view = sv.seat_view(state, current="P2")
    assert view is not None
    assert [(h.name, h.seat) for h in view.holders] == [("ELENA GARCIA", "7A"),
                                                       ("PABLO GARCIA", "7B")]  # fmt: skip
    assert view.current == "P2"
    assert view.cell("7A").holder == "1"
    assert view.cell("7B").holder == "2"
    assert view.cell("12C").kind is SeatKind.OCCUPIED
    assert view.cell("12A").exit_row
    assert [r.exit_row for r in view.rows] == [False, True]


def test_the_agent_screen_names_the_passenger_it_is_about() -> None:
    opened = AirportIntervention(
        AirportInterventionKind.NAME_MISMATCH, "P2", "detail", datetime(2026, 1, 1, tzinfo=UTC)
    )
    view = sv.agent_view(family_state(step=Step.INTERVENTION, intervention=opened))
    assert (view.reason, view.name) == ("name_mismatch", "PABLO GARCIA")
