""" "I'm on my way" from the station shows on an airport lane's own screen as it does on a
self-checkout's: the real airport lane opened through the real shell
(``open_lane_window``, offscreen Qt) reports to a real station; a stranger's passport
calls an agent; Sam acknowledges on the station and the traveller reads "Sam is on the
way." over the check-in's screen. The shell shows it (kiosk.ui.station_notice): the
journey's presenter plays no part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station_fixtures import StaffClient, wait_until
from travel_lane_rig import travel_rig, wait_for

from kiosk.app.shell import open_lane_window
from kiosk.domain.airport.states import Step
from kiosk.ui.widgets.toast import Toast

WAIT_MS = 20_000


def test_on_my_way_shows_over_the_check_in_screen(qtbot: Any, tmp_path: Path) -> None:
    with travel_rig(tmp_path, start=False) as rig:
        window, presenter, _desk = open_lane_window(
            rig.lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            rig.to_documents()
            rig.airport.docreader.present("stranger")
            wait_for(rig.lane, lambda s: s.step is Step.INTERVENTION)
            wait_until(rig.station.board.open_alerts, what="the alert on the board")
            [alert] = rig.station.board.open_alerts()

            sam = StaffClient(rig.station.url, "sam")
            try:
                assert sam.http.post(f"/api/alerts/{alert.id}/ack").status_code == 200
            finally:
                sam.close()

            def shown() -> Toast | None:
                return next(
                    (
                        t
                        for t in window.findChildren(Toast)
                        if t.isVisible() and t.text() == "Sam is on the way."
                    ),
                    None,
                )

            qtbot.waitUntil(lambda: shown() is not None, timeout=WAIT_MS)
            toast = shown()
            assert toast is not None
            assert window.rect().contains(toast.geometry())
            siblings = [w for w in window.children() if hasattr(w, "isVisible") and w.isVisible()]
            assert siblings[-1] is toast  # raised over the check-in's screens
        finally:
            presenter.detach()
            rig.lane.stop()
            window.shutdown()
