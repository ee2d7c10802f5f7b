"""``SeatsScreen``: keep the seats given, or tap another one on the seat map.

The map (``SeatMapWidget``) scrolls by drag; beside it (below it in portrait) the
travelling passengers, each a button showing their number and seat (touch one to
change their seat), the legend, and the "able and willing" question when an
exit-row seat was tapped. A tap shows the new seat at once; the airline confirms it
(or says someone was quicker: the map comes back with the seat taken).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.airport.base import AirportScreen
from kiosk.ui.airport.lists import flight_text, set_lines
from kiosk.ui.airport.seatmap import (
    AVAILABLE,
    EXIT,
    HELD,
    LEGROOM,
    OCCUPIED,
    SeatMapWidget,
    SeatSwatch,
)
from kiosk.ui.airport.views import SeatHolder, SeatMapView, SeatRowView
from kiosk.ui.format import format_money
from kiosk.ui.widgets.common import card, discard, keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.reflow import ReflowLayout


def _show(widget: QWidget, shown: bool) -> None:
    """Show or hide ``widget`` only if that changes anything (each change lays out again)."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def with_seat(view: SeatMapView, passenger_id: str, seat: str) -> SeatMapView:
    """``view`` with ``passenger_id`` moved to ``seat`` (what a tap shows at once)."""
    holders = tuple(
        replace(h, seat=seat) if h.passenger_id == passenger_id else h for h in view.holders
    )
    marks = {h.seat: str(i + 1) for i, h in enumerate(holders) if h.seat}
    rows = tuple(
        SeatRowView(
            row.row,
            tuple(
                None if cell is None else replace(cell, holder=marks.get(cell.number, ""))
                for cell in row.seats
            ),
            row.exit_row,
        )
        for row in view.rows
    )
    return replace(view, rows=rows, holders=holders)


