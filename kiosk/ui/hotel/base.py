"""``HotelScreen``: the frame every hotel step shares (the airport check-in's frame).

The header, body and footer (Back, Cancel, the main action), the "One moment…" of a
call in flight and the tightening on small screens are ``AirportScreen``'s; a hotel
screen numbers its check-in steps itself ("Step 3 of 6"; none at check-out or key
help: ``set_counted``); an on-screen keyboard keeps its height in portrait.
``STEPS`` lists the check-in's steps in order.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen

__all__ = ["CENTRE", "STEPS", "HotelScreen", "TypingScreen"]

#: The check-in's steps as the header counts them: screen name -> step number.
STEPS = {
    "hotel_find": 1,
    "hotel_pick_stay": 1,
    "hotel_stay": 2,
    "hotel_guests": 3,
    "hotel_details": 3,
    "hotel_registration": 4,
    "hotel_payment": 5,
    "hotel_keys": 6,
}
STEP_COUNT = 6


class HotelScreen(AirportScreen):
    """One step of the hotel journey (signals as ``AirportScreen``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._counted = True
        self._keys_stretch: int | None = None
        super().__init__(parent)

    def set_counted(self, counted: bool) -> None:
        """Show "Step n of 6" (check-in) or not (check-out, key help)."""
        if counted != self._counted:
            self._counted = counted
            self.retranslate_ui()

    def apply_orientation(self, portrait: bool) -> None:
        """The body's panels side by side (landscape) or stacked (portrait); stacked, an
        on-screen keyboard (``self.keyboard``) keeps its own height and the panel above
        it takes the rest."""
        super().apply_orientation(portrait)
        keyboard = getattr(self, "keyboard", None)
        index = self.body.indexOf(keyboard) if keyboard is not None else -1
        if index >= 0:
            if self._keys_stretch is None:
                self._keys_stretch = self.body.stretch(index)
            self.body.setStretch(index, 0 if portrait else self._keys_stretch)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        number = STEPS.get(self.name) if self._counted else None
        self.step_label.setText(
            self.tr("Step %1 of %2").replace("%1", str(number)).replace("%2", str(STEP_COUNT))
            if number is not None
            else ""
        )


class TypingScreen(HotelScreen):
    """A hotel screen with an on-screen keyboard (``self.keyboard``): its main action is
    enabled once ``ready()`` (what was typed is enough) and nothing is awaited; busy,
    the keys grey out; on a short screen the keys get lower and the subtitle gives way.
    """

    #: key height (px) at the frame's gap (16: roomy, 10: tight; else the tightest, 56)
    KEY_HEIGHTS: ClassVar[dict[int, int]] = {16: 72, 10: 64}

    def ready(self) -> bool:
        """Whether what was typed is enough for the main action."""
        return True

    def show_ready(self) -> None:
        self.primary_button.setEnabled(self.ready() and not self.busy())
        self.fitter.later()

    def busy_changed(self, busy: bool) -> None:
        keyboard = getattr(self, "keyboard", None)
        if keyboard is not None:
            keyboard.setEnabled(not busy)
        self.show_ready()

    def tighten(self, gap: int) -> None:
        keyboard = getattr(self, "keyboard", None)
        if keyboard is not None:
            keyboard.set_key_height(self.KEY_HEIGHTS.get(gap, 56))
            keyboard.set_spacing(10 if gap > 6 else 6)
            self.subtitle.setVisible(gap > 6)  # the keys need the room more
