"""From the machine's ``CheckinState`` to what each check-in screen shows.

Pure functions (no Qt): the presenter calls them on the UI thread with the latest
state the runner broadcast; tests call them with states they build. Which screen a
state shows is :func:`screen_for`; each ``*_view`` makes that screen's view. The
machine's one-event ``notice`` keys become the screens' problem keys here, so the
screens need not know the machine's words.
"""

from __future__ import annotations

from kiosk.domain.airport.dcs import Flight, SeatStatus
from kiosk.domain.airport.fees import bag_fees, max_bags
from kiosk.domain.airport.states import (
    Bag,
    CheckinState,
    DeviceRole,
    DocumentCheck,
    FeeKind,
    Outcome,
    PassengerState,
    Step,
)
from kiosk.domain.airport.states import PrintKind as DomainPrintKind
from kiosk.domain.money import Money
from kiosk.ui.airport import views as v

#: step -> the screen that shows it (INTERVENTION, CLOSING and DONE: see screen_for)
SCREENS = {
    Step.WELCOME: "airport_identify",
    Step.PICK_BOOKING: "airport_booking",
    Step.PASSENGERS: "airport_passengers",
    Step.DOCUMENTS: "airport_documents",
    Step.SAFETY: "airport_questions",
    Step.SEATS: "airport_seats",
    Step.OFFERS: "airport_offers",
    Step.BAGS: "airport_bags",
    Step.PAYING: "airport_payment",
    Step.PRINTING: "airport_printing",
}

_IDENTIFY_PROBLEMS = {
    "booking_not_found": "not_found",
    "locator_invalid": "not_found",
    "surname_missing": "not_found",
    "boarding_pass_unreadable": "unreadable",
    "document_unreadable": "unreadable",
    "checkin_closed": "closed",
}


def screen_for(state: CheckinState) -> str:
    """The name of the screen ``state`` shows."""
    if state.step is Step.INTERVENTION:
        printer = state.intervention is not None and state.intervention.kind.value == "printer_out"
        # out of paper while printing: the progress stays, with "an agent is coming"
        return "airport_printing" if printer and state.resume is Step.PRINTING else "airport_agent"
    if state.step is Step.DONE:
        return "airport_done" if state.outcome is Outcome.COMPLETED else "airport_identify"
    if state.step is Step.CLOSING:
        return "airport_printing" if state.outcome is Outcome.COMPLETED else "airport_identify"
    if state.step is Step.BAGS and state.weighing:
        return "airport_weigh"
    return SCREENS[state.step]


def display_name(p: PassengerState) -> str:
    """ "ANNA MARIA ERIKSSON": given names first, as a person reads their name."""
    return " ".join(part for part in (p.passenger.given_names, p.passenger.surname) if part)


def name_of(state: CheckinState, passenger_id: str) -> str:
    found = state.passenger(passenger_id)
    return display_name(found) if found is not None else ""


def flight_line(flight: Flight) -> v.FlightLine:
    return v.FlightLine(
        f"{flight.airline} {flight.number}", flight.origin, flight.destination, flight.departure
    )


def flights(state: CheckinState) -> tuple[v.FlightLine, ...]:
    return () if state.booking is None else tuple(flight_line(f) for f in state.booking.flights)


def identify_view(state: CheckinState, mode: v.IdentifyMode) -> v.IdentifyView:
    problem = _IDENTIFY_PROBLEMS.get(state.notice, "")
    if problem == "not_found" and state.identified_by == "passport":
        problem = "no_booking_today"
    if not problem and state.device_down(DeviceRole.DOCUMENT_READER) is not None:
        problem = "reader_down"  # a passport cannot be read: scan or type instead
    return v.IdentifyView(mode, problem, searching=state.waiting is not None)


def booking_choice_view(state: CheckinState) -> v.BookingChoiceView:
    return v.BookingChoiceView(
        tuple(
            v.BookingOption(
                b.record_locator,
                tuple(" ".join((p.given_names, p.surname)).strip() for p in b.passengers),
                tuple(flight_line(f) for f in b.flights),
            )
            for b in state.candidates
        )
    )


_KINDS = {"ADT": v.PassengerKind.ADULT, "CHD": v.PassengerKind.CHILD, "INF": v.PassengerKind.INFANT}


