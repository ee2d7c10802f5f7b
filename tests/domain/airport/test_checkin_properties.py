"""Property tests: random event sequences (the traveller, the agent, replies out of turn,
DCS/printer/terminal failures) never break the machine's promises:

* nothing but the documented :class:`IllegalEvent` is ever raised;
* fees are never negative and what is due is never negative;
* no bag gets two tags, and a tag is asked for only after its bag was weighed;
* nothing is printed twice (a reprint happens only for what failed);
* the check-in is never cancelled at the DCS once something was printed.
"""

from __future__ import annotations

from datetime import date

from airport_domain_factories import (
    ANNA_PASSPORT,
    BOOKING,
    GARBLED,
    LARS_PASSPORT,
    NOW,
    Journey,
    failure,
    passport,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import AirportInterventionKind, Verdict
from kiosk.domain.airport.states import IllegalEvent

PIDS = st.sampled_from(["P1", "P2", "P9"])
N = st.just(NOW)
b = st.builds
one = st.sampled_from
DOCS = one([ANNA_PASSPORT, LARS_PASSPORT, GARBLED, passport("SMITH", "JOHN"), ("",)])
SEATS = one(["12A", "2C", "7C", "5C", "14A", "99Z"])
QUESTIONS = one(["dangerous_goods", "packed_yourself", "x"])
KINDS = one(list(AirportInterventionKind))
traveller = st.one_of(
    b(ev.BookingEntered, one(["KX7Q2M", "bad", ""]), one(["ERIKSSON", ""]), N),
    b(ev.DocumentScanned, DOCS, N),
    b(ev.DocumentScanned, st.just(passport(expiry=date(2020, 1, 1))), N),
    b(ev.BoardingPassScanned, st.text(max_size=30), N),
    b(ev.BookingPicked, one(["KX7Q2M", "NOPE00"]), N),
    b(ev.PassengerToggled, PIDS, st.booleans(), N),
    b(ev.PassengersConfirmed, N),
    b(ev.SafetyAnswered, QUESTIONS, st.booleans(), N),
    b(ev.SeatChosen, PIDS, one(["S1", "S2"]), SEATS, N),
    b(ev.ExitRowAnswered, st.booleans(), N),
    b(ev.SeatsDone, N),
    b(ev.OffersDone, N),
    b(ev.BagCountChosen, PIDS, st.integers(-1, 4), N),
    b(ev.BagsCounted, N),
    b(ev.ScaleRead, one([0, 100, 9_000, 24_000, 40_000]), st.booleans(), N),
    b(ev.BagRemoved, st.integers(0, 4), N),
    b(ev.BagsConfirmed, N),
    b(ev.PayRequested, N),
    b(ev.WentBack, N),
    b(
        ev.DeviceChanged,
        one(["docreader", "atb", "btp"]),
        one(["document_reader", "boarding_pass_printer", "bag_tag_printer", "scanner"]),
        st.booleans(),
        st.just("offline"),
        N,
        st.booleans(),
    ),
    b(ev.Cancelled, N, one([None, "S1"])),
    b(ev.IdleTimedOut, N),
    b(ev.Reset, st.just("C9"), N),
    b(ev.AgentVerdict, KINDS, one(list(Verdict)), st.just("S1"), N),
    b(ev.BookingFound, st.just(BOOKING), N),
    b(ev.DocumentPrinted, one(["bp:P1:S1", "x"]), N),
    b(ev.PaymentDeclined, st.just("R"), st.just("Refusal"), N),
)
ERRORS = one(["unreachable", "refused", "not_found", "invalid"])


def _dcs(call: ev.DcsCall, kind: str) -> tuple[str, object]:
    return ("dcs", failure(call, kind, "seat_taken" if kind == "refused" else ""))


mishap = st.one_of(
    b(_dcs, one(list(ev.DcsCall)), ERRORS),
    b(lambda d: ("print", d), one(["bp:P1:S1", "bp:P2:S1", "tag:0123000001"])),
    b(lambda p: ("pay", p), one(["approved", "declined", "unknown"])),
)
step = st.one_of(traveller.map(lambda e: ("event", e)), mishap)


def check(j: Journey) -> None:
    state = j.state
    assert all(f.amount.minor > 0 for f in state.fees())
    assert state.amount_due().minor >= 0
    assert len(j.world.tags_issued) == len(set(j.world.tags_issued))
    plates = [b.tag.licence_plate for b in state.bags if b.tag is not None]
    assert len(plates) == len(set(plates))
    assert len(j.world.printed) == len(set(j.world.printed))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, max_size=60))
