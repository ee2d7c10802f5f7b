"""``DocumentsScreen``: each travelling passenger's passport on the reader, one by one.

"Place ANNA MARIA's passport on the reader": the name is the passenger the reader
waits for; the list shows each passenger's document (waiting, being checked, accepted,
to try again) and a looping picture shows how to lay the passport. A document that
was not taken says why (could not be read, another person's, expired) with "Try
again". The reader itself reaches the machine through the shell's devices.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen
from kiosk.ui.airport.hint import PASSPORT, ReaderHint
from kiosk.ui.airport.views import DocumentStatus, DocumentView
from kiosk.ui.widgets.common import card, discard, keep_text_whole, text_label, touch_button

_MARK = {
    DocumentStatus.WAITING: "○",
    DocumentStatus.CHECKING: "…",
    DocumentStatus.ACCEPTED: "✓",
    DocumentStatus.FAILED: "✗",
}


class DocumentsScreen(AirportScreen):
    """Passport per passenger, with progress and clear failure messages.

    Signals:
        retryRequested(): "Try again" after a document was not taken.
    """

    name = "airport_documents"
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = DocumentView(())
        self.list_panel = card()
        column = self._list = QVBoxLayout(self.list_panel)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        self.progress = text_label(role="heading", wrap=True)
        column.addWidget(self.progress)
        self._rows: list[QLabel] = []
        self._rows_at = column.count()
        column.addStretch(1)
        self.problem = text_label(role="error", wrap=True)
        column.addWidget(self.problem)
        self.retry_button = touch_button(role="primary")
        self.retry_button.clicked.connect(self._retry)
        column.addWidget(self.retry_button)
        hint_panel = self.hint_panel = card()
        hint = QVBoxLayout(hint_panel)
        hint.setContentsMargins(24, 24, 24, 24)
        self.hint = ReaderHint((PASSPORT,))
        self.hint_caption = text_label(role="label", wrap=True, align=CENTRE)
        hint.addWidget(self.hint, 1)
        hint.addWidget(self.hint_caption)
        self.body.addWidget(self.list_panel, 3)
        self.body.addWidget(hint_panel, 2)
        self.retranslate_ui()

    def set_model(self, view: DocumentView) -> None:
        old = self._view
        self._view = view
        if len(view.rows) != len(self._rows):
            for label in self._rows:
                discard(label)
            self._rows = []
            for index, _row in enumerate(view.rows):
                label = text_label(role="heading", wrap=True)
                self._list.insertWidget(self._rows_at + index, label)
                self._rows.append(label)
        self.retranslate_ui()
        self.fitter.later()
        if (old.current, old.problem) != (view.current, view.problem):
            self.announce.emit(self.spoken_text())

    def view(self) -> DocumentView:
        return self._view

    def _retry(self) -> None:
        self.problem.hide()
        self.retry_button.hide()
        self.retryRequested.emit()

    def current_name(self) -> str:
        return next((r.name for r in self._view.rows if r.passenger_id == self._view.current), "")

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_list"):
            margin = {16: 32, 10: 20}.get(gap, 12)
            self._list.setContentsMargins(margin, margin, margin, margin)
            self._list.setSpacing(gap)
            self.hint_panel.setVisible(gap > 6)  # the words stay; the picture gives way

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        name = self.current_name()
        if name:
            self.title.setText(self.tr("Place %1's passport on the reader").replace("%1", name))
        elif view.rows and all(r.status is DocumentStatus.ACCEPTED for r in view.rows):
            self.title.setText(self.tr("All documents checked"))
        else:
            self.title.setText(self.tr("Checking your documents"))
        self.subtitle.setText(self.tr("Open it at the photo page and lay it face down."))
        done = sum(1 for r in view.rows if r.status is DocumentStatus.ACCEPTED)
        self.progress.setText(
            self.tr("%1 of %2 documents checked")
            .replace("%1", str(done))
            .replace("%2", str(len(view.rows)))
        )
        statuses = {
            DocumentStatus.WAITING: self.tr("waiting"),
            DocumentStatus.CHECKING: self.tr("checking…"),
            DocumentStatus.ACCEPTED: self.tr("accepted"),
            DocumentStatus.FAILED: self.tr("not accepted"),
        }
        for row, label in zip(view.rows, self._rows, strict=False):
            label.setText(f"{_MARK[row.status]}  {row.name}: {statuses[row.status]}")
            label.setProperty("text-role", "heading")
        problems = {
            "unreadable": self.tr(
                "The passport could not be read. Lay it flat, photo page down, and keep it still."
            ),
            "wrong_person": self.tr(
                "This passport is not %1's. Please place %1's passport on the reader."
            ).replace("%1", name),
            "expired": self.tr("This passport has expired. An agent will help you."),
            "not_passport": self.tr("Please use a passport for this trip."),
        }
        text = problems.get(view.problem, self.tr("That did not work. Please try again."))
        self.problem.setText(text if view.problem else "")
        self.problem.setVisible(bool(view.problem))
        self.retry_button.setVisible(bool(view.problem))
        self.retry_button.setText(self.tr("Try again"))
        self.hint_caption.setText(self.tr("Photo page down, top edge against the back."))
        keep_text_whole(self.retry_button)
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        parts = (self.title.text(), self.problem.text() if self._view.problem else "")
        return " ".join(p for p in parts if p)