def passengers_view(state: CheckinState) -> v.PassengersView:
    """Everyone but infants on a lap, who show with their adult."""
    rows = []
    for p in state.passengers:
        if p.is_infant and p.passenger.infant_of:
            continue
        infants = [
            display_name(i) for i in state.passengers if i.passenger.infant_of == p.passenger_id
        ]
        rows.append(
            v.PassengerRow(
                p.passenger_id,
                display_name(p),
                _KINDS.get(p.passenger.type.value, v.PassengerKind.ADULT),
                travelling=p.travelling and not p.refused,
                infant=", ".join(infants),
                checked_in=p.passenger.checked_in,
            )
        )
    return v.PassengersView(flights(state), tuple(rows))


def documents_view(state: CheckinState) -> v.DocumentView:
    failed = state.notice == "document_unreadable"
    rows = []
    for p in state.travelling():
        if p.document is DocumentCheck.NOT_REQUIRED:
            continue
        if p.document is DocumentCheck.ACCEPTED:
            status = v.DocumentStatus.ACCEPTED
        elif p.document is DocumentCheck.CHECKING:
            status = v.DocumentStatus.CHECKING
        elif failed and p.passenger_id == state.document_for:
            status = v.DocumentStatus.FAILED
        else:
            status = v.DocumentStatus.WAITING
        rows.append(v.DocumentRow(p.passenger_id, display_name(p), status))
    return v.DocumentView(tuple(rows), state.document_for, "unreadable" if failed else "")


def question_view(state: CheckinState) -> v.QuestionView:
    questions = state.booking.safety_questions if state.booking is not None else ()
    key = state.question or (questions[-1] if questions else "")
    number = min(len(state.answers) + 1, max(1, len(questions)))
    return v.QuestionView(key, number, len(questions))


def seat_holders(state: CheckinState) -> tuple[v.SeatHolder, ...]:
    """The travelling passengers who take a seat (not infants on a lap)."""
    segment = state.seat_segment
    return tuple(
        v.SeatHolder(p.passenger_id, display_name(p), p.passenger.seat_on(segment))
        for p in state.travelling()
        if not p.is_infant
    )


def seat_view(state: CheckinState, current: str = "") -> v.SeatMapView | None:
    """The seat map of the flight shown (None while it is on its way)."""
    seat_map = state.seat_map(state.seat_segment)
    booking = state.booking
    if seat_map is None or booking is None:
        return None
    flight = booking.flight(state.seat_segment)
    holders = seat_holders(state)
    marks = {h.seat: str(i + 1) for i, h in enumerate(holders) if h.seat}
    rows = []
    for row in seat_map.rows:
        cells: list[v.SeatCell | None] = []
        for seat in row.seats:
            if seat is None:
                cells.append(None)
                continue
            kind = (
                v.SeatKind.AVAILABLE if seat.status is SeatStatus.AVAILABLE else v.SeatKind.OCCUPIED
            )
            cells.append(
                v.SeatCell(
                    seat.number,
                    kind,
                    exit_row=seat.exit_row,
                    extra_legroom=seat.extra_legroom,
                    price=seat.price,
                    holder=marks.get(seat.number, ""),
                )
            )
        exit_row = any(s is not None and s.exit_row for s in row.seats)
        rows.append(v.SeatRowView(row.row, tuple(cells), exit_row))
    problems = {
        "seat_taken": "seat_taken",
        "seat_refused": "seat_taken",
        "seat_unavailable": "seat_taken",
    }
    line = flight_line(flight) if flight is not None else v.FlightLine("", "", "")
    known = {h.passenger_id for h in holders}
    return v.SeatMapView(
        line,
        _columns(seat_map.columns, rows),
        tuple(rows),
        holders,
        current if current in known else (holders[0].passenger_id if holders else ""),
        problems.get(state.notice, ""),
    )


def _columns(columns: str, rows: list[v.SeatRowView]) -> str:
    """The map's column letters, one per cell of a row (a blank for each aisle)."""
    width = max((len(r.seats) for r in rows), default=len(columns))
    return columns if len(columns) == width else columns.ljust(width)


def offers_view(state: CheckinState) -> v.OffersView:
    offers = () if state.booking is None else state.booking.offers
    return v.OffersView(
        tuple(
            v.OfferRow(
                o.offer_id,
                o.kind,
                o.title,
                o.price,
                name_of(state, o.passenger_id),
                chosen=o.offer_id in state.offers_taken,
            )
            for o in offers
        )
    )


