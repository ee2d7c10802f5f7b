"""Paying at the card terminal, and waiting for staff.

``HotelPaymentScreen``: what is paid now (the stay's balance, the deposit held on the
card, or the bill at check-out), with the terminal's instruction; a declined card says
so with "Try again". ``HotelAgentScreen``: "please wait, a member of staff is coming"
with the reason in the guest's words, for every intervention of the hotel journey.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.airport.finish import AgentScreen, PaymentScreen
from kiosk.ui.format import format_money
from kiosk.ui.hotel.base import HotelScreen
from kiosk.ui.hotel.views import AgentView, PaymentStage, PaymentView
from kiosk.ui.widgets.common import keep_text_whole


class HotelPaymentScreen(HotelScreen, PaymentScreen):
    """One card operation at the terminal: the airport's payment screen (the amount, the
    card terminal's instruction, a declined card's message) for the hotel's purposes.

    Signals:
        payRequested(): "Pay" / "Hold" / "Try again".
    """

    name = "hotel_payment"

    def __init__(self, parent: QWidget | None = None) -> None:
        self._hotel_view: PaymentView | None = None
        super().__init__(parent)

    def set_model(self, view: PaymentView, *, can_cancel: bool = True) -> None:  # type: ignore[override]
        """Show ``view``; Cancel while ``can_cancel`` and nothing is at the terminal."""
        before = self._hotel_view
        self._hotel_view = view
        ready = view.stage in (PaymentStage.READY, PaymentStage.DECLINED)
        self.primary_button.setVisible(ready)
        self.set_ways_out(back=False, cancel=can_cancel and ready)
        self.set_busy(False)
        self.retranslate_ui()
        if before is None or (before.stage, before.purpose) != (view.stage, view.purpose):
            self.announce.emit(self.spoken_text())

    def view(self) -> PaymentView | None:
        return self._hotel_view

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, language = getattr(self, "_hotel_view", None), self.language
        purpose = view.purpose if view is not None else "balance"
        amount = format_money(view.amount, language) if view is not None else ""
        if purpose == "deposit":
            self.title.setText(self.tr("Deposit"))
            self.subtitle.setText(self.tr("We hold a deposit on your card for extras."))
            self.amount_caption.setText(self.tr("Deposit held on your card"))
            self.lines.setText(
                self.tr("Nothing is charged now. It is released or charged at check-out.")
            )
            action = self.tr("Hold %1").replace("%1", amount)
        elif purpose == "bill":
            self.title.setText(self.tr("Pay your bill"))
            self.subtitle.setText(self.tr("Pay what is left of your bill by card."))
            self.amount_caption.setText(self.tr("To pay"))
            self.lines.setText("")
            action = self.tr("Pay %1").replace("%1", amount)
        else:
            self.title.setText(self.tr("Payment"))
            self.subtitle.setText(self.tr("Pay what is left of your stay by card."))
            self.amount_caption.setText(self.tr("To pay now"))
            deposit = view.deposit if view is not None else None
            self.lines.setText(
                self.tr("Then a deposit of %1 is held on your card.").replace(
                    "%1", format_money(deposit, language)
                )
                if deposit is not None
                else ""
            )
            action = self.tr("Pay %1").replace("%1", amount)
        self.lines.setVisible(bool(self.lines.text()))
        self.amount.setText(amount)
        stage = view.stage if view is not None else PaymentStage.READY
        declined = stage is PaymentStage.DECLINED
        if stage is PaymentStage.AT_TERMINAL:
            self.instruction.setText(self.tr("Follow the instructions on the card terminal"))
        elif declined:
            self.instruction.setText(self.tr("Try again, or use another card"))
        else:
            self.instruction.setText(self.tr("Touch the button, then use the card terminal"))
        self.problem.setText(
            self.tr("The card was declined. No money was taken.") if declined else ""
        )
        self.problem.setVisible(declined)
        self.primary_button.setText(self.tr("Try again") if declined else action)
        self.keep_buttons_whole()


class HotelAgentScreen(HotelScreen, AgentScreen):
    """Please wait for a member of staff, and why: the airport's agent screen (the hand,
    the reason, "stay at the kiosk", the staff button) in the hotel's words.

    Signals:
        staffRequested(): staff touched "Staff" (the attendant sign-in opens).
    """

    name = "hotel_agent"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_counted(False)
        self.set_model(AgentView("pms_unreachable"))

    def set_model(self, view: AgentView, *, can_cancel: bool = True) -> None:  # type: ignore[override]
        """Show ``view`` (Cancel only while ``view.can_cancel``)."""
        super().set_model(view, can_cancel=view.can_cancel and can_cancel)  # type: ignore[arg-type]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.title.setText(self.tr("Please wait a moment"))
        self.subtitle.setText(self.tr("A member of staff has been called and is coming."))
        reasons = {
            "booking_not_found": self.tr("We could not find your booking."),
            "document_failed": self.tr("We could not read %1's ID."),
            "name_mismatch": self.tr("The name on the ID is not on the booking."),
            "document_expired": self.tr("%1's ID has expired."),
            "register_incomplete": self.tr("We need a few more details for %1's registration."),
            "payment_failed": self.tr("The payment did not go through."),
            "encoder_failed": self.tr("A key card could not be made."),
            "room_not_ready": self.tr(
                "Your room is not ready yet. You can leave your luggage with us, "
                "and we will let you know when the room is ready."
            ),
            "pms_unreachable": self.tr("We cannot reach the hotel's system just now."),
            "pms_refused": self.tr("The hotel's system could not complete this step."),
            "printer_out": self.tr("The printer needs paper or has a problem."),
        }
        text = reasons.get(view.reason, self.tr("A member of staff needs to help you."))
        if "%1" in text and not view.name:
            text = {
                "document_failed": self.tr("We could not read the ID."),
                "document_expired": self.tr("This ID has expired."),
                "register_incomplete": self.tr("We need a few more details for the registration."),
            }.get(view.reason, text)
        self.reason.setText(text.replace("%1", view.name))
        self.detail.setText(self.tr("Please stay at the kiosk. Nothing is lost."))
        self.staff_button.setText(self.tr("Staff"))
        keep_text_whole(self.staff_button)
        self.keep_buttons_whole()
