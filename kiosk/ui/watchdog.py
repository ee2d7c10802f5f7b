"""The lane's watchdog ping, fed from the UI thread's event loop.

A frozen screen is as bad as a dead process for a shopper, so the ping that keeps
systemd from restarting the lane (``WatchdogSec=`` in ``systemd/kiosk-lane.service``)
comes from a ``QTimer`` on the UI thread: when that thread stops running its event
loop (a blocking call, a deadlock, an endless loop) the pings stop and systemd
restarts the unit. ``READY=1`` is sent once the first screen has been painted and
the event loop is taking input.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.sdnotify import Notifier


class UiWatchdog(QObject):
    """Sends READY once the event loop runs, then WATCHDOG at half the systemd period."""

    def __init__(self, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.pings = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ping)
        if notifier.watchdog_s:
            self._timer.setInterval(max(100, int(notifier.watchdog_s * 1000 / 2)))

    def start(self, status: str = "serving") -> None:
        """Call when the first screen is shown: READY goes out from the event loop's first turn."""
        QTimer.singleShot(0, lambda: self._ready(status))

    def stop(self) -> None:
        """Stop pinging and tell systemd the lane is stopping on purpose."""
        self._timer.stop()
        self.notifier.stopping()

    def _ready(self, status: str) -> None:
        self.notifier.ready(status)
        if self.notifier.watchdog_s:
            self._timer.start()

    def _ping(self) -> None:
        self.pings += 1
        self.notifier.watchdog()
