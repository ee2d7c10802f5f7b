"""The PMS contract's own rules: what is due, a folio's balance, what the lane keeps of an ID."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.domain.hotel.pms import (
    DocumentType,
    Folio,
    FolioLine,
    FolioLineKind,
    IdentityDocument,
    PmsError,
    PmsErrorKind,
    RoomAssignment,
    RoomState,
    Stay,
    StayState,
)
from kiosk.domain.money import Money


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def test_a_stay_owes_its_total_less_what_was_paid() -> None:
    stay = Stay(
        stay_id="s1",
        confirmation_number="4701",
        state=StayState.EXPECTED,
        arrival=date(2026, 12, 5),
        departure=date(2026, 12, 8),
        arrival_at=datetime(2026, 12, 5, 14, tzinfo=UTC),
        departure_at=datetime(2026, 12, 8, 11, tzinfo=UTC),
        room_type="Double room",
        room=None,
        adults=2,
        children=0,
        guests=(),
        rate="Flexible",
        total=eur(36000),
        paid=eur(10000),
    )
    assert stay.due == eur(26000)
    assert stay.nights == 3
    assert stay.guest("nobody") is None


def test_folio_balance_is_charges_less_payments_and_finds_a_payment_by_reference() -> None:
    folio = Folio(
        "s1",
        (
            FolioLine("n1", FolioLineKind.CHARGE, "Night 1", eur(11000)),
            FolioLine("m1", FolioLineKind.CHARGE, "Minibar", eur(1250)),
            FolioLine("p1", FolioLineKind.PAYMENT, "Card", eur(5000), reference="LANE-7"),
        ),
        "EUR",
    )
    assert (folio.charges, folio.payments, folio.balance) == (eur(12250), eur(5000), eur(7250))
    assert folio.paid_with("LANE-7")
    assert not folio.paid_with("LANE-8")
    assert not folio.paid_with("")


def test_an_empty_folio_owes_nothing() -> None:
    assert Folio("s1", (), "EUR").balance == eur(0)


@pytest.mark.parametrize(
    ("state", "ready"),
    [
        (RoomState.INSPECTED, True),
        (RoomState.CLEAN, True),
        (RoomState.DIRTY, False),
        (RoomState.OUT_OF_ORDER, False),
        (RoomState.OUT_OF_SERVICE, False),
    ],
)
def test_a_room_is_ready_when_clean_or_inspected(state: RoomState, ready: bool) -> None:
    assert RoomAssignment("r", "204", state).ready is ready


def test_the_lane_keeps_only_a_summary_of_a_document_and_never_prints_its_number() -> None:
    document = IdentityDocument(
        DocumentType.PASSPORT, "X4BC12345", "ES", date(2031, 3, 1), support_number="IDESP123"
    )
    summary = document.summary()
    assert (summary.type, summary.issuing_state, summary.number_last4) == (
        DocumentType.PASSPORT,
        "ES",
        "2345",
    )
    assert "X4BC12345" not in repr(document)
    assert "IDESP123" not in repr(document)
    assert "X4BC12345" not in repr(summary)


def test_pms_error_carries_kind_code_and_message() -> None:
    error = PmsError(PmsErrorKind.REFUSED, "room 112 is dirty", "room_not_ready")
    assert (error.kind, error.code, str(error)) == (
        PmsErrorKind.REFUSED,
        "room_not_ready",
        "room 112 is dirty",
    )
    assert "room_not_ready" in repr(error)
