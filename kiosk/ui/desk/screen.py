"""``DeskScreen``: a journey's agent desk on the staff layer.

Left: the open intervention (its kind in words, the passenger, what failed, the
document summary: type, issuing state, expiry and the last four characters of the
number, never the MRZ) and one big key per verdict that makes sense for its kind.
A verdict the signed-in role does not grant keeps its key (the service refuses it,
audited, and the screen says who may), marked with a lock. Right: the lane's devices.
Top: who is signed in and "Sign out"; above the keys, what the last touch came to.
The screen only draws a ``DeskView`` and emits signals; the words of a journey's codes
come from its terms (``AirportTerms``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.attendant_api import DeskCase, DeskDocument
from kiosk.ui import icons
from kiosk.ui.desk.views import DeskView
from kiosk.ui.i18n.device_terms import device_name, device_status_text
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import (
    card,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.reflow import ReflowLayout

#: The most verdicts one case offers (the airport's kinds offer at most three).
MAX_VERDICTS = 4
_ON_PRIMARY = "#FFFFFF"
#: The lock on a key the role does not grant: a grey seen on light and high-contrast keys.
_LOCK_COLOUR = "#8A8F94"
#: A verdict's icon (others: a tick).
_ICONS = {"refuse": "close", "retry": "arrow-left", "fixed": "tools"}


class DeskTerms(Protocol):
    """A journey's words for its codes (see ``kiosk.ui.desk.airport_terms``)."""

    def kind_title(self, kind: str) -> str: ...
    def verdict_text(self, kind: str, verdict: str) -> str: ...
    def detail_text(self, kind: str, detail: str) -> str: ...
    def document_type(self, code: str) -> str: ...
    def role_name(self, role: str) -> str: ...
    def staff_text(self, name: str, role: str) -> str: ...
    def person_text(self, who: str) -> str: ...


