"""Sample check-in views for screenshots and tests: the demo booking KX7Q2M.

Two adults, ERIKSSON/ANNA MARIA and ERIKSSON/LARS, on KX 0123 from Lisbon to Paris
(as the DCS simulator serves it), at every step. ``shots()`` names each sample
state as ``kiosk screenshots --journey airport`` renders it: the screen's name and a
function that puts the screens into that state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.domain.money import Money
from kiosk.ui.airport import views as v
from kiosk.ui.airport.screens import AirportScreens, CheckinTitle
from kiosk.ui.window import KioskWindow

FLIGHT = v.FlightLine("KX 0123", "LIS", "CDG", datetime(2026, 12, 5, 15, 35))
ANNA, LARS = "ANNA MARIA ERIKSSON", "LARS ERIKSSON"
COLUMNS = "ABC DEF"
OCCUPIED = frozenset(
    ("1A", "1B", "2D", "4C", "5A", "5B", "5C", "7E", "8F", "9A", "10D", "11B", "13C", "14A",
     "14B", "15F", "17D", "18A", "20C", "21E", "22B", "25A", "26F", "28C")
)  # fmt: skip


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


def seat_map(rows: int = 30, held: dict[str, str] | None = None) -> tuple[v.SeatRowView, ...]:
    """Rows 1-``rows``, ``ABC DEF``: rows 1-3 extra legroom (with a price), row 12 an exit
    row, some seats taken; ``held``: seat -> the party's mark ("1", "2")."""
    held = held or {}
    made = []
    for row in range(1, rows + 1):
        seats: list[v.SeatCell | None] = []
        for letter in COLUMNS:
            if letter == " ":
                seats.append(None)
                continue
            number = f"{row}{letter}"
            seats.append(
                v.SeatCell(
                    number,
                    v.SeatKind.OCCUPIED if number in OCCUPIED else v.SeatKind.AVAILABLE,
                    exit_row=row == 12,
                    extra_legroom=row <= 3,
                    price=eur("18.00") if row <= 3 else None,
                    holder=held.get(number, ""),
                )
            )
        made.append(v.SeatRowView(row, tuple(seats), exit_row=row == 12))
    return tuple(made)


def sample_seats(problem: str = "") -> v.SeatMapView:
    return v.SeatMapView(
        FLIGHT,
        COLUMNS,
        seat_map(held={"16B": "1", "16C": "2"}),
        (v.SeatHolder("P1", ANNA, "16B"), v.SeatHolder("P2", LARS, "16C")),
        current="P1",
        problem=problem,
    )


def sample_passengers() -> v.PassengersView:
    return v.PassengersView(
        (FLIGHT,), (v.PassengerRow("P1", ANNA), v.PassengerRow("P2", LARS, travelling=False))
    )


def sample_family() -> v.PassengersView:
    return v.PassengersView(
        (FLIGHT,),
        (
            v.PassengerRow("F1", "MARTA GARCIA LOPEZ", infant="LUCIA GARCIA"),
            v.PassengerRow("F2", "JOSE GARCIA PEREZ"),
            v.PassengerRow("F3", "PABLO GARCIA", kind=v.PassengerKind.CHILD),
        ),
    )


def sample_documents(problem: str = "") -> v.DocumentView:
    return v.DocumentView(
        (
            v.DocumentRow("P1", ANNA, v.DocumentStatus.ACCEPTED),
            v.DocumentRow(
                "P2", LARS, v.DocumentStatus.FAILED if problem else v.DocumentStatus.WAITING
            ),
        ),
        current="P2",
        problem=problem,
    )


def sample_bookings() -> v.BookingChoiceView:
    return v.BookingChoiceView(
        (
            v.BookingOption("KX7Q2M", (ANNA, LARS), (FLIGHT,)),
            v.BookingOption(
                "KQ81ZT",
                (ANNA,),
                (v.FlightLine("KX 0457", "LIS", "FRA", datetime(2026, 12, 5, 18, 5)),),
            ),
        )
    )


def sample_bag_counts() -> v.BagCountView:
    return v.BagCountView(
        (
            v.BagCount("P1", ANNA, 2, extra_fee=eur("60.00")),
            v.BagCount("P2", LARS, 1, extra_fee=eur("60.00")),
        )
    )


def sample_weigh(weight_g: int | None = 24_600, stable: bool = True) -> v.BagWeighView:
    fee = eur("75.00") if weight_g is not None and weight_g > 23_000 and stable else None
    problem = "too_heavy" if weight_g is not None and weight_g > 32_000 else ""
    return v.BagWeighView(
        ANNA, 2, 3, weight_g, stable, fee=fee, accepted=(18_250,), problem=problem
    )


def sample_payment(stage: v.PaymentStage = v.PaymentStage.PRESENT_CARD) -> v.PaymentView:
    return v.PaymentView(
        eur("135.00"),
        (
            v.PaymentLine("extra_bag", ANNA, eur("60.00")),
            v.PaymentLine("overweight", ANNA, eur("75.00")),
        ),
        stage,
    )


def sample_printing(paper_out: bool = False) -> v.PrintingView:
    k, s = v.PrintKind, v.PrintStatus
    return v.PrintingView(
        (
            v.PrintItem(k.BOARDING_PASS, ANNA, s.PRINTED),
            v.PrintItem(k.BOARDING_PASS, LARS, s.FAILED if paper_out else s.PRINTING),
            v.PrintItem(k.BAG_TAG, ANNA, s.WAITING),
            v.PrintItem(k.BAG_TAG, LARS, s.WAITING),
        ),
        paper_out=paper_out,
    )


