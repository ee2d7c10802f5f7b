"""Property tests: random event sequences (the guest, staff, replies out of turn, PMS /
encoder / terminal / printer failures) never break the machine's promises:

* nothing but the documented :class:`IllegalEvent` is ever raised, and only for the
  event sent (never for a reply the world gave to the machine's own effects);
* no key is ever reported encoded without the encoder's confirmation for it;
* amounts are never negative (what is due, what was paid, the deposit);
* the deposit is captured at most once per visit, and only once it is held.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hotel_domain_factories import (
    ADDRESS,
    ANA,
    GARBLED,
    LUIS,
    NOW,
    STAY,
    TODAY,
    Journey,
    eur,
    failure,
    mrz,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import HotelInterventionKind
from kiosk.domain.hotel.pms import Folio, FolioLine, FolioLineKind, RoomState, StayState
from kiosk.domain.hotel.register import Relationship
from kiosk.domain.hotel.states import IllegalEvent

N = st.just(NOW)
b = st.builds
one = st.sampled_from
KID = mrz("MARTIN", "SOFIA", birth=date(2012, 1, 1), number="PKD111222")
DOCS = one([ANA, LUIS, GARBLED, KID, mrz("SMITH", "JOHN"), mrz(expiry=date(2020, 1, 1)), ("",)])
GUESTS = one(["g1", "new-1", "child-1", "nobody"])

guest = st.one_of(
    b(ev.ConfirmationEntered, one(["4701", "", "x" * 600]), N, st.booleans()),
    b(ev.SurnameEntered, one(["García", " "]), st.just(TODAY), N),
    b(ev.DocumentScanned, DOCS, N),
    b(ev.StayPicked, one(["s1", "s9"]), N),
    b(ev.CheckOutChosen, N),
    b(ev.KeyHelpChosen, N),
    b(ev.KeyCardTapped, N),
    b(ev.RoomEntered, one(["204", ""]), one(["García", ""]), N),
    b(ev.StayConfirmed, N),
    b(
        ev.GuestDetailsEntered,
        GUESTS,
        N,
        address=st.just(ADDRESS),
        birth_place=st.just("Sevilla"),
        sex=one(["", "F"]),
        relationship=one([None, Relationship.PARENT]),
        guardian_id=one(["", "g1", "child-1"]),
    ),
    b(
        ev.MinorAdded,
        st.just("Martín"),
        st.just("Sofía"),
        one([date(2019, 1, 1), date(1990, 1, 1)]),
        one(["g1", "child-1"]),
        st.just(Relationship.PARENT),
        N,
        one(["", "F"]),
    ),
    b(ev.CardSigned, one(["sig-1", ""]), st.just("es"), N),
    b(ev.CardDeliveryChosen, one(list(ev.Delivery)), N, one(["", "a@b.es"])),
    b(ev.PayRequested, N),
    b(ev.KeyCountChosen, st.integers(-1, 5), N),
    b(ev.FolioConfirmed, N),
    b(ev.InvoiceChosen, one(list(ev.Delivery)), N, one(["", "a@b.es"])),
    b(ev.KeysDropped, N),
    b(ev.Cancelled, N, one([None, "staff-7"])),
    b(ev.IdleTimedOut, N),
    b(ev.Reset, st.just("V2"), N),
    b(ev.AgentVerdict, one(list(HotelInterventionKind)), one(list(Verdict)), st.just("s"), N),
    # replies out of turn
    b(ev.StayFound, st.just(STAY), N),
    b(ev.KeyEncoded, st.integers(1, 4), st.just("204"), N),
    b(ev.PaymentApproved, one(list(ev.PaymentPurpose)), one(["PAY1", "X"]), st.just(eur(100)), N),
    b(ev.DocumentPrinted, one(["card:s1", "x"]), N),
    b(ev.RecordCommitted, N),
)


def _folio(balance: int) -> Folio:
    lines = [FolioLine("n", FolioLineKind.CHARGE, "Nights", eur(36000)),
             FolioLine("p", FolioLineKind.PAYMENT, "Card", eur(36000 - balance))]  # fmt: skip
    return Folio("s1", tuple(lines), "EUR")


mishap = st.one_of(
    b(
        lambda c, k: ("pms", failure(c, k, "room_not_ready" if k == "refused" else "")),
        one([c for c in ev.Call if c in ev.PMS_CALLS]),
        one(["unreachable", "refused", "not_found", "invalid"]),
    ),
    b(
        lambda p, how: ("pay", (p, how)),
        one(list(ev.PaymentPurpose)),
        one(["approved", "declined", "unknown"]),
    ),
    b(lambda n: ("encoder", n), st.integers(1, 4)),
    b(lambda d: ("print", d), one(["card:s1", "invoice:s1"])),
    b(lambda s: ("stay", s), one([StayState.EXPECTED, StayState.CHECKED_IN])),
    b(lambda n: ("folio", n), one([-500, 0, 1250, 20000])),
    b(lambda n: ("children", n), st.integers(0, 2)),
    b(lambda r: ("room", r), one([RoomState.DIRTY, RoomState.CLEAN])),
)
step = st.one_of(guest.map(lambda e: ("event", e)), mishap)


def _apply(j: Journey, kind: str, value: object) -> None:
    w = j.world
    if kind == "pms":
        w.fail[value.call] = value  # type: ignore[union-attr]
    elif kind == "pay":
        purpose, how = value  # type: ignore[misc]
        w.payment[purpose] = how
    elif kind == "encoder":
        w.encoder_fail.append(value)  # type: ignore[arg-type]
    elif kind == "print":
        w.print_fail.append(value)  # type: ignore[arg-type]
    elif kind == "stay":
        w.stay = replace(w.stay, state=value)
    elif kind == "folio":
        w.folio = _folio(value)  # type: ignore[arg-type]
    elif kind == "children":
        w.stay = replace(w.stay, children=value)
    elif kind == "room":
        w.room_after_check_in = replace(STAY.room, state=value)


def check(j: Journey, confirmed: set[int], captures: int) -> None:
    state = j.state
    assert state.balance_due().minor >= 0
    assert state.money_taken().minor >= 0
    assert all(p.amount.minor >= 0 for p in state.payments)
    assert state.deposit_amount is None or state.deposit_amount.minor >= 0
    for key in state.keys:
        if key.encoded:
            assert key.key_no in confirmed, f"key {key.key_no} reported without confirmation"
    assert state.keys_encoded() <= len(confirmed)
    assert captures <= 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, max_size=60))
def test_random_sequences_keep_the_promises(steps: list[tuple[str, object]]) -> None:
    j = Journey()
    confirmed: set[int] = set()
    seen_payments = 0
    captures = 0
    for kind, value in steps:
        if kind != "event":
            _apply(j, kind, value)
            continue
        encoded_before = len(j.world.encoded)
        try:
            j.send(value)  # type: ignore[arg-type]
        except IllegalEvent as exc:
            error = str(exc)
        else:
            error = ""
        # only the event sent may be refused, never a reply to the machine's own effects
        assert not error or error.startswith(f"can't handle event {type(value).__name__} ")
        if isinstance(value, ev.Reset) and not error:
            confirmed, captures = set(), 0
        confirmed |= {n for n, _ in j.world.encoded[encoded_before:]}
        for effect in j.world.payments[seen_payments:]:
            if isinstance(effect, fx.CaptureDeposit):
                captures += 1
        seen_payments = len(j.world.payments)
        check(j, confirmed, captures)


HAPPY: list[ev.Event] = [
    ev.ConfirmationEntered("4701", NOW),
    ev.StayConfirmed(NOW),
    ev.DocumentScanned(ANA, NOW),
    ev.GuestDetailsEntered("g1", NOW, address=ADDRESS, birth_place="Sevilla"),
    ev.DocumentScanned(LUIS, NOW),
    ev.GuestDetailsEntered("new-1", NOW, address=ADDRESS, birth_place="Sevilla"),
    ev.CardSigned("sig-1", "es", NOW),
    ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW),
    ev.PayRequested(NOW),
    ev.PayRequested(NOW),
    ev.KeyCountChosen(3, NOW),
    ev.AgentVerdict(HotelInterventionKind.ENCODER_FAILED, Verdict.RETRY, "s", NOW),
    ev.Reset("V2", NOW),
    ev.CheckOutChosen(NOW),
    ev.KeyCardTapped(NOW),
    ev.FolioConfirmed(NOW),
    ev.AgentVerdict(HotelInterventionKind.PAYMENT_FAILED, Verdict.ACCEPT, "s", NOW),
    ev.PayRequested(NOW),
    ev.InvoiceChosen(ev.Delivery.PRINT, NOW),
    ev.KeysDropped(NOW),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(HAPPY)), step), max_size=12))
def test_the_happy_path_with_random_events_and_mishaps_thrown_in(
    inserts: list[tuple[int, tuple[str, object]]],
) -> None:
    """A check-in then a check-out with random events and failures at random places, so
    the deep steps (payment, keys, capture) see them too."""
    script: list[tuple[str, object]] = [("event", e) for e in HAPPY]
    for position, item in sorted(inserts, key=lambda x: -x[0]):
        script.insert(position, item)
    script.insert(13, ("stay", StayState.CHECKED_IN))
    script.insert(14, ("folio", 20000))
    test_random_sequences_keep_the_promises.hypothesis.inner_test(script)  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n é", max_size=50),
                max_size=4))  # fmt: skip
def test_any_text_read_as_an_mrz_is_a_notice_or_a_search(lines: list[str]) -> None:
    """Garbage from the document reader never raises: the welcome screen notes it is
    unreadable, or searches the PMS by the name it found."""
    j = Journey()
    state, effects = j.machine.handle(j.state, ev.DocumentScanned(tuple(lines), NOW), NOW)
    if effects:
        assert isinstance(effects[0], fx.FindByGuestName)
    else:
        assert state.notice == "document_unreadable"
