"""Sample hotel views for screenshots and tests: booking 4701 of the PMS simulator.

Ana García López and Luis Martín, a double room for two nights from 5 December 2026
(as ``kiosk sim pms`` serves it), at every step; a check-out of booking 4706 (Yuki
Tanaka: nights, minibar, city tax). ``shots()`` names each sample state as ``kiosk
screenshots --journey hotel`` renders it: the screen's name and a function that puts
the screens into that state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from kiosk.domain.hotel.interventions import HotelInterventionKind
from kiosk.domain.money import Money
from kiosk.ui.hotel import views as v
from kiosk.ui.hotel.screens import HotelScreens, HotelTitle
from kiosk.ui.window import KioskWindow

TODAY = date(2026, 12, 5)
ANA, LUIS = "ANA GARCIA LOPEZ", "LUIS MARTIN"
INFO = v.HotelInfo("Hotel-Guest", "sol-y-mar-204", "07:00-10:30")
AGENT_REASONS = tuple(kind.value for kind in HotelInterventionKind)


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


def sample_stay(number: str = "4701") -> v.StaySummary:
    return v.StaySummary(
        "s1", number, TODAY, TODAY + timedelta(days=2), "Double room", 2, 0, (ANA, LUIS),
        "Flexible", eur("245.00"), eur("0.00"), eur("150.00"),
    )  # fmt: skip


def sample_stays() -> tuple[v.StaySummary, ...]:
    other = v.StaySummary(
        "s2", "4712", TODAY, TODAY + timedelta(days=1), "Single room", 1, 0, (ANA,),
        "Saver", eur("89.00"), eur("89.00"),
    )  # fmt: skip
    return (sample_stay(), other)


def sample_guests(problem: str = "") -> v.GuestsView:
    return v.GuestsView(
        (v.GuestRow("g1", ANA, v.GuestStatus.DONE), v.GuestRow("g2", LUIS)),
        current="g2",
        problem=problem,
        attempts_left=1 if problem else 0,
    )


def sample_folio() -> v.FolioView:
    nights = [
        v.FolioLineView("Single room", eur("110.00"), on=TODAY - timedelta(days=n)) for n in (2, 1)
    ]
    return v.FolioView(
        (
            *nights,
            v.FolioLineView("City tax", eur("5.00"), on=TODAY - timedelta(days=1)),
            v.FolioLineView("Minibar", eur("12.50"), on=TODAY - timedelta(days=1)),
            v.FolioLineView("Card", eur("100.00"), payment=True, on=TODAY - timedelta(days=2)),
        ),
        eur("137.50"),
        eur("220.00"),
    )


Setup = Callable[[HotelScreens], str]


def _typed(s: HotelScreens) -> None:
    s.find.set_model(v.FindView(v.FindMode.CONFIRMATION, today=TODAY))
    s.find.clear()
    s.find.entry.type_into("confirmation", "4701")


def _by_name(s: HotelScreens) -> None:
    s.find.set_model(v.FindView(v.FindMode.SURNAME, today=TODAY))
    s.find.clear()
    s.find.entry.type_into("surname", "garcia")


def _not_found(s: HotelScreens) -> None:
    _typed(s)
    s.find.set_model(v.FindView(v.FindMode.CONFIRMATION, "booking_not_found", today=TODAY))


def _guests(problem: str = "") -> Callable[[HotelScreens], None]:
    def setup(s: HotelScreens) -> None:
        s.guests.set_counted(True)
        s.guests.set_model(sample_guests(problem))

    return setup


def _key_help_id(s: HotelScreens) -> None:
    s.guests.set_counted(False)  # key help is not the check-in's steps
    s.guests.set_model(v.GuestsView((), rekey=True))


def _details(s: HotelScreens) -> None:
    s.details.set_model(v.DetailsView("g2", LUIS, ("address", "contact")))
    s.details.entry.clear()
    s.details.entry.type_into("street", "calle mayor 12")
    s.details.entry.type_into("postal_code", "28013")


def _details_town(s: HotelScreens) -> None:
    """A guest living in Spain: the towns of the postal code's province matching "alca"."""
    s.details.set_model(v.DetailsView("g2", LUIS, ("address", "contact"), address_country="ES"))
    s.details.entry.clear()
    s.details.entry.type_into("street", "calle mayor 12")
    s.details.entry.type_into("postal_code", "28801")
    s.details.entry.type_into("city", "alca")