def sample_offers() -> v.OffersView:
    return v.OffersView(
        (
            v.OfferRow("UPG1", "upgrade", "Premium economy", eur("89.00"), ANNA, chosen=True),
            v.OfferRow("PRI1", "priority", "Priority boarding", eur("12.00")),
        )
    )


AGENT_REASONS = (
    "document_failed",
    "name_mismatch",
    "document_expired",
    "agent_needed",
    "inhibited_passenger",
    "bag_over_maximum",
    "dcs_unreachable",
    "printer_out",
    "payment_failed",
    "safety_answer",
)

Setup = Callable[[AirportScreens], str]


def shots() -> dict[str, Setup]:
    """Shot name -> a function that puts the screens into that state and returns the name
    of the screen to show."""

    def make(screen: str, model: Callable[[AirportScreens], None]) -> Setup:
        def setup(s: AirportScreens) -> str:
            model(s)
            return screen

        return setup

    def typed(s: AirportScreens) -> None:
        s.identify.clear()
        s.identify.set_model(v.IdentifyView(v.IdentifyMode.TYPE))
        for key in "kx7q2m":
            s.identify.keyboard.press(key)
        for key in "eriksson":
            s.identify.keyboard.press(key)

    def not_found(s: AirportScreens) -> None:
        typed(s)
        s.identify.set_model(v.IdentifyView(v.IdentifyMode.TYPE, "not_found"))

    def exit_asked(s: AirportScreens) -> None:
        s.seats.set_model(sample_seats())
        s.seats.map.seatTapped.emit("12D")

    made: dict[str, Setup] = {
        "airport-welcome": make(
            "airport_identify", lambda s: s.identify.set_model(v.IdentifyView())
        ),
        "airport-type-booking": make("airport_identify", typed),
        "airport-not-found": make("airport_identify", not_found),
        "airport-choose-booking": make(
            "airport_booking", lambda s: s.booking.set_model(sample_bookings())
        ),
        "airport-passengers": make(
            "airport_passengers", lambda s: s.passengers.set_model(sample_passengers())
        ),
        "airport-passengers-family": make(
            "airport_passengers", lambda s: s.passengers.set_model(sample_family())
        ),
        "airport-documents": make(
            "airport_documents", lambda s: s.documents.set_model(sample_documents())
        ),
        "airport-documents-failed": make(
            "airport_documents", lambda s: s.documents.set_model(sample_documents("unreadable"))
        ),
        "airport-questions": make(
            "airport_questions",
            lambda s: s.questions.set_model(v.QuestionView("dangerous_goods", 1, 2)),
        ),
        "airport-questions-packed": make(
            "airport_questions",
            lambda s: s.questions.set_model(v.QuestionView("packed_yourself", 2, 2)),
        ),
        "airport-seats": make("airport_seats", lambda s: s.seats.set_model(sample_seats())),
        "airport-seats-exit-row": make("airport_seats", exit_asked),
        "airport-seats-taken": make(
            "airport_seats", lambda s: s.seats.set_model(sample_seats("seat_taken"))
        ),
        "airport-offers": make("airport_offers", lambda s: s.offers.set_model(sample_offers())),
        "airport-bags": make("airport_bags", lambda s: s.bags.set_model(sample_bag_counts())),
        "airport-weigh": make("airport_weigh", lambda s: s.weigh.set_model(sample_weigh())),
        "airport-weigh-empty": make(
            "airport_weigh", lambda s: s.weigh.set_model(sample_weigh(None, stable=False))
        ),
        "airport-weigh-done": make(
            "airport_weigh",
            lambda s: s.weigh.set_model(
                v.BagWeighView(LARS, 3, 3, accepted=(18_250, 24_600, 21_050), done=True)
            ),
        ),
        "airport-weigh-too-heavy": make(
            "airport_weigh", lambda s: s.weigh.set_model(sample_weigh(33_400))
        ),
        "airport-payment": make("airport_payment", lambda s: s.payment.set_model(sample_payment())),
        "airport-payment-ready": make(
            "airport_payment", lambda s: s.payment.set_model(sample_payment(v.PaymentStage.READY))
        ),
        "airport-payment-declined": make(
            "airport_payment",
            lambda s: s.payment.set_model(sample_payment(v.PaymentStage.DECLINED)),
        ),
        "airport-printing": make(
            "airport_printing", lambda s: s.printing.set_model(sample_printing())
        ),
        "airport-printing-paper-out": make(
            "airport_printing", lambda s: s.printing.set_model(sample_printing(paper_out=True))
        ),
        "airport-done": make(
            "airport_done",
            lambda s: s.done.set_model(
                v.DoneView(2, 3, FLIGHT, "12", datetime(2026, 12, 5, 14, 55))
            ),
        ),
    }

    def agent(reason: str) -> Callable[[AirportScreens], None]:
        name = "" if reason in ("dcs_unreachable", "printer_out") else LARS
        return lambda s: s.agent.set_model(v.AgentView(reason, name))

    for reason in AGENT_REASONS:
        made[f"airport-agent-{reason}"] = make("airport_agent", agent(reason))
    return made


def window_and_shots() -> tuple[KioskWindow, dict[str, Callable[[], None]]]:
    """A non-kiosk shell with the check-in's screens, and each shot as a function that
    puts that window into it (what ``kiosk screenshots --journey airport`` renders)."""
    window = KioskWindow(kiosk_mode=False)
    screens = AirportScreens.build(window)
    title = CheckinTitle(window)

    def shot(setup: Setup) -> Callable[[], None]:
        def show() -> None:
            title.show_title()
            window.show_screen(setup(screens))

        return show

    return window, {name: shot(setup) for name, setup in shots().items()}
