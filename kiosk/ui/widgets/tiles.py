"""``ProduceTile``: one picture button of the produce/bakery grid, and the QR drawer."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import icons
from kiosk.ui.format import format_money
from kiosk.ui.viewmodels import ProduceItemView, pick_name
from kiosk.ui.widgets.common import text_label

_CENTRE = Qt.AlignmentFlag.AlignCenter


class ProduceTile(QPushButton):
    """A big square-ish button: picture, name, price (per kg or each)."""

    def __init__(self, item: ProduceItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(150, 190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 16, 12, 12)
        column.setSpacing(6)
        picture = QLabel()
        picture.setAlignment(_CENTRE)
        picture.setPixmap(item_picture(item.image, 84))
        picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._name = text_label(role="label", wrap=True, align=_CENTRE)
        self._price = text_label(role="caption", align=_CENTRE)
        for widget in (self._name, self._price):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        column.addWidget(picture, 1)
        column.addWidget(self._name)
        column.addWidget(self._price)

    def show_texts(self, language: str, per_kg: str) -> None:
        """Write name and price in ``language``; ``per_kg`` is the translated unit suffix."""
        self._name.setText(pick_name(self.item.names, language))
        price = format_money(self.item.price, language)
        self._price.setText(f"{price} {per_kg}" if self.item.per_kg else price)

    def name_text(self) -> str:
        """The name as shown."""
        return self._name.text()


def item_picture(name: str | None, px: int) -> QPixmap:
    """The item's picture (an icon name in assets/icons), or the generic produce icon."""
    try:
        return icons.pixmap(name or "produce", "#13844B", px)
    except FileNotFoundError:
        return icons.pixmap("produce", "#13844B", px)


def qr_pixmap(payload: str, px: int, dark: str = "#000000") -> QPixmap:
    """``payload`` as a QR code drawn into a white square of about ``px`` pixels."""
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    cell = max(px // len(matrix), 1)
    side = cell * len(matrix)
    image = QPixmap(QSize(side, side))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(dark))
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                painter.drawRect(QRectF(x * cell, y * cell, cell, cell))
    painter.end()
    return image
