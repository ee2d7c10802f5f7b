"""The shopper's answers to the demo's questions, by touch (``config/demo.toml`` asks
"Do you need bags?" at the start of each basket): journey tests over the demo
configuration answer it as a person would, on the widget a person sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def no_bags_thanks(qtbot: Any, presenter: Any) -> None:
    """Wait for "Do you need bags?" and touch "No bags, thanks" (failing if anything
    covers it); returns once the question has closed."""
    bags = presenter._prompts.bags
    qtbot.waitUntil(bags.isVisible)
    button = bags.none_button
    assert button.isEnabled(), "'No bags, thanks' is disabled"
    point = button.mapToGlobal(button.rect().center())
    hit = QApplication.widgetAt(point)
    assert hit is button or (hit is not None and button.isAncestorOf(hit)), f"covered by {hit!r}"
    qtbot.mouseClick(hit, Qt.MouseButton.LeftButton, pos=hit.mapFromGlobal(point))
    qtbot.waitUntil(lambda: not bags.isVisible())