def bag_count_view(state: CheckinState) -> v.BagCountView:
    counts = dict(state.bag_counts)
    rows = []
    for p in state.travelling():
        allowance = p.passenger.allowance
        if p.is_infant or allowance is None:
            continue
        rows.append(
            v.BagCount(
                p.passenger_id,
                display_name(p),
                counts.get(p.passenger_id, 0),
                allowance.pieces,
                allowance.max_weight_g,
                max_bags(allowance, state.settings.max_bags_per_passenger),
                allowance.extra_piece_fee,
            )
        )
    return v.BagCountView(tuple(rows))


def _fees_total(fees: tuple[Money, ...], currency: str) -> Money | None:
    if not fees:
        return None
    total = Money.zero(currency)
    for fee in fees:
        total = total + fee
    return total


def weigh_view(state: CheckinState, weight_g: int | None, stable: bool) -> v.BagWeighView:
    """The bag on the belt with the live reading (``weight_g``), or, once every bag is
    weighed, the last one (``done``)."""
    bag = state.bag_on_scale
    bags = state.bags
    accepted = tuple(b.weight_g for b in bags if b.weight_g is not None)
    shown = bag if bag is not None else (bags[-1] if bags else None)
    if shown is None:
        return v.BagWeighView("", 0, 0, done=True)
    passenger = state.passenger(shown.passenger_id)
    allowance = passenger.passenger.allowance if passenger is not None else None
    fee = None
    if bag is not None and weight_g is not None and weight_g > 0:
        position = sum(
            1 for b in bags if b.passenger_id == bag.passenger_id and b.bag_no < bag.bag_no
        )
        trial = Bag(bag.bag_no, bag.passenger_id, weight_g)
        fee = _fees_total(tuple(f.amount for f in bag_fees(position, trial, allowance)),
                          state.settings.currency)  # fmt: skip
    problem = ""
    if allowance is not None and weight_g is not None and weight_g > allowance.heavy_limit_g:
        problem = "too_heavy"
    return v.BagWeighView(
        display_name(passenger) if passenger is not None else "",
        shown.bag_no,
        len(bags),
        weight_g if bag is not None else None,
        stable,
        allowance.max_weight_g if allowance else 0,
        allowance.heavy_limit_g if allowance else 0,
        fee,
        accepted,
        problem,
        done=bag is None,
    )


_FEE_KEYS = {
    FeeKind.EXTRA_BAG: "extra_bag",
    FeeKind.OVERWEIGHT: "overweight",
    FeeKind.SEAT: "seat",
    FeeKind.OFFER: "offer",
}


def payment_view(state: CheckinState) -> v.PaymentView:
    lines = tuple(
        v.PaymentLine(_FEE_KEYS[f.kind], name_of(state, f.passenger_id), f.amount)
        for f in state.fees()
    )
    if state.paying_now:
        stage = v.PaymentStage.PRESENT_CARD
    elif state.payment_failure:
        stage = v.PaymentStage.DECLINED
    else:
        stage = v.PaymentStage.READY
    return v.PaymentView(state.amount_due(), lines, stage)


def printing_view(state: CheckinState) -> v.PrintingView:
    items = []
    for printout in state.printouts:
        kind = (
            v.PrintKind.BOARDING_PASS
            if printout.kind is DomainPrintKind.BOARDING_PASS
            else v.PrintKind.BAG_TAG
        )
        if printout.printed:
            status = v.PrintStatus.PRINTED
        elif state.printing_now == printout.document_id:
            status = v.PrintStatus.PRINTING
        elif printout.failures:
            status = v.PrintStatus.FAILED
        else:
            status = v.PrintStatus.WAITING
        items.append(v.PrintItem(kind, name_of(state, printout.passenger_id), status))
    out = state.intervention is not None and state.intervention.kind.value == "printer_out"
    return v.PrintingView(tuple(items), paper_out=out)


def done_view(state: CheckinState) -> v.DoneView:
    passes = state.passes
    tags = sum(1 for b in state.bags if b.tag is not None)
    first = passes[0] if passes else None
    flight = None
    if state.booking is not None and state.booking.flights:
        flight = flight_line(state.booking.flights[0])
    return v.DoneView(
        len(passes),
        tags,
        flight,
        first.gate if first is not None else "",
        first.boarding_time if first is not None else None,
    )


def agent_view(state: CheckinState) -> v.AgentView:
    opened = state.intervention
    if opened is None:
        return v.AgentView("agent_needed")
    if state.device_wait and opened.kind.value == "document_failed":
        return v.AgentView("reader_down")  # the reader, not the passport, is the problem
    return v.AgentView(opened.kind.value, name_of(state, opened.passenger_id))
