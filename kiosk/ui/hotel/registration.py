"""``RegistrationScreen``: the registration card's terms, the signature, then a copy.

The terms in the guest's language scroll by drag (``QScroller``); the signature pad
beside them takes a finger; "Clear" starts the signature again and "Sign" is there once
something is drawn. Signed, the pad's side asks how the guest wants a copy: printed,
by e-mail (offered when the booking has an address) or none.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.ui.hotel.base import CENTRE, HotelScreen
from kiosk.ui.hotel.signature import SignaturePad
from kiosk.ui.hotel.views import RegistrationView
from kiosk.ui.widgets.common import card, keep_text_whole, text_label, touch_button

PRINT, EMAIL, NONE = "print", "email", "none"


class RegistrationScreen(HotelScreen):
    """Terms, signature, copy.

    Signals:
        signed(QImage): "Sign" with the signature drawn.
        deliveryChosen(str): ``print``, ``email`` or ``none``.
    """

    name = "hotel_registration"
    signed = Signal(QImage)
    deliveryChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = RegistrationView("")
        terms_card = self._build_terms()
        self._build_sign()
        self._build_copy()
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.problem.hide()
        self.body.addWidget(terms_card, 1)
        self.body.addWidget(self.sign_panel, 1)
        self.body.addWidget(self.copy_panel, 1)
        self.primaryRequested.connect(self._sign_now)
        self.set_model(self._view)

    def _build_terms(self) -> QWidget:
        self.terms = text_label(role="label", wrap=True)
        self.terms.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.terms.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.terms_area = QScrollArea()
        self.terms_area.setWidgetResizable(True)
        self.terms_area.setFrameShape(QFrame.Shape.NoFrame)
        self.terms_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(24, 16, 24, 16)
        inner_layout.addWidget(self.terms)
        inner_layout.addStretch(1)
        self.terms_area.setWidget(inner)
        QScroller.grabGesture(
            self.terms_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        terms_card = card()
        terms_layout = QVBoxLayout(terms_card)
        terms_layout.setContentsMargins(8, 8, 8, 8)
        terms_layout.addWidget(self.terms_area)
        return terms_card

    def _build_sign(self) -> None:
        self.sign_panel = card()
        sign = self._sign = QVBoxLayout(self.sign_panel)
        sign.setContentsMargins(24, 16, 24, 16)
        sign.setSpacing(12)
        self.sign_caption = text_label(role="heading", wrap=True)
        self.pad = SignaturePad()
        self.pad.changed.connect(self._drawn)
        self.clear_button = touch_button(role="secondary", icon="close")
        self.clear_button.clicked.connect(self.pad.clear)
        sign.addWidget(self.sign_caption)
        sign.addWidget(self.pad, 1)
        sign.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_copy(self) -> None:
        self.copy_panel = card()
        copy = self._copy = QVBoxLayout(self.copy_panel)
        copy.setContentsMargins(24, 16, 24, 16)
        copy.setSpacing(16)
        copy.addStretch(1)
        self.thanks = text_label(role="heading", wrap=True, align=CENTRE)
        self.copy_caption = text_label(role="title", wrap=True, align=CENTRE)
        copy.addWidget(self.thanks)
        copy.addWidget(self.copy_caption)
        choices = QHBoxLayout()
        choices.setSpacing(16)
        self.print_button = touch_button(role="primary", icon="printer")
        self.email_button = touch_button(role="secondary", icon="receipt")
        self.none_button = touch_button(role="secondary", icon="no-receipt")
        for button, how in (
            (self.print_button, PRINT),
            (self.email_button, EMAIL),
            (self.none_button, NONE),
        ):
            button.clicked.connect(lambda _=False, h=how: self.deliveryChosen.emit(h))
            choices.addWidget(button)
        copy.addLayout(choices)
        copy.addStretch(1)

    def set_model(self, view: RegistrationView) -> None:
        if not view.signed and self._view.signed:
            self.pad.clear()
        self._view = view
        self.sign_panel.setVisible(not view.signed)
        self.copy_panel.setVisible(view.signed)
        self.email_button.setVisible(bool(view.email))
        self.primary_button.setVisible(not view.signed)
        self.set_busy(False)
        self.retranslate_ui()

    def view(self) -> RegistrationView:
        return self._view

    def _drawn(self, drawn: bool) -> None:
        self.primary_button.setEnabled(drawn and not self.busy())

    def _sign_now(self) -> None:
        if not self.pad.is_empty():
            self.set_busy(True)
            self.signed.emit(self.pad.image())

    def busy_changed(self, busy: bool) -> None:
        self.primary_button.setEnabled(not busy and not self.pad.is_empty())
        for button in (self.print_button, self.email_button, self.none_button):
            button.setEnabled(not busy)

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_copy"):
            self._sign.setSpacing(gap)
            self._copy.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Registration card"))
        self.subtitle.setText(self.tr("Please read the terms of your stay and sign."))
        self.terms.setText(
            "\n\n".join(
                (
                    self.tr(
                        "The room is yours from 15:00 on the day of arrival until 11:00 on "
                        "the day of departure."
                    ),
                    self.tr(
                        "The guests named on this card stay in the room. Any other person "
                        "staying the night must be registered at the front desk."
                    ),
                    self.tr(
                        "A deposit is held on your card for extras and damage. It is released "
                        "or charged at check-out."
                    ),
                    self.tr(
                        "Smoking is not allowed in the rooms. A cleaning fee is charged if "
                        "this rule is broken."
                    ),
                    self.tr(
                        "The hotel keeps your registration data as the law requires and "
                        "shares it only with the authorities who ask for it by law."
                    ),
                    self.tr("By signing you accept these terms."),
                )
            )
        )
        self.sign_caption.setText(self.tr("Sign here with your finger"))
        self.clear_button.setText(self.tr("Clear"))
        self.primary_button.setText(self.tr("Sign"))
        self.thanks.setText(self.tr("Thank you for signing."))
        self.copy_caption.setText(self.tr("Would you like a copy?"))
        self.print_button.setText(self.tr("Print"))
        self.email_button.setText(self.tr("E-mail"))
        self.none_button.setText(self.tr("No, thanks"))
        problems = {
            "signature_missing": self.tr("Please sign in the box."),
            "sign_first": self.tr("Please sign in the box."),
            "email_missing": self.tr("We have no e-mail address for you. Please choose print."),
            "email_refused": self.tr(
                "We cannot send an e-mail to the address on your booking. "
                "You can have it printed instead."
            ),
        }
        text = problems.get(self._view.problem, "")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        keep_text_whole(self.clear_button, self.print_button, self.email_button, self.none_button)
        self.primary_button.setEnabled(not self.pad.is_empty() and not self.busy())
        self.keep_buttons_whole()
