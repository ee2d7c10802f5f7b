"""``DeskPresenter``: connects a journey's desk screen to its desk service.

Every service call that may block (a verdict: role check, audit row, the runner taking
it; the device probe) runs through ``Bridge.run_in_background``; its result or error
comes back on the UI thread and the desk is redrawn from the service's state. Reading
the open case (``service.open_case()``) is a look at the runner's latest state, cheap
enough for the UI thread. Signing in and out is the shell's ``StaffLayer``: "Sign out"
asks it to close, and a call refused because the session timed out goes back to it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject

from kiosk.attendant_api import DeskCase, DeskService, DeviceLine, VerdictRefused
from kiosk.ui.bridge import Bridge
from kiosk.ui.desk.screen import DeskScreen
from kiosk.ui.desk.views import DeskMessage, desk_view

log = logging.getLogger(__name__)


class DeskPresenter(QObject):
    """Drives the desk screen.

    Args:
        service: the journey's desk service.
        bridge: the window's bridge.
        screen: the desk screen (on the staff layer).
        staff: the shell's staff layer (``close()``, ``action_failed(error)``, signals
            ``deskShown`` and ``closed``).
    """

    def __init__(
        self, service: DeskService, bridge: Bridge, screen: DeskScreen, staff: Any
    ) -> None:
        super().__init__(screen)
        self.service, self.bridge, self.screen, self.staff = service, bridge, screen, staff
        self._devices: list[DeviceLine] | None = None
        self._message: DeskMessage | None = None
        self._busy = False
        self._case: DeskCase | None = None  # the case drawn last (a verdict is about it)
        screen.verdictRequested.connect(self.give_verdict)
        screen.signOutRequested.connect(staff.close)
        screen.refreshRequested.connect(self.reload)
        staff.deskShown.connect(self._shown)
        staff.closed.connect(self._forget)

    def refresh(self) -> None:
        """Draw the desk from the service's state (no I/O)."""
        view = desk_view(
            self.service.current_session,
            self.service.open_case(),
            self._devices,
            message=self._message,
            busy=self._busy,
        )
        self._case = view.case
        self.screen.set_model(view)

    def give_verdict(self, verdict: str) -> None:
        """The agent touched a verdict's key."""
        if self._busy:
            return
        case = self._case  # the one the agent saw when they touched
        self._busy, self._message = True, None
        self.refresh()
        self.bridge.run_in_background(
            lambda: self.service.give_verdict(verdict, case=case), self._done, self._failed
        )

    def reload(self) -> None:
        """Query the lane's devices in the background, then redraw."""
        if self.service.current_session is None:
            return

        def show(devices: list[DeviceLine]) -> None:
            self._devices = devices
            self.refresh()

        self.bridge.run_in_background(self.service.device_status, show, self._failed)

    def _shown(self) -> None:
        self._message = None
        self.refresh()
        self.reload()

    def _done(self, result: object) -> None:
        # a journey may answer with a code of what the verdict came to (the hotel's
        # deposits: the terminal answered first); the screen words it
        said = result if isinstance(result, str) else ""
        self._busy, self._message = False, DeskMessage("done", said)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if self.staff.action_failed(error):
            return
        if isinstance(error, VerdictRefused):
            self._message = DeskMessage("refused", needs=tuple(error.needs))
        else:
            log.info("desk action refused: %s", error)
            self._message = DeskMessage("error", str(error))
        self.refresh()

    def _forget(self) -> None:
        self._devices, self._message, self._busy = None, None, False
