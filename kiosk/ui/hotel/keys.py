"""Key cards and the end of the visit.

``KeysScreen``: while the room is asked of the hotel's system, "getting your room";
then how many key cards (1 to 4, one big button each, the suggested one marked); then
"put a card on the encoder" for each key, each row ticked only when the encoder
confirmed it. ``HotelDoneScreen``: the room number big, the floor, Wi-Fi and breakfast
(check-in); the luggage left and a promise to tell the guest (room not ready);
goodbye (check-out); the new keys (key help). A one-tap rating and "Finish".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.finish import DoneScreen
from kiosk.ui.airport.views import DoneView
from kiosk.ui.hotel.base import CENTRE, HotelScreen
from kiosk.ui.hotel.views import DoneView as HotelDoneView
from kiosk.ui.hotel.views import KeysView
from kiosk.ui.widgets.common import (
    card,
    discard,
    icon_label,
    set_style_property,
    text_label,
    touch_button,
)

MOST_KEYS = 4


class KeysScreen(HotelScreen):
    """How many keys, then each one encoded.

    Signals:
        countChosen(int): 1-4 key cards.
    """

    name = "hotel_keys"
    countChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = KeysView()
        self.room_label = text_label(role="heading", wrap=True, align=CENTRE)
        self.count_panel = card()
        counts = self._counts = QVBoxLayout(self.count_panel)
        counts.setContentsMargins(32, 24, 32, 24)
        counts.setSpacing(24)
        counts.addStretch(1)
        self.question = text_label(role="title", wrap=True, align=CENTRE)
        counts.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        self.count_buttons: dict[int, QPushButton] = {}
        for count in range(1, MOST_KEYS + 1):
            button = touch_button(str(count), role="secondary")
            button.setFixedSize(140, 140)
            set_style_property(button, "text-role", "title")
            button.clicked.connect(lambda _=False, n=count: self.countChosen.emit(n))
            self.count_buttons[count] = button
            row.addWidget(button)
        row.addStretch(1)
        counts.addLayout(row)
        self.suggestion = text_label(role="label", wrap=True, align=CENTRE)
        counts.addWidget(self.suggestion)
        counts.addStretch(1)
        self.encode_panel = card()
        encode = self._encode = QVBoxLayout(self.encode_panel)
        encode.setContentsMargins(32, 24, 32, 24)
        encode.setSpacing(16)
        self.encode_caption = text_label(role="title", wrap=True)
        encode.addStretch(1)
        encode.addWidget(self.encode_caption)
        self._rows: list[QLabel] = []
        encode.addStretch(1)
        self.icon = icon_label("contactless", "#0A6CFF", 140)
        self.body.addWidget(self.count_panel, 3)
        self.body.addWidget(self.encode_panel, 3)
        self.body.addWidget(self.icon, 1, CENTRE)
        self._outer.insertWidget(2, self.room_label)
        self.set_model(self._view)

    def set_model(self, view: KeysView, *, can_cancel: bool = False) -> None:
        before = self._view
        self._view = view
        choosing = view.count == 0 and not view.preparing
        self.count_panel.setVisible(choosing)
        self.encode_panel.setVisible(not choosing and not view.preparing)
        for count, button in self.count_buttons.items():
            button.setVisible(count <= view.most)
            set_style_property(
                button, "role", "primary" if count == view.suggested else "secondary"
            )
        while len(self._rows) > len(view.made):
            discard(self._rows.pop())
        while len(self._rows) < len(view.made):
            label = text_label(role="heading", wrap=True)
            self._encode.insertWidget(2 + len(self._rows), label)
            self._rows.append(label)
        self.set_ways_out(back=False, cancel=can_cancel and choosing)
        self.set_busy(view.preparing)
        self.retranslate_ui()
        self.fitter.later()
        if (before.encoding, before.count, before.preparing) != (
            view.encoding,
            view.count,
            view.preparing,
        ):
            self.announce.emit(self.spoken_text())

    def view(self) -> KeysView:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_encode"):
            self._counts.setSpacing(gap + 8)
            self._encode.setSpacing(gap)
            side = {16: 140, 10: 120}.get(gap, 104)
            for button in self.count_buttons.values():
                button.setFixedSize(side, side)
            self.icon.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.room_label.setText(
            self.tr("Your room: %1").replace("%1", view.room) if view.room else ""
        )
        self.room_label.setVisible(bool(view.room))
        if view.preparing:
            self.title.setText(self.tr("Getting your room"))
            self.subtitle.setText(self.tr("The hotel's system is checking you in."))
        elif view.count == 0:
            self.title.setText(self.tr("Your key cards"))
            self.subtitle.setText(self.tr("Each card opens your room."))
        elif view.encoding:
            self.title.setText(
                self.tr("Key %1 of %2")
                .replace("%1", str(view.encoding))
                .replace("%2", str(view.count))
            )
            self.subtitle.setText(self.tr("Please wait until the key card is ready."))
        else:
            self.title.setText(self.tr("Your key cards are ready"))
            self.subtitle.setText(self.tr("Please take your key cards."))
        self.question.setText(self.tr("How many key cards would you like?"))
        self.suggestion.setText(self.tr("One for each adult is usual."))
        self.encode_caption.setText(
            self.tr("Put a blank card on the encoder") if view.encoding else ""
        )
        self.encode_caption.setVisible(bool(view.encoding))
        names = {n: self.tr("%1 key cards").replace("%1", str(n)) for n in self.count_buttons}
        names[1] = self.tr("1 key card")
        for count, button in self.count_buttons.items():
            button.setAccessibleName(names[count])
        for number, (label, made) in enumerate(zip(self._rows, view.made, strict=False), 1):
            if made:
                state = self.tr("ready")
            elif number == view.encoding:
                state = self.tr("being made…")
            else:
                state = self.tr("waiting")
            mark = "✓" if made else ("…" if number == view.encoding else "○")
            label.setText(
                f"{mark}  " + self.tr("Key %1: %2").replace("%1", str(number)).replace("%2", state)
            )
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return " ".join(p for p in (self.title.text(), self.encode_caption.text()) if p)


class HotelDoneScreen(HotelScreen, DoneScreen):
    """The end of the visit on the airport's done screen (its tick, the one-tap rating,
    Finish): the room (check-in), goodbye (check-out), the new keys (key help).

    Signals:
        ratingChosen(int): 1-3, once.
        doneRequested(): Finish (the presenter also leaves on a timer).
    """

    name = "hotel_done"

    def __init__(self, parent: QWidget | None = None) -> None:
        self._hotel_view = HotelDoneView("check_in")
        super().__init__(parent)
        column = self.body.itemAt(0).layout()
        self.room_caption = text_label(role="heading", align=CENTRE)
        self.room = text_label(role="amount", align=CENTRE)
        self.room.setStyleSheet("font-size: 144px;")  # the room number, read from afar
        self.floor = text_label(role="heading", wrap=True, align=CENTRE)
        for index, widget in enumerate((self.room_caption, self.room, self.floor)):
            column.insertWidget(2 + index, widget)
        self.message = self.take
        set_style_property(self.message, "text-role", "heading")
        info = self._info = QGridLayout()
        info.setHorizontalSpacing(24)
        info.setVerticalSpacing(8)
        self.info_captions = [text_label(role="muted") for _ in range(3)]
        self.info_values = [text_label(role="heading", wrap=True) for _ in range(3)]
        for row, (caption, value) in enumerate(
            zip(self.info_captions, self.info_values, strict=True)
        ):
            info.addWidget(caption, row, 0)
            info.addWidget(value, row, 1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(info)
        centred.addStretch(1)
        column.insertLayout(column.count() - 1, centred)
        self.flight.hide()
        self.set_counted(False)
        self.retranslate_ui()

    def set_model(self, view: HotelDoneView) -> None:  # type: ignore[override]
        """Show ``view`` (the rating starts afresh)."""
        self._hotel_view = view
        super().set_model(DoneView(0, 0))
        self.fitter.later()

    def view(self) -> HotelDoneView:
        return self._hotel_view

    def tighten(self, gap: int) -> None:
        super().tighten(gap)
        if hasattr(self, "_info"):
            self._info.setVerticalSpacing(max(4, gap // 2))
            self.room.setStyleSheet(f"font-size: {({16: 144, 10: 104}).get(gap, 80)}px;")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "_info"):
            return  # the airport's frame is still being built
        view = self._hotel_view
        self.flight.setText("")
        showing_room = view.purpose == "check_in" and bool(view.room) and not view.luggage_left
        self.room_caption.setVisible(showing_room)
        self.room.setVisible(showing_room)
        self.floor.setVisible(showing_room and bool(view.floor))
        self.room_caption.setText(self.tr("Your room"))
        self.room.setText(view.room)
        self.floor.setText(self.tr("Floor %1").replace("%1", view.floor))
        if view.purpose == "check_out":
            self.title.setText(self.tr("Thank you for staying with us"))
            message = self.tr("You are checked out. Have a good journey!")
            if view.deposit_queued == "release":
                message += " " + self.tr(
                    "Deposit release queued: the hold on your card ends as soon as the card "
                    "terminal is back."
                )
            elif view.deposit_queued == "capture":
                message += " " + self.tr(
                    "Deposit capture queued: your bill is paid from the deposit held on your "
                    "card as soon as the card terminal is back."
                )
            self.message.setText(message)
        elif view.purpose == "rekey":
            self.title.setText(self.tr("Your new key cards are ready"))
            self.message.setText(
                self.tr("Please take your key cards. Your other cards still work.")
            )
        elif view.luggage_left:
            self.title.setText(self.tr("You are checked in"))
            self.message.setText(
                self.tr(
                    "Your room is not ready yet. Please leave your luggage at the front desk: "
                    "we will let you know as soon as your room is ready."
                )
            )
        else:
            self.title.setText(self.tr("Welcome! You are checked in"))
            self.message.setText(self.tr("Please take your key cards."))
        rows: list[tuple[str, str]] = []
        if view.purpose == "check_in":
            info = view.info
            if info.wifi_network:
                rows.append((self.tr("Wi-Fi"), info.wifi_network))
            if info.wifi_password:
                rows.append((self.tr("Wi-Fi password"), info.wifi_password))
            if info.breakfast:
                rows.append((self.tr("Breakfast"), info.breakfast))
        for index, (caption, value) in enumerate(
            zip(self.info_captions, self.info_values, strict=True)
        ):
            shown = index < len(rows)
            caption.setVisible(shown)
            value.setVisible(shown)
            if shown:
                caption.setText(rows[index][0])
                value.setText(rows[index][1])
        if not self._rated:
            self.question.setText(self.tr("How was it today?"))

    def spoken_text(self) -> str:
        room = self.room.text() if self.room.isVisible() else ""
        return " ".join(p for p in (self.title.text(), room, self.message.text()) if p)