class DeskScreen(Screen):
    """The agent desk.

    Signals:
        verdictRequested(str): the verdict's code (e.g. ``accept``).
        signOutRequested(): back to the traveller (the session ends).
        refreshRequested(): query the devices again.
    """

    name = "desk"
    idle_watch = False
    verdictRequested = Signal(str)
    signOutRequested = Signal()
    refreshRequested = Signal()

    def __init__(self, terms: DeskTerms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terms = terms
        self._view = DeskView()
        self._verdicts: list[str] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(16)
        outer.addWidget(self._header())
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(16)
        self._body.addWidget(self._case_card(), 2)
        self._body.addWidget(self._devices_card(), 1)
        outer.addLayout(self._body, 1)
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------

    def _header(self) -> QWidget:
        frame = card()
        row = QHBoxLayout(frame)
        row.setContentsMargins(20, 8, 12, 8)
        row.setSpacing(16)
        self.staff = text_label(role="heading", wrap=True)
        row.addWidget(self.staff, 1)
        self.sign_out_button = touch_button(icon="lock", icon_px=28)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        row.addWidget(self.sign_out_button)
        return frame

    def _case_card(self) -> QWidget:
        frame = card()
        box = QVBoxLayout(frame)
        box.setContentsMargins(24, 20, 24, 20)
        box.setSpacing(12)
        # The case scrolls on a short screen (1366x768 with large text); what the last
        # touch came to and the verdict keys stay in sight under it.
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.title = text_label(role="title", wrap=True)
        self.passenger = text_label(role="heading", wrap=True)
        self.failed = text_label(role="label", wrap=True)
        self.document = text_label(role="label", wrap=True)
        self.hint = text_label(role="muted", wrap=True)
        for label in (self.title, self.passenger, self.failed, self.document, self.hint):
            column.addWidget(label)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(details)
        box.addWidget(scroll, 1)
        self.message = text_label(role="label", wrap=True)
        box.addWidget(self.message)
        # Landscape: the keys side by side while their captions fit; portrait: one above
        # the other, the width of the card.
        keys = self._keys = ReflowLayout(max_columns=MAX_VERDICTS, spacing=16)
        self.verdict_buttons: list[QPushButton] = []
        for index in range(MAX_VERDICTS):
            button = touch_button(role="primary")
            button.clicked.connect(lambda _=False, i=index: self._verdict_touched(i))
            button.setVisible(False)
            self.verdict_buttons.append(button)
            keys.add(button)
        box.addLayout(keys)
        return frame

    def _devices_card(self) -> QWidget:
        frame = card()
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        self.devices_title = text_label(role="heading")
        self.devices = text_label(role="label", wrap=True)
        self.devices.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.refresh_button = touch_button(icon="search", icon_px=28)
        self.refresh_button.clicked.connect(self.refreshRequested)
        box.addWidget(self.devices_title)
        box.addWidget(self.devices, 1)
        box.addWidget(self.refresh_button)
        return frame

    # -- the model ---------------------------------------------------------------------

    def set_model(self, view: DeskView) -> None:
        """Draw ``view``."""
        self._view = view
        case = view.case
        verdicts = case.verdicts if case is not None else ()
        self._verdicts = [v.name for v in verdicts[:MAX_VERDICTS]]
        for index, button in enumerate(self.verdict_buttons):
            verdict = verdicts[index] if index < len(verdicts) else None
            button.setVisible(verdict is not None)
            if verdict is None:
                continue
            role = "danger" if verdict.name == "refuse" else "primary"
            set_style_property(button, "role", role if verdict.allowed else "secondary")
            if verdict.allowed:
                button.setIcon(icons.icon(_ICONS.get(verdict.name, "check"), _ON_PRIMARY))
            else:  # kept touchable: the service refuses it, audited, and says who may
                button.setIcon(icons.icon("lock", _LOCK_COLOUR))
            button.setIconSize(icons.icon_size(32))
            button.setEnabled(not view.busy)
        error = view.message is not None and view.message.outcome != "done"
        set_style_property(self.message, "text-role", "error" if error else "label")
        self.retranslate_ui()

    def verdict_button(self, verdict: str) -> QPushButton | None:
        """The key of ``verdict`` while the open case offers it (tests touch it)."""
        if verdict not in self._verdicts:
            return None
        return self.verdict_buttons[self._verdicts.index(verdict)]

    def _verdict_touched(self, index: int) -> None:
        if index < len(self._verdicts):
            self.verdictRequested.emit(self._verdicts[index])

    # -- text --------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        view, terms = self._view, self.terms
        self.staff.setText(terms.staff_text(view.staff_name, terms.role_name(view.role)))
        self.message.setText(self._message_text())
        self.sign_out_button.setText(self.tr("Sign out"))
        self._retranslate_case(view.case)
        self.devices_title.setText(self.tr("Devices"))
        self.devices.setText(
            "\n".join(
                f"{'✓' if d.ok else '✗'} {device_name(d.name)}: {device_status_text(d.status)}"
                for d in view.devices
            )
            or "—"
        )
        self.refresh_button.setText(self.tr("Refresh"))
        keep_text_whole(self.sign_out_button, self.refresh_button)

    def _retranslate_case(self, case: DeskCase | None) -> None:
        terms = self.terms
        for label in (self.passenger, self.failed, self.document, self.hint):
            label.setVisible(case is not None)
        if case is None:
            self.title.setText(self.tr("Nothing is waiting for you."))
            return
        self.title.setText(terms.kind_title(case.kind))
        who = case.passenger or self.tr("the whole booking")
        self.passenger.setText(terms.person_text(who))
        failed = terms.detail_text(case.kind, case.detail) if case.detail else "—"
        self.failed.setText(self.tr("What failed: %1").replace("%1", failed))
        self.document.setVisible(case.document is not None)
        if case.document is not None:
            self.document.setText(self._document_text(case.document))
        for verdict, button in zip(case.verdicts, self.verdict_buttons, strict=False):
            button.setText(terms.verdict_text(case.kind, verdict.name))
        locked = [v for v in case.verdicts if not v.allowed]
        self.hint.setVisible(bool(locked))
        if locked:
            needs = " / ".join(terms.role_name(role) for role in locked[0].needs)
            self.hint.setText(self.tr("Keys with a lock are for: %1.").replace("%1", needs))

    def _document_text(self, document: DeskDocument) -> str:
        lines = (
            []
            if not document.name
            else [self.tr("Name on the document: %1").replace("%1", document.name)]
        )
        lines += [
            self.tr("Document: %1, issued by %2")
            .replace("%1", self.terms.document_type(document.document_code))
            .replace("%2", document.issuing_state or "—"),
            self.tr("Expires: %1").replace(
                "%1", document.expiry.isoformat() if document.expiry else "—"
            ),
            self.tr("Number ends in: %1").replace("%1", document.number_last4 or "—"),
        ]
        return "\n".join(lines)

    def _message_text(self) -> str:
        message = self._view.message
        if message is None:
            return ""
        if message.outcome == "done":  # with a code: what it came to, in the journey's words
            return self.terms.detail_text("", message.text) if message.text else self.tr("Done.")
        if message.outcome == "refused":
            needs = " / ".join(self.terms.role_name(role) for role in message.needs)
            return self.tr("Your role may not give this verdict. Who may: %1.").replace("%1", needs)
        return message.text

    def apply_orientation(self, portrait: bool) -> None:
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._keys.set_max_columns(1 if portrait else MAX_VERDICTS)

    def spoken_text(self) -> str:
        return f"{self.staff.text()}. {self.title.text()}"
