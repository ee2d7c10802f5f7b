"""The bridge: worker-thread events and background operations reach the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from kiosk.ui.bridge import Bridge


@pytest.fixture
def bridge(qapp) -> Bridge:
    made = Bridge()
    yield made
    made.wait_for_idle()


def on_ui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_events_posted_from_a_worker_arrive_on_the_ui_thread(qtbot, bridge: Bridge) -> None:
    received: list[tuple[object, bool]] = []
    bridge.changed.connect(lambda event: received.append((event, on_ui_thread())))
    worker = threading.Thread(target=lambda: [bridge.post(("scan", n)) for n in range(3)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 3)
    assert received == [(("scan", 0), True), (("scan", 1), True), (("scan", 2), True)]


def test_background_success_runs_off_then_back_on_the_ui_thread(qtbot, bridge: Bridge) -> None:
    ran_on_ui: list[bool] = []
    results: list[tuple[object, bool]] = []

    def operation() -> int:
        ran_on_ui.append(on_ui_thread())
        return 42

    bridge.run_in_background(operation, lambda value: results.append((value, on_ui_thread())))
    qtbot.waitUntil(lambda: bool(results))
    assert ran_on_ui == [False]
    assert results == [(42, True)]


def test_background_failure_reaches_the_failure_callback(qtbot, bridge: Bridge) -> None:
    failures: list[tuple[BaseException, bool]] = []

    def operation() -> None:
        raise OSError("printer gone")

    with qtbot.assertNotEmitted(bridge.changed):
        bridge.run_in_background(
            operation,
            lambda _: pytest.fail("success called"),
            lambda error: failures.append((error, on_ui_thread())),
        )
        qtbot.waitUntil(lambda: bool(failures))
    error, ui = failures[0]
    assert isinstance(error, OSError)
    assert str(error) == "printer gone"
    assert ui
