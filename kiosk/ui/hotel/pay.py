"""Paying at the card terminal, and waiting for staff.

``HotelPaymentScreen``: what is paid now (the stay's balance, the deposit held on the
card, or the bill at check-out), with the terminal's instruction; a declined card says
so with "Try again". ``HotelAgentScreen``: "please wait, a member of staff is coming"
with the reason in the guest's words, for every intervention of the hotel journey.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.format import format_money
from kiosk.ui.hotel.base import CENTRE, HotelScreen
from kiosk.ui.hotel.views import AgentView, PaymentStage, PaymentView
from kiosk.ui.widgets.common import card, icon_label, keep_text_whole, text_label, touch_button


class HotelPaymentScreen(HotelScreen):
    """One card operation at the terminal.

    Signals:
        payRequested(): "Pay" / "Hold the deposit" / "Try again".
    """

    name = "hotel_payment"
    payRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: PaymentView | None = None
        panel = card()
        column = self._column = QVBoxLayout(panel)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(16)
        column.addStretch(1)
        self.caption = text_label(role="heading", wrap=True, align=CENTRE)
        self.amount = text_label(role="amount", align=CENTRE)
        self.explain = text_label(role="label", wrap=True, align=CENTRE)
        for widget in (self.caption, self.amount, self.explain):
            column.addWidget(widget)
        column.addStretch(1)
        side_card = card()
        side = self._side = QVBoxLayout(side_card)
        side.setContentsMargins(40, 24, 40, 24)
        side.setSpacing(16)
        side.addStretch(1)
        self.icon = icon_label("card", "#0A6CFF", 120)
        side.addWidget(self.icon, 0, CENTRE)
        self.instruction = text_label(role="title", wrap=True, align=CENTRE)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        side.addWidget(self.instruction)
        side.addWidget(self.problem)
        side.addStretch(1)
        self.body.addWidget(panel, 1)
        self.body.addWidget(side_card, 1)
        self.primaryRequested.connect(self.payRequested)
        self.retranslate_ui()

    def set_model(self, view: PaymentView, *, can_cancel: bool = True) -> None:
        changed = self._view is None or (self._view.stage, self._view.purpose) != (
            view.stage,
            view.purpose,
        )
        self._view = view
        ready = view.stage in (PaymentStage.READY, PaymentStage.DECLINED)
        self.primary_button.setVisible(ready)
        self.set_ways_out(back=False, cancel=can_cancel and ready)
        self.set_busy(False)
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def view(self) -> PaymentView | None:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_side"):
            margin = {16: 40, 10: 24}.get(gap, 12)
            for layout in (self._column, self._side):
                layout.setContentsMargins(margin, margin, margin, margin)
                layout.setSpacing(gap)
            self.icon.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, language = self._view, self.language
        purpose = view.purpose if view is not None else "balance"
        amount = format_money(view.amount, language) if view is not None else ""
        if purpose == "deposit":
            self.title.setText(self.tr("Deposit"))
            self.subtitle.setText(self.tr("We hold a deposit on your card for extras."))
            self.caption.setText(self.tr("Deposit held on your card"))
            self.explain.setText(
                self.tr("Nothing is charged now. It is released or charged at check-out.")
            )
            action = self.tr("Hold %1").replace("%1", amount)
        elif purpose == "bill":
            self.title.setText(self.tr("Pay your bill"))
            self.subtitle.setText(self.tr("Pay what is left of your bill by card."))
            self.caption.setText(self.tr("To pay"))
            self.explain.setText("")
            action = self.tr("Pay %1").replace("%1", amount)
        else:
            self.title.setText(self.tr("Payment"))
            self.subtitle.setText(self.tr("Pay what is left of your stay by card."))
            self.caption.setText(self.tr("To pay now"))
            deposit = view.deposit if view is not None else None
            self.explain.setText(
                self.tr("Then a deposit of %1 is held on your card.").replace(
                    "%1", format_money(deposit, language)
                )
                if deposit is not None
                else ""
            )
            action = self.tr("Pay %1").replace("%1", amount)
        self.explain.setVisible(bool(self.explain.text()))
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

    def spoken_text(self) -> str:
        parts = (self.caption.text(), self.amount.text(), self.instruction.text())
        return " ".join(p for p in (*parts, self.problem.text()) if p)


class HotelAgentScreen(HotelScreen):
    """Please wait for a member of staff, and why.

    Signals:
        staffRequested(): staff touched "Staff" (the attendant sign-in opens).
    """

    name = "hotel_agent"
    idle_watch = False
    staffRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = AgentView("pms_unreachable")
        column = self._column = QVBoxLayout()
        column.setSpacing(24)
        column.addStretch(1)
        self.icon = icon_label("hand", "#B25E00", 140)
        column.addWidget(self.icon, 0, CENTRE)
        self.reason = text_label(role="title", wrap=True, align=CENTRE)
        self.detail = text_label(role="heading", wrap=True, align=CENTRE)
        column.addWidget(self.reason)
        column.addWidget(self.detail)
        column.addStretch(1)
        self.body.addLayout(column, 1)
        self.staff_button = touch_button(role="secondary", icon="lock", icon_px=32)
        self.staff_button.clicked.connect(self.staffRequested)
        self._footer.addWidget(self.staff_button)
        self.set_counted(False)
        self.set_model(self._view)

    def set_model(self, view: AgentView) -> None:
        changed = view != self._view
        self._view = view
        self.set_ways_out(back=False, cancel=view.can_cancel)
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def view(self) -> AgentView:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            self._column.setSpacing(gap + 8)
            self.icon.setVisible(gap > 6)

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

    def spoken_text(self) -> str:
        return f"{self.title.text()}. {self.reason.text()} {self.subtitle.text()}"