def test_random_sequences_keep_the_promises(steps: list[tuple[str, object]]) -> None:
    j = Journey()
    printed_before_cancel = False
    for kind, value in steps:
        if kind == "dcs":
            j.world.fail[value.call] = value  # type: ignore[union-attr]
            continue
        if kind == "print":
            j.world.print_fail[value] = "paper out"  # type: ignore[index]
            continue
        if kind == "pay":
            j.world.payment = value  # type: ignore[assignment]
            continue
        cancels_before = len(j.of(fx.CancelCheckIn))
        printed_before_cancel = bool(j.world.printed)
        try:
            j.send(value)  # type: ignore[arg-type]
        except IllegalEvent as exc:
            error = str(exc)
        else:
            error = ""
        assert not error or type(value).__name__ in error  # never a reply's error
        if len(j.of(fx.CancelCheckIn)) > cancels_before:
            assert not printed_before_cancel
        check(j)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([9_000, 24_000, 31_000, 33_000, 0]), min_size=1, max_size=8))
def test_fees_follow_the_allowance(weights: list[int]) -> None:
    """Bag n of a passenger (1 piece of 23 kg free) costs 60.00 from the second piece and
    75.00 over 23 kg; a bag over 32 kg waits for an agent."""
    from kiosk.domain.airport.dcs import BagAllowance
    from kiosk.domain.airport.fees import bag_fees, over_maximum
    from kiosk.domain.airport.states import Bag
    from kiosk.domain.money import Money

    allowance = BagAllowance(1, 23_000, 32_000, Money(6000, "EUR"), Money(7500, "EUR"))
    for position, weight in enumerate(weights):
        fees = bag_fees(position, Bag(position + 1, "P1", weight), allowance)
        expected = (6000 if position >= 1 else 0) + (7500 if weight > 23_000 else 0)
        assert sum(f.amount.minor for f in fees) == expected
        assert over_maximum(weight, allowance) == (weight > 32_000)


HAPPY: list[ev.Event] = [
    ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW),
    ev.PassengersConfirmed(NOW),
    ev.DocumentScanned(ANNA_PASSPORT, NOW),
    ev.DocumentScanned(LARS_PASSPORT, NOW),
    ev.SafetyAnswered("dangerous_goods", False, NOW),
    ev.SafetyAnswered("packed_yourself", True, NOW),
    ev.SeatChosen("P1", "S1", "2C", NOW),
    ev.SeatsDone(NOW),
    ev.BagCountChosen("P1", 2, NOW),
    ev.BagCountChosen("P2", 1, NOW),
    ev.BagsCounted(NOW),
    ev.ScaleRead(24_000, True, NOW),
    ev.ScaleRead(0, True, NOW),
    ev.ScaleRead(9_000, True, NOW),
    ev.ScaleRead(0, True, NOW),
    ev.ScaleRead(9_000, True, NOW),
    ev.BagsConfirmed(NOW),
    ev.PayRequested(NOW),
    ev.PayRequested(NOW),
    ev.AgentVerdict(AirportInterventionKind.PRINTER_OUT, Verdict.FIXED, "S1", NOW),
    ev.AgentVerdict(AirportInterventionKind.DCS_UNREACHABLE, Verdict.RETRY, "S1", NOW),
    ev.AgentVerdict(AirportInterventionKind.PRINTER_OUT, Verdict.FIXED, "S1", NOW),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(HAPPY)), step), max_size=12))
def test_the_happy_path_with_random_events_and_mishaps_thrown_in(
    inserts: list[tuple[int, tuple[str, object]]],
) -> None:
    """The demo journey with random events and failures at random places: deep steps
    (bags, payment, printing) see them too."""
    script: list[tuple[str, object]] = [("event", e) for e in HAPPY]
    for position, item in sorted(inserts, key=lambda x: -x[0]):
        script.insert(position, item)
    test_random_sequences_keep_the_promises.hypothesis.inner_test(script)  # type: ignore[attr-defined]
