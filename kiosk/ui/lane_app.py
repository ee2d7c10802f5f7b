"""The Qt side of running a lane: the application object, its event loop, the beep.

The composition root (``kiosk.app.shell``) builds the window, the journey's
screens and the attendant screens; these are the few calls it needs that touch
``QApplication`` directly (``kiosk.app`` never imports Qt itself).
"""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def ensure_app() -> QApplication:
    """The process's QApplication (made on first use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def beep() -> None:
    """The platform bell (a lane may wire a sounder instead)."""
    QApplication.beep()


def run_event_loop(window: QWidget, *, quit_after_ms: int | None = None) -> int:
    """Run Qt's event loop until the application quits; return its exit status.

    Ctrl+C in the terminal that started the lane, and SIGTERM (``systemctl stop``),
    end the loop cleanly (the lane stops in order and marks the store's clean stop):
    a timer on ``window`` lets Python see the signal while Qt waits.
    ``quit_after_ms`` leaves the loop after that long (smoke tests).
    """
    app = ensure_app()
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    pulse = QTimer(window)
    pulse.start(200)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, app.quit)
    return int(app.exec())
