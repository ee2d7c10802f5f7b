"""Small constructors every screen uses, so all buttons and labels look alike.

Styling is by dynamic property (``role``, ``text-role``) that the theme's
stylesheet selects on; ``set_style_property`` re-polishes after a change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui import icons
from kiosk.ui.theme import TOUCH_TARGET_PX

ICON_COLOUR = "#17202A"
ON_PRIMARY = "#FFFFFF"


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the stylesheet selects on and restyle the widget."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)


def discard(widget: QWidget) -> None:
    """Take ``widget`` off screen now and delete it later (deleteLater alone leaves it
    painted until the event loop gets round to it)."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def touch_button(
    text: str = "",
    *,
    role: str | None = None,
    icon: str | None = None,
    icon_colour: str = ICON_COLOUR,
    icon_px: int = 36,
    parent: QWidget | None = None,
) -> QPushButton:
    """A big, focus-less push button with an optional icon and stylesheet ``role``."""
    button = QPushButton(text, parent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    if icon:
        button.setIcon(icons.icon(icon, icon_colour))
        button.setIconSize(icons.icon_size(icon_px))
        follow_text_colour(button, icon)
    return button


class _IconTinter(QObject):
    """Draws a button's icon in the button's own text colour after every restyle, so an
    icon is as visible as the words beside it in every theme (high contrast turns a
    secondary button black with white text: its icon turns white with it).

    Qt sends these events after the stylesheet's polish, when the palette holds the
    colour the stylesheet gave the text."""

    _EVENTS = (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.PaletteChange)

    def __init__(self, button: QAbstractButton, name: str) -> None:
        super().__init__(button)
        self._name = name
        self._colour = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS and isinstance(watched, QAbstractButton):
            colour = watched.palette().color(QPalette.ColorRole.ButtonText).name()
            if colour != self._colour:  # setIcon does not restyle: no loop
                self._colour = colour
                watched.setIcon(icons.icon(self._name, colour))
        return False


def follow_text_colour(button: QAbstractButton, icon_name: str) -> None:
    """Keep ``button``'s icon ``icon_name`` in its text colour in every theme."""
    button.setProperty("iconName", icon_name)
    if button.findChild(_IconTinter) is None:
        button.installEventFilter(_IconTinter(button, icon_name))


class _TextWidthKeeper(QObject):
    """Sets a button's minimum width to what its text and icon need after every restyle
    (the stylesheet's ``min-width`` replaces it at each polish; Qt sends these events
    after the polish, so the width set here is the one that stays)."""

    _EVENTS = (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS and isinstance(watched, QAbstractButton):
            watched.setMinimumWidth(watched.sizeHint().width())
        return False


def keep_text_whole(*buttons: QAbstractButton) -> None:
    """Never let a layout make these buttons narrower than their text and icon (in any
    language and theme): the layout gives way elsewhere, or overflows where ``kiosk
    screenshots`` reports it. Call it again after changing their texts (``retranslate_ui``)."""
    for button in buttons:
        if button.findChild(_TextWidthKeeper) is None:
            button.installEventFilter(_TextWidthKeeper(button))
        button.setMinimumWidth(button.sizeHint().width())


def text_label(
    text: str = "",
    role: str | None = None,
    *,
    wrap: bool = False,
    align: Qt.AlignmentFlag | None = None,
    parent: QWidget | None = None,
) -> QLabel:
    """A label with a stylesheet ``text-role`` (display, title, heading, label, muted...)."""
    label = QLabel(text, parent)
    if role:
        label.setProperty("text-role", role)
    label.setWordWrap(wrap)
    if align is not None:
        label.setAlignment(align)
    return label


def icon_label(name: str, colour: str, px: int, parent: QWidget | None = None) -> QLabel:
    """A label showing icon ``name`` at ``px`` pixels."""
    label = QLabel(parent)
    label.setPixmap(icons.pixmap(name, colour, px))
    label.setFixedSize(px, px)
    return label


def card(parent: QWidget | None = None) -> QFrame:
    """A white rounded panel (stylesheet property ``card``)."""
    frame = QFrame(parent)
    frame.setProperty("card", True)
    return frame