def _signed_pad(s: HotelScreens) -> None:
    s.registration.set_model(v.RegistrationView(ANA, email="ana@example.es"))
    s.registration.pad.clear()
    wave = [
        (40 + 6 * i, 120 + 30 * ((i % 8) - 4) * (1 if (i // 8) % 2 else -1) / 4) for i in range(50)
    ]
    s.registration.pad.add_stroke(wave)


def _child(s: HotelScreens) -> None:
    s.child.set_model(v.ChildView("", ""))
    s.child.set_model(v.ChildView("g1", "Garcia Lopez", ANA))
    s.child.entry.type_into("given_names", "lucia")
    s.child.entry.type_into("birth_date", "14032019")


def _child_relation(s: HotelScreens) -> None:
    _child(s)
    s.child.primary_button.click()
    s.child.sex_buttons["F"].click()


def _room_typed(s: HotelScreens) -> None:
    s.find_room.set_model(v.FindRoomView("check_out", typing=True))
    s.find_room.entry.clear()
    s.find_room.entry.type_into("room", "118")
    s.find_room.entry.type_into("surname", "tanaka")


def shots() -> dict[str, Setup]:
    """Shot name -> a function that puts the screens into that state and returns the
    name of the screen to show."""

    def make(screen: str, model: Callable[[HotelScreens], None]) -> Setup:
        def setup(s: HotelScreens) -> str:
            model(s)
            return screen

        return setup

    P = v.PaymentStage
    made: dict[str, Setup] = {
        "hotel-welcome": make("hotel_welcome", lambda s: None),
        "hotel-find": make("hotel_find", _typed),
        "hotel-find-by-name": make("hotel_find", _by_name),
        "hotel-find-not-found": make("hotel_find", _not_found),
        "hotel-pick-stay": make("hotel_pick_stay", lambda s: s.pick_stay.set_model(sample_stays())),
        "hotel-stay": make("hotel_stay", lambda s: s.stay.set_model(sample_stay())),
        "hotel-guests": make("hotel_guests", _guests()),
        "hotel-guests-unreadable": make("hotel_guests", _guests("document_unreadable")),
        "hotel-key-help-id": make("hotel_guests", _key_help_id),
        "hotel-details": make("hotel_details", _details),
        "hotel-details-town": make("hotel_details", _details_town),
        "hotel-child": make("hotel_child", _child),
        "hotel-child-relation": make("hotel_child", _child_relation),
        "hotel-registration": make("hotel_registration", _signed_pad),
        "hotel-registration-copy": make(
            "hotel_registration",
            lambda s: s.registration.set_model(v.RegistrationView(ANA, True, "ana@example.es")),
        ),
        "hotel-payment": make(
            "hotel_payment",
            lambda s: s.payment.set_model(
                v.PaymentView("balance", eur("245.00"), P.READY, eur("150.00"))
            ),
        ),
        "hotel-payment-terminal": make(
            "hotel_payment",
            lambda s: s.payment.set_model(v.PaymentView("balance", eur("245.00"), P.AT_TERMINAL)),
        ),
        "hotel-payment-declined": make(
            "hotel_payment",
            lambda s: s.payment.set_model(v.PaymentView("balance", eur("245.00"), P.DECLINED)),
        ),
        "hotel-deposit": make(
            "hotel_payment",
            lambda s: s.payment.set_model(v.PaymentView("deposit", eur("150.00"), P.READY)),
        ),
        "hotel-room": make("hotel_keys", lambda s: s.keys.set_model(v.KeysView(preparing=True))),
        "hotel-keys": make("hotel_keys", lambda s: s.keys.set_model(v.KeysView("204", 4, 2))),
        "hotel-keys-encoding": make(
            "hotel_keys",
            lambda s: s.keys.set_model(v.KeysView("204", 4, 2, 2, (True, False), encoding=2)),
        ),
        "hotel-done": make(
            "hotel_done",
            lambda s: s.done.set_model(v.DoneView("check_in", "204", "2", 2, INFO)),
        ),
        "hotel-done-luggage": make(
            "hotel_done",
            lambda s: s.done.set_model(v.DoneView("check_in", info=INFO, luggage_left=True)),
        ),
        "hotel-done-check-out": make(
            "hotel_done", lambda s: s.done.set_model(v.DoneView("check_out"))
        ),
        "hotel-done-check-out-queued": make(
            "hotel_done",
            lambda s: s.done.set_model(v.DoneView("check_out", deposit_queued="release")),
        ),
        "hotel-done-rekey": make(
            "hotel_done", lambda s: s.done.set_model(v.DoneView("rekey", "204", keys=1))
        ),
        "hotel-find-room": make(
            "hotel_find_room", lambda s: s.find_room.set_model(v.FindRoomView("check_out"))
        ),
        "hotel-find-room-typed": make("hotel_find_room", _room_typed),
        "hotel-key-help": make(
            "hotel_find_room", lambda s: s.find_room.set_model(v.FindRoomView("rekey"))
        ),
        "hotel-folio": make("hotel_folio", lambda s: s.folio.set_model(sample_folio())),
        "hotel-bill": make(
            "hotel_payment",
            lambda s: s.payment.set_model(v.PaymentView("bill", eur("137.50"), P.AT_TERMINAL)),
        ),
        "hotel-invoice": make("hotel_invoice", lambda s: s.invoice.set_model("yuki@example.jp")),
        "hotel-invoice-email-refused": make(
            "hotel_invoice", lambda s: s.invoice.set_model("", "email_refused")
        ),
        "hotel-drop-keys": make("hotel_drop_keys", lambda s: None),
    }

    def agent(reason: str) -> Callable[[HotelScreens], None]:
        name = (
            LUIS if reason in ("document_failed", "document_expired", "register_incomplete") else ""
        )
        return lambda s: s.agent.set_model(v.AgentView(reason, name))

    for reason in AGENT_REASONS:
        made[f"hotel-agent-{reason}"] = make("hotel_agent", agent(reason))
    return made


def window_and_shots() -> tuple[KioskWindow, dict[str, Callable[[], None]]]:
    """A non-kiosk shell with the hotel's screens, and each shot as a function that puts
    that window into it (what ``kiosk screenshots --journey hotel`` renders)."""
    window = KioskWindow(kiosk_mode=False)
    screens = HotelScreens.build(window)
    title = HotelTitle(window)

    def shot(setup: Setup) -> Callable[[], None]:
        def show() -> None:
            title.show_title()
            window.show_screen(setup(screens))

        return show

    return window, {name: shot(setup) for name, setup in shots().items()}
