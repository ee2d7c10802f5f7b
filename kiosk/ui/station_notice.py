"""What the shopper is told when the store's station answers the lane, e.g. "Ana is on
the way." when an attendant touched "I'm on my way" on their phone; and, with a
metrics file, the end of each scan's scan-to-screen time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.ui.bridge import Bridge, JourneyChanged
from kiosk.ui.widgets.toast import Toast


@dataclass(frozen=True, slots=True)
class StationNotice:
    """A command from the store's station (posted through the window's bridge)."""

    kind: str
    args: dict[str, Any] = field(default_factory=dict)


def notice_text(kind: str, args: dict[str, Any]) -> str | None:
    """The line to show for a station command ``kind``, or None when it shows nothing."""
    if kind == "on_my_way":
        name = str(args.get("staff", "")).strip()[:40]
        if name:
            return QCoreApplication.translate("StationNotice", "%1 is on the way.").replace(
                "%1", name
            )
        return QCoreApplication.translate("StationNotice", "Help is on the way.")
    return None


def attach_station_notices(window: QWidget, bridge: Bridge, metrics: Any = None) -> Toast:
    """Show station notices on ``window`` as a toast; with ``metrics``, tell it when the
    screen has taken each new journey state (the event loop's next turn, after the
    screens' own handlers and the paint they scheduled)."""
    toast = Toast(window)

    def on_message(message: object) -> None:
        if isinstance(message, StationNotice):
            text = notice_text(message.kind, message.args)
            if text:
                toast.show_text(text)
        elif isinstance(message, JourneyChanged) and metrics is not None:
            QTimer.singleShot(0, metrics.screen_updated)

    bridge.changed.connect(on_message)
    return toast
