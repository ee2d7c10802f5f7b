"""The seat map: a tap on a free seat chooses it, a tap on a taken one does nothing, an
exit-row seat asks "able and willing" first, and a drag scrolls the map (30 rows).
Every touch lands on the widget ``QApplication.widgetAt`` finds at that point."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.airport import samples
from kiosk.ui.airport.seatmap import SeatMapWidget
from kiosk.ui.airport.views import SeatKind


def touch(qtbot: Any, widget: QWidget, point: QPoint | None = None) -> None:
    """Click ``widget`` at ``point`` (its centre) after checking it is on top there."""
    local = point if point is not None else widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(local))
    assert hit is widget, f"{hit} is on top of {widget} at {local}"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=local)


def seat_centre(seat_map: SeatMapWidget, number: str, qtbot: Any) -> QPoint:
    """Scroll seat ``number`` into view; return its centre in the map's coordinates."""
    rect = seat_map.seat_rect(number)
    assert not rect.isEmpty(), number
    scroll = seat_map.parentWidget().parentWidget()  # viewport, then the scroll area
    scroll.ensureVisible(rect.center().x(), rect.center().y(), 10, rect.height())  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: seat_map.visibleRegion().contains(rect.center()))
    return rect.center()


def open_seats(airport_window: Any, size: tuple[int, int] = (1920, 1080)) -> Any:
    window, screens = airport_window(*size)
    screens.seats.set_model(samples.sample_seats())
    window.show_screen("airport_seats")
    return screens.seats


def test_a_tap_on_a_free_seat_chooses_it(qtbot: Any, airport_window: Any) -> None:
    seats = open_seats(airport_window)
    chosen: list[tuple[str, str]] = []
    seats.seatChosen.connect(lambda pid, seat: chosen.append((pid, seat)))
    assert seats.current() == "P1"
    assert seats.view().cell("20A").kind is SeatKind.AVAILABLE
    touch(qtbot, seats.map, seat_centre(seats.map, "20A", qtbot))
    assert chosen == [("P1", "20A")]
    # shown at once: ANNA (1) now in 20A, 16B free again
    assert seats.view().cell("20A").holder == "1"
    assert seats.view().cell("16B").holder == ""
    assert seats.view().holders[0].seat == "20A"


def test_a_tap_on_a_taken_seat_does_nothing(qtbot: Any, airport_window: Any) -> None:
    seats = open_seats(airport_window)
    chosen: list[tuple[str, str]] = []
    seats.seatChosen.connect(lambda pid, seat: chosen.append((pid, seat)))
    assert seats.view().cell("17D").kind is SeatKind.OCCUPIED
    touch(qtbot, seats.map, seat_centre(seats.map, "17D", qtbot))
    assert chosen == []
    assert seats.view().holders[0].seat == "16B"
    assert not seats.exit_asked()


def test_an_exit_row_seat_asks_able_and_willing_first(qtbot: Any, airport_window: Any) -> None:
    seats = open_seats(airport_window)
    chosen: list[tuple[str, str]] = []
    answers: list[bool] = []
    seats.seatChosen.connect(lambda pid, seat: chosen.append((pid, seat)))
    seats.exitAnswered.connect(answers.append)
    touch(qtbot, seats.map, seat_centre(seats.map, "12D", qtbot))
    assert seats.exit_asked()
    assert seats.exit_panel.isVisible()
    assert "12D" in seats.exit_question.text()
    assert chosen == []  # not before the answer
    touch(qtbot, seats.exit_no)
    assert answers == [False]
    assert chosen == []
    assert not seats.exit_panel.isVisible()
    touch(qtbot, seats.map, seat_centre(seats.map, "12D", qtbot))
    touch(qtbot, seats.exit_yes)
    assert answers == [False, True]
    assert chosen == [("P1", "12D")]
    assert seats.view().cell("12D").holder == "1"


def test_the_second_passenger_changes_their_own_seat(qtbot: Any, airport_window: Any) -> None:
    seats = open_seats(airport_window)
    chosen: list[tuple[str, str]] = []
    seats.seatChosen.connect(lambda pid, seat: chosen.append((pid, seat)))
    lars = seats._people[1]
    touch(qtbot, lars)
    assert seats.current() == "P2"
    touch(qtbot, seats.map, seat_centre(seats.map, "19C", qtbot))
    assert chosen == [("P2", "19C")]
    assert seats.view().cell("19C").holder == "2"
    assert seats.view().cell("16B").holder == "1"  # ANNA stays


def test_a_drag_scrolls_the_map_and_chooses_nothing(qtbot: Any, airport_window: Any) -> None:
    seats = open_seats(airport_window)
    chosen: list[str] = []
    seats.map.seatTapped.connect(chosen.append)
    bar = seats.map_area.verticalScrollBar()
    assert bar.maximum() > 0  # 30 rows do not fit
    bar.setValue(0)
    start = seats.map.seat_rect("4A").center()
    end = start - QPoint(0, 300)
    qtbot.mousePress(seats.map, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(seats.map, start - QPoint(0, 30 * step))
    qtbot.mouseRelease(seats.map, Qt.MouseButton.LeftButton, pos=end)
    assert bar.value() > 200  # the finger pulled the map up
    assert chosen == []


def test_every_kind_of_seat_is_drawn_differently_not_by_colour_alone(
    qtbot: Any, airport_window: Any
) -> None:
    """Each kind is told apart in a grey picture too (shape or label)."""
    seats = open_seats(airport_window)
    image = (
        seats.map.grab()
        .toImage()
        .convertToFormat(seats.map.grab().toImage().Format.Format_Grayscale8)
    )

    def picture(number: str) -> bytes:
        rect = seats.map.seat_rect(number)
        return bytes(image.copy(rect).constBits())  # type: ignore[arg-type]

    kinds = {"6A": "free", "5A": "taken", "2A": "legroom", "12A": "exit", "16B": "held"}
    pictures = {kind: picture(number) for number, kind in kinds.items()}
    assert len(set(pictures.values())) == len(kinds)


def test_a_tap_between_seats_or_on_the_row_numbers_does_nothing(
    qtbot: Any, airport_window: Any
) -> None:
    seats = open_seats(airport_window)
    tapped: list[str] = []
    seats.map.seatTapped.connect(tapped.append)
    seat_centre(seats.map, "6C", qtbot)  # row 6 in view
    c, d = seats.map.seat_rect("6C"), seats.map.seat_rect("6D")
    aisle = QPoint((c.right() + d.left()) // 2, c.center().y())
    row_number = QPoint(5, c.center().y())  # the gutter with the row numbers
    for point in (aisle, row_number):
        touch(qtbot, seats.map, point)
    assert tapped == []
    assert seats.map.seat_at(c.center()).number == "6C"
    assert seats.map.seat_at(d.center()).number == "6D"