class SeatsScreen(AirportScreen):
    """The seat map with the travellers' seats.

    Signals:
        seatChosen(str, str): passenger and seat (an exit-row seat only after "able and
            willing" was answered yes).
        passengerChosen(str): whose seat a tap changes now.
        exitAnswered(bool): the "able and willing" answer.
    """

    name = "airport_seats"
    seatChosen = Signal(str, str)
    passengerChosen = Signal(str)
    exitAnswered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: SeatMapView | None = None
        self._current = ""
        self._pending = ""  # an exit-row seat waiting for "able and willing"
        self.map = SeatMapWidget()
        self.map.seatTapped.connect(self._tapped)
        self.map_area = QScrollArea()
        self.map_area.setFrameShape(QFrame.Shape.NoFrame)
        self.map_area.setWidget(self.map)
        self.map_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # a finger drags the map (``SeatMapWidget``); the bar only shows where it is
        self.map_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.map_area.viewport().installEventFilter(self)
        map_card = card()
        map_layout = QVBoxLayout(map_card)
        map_layout.setContentsMargins(8, 8, 8, 8)
        map_layout.addWidget(self.map_area, 1)
        self.legend = self._build_legend()
        map_layout.addWidget(self.legend)
        self.body.addWidget(map_card, 3)

        self.side = QWidget()
        side = self._side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(12)
        self.flight = text_label(role="heading", wrap=True)
        self.who = text_label(role="label", wrap=True)
        side.addWidget(self.flight)
        side.addWidget(self.who)
        self._people: list[QPushButton] = []
        self._people_at = side.count()
        self.problem = text_label(role="error", wrap=True)
        self.problem.hide()
        side.addWidget(self.problem)
        self.price = text_label(role="label", wrap=True)
        side.addWidget(self.price)
        self.exit_panel = self._build_exit_panel()
        self.exit_panel.hide()
        side.addWidget(self.exit_panel)
        side.addStretch(1)
        self.body.addWidget(self.side, 2)
        self.primary_button.show()
        self.retranslate_ui()

    def _build_legend(self) -> QWidget:
        """What each shape on the map means, in a row that wraps."""
        widget = QWidget()
        legend = ReflowLayout(widget, max_columns=5, spacing=8)
        self._legend_labels: dict[str, QLabel] = {}
        for kind, mark in (
            (AVAILABLE, "A"),
            (OCCUPIED, ""),
            (LEGROOM, "A"),
            (EXIT, "A"),
            (HELD, "1"),
        ):
            item = QWidget()
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(8)
            row.addWidget(SeatSwatch(kind, mark))
            label = text_label(role="label")
            row.addWidget(label, 1)
            self._legend_labels[kind] = label
            legend.add(item)
        return widget

    def _build_exit_panel(self) -> QWidget:
        """The "able and willing" question (shown while an exit-row seat is asked)."""
        panel = card()
        exit_layout = QVBoxLayout(panel)
        exit_layout.setContentsMargins(20, 16, 20, 16)
        exit_layout.setSpacing(12)
        self.exit_question = text_label(role="heading", wrap=True)
        self.exit_detail = text_label(role="label", wrap=True)
        self.exit_yes = touch_button(role="primary")
        self.exit_no = touch_button(role="secondary")
        self.exit_yes.clicked.connect(lambda: self._exit_answer(True))
        self.exit_no.clicked.connect(lambda: self._exit_answer(False))
        for widget in (self.exit_question, self.exit_detail, self.exit_yes, self.exit_no):
            exit_layout.addWidget(widget)
        return panel

    def _stretch(self) -> None:
        """The map takes what the side leaves: in portrait the side takes only what it
        needs; in landscape 2 of 5 parts, or half while the exit question is asked."""
        if self.portrait:
            self.body.setStretch(0, 1)
            self.body.setStretch(1, 0)
        else:
            asking = bool(self._pending)
            self.body.setStretch(0, 1 if asking else 3)
            self.body.setStretch(1, 1 if asking else 2)

    def apply_orientation(self, portrait: bool) -> None:
        super().apply_orientation(portrait)
        self._stretch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        scroll = getattr(self, "map_area", None)
        if (
            scroll is not None
            and watched is scroll.viewport()
            and event.type() == QEvent.Type.Resize
        ):
            self.map.fit_width(scroll.viewport().width())
        return False

    # -- model --------------------------------------------------------------------------
    def set_model(self, view: SeatMapView) -> None:
        """Show the map and seats of ``view`` (the exit question closes)."""
        self._view = view
        self._current = view.current or (view.holders[0].passenger_id if view.holders else "")
        self._pending = ""
        for button in self._people:
            discard(button)
        self._people = []
        for index, holder in enumerate(view.holders):
            button = touch_button(role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, pid=holder.passenger_id: self.choose(pid))
            self._side.insertWidget(self._people_at + index, button)
            self._people.append(button)
        self.set_busy(False)
        self._draw()

    def view(self) -> SeatMapView | None:
        return self._view

    def current(self) -> str:
        """Whose seat a tap changes."""
        return self._current

    def choose(self, passenger_id: str) -> None:
        """Change ``passenger_id``'s seat with the next tap."""
        self._current = passenger_id
        self._pending = ""
        self._draw()
        self.passengerChosen.emit(passenger_id)

    def _holder(self) -> SeatHolder | None:
        view = self._view
        if view is None:
            return None
        return next((h for h in view.holders if h.passenger_id == self._current), None)

    def _tapped(self, seat: str) -> None:
        view, holder = self._view, self._holder()
        if view is None or holder is None or self.busy() or seat == holder.seat:
            return
        cell = view.cell(seat)
        if cell is None or cell.holder:
            return  # another traveller of the party sits there
        if cell.exit_row:
            self.ask_exit(seat)
            return
        self._take(seat)

    def ask_exit(self, seat: str) -> None:
        """Ask "able and willing" for exit-row seat ``seat`` before it is chosen."""
        if seat == self._pending:
            return
        self._pending = seat
        self._draw()
        self.announce.emit(f"{self.exit_question.text()} {self.exit_detail.text()}")

    def _take(self, seat: str) -> None:
        assert self._view is not None
        self._view = with_seat(self._view, self._current, seat)
        self._pending = ""
        self._draw()
        self.seatChosen.emit(self._current, seat)

    def _exit_answer(self, yes: bool) -> None:
        seat = self._pending
        self._pending = ""
        self.exitAnswered.emit(yes)
        if yes and seat:
            self._take(seat)
        else:
            self._draw()

    def exit_asked(self) -> bool:
        """Whether the "able and willing" question shows."""
        return bool(self._pending)

    def busy_changed(self, busy: bool) -> None:
        self.map.setEnabled(not busy)

    # -- drawing ------------------------------------------------------------------------
    def _draw(self) -> None:
        view = self._view
        if view is None:
            return
        holder = self._holder()
        self.map.set_model(view, holder.seat if holder else "", self._pending)
        self.map.fit_width(self.map_area.viewport().width())
        asking = bool(self._pending)
        _show(self.exit_panel, asking)
        for widget in (self.flight, self.who, *self._people):
            _show(widget, not asking)
        self._stretch()
        self.retranslate_ui()
        shown = self._pending or (holder.seat if holder else "")
        if shown:
            rect = self.map.seat_rect(shown)
            self.map_area.ensureVisible(rect.center().x(), rect.center().y(), 40, rect.height())

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_side"):
            self._side.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.title.setText(self.tr("Your seats"))
        self.subtitle.setText(self.tr("Keep these seats, or touch a free seat to change."))
        self.map.set_exit_text(self.tr("EXIT"))
        self.flight.setText(flight_text(view.flight) if view is not None else "")
        holder = self._holder()
        self.who.setText(
            self.tr("Changing the seat of: %1").replace("%1", holder.name) if holder else ""
        )
        if view is not None:
            for index, (h, button) in enumerate(zip(view.holders, self._people, strict=False)):
                seat = h.seat or self.tr("no seat yet")
                mark = "▶ " if h.passenger_id == self._current else ""
                set_lines(button, f"{mark}{index + 1} · {h.name}\n{seat}")
                button.setChecked(h.passenger_id == self._current)
                keep_text_whole(button)
        cell = view.cell(holder.seat) if view is not None and holder and holder.seat else None
        if cell is not None and cell.price is not None:
            self.price.setText(
                self.tr("Seat %1 costs %2.")
                .replace("%1", cell.number)
                .replace("%2", format_money(cell.price, self.language))
            )
        else:
            self.price.setText("")
        self.price.setVisible(bool(self.price.text()))
        problems = {"seat_taken": self.tr("Sorry, someone has just taken that seat.")}
        problem = problems.get(view.problem, "") if view is not None else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.exit_question.setText(
            self.tr("Seat %1 is in an exit row.").replace("%1", self._pending)
        )
        self.exit_detail.setText(
            self.tr(
                "In an emergency you would help open the exit. Are you able and willing "
                "to help, over 15 and not travelling with an infant?"
            )
        )
        self.exit_yes.setText(self.tr("Yes, I am able and willing"))
        self.exit_no.setText(self.tr("No, another seat"))
        texts = {
            AVAILABLE: self.tr("Free"),
            OCCUPIED: self.tr("Taken"),
            LEGROOM: self.tr("Extra legroom"),
            EXIT: self.tr("Exit row"),
            HELD: self.tr("Your party's seats"),
        }
        for kind, label in self._legend_labels.items():
            label.setText(texts[kind])
        self.primary_button.setText(self.tr("Continue"))
        keep_text_whole(self.exit_yes, self.exit_no)
        self.keep_buttons_whole()
