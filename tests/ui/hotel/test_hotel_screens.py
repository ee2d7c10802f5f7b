"""The hotel screens by touch: the signature pad, the key count, the folio, typing a
booking, the payment stages and every intervention in the guest's words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.ui.hotel import samples
from kiosk.ui.hotel import views as v


def touch(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Touch ``widget`` at its centre, after checking that the touch reaches it."""
    centre = widget.mapToGlobal(widget.rect().center())
    assert QApplication.widgetAt(centre) is widget, f"something covers {widget.text()!r}"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def dark_pixels(image) -> int:  # type: ignore[no-untyped-def]
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_the_signature_pad_keeps_a_drawn_stroke_and_clear_empties_it(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.registration.set_model(v.RegistrationView("ANA GARCIA LOPEZ"))
    window.show_screen(s.registration.name)
    pad = s.registration.pad
    assert pad.is_empty()
    assert dark_pixels(pad.image()) == 0
    assert not s.registration.primary_button.isEnabled()  # nothing to sign with yet
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 40))
    for x in range(40, 200, 20):
        QTest.mouseMove(pad, QPoint(x, 40 + (x % 60)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 90))
    assert not pad.is_empty()
    assert len(pad.strokes()[0]) >= 8
    assert dark_pixels(pad.image()) > 50
    assert pad.png().startswith(b"\x89PNG")
    assert s.registration.primary_button.isEnabled()
    signed = []
    s.registration.signed.connect(signed.append)
    s.registration.primary_button.click()
    assert len(signed) == 1
    assert dark_pixels(signed[0]) > 50
    s.registration.set_busy(False)
    touch_clear = s.registration.clear_button
    touch_clear.click()
    assert pad.is_empty()
    assert dark_pixels(pad.image()) == 0
    assert not s.registration.primary_button.isEnabled()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_the_key_count_is_chosen_by_touch(hotel_window, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window(*size)
    s.keys.set_model(v.KeysView("204", most=4, suggested=2))
    window.show_screen(s.keys.name)
    qtbot.waitUntil(s.keys.count_buttons[2].isVisible)
    chosen: list[int] = []
    s.keys.countChosen.connect(chosen.append)
    touch(qtbot, s.keys.count_buttons[2])
    touch(qtbot, s.keys.count_buttons[4])
    assert chosen == [2, 4]


def test_the_key_count_offers_no_more_than_the_lane_allows(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.keys.set_model(v.KeysView("204", most=2, suggested=1))
    window.show_screen(s.keys.name)
    assert [n for n, b in s.keys.count_buttons.items() if b.isVisible()] == [1, 2]


def test_each_key_is_ticked_only_when_the_encoder_confirmed_it(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.keys.set_model(v.KeysView("204", 4, 2, 2, (True, False), encoding=2))
    window.show_screen(s.keys.name)
    rows = [label.text() for label in s.keys._rows]
    assert rows[0].startswith("✓")
    assert "ready" in rows[0]
    assert not rows[1].startswith("✓")
    assert "being made" in rows[1]
    assert "Key 2 of 2" in s.keys.title.text()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_the_folio_is_confirmed_by_touch(hotel_window, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window(*size)
    s.folio.set_model(samples.sample_folio())
    window.show_screen(s.folio.name)
    qtbot.waitUntil(s.folio.primary_button.isVisible)
    assert s.folio.primary_button.text() == "Pay €137.50"
    confirmed: list[bool] = []
    s.folio.primaryRequested.connect(lambda: confirmed.append(True))
    touch(qtbot, s.folio.primary_button)
    assert confirmed == [True]
    assert s.folio.cancel_button.isVisible()  # nothing charged yet


def test_a_settled_folio_continues_without_paying(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    zero = samples.eur("0.00")
    s.folio.set_model(v.FolioView((v.FolioLineView("Single room", samples.eur("89.00")),), zero))
    window.show_screen(s.folio.name)
    assert s.folio.primary_button.text() == "Continue"


def test_a_confirmation_number_is_typed_and_sent(hotel_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window(1366, 768)
    s.find.set_model(v.FindView(v.FindMode.CONFIRMATION, today=date(2026, 12, 5)))
    window.show_screen(s.find.name)
    assert not s.find.primary_button.isEnabled()
    for key in "4701":
        touch(qtbot, s.find.keyboard.button(key))
    sent: list[str] = []
    s.find.confirmationEntered.connect(sent.append)
    touch(qtbot, s.find.primary_button)
    assert sent == ["4701"]
    assert s.find.busy()  # "one moment" until the answer


def test_the_surname_and_arrival_date_are_sent(hotel_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.find.set_model(v.FindView(v.FindMode.CONFIRMATION, today=date(2026, 12, 5)))
    window.show_screen(s.find.name)
    touch(qtbot, s.find.by_name)
    for key in "garcia":
        s.find.keyboard.press(key)
    touch(qtbot, s.find.earlier)
    sent: list[tuple[str, date]] = []
    s.find.surnameEntered.connect(lambda name, day: sent.append((name, day)))
    touch(qtbot, s.find.primary_button)
    assert sent == [("GARCIA", date(2026, 12, 4))]


def test_the_details_screen_asks_only_what_is_missing(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.details.set_model(v.DetailsView("g2", "LUIS MARTIN", ("contact",)))
    window.show_screen(s.details.name)
    assert list(s.details.entry.fields) == ["contact"]
    assert not s.details.primary_button.isEnabled()
    s.details.entry.type_into("contact", "luis@example.es")
    sent: list[tuple[str, dict[str, str]]] = []
    s.details.detailsEntered.connect(lambda gid, values: sent.append((gid, values)))
    s.details.primary_button.click()
    assert sent == [("g2", {"contact": "LUIS@EXAMPLE.ES"})]


def test_the_payment_screen_follows_the_terminal(hotel_window) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    window.show_screen(s.payment.name)
    s.payment.set_model(v.PaymentView("balance", samples.eur("245.00"), v.PaymentStage.READY))
    assert s.payment.primary_button.isVisible()
    assert s.payment.cancel_button.isVisible()
    s.payment.set_model(v.PaymentView("balance", samples.eur("245.00"), v.PaymentStage.AT_TERMINAL))
    assert not s.payment.primary_button.isVisible()
    assert not s.payment.cancel_button.isVisible()
    s.payment.set_model(v.PaymentView("deposit", samples.eur("150.00"), v.PaymentStage.DECLINED))
    assert s.payment.problem.isVisible()
    assert s.payment.primary_button.text() == "Try again"
    s.payment.set_model(
        v.PaymentView("deposit", samples.eur("150.00"), v.PaymentStage.READY), can_cancel=False
    )
    assert not s.payment.cancel_button.isVisible()  # money was taken: only staff cancel


@pytest.mark.parametrize("reason", samples.AGENT_REASONS)
def test_every_intervention_is_told_in_the_guests_words(hotel_window, reason) -> None:  # type: ignore[no-untyped-def]
    window, s = hotel_window()
    s.agent.set_model(v.AgentView(reason, "LUIS MARTIN"))
    window.show_screen(s.agent.name)
    text = s.agent.reason.text()
    assert text
    assert "%1" not in text
    assert "_" not in text
    assert text != "A member of staff needs to help you."  # each kind has its own words
    assert isinstance(s.agent.staff_button, QPushButton)
    assert s.agent.staff_button.isVisible()
