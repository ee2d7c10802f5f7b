"""Done means (issue 12): a person checks in a two-passenger booking with one bag each,
by touch, in the real ``KioskWindow``.

The lane is built by ``build_lane`` with ``lane.mode = "airport_checkin"`` (as ``kiosk
run`` builds it) and opened through the real shell (``open_lane_window``), on real
parts: the airline's DCS simulator over HTTP on 127.0.0.1, the document reader, the
ATB / BTP printers and the scale on ptys, the card terminal simulator, a real SQLite
store (``tests/app/airport/airport_lane_rig.py``). Every touch lands on the widget
``QApplication.widgetAt`` finds on top at its centre.

GIVEN booking KX7Q2M (ERIKSSON/ANNA MARIA and ERIKSSON/LARS) WHEN the traveller types
KX7Q2M and ERIKSSON on the on-screen keyboard, keeps both passengers, presents both
passports, answers the safety questions, keeps the seats and puts one bag each on the
belt THEN two boarding passes and two bag tags are printed, the done screen says so,
and Finish brings the next traveller's welcome screen - on a landscape, a portrait and
the small screen (there also with large text and high contrast).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "airport"))
from airport_lane_rig import airport_rig

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.airport.states import Outcome, Step

WAIT_MS = 20_000


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    assert hit is widget, f"{hit!r} is on top of {widget!r} ({widget.text()!r})"  # type: ignore[attr-defined]
    assert widget.isEnabled(), widget.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


@pytest.mark.parametrize(
    ("size", "large_text_high_contrast"),
    [((1920, 1080), False), ((1080, 1920), False), ((1366, 768), False), ((1366, 768), True)],
)
def test_a_two_passenger_booking_checks_in_by_touch(
    qtbot: Any, tmp_path: Path, size: tuple[int, int], large_text_high_contrast: bool
) -> None:
    with airport_rig(tmp_path) as rig:
        lane = build_lane(rig.config, with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(*size)
            window.set_accessibility(large_text_high_contrast, large_text_high_contrast)
            window.show()
            qtbot.waitExposed(window)
            s = presenter.screens
            runner = lane.controller

            def shown(screen: QWidget, ready: bool = True) -> None:
                """Wait until ``screen`` is up (and, if ``ready``, waits for nothing)."""
                qtbot.waitUntil(
                    lambda: window.current_screen() is screen and (not ready or not screen.busy()),  # type: ignore[attr-defined]
                    timeout=WAIT_MS,
                )

            # -- welcome: type the booking reference and surname by touch
            shown(s.identify)
            touch(qtbot, s.identify.type_button)
            for key in "kx7q2m":
                touch(qtbot, s.identify.keyboard.button(key))
            assert s.identify.typed()[0] == "KX7Q2M"
            for key in "eriksson":
                touch(qtbot, s.identify.keyboard.button(key))
            assert s.identify.typed() == ("KX7Q2M", "ERIKSSON")
            touch(qtbot, s.identify.primary_button)

            # -- both passengers travel
            shown(s.passengers)
            anna, lars = (p.passenger_id for p in runner.state.passengers)
            assert s.passengers.chosen() == [anna, lars]
            touch(qtbot, s.passengers.primary_button)

            # -- each passport on the reader
            shown(s.documents)
            qtbot.waitUntil(lambda: s.documents.view().current == anna, timeout=WAIT_MS)
            assert "ANNA MARIA" in s.documents.title.text()
            rig.docreader.present("anna")
            qtbot.waitUntil(lambda: s.documents.view().current == lars, timeout=WAIT_MS)
            assert "LARS" in s.documents.title.text()
            rig.docreader.present("lars")

            # -- safety questions
            shown(s.questions)
            answers = {"dangerous_goods": s.questions.no_button, "packed_yourself": None}
            for key in runner.state.booking.safety_questions:
                qtbot.waitUntil(
                    lambda k=key: s.questions.key() == k and not s.questions.busy(),
                    timeout=WAIT_MS,
                )
                button = answers.get(key) or s.questions.yes_button
                touch(qtbot, button)

            # -- keep the seats (one flight)
            shown(s.seats)
            qtbot.waitUntil(lambda: s.seats.view() is not None, timeout=WAIT_MS)
            seats = [h.seat for h in s.seats.view().holders]
            touch(qtbot, s.seats.primary_button)

            # -- offers, if the airline has any: no, thanks
            qtbot.waitUntil(lambda: window.current_screen() in (s.offers, s.bags), timeout=WAIT_MS)
            if window.current_screen() is s.offers:
                touch(qtbot, s.offers.primary_button)

            # -- one bag each
            shown(s.bags)
            touch(qtbot, s.bags.plus[anna])
            touch(qtbot, s.bags.plus[lars])
            qtbot.waitUntil(lambda: dict(runner.state.bag_counts) == {anna: 1, lars: 1})
            touch(qtbot, s.bags.primary_button)

            shown(s.weigh)
            for number, grams in ((1, 18_400), (2, 21_300)):
                qtbot.waitUntil(lambda n=number: s.weigh.view().number == n, timeout=WAIT_MS)
                assert s.weigh.title.text() == f"Put bag {number} of 2 on the belt"
                rig.demo.scale.load_g = grams
                qtbot.waitUntil(
                    lambda n=number: len([b for b in runner.state.bags if b.weight_g]) >= n,
                    timeout=WAIT_MS,
                )
                rig.demo.scale.load_g = 0
                qtbot.waitUntil(lambda: runner.state.scale_clear, timeout=WAIT_MS)
            qtbot.waitUntil(s.weigh.primary_button.isVisible, timeout=WAIT_MS)
            assert [b.weight_g for b in runner.state.bags] == [18_400, 21_300]
            touch(qtbot, s.weigh.primary_button)

            # -- printed, done
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=60_000)
            state = runner.state
            assert state.step is Step.DONE
            assert state.outcome is Outcome.COMPLETED
            assert [p.passenger.seat_on(state.seat_segment) for p in state.travelling()] == seats
            assert len(rig.atb.documents) == 2
            assert len(rig.btp.documents) == 2
            assert "boarding passes and bag tags" in s.done.take.text()
            touch(qtbot, s.done.faces[3])
            touch(qtbot, s.done.primary_button)

            # -- the next traveller
            qtbot.waitUntil(lambda: runner.state.step is Step.WELCOME, timeout=WAIT_MS)
            shown(s.identify)
            assert s.identify.typed() == ("", "")
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
