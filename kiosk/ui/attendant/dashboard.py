"""``AttendantDashboard``: what a signed-in staff member sees and does at the lane.

Left: the basket with per-line keys (quantity, price, void). Right: the pending
intervention with the keys that decide its kind (age: "ID seen", a date of birth or
deny; unknown item: key in its code or set it aside; payment unknown: paid / not paid;
basket on hold: resume or cancel the sale; device fault: fault fixed; help: help given;
other requests: approve / deny), the lane actions, the device list and today's totals.
Values are asked for on an ``EntryPanel`` that takes the right column's place. The
screen only draws a ``DashboardView`` and emits signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.attendant.basket import BasketPanel
from kiosk.ui.attendant.views import PRICE_REASONS, DashboardView
from kiosk.ui.attendant.widgets import EntryPanel
from kiosk.ui.format import format_money
from kiosk.ui.i18n.device_terms import device_name, device_status_text
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import card, set_style_property, text_label, touch_button
from kiosk.ui.widgets.reflow import ReflowLayout

CANCEL_REASONS = ("shopper_left", "payment_problem", "wrong_items", "other")
#: The role grant the approving key of a decision needs (others: checked by the service).
_APPROVE_NEEDS = {
    "payment": "resolve_payment",
    "fault": "clear_device_fault",
    "hold": "resume_basket",
}


class AttendantDashboard(Screen):
    """The attendant's lane dashboard. Signals carry line numbers, values and reasons."""

    name = "attendant"
    idle_watch = False
    signOutRequested = Signal()
    voidRequested = Signal(int)
    quantityRequested = Signal(int, int)
    priceRequested = Signal(int, int, str)  # line, new unit price (minor units), reason
    approveRequested = Signal()
    denyRequested = Signal()
    idSeenRequested = Signal()
    birthDateEntered = Signal(str)  # ISO date
    itemCodeEntered = Signal(str)  # the barcode or PLU of an unknown item, to approve it
    # an item the shopper put aside (raised at, ISO): added as the code keyed in, or not
    asideCodeEntered = Signal(str, str)
    asideDismissed = Signal(str)
    pageCleared = Signal(str)  # a refused pack's page (its key): the pack was taken away
    cancelRequested = Signal(str)
    suspendRequested = Signal()
    resumeRequested = Signal()
    reprintRequested = Signal()
    laneOpenRequested = Signal(bool)
    clearFaultRequested = Signal()
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = DashboardView()
        self._asking: tuple[str, int] = ("", 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(16)
        outer.addWidget(self._header())
        # The body is the basket beside (or above) the actions; an EntryPanel takes the
        # whole body while it asks for a value, so its keypad is never squeezed.
        self._stack = QStackedWidget()
        body = QWidget()
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(16)
        self.basket = BasketPanel()
        self.basket.voidTapped.connect(self.voidRequested)
        self.basket.quantityTapped.connect(self._ask_quantity)
        self.basket.priceTapped.connect(self._ask_price)
        self._body.addWidget(self.basket, 1)
        self._right = QScrollArea()
        self._right.setWidgetResizable(True)
        self._main = self._main_column()
        self._right.setWidget(self._main)
        self._body.addWidget(self._right, 1)
        self._stack.addWidget(body)
        self.entry = EntryPanel()
        self.entry.accepted.connect(self._entered)
        self.entry.cancelled.connect(self.close_entry)
        self._stack.addWidget(self.entry)
        outer.addWidget(self._stack, 1)
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------

    def _header(self) -> QWidget:
        frame = card()
        row = QHBoxLayout(frame)
        row.setContentsMargins(20, 8, 12, 8)
        row.setSpacing(16)
        texts = QVBoxLayout()
        self.staff = text_label(role="heading", wrap=True)
        self.lane_state = text_label(role="label")
        texts.addWidget(self.staff)
        texts.addWidget(self.lane_state)
        row.addLayout(texts, 2)
        self.message = text_label(role="label", wrap=True)
        row.addWidget(self.message, 1)
        self.sign_out_button = touch_button(icon="lock", icon_px=28)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        row.addWidget(self.sign_out_button)
        return frame

    def _main_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self._pending_card())
        layout.addLayout(self._actions())
        layout.addWidget(self._info_card(), 1)
        return column

    def _pending_card(self) -> QWidget:
        pending = card()
        box = QVBoxLayout(pending)
        box.setContentsMargins(20, 16, 20, 16)
        self.pending_title = text_label(role="heading", wrap=True)
        self.pending_detail = text_label(role="muted", wrap=True)
        box.addWidget(self.pending_title)
        box.addWidget(self.pending_detail)
        # Decision keys two abreast while their captions fit, else one above the other.
        keys = ReflowLayout(max_columns=2, spacing=12)
        self.approve_button = touch_button(role="primary", icon="check", icon_colour="#FFFFFF")
        self.id_seen_button = touch_button(role="primary", icon="id", icon_colour="#FFFFFF")
        self.dob_button = touch_button(icon="keypad")
        self.deny_button = touch_button(icon="close")
        self.approve_button.clicked.connect(self._approve)
        self.id_seen_button.clicked.connect(self.idSeenRequested)
        self.dob_button.clicked.connect(self._ask_birth_date)
        self.deny_button.clicked.connect(self._deny)
        keys.add(self.approve_button, self.id_seen_button, self.dob_button)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addLayout(keys)
        column.addWidget(self.deny_button)
        box.addLayout(column)
        return pending

    def _actions(self) -> ReflowLayout:
        actions = ReflowLayout(max_columns=2, spacing=12)
        self.cancel_button = touch_button(role="danger")
        self.suspend_button = touch_button(icon="hand")
        self.resume_button = touch_button(icon="arrow-right")
        self.reprint_button = touch_button(icon="printer")
        self.lane_button = touch_button(icon="lock")
        self.fault_button = touch_button(icon="tools")
        self.cancel_button.clicked.connect(self._ask_cancel)
        self.suspend_button.clicked.connect(self.suspendRequested)
        self.resume_button.clicked.connect(self.resumeRequested)
        self.reprint_button.clicked.connect(self.reprintRequested)
        self.lane_button.clicked.connect(
            lambda: self.laneOpenRequested.emit(self._view.lane_closed)
        )
        self.fault_button.clicked.connect(self.clearFaultRequested)
        actions.add(
            self.suspend_button,
            self.resume_button,
            self.reprint_button,
            self.fault_button,
            self.lane_button,
            self.cancel_button,
        )
        return actions

    def _info_card(self) -> QWidget:
        info = card()
        grid = QGridLayout(info)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(24)
        self.devices_title = text_label(role="heading")
        self.devices = text_label(role="label", wrap=True)
        self.totals_title = text_label(role="heading")
        self.totals = text_label(role="label", wrap=True)
        self.refresh_button = touch_button(icon="search", icon_px=28)
        self.refresh_button.clicked.connect(self.refreshRequested)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.devices_title, 0, 0)
        grid.addWidget(self.totals_title, 0, 1)
        grid.addWidget(self.devices, 1, 0, top)
        grid.addWidget(self.totals, 1, 1, top)
        grid.addWidget(self.refresh_button, 2, 0, 1, 2)
        grid.setRowStretch(1, 1)
        return info

    # -- the model ---------------------------------------------------------------------

    def set_model(self, view: DashboardView) -> None:
        """Draw ``view``; keys the role does not grant are disabled."""
        self._view = view
        allowed = view.allowed
        self.basket.set_lines(view.lines, view.total, view.item_count, allowed)
        self.basket.set_coupons(view.coupons)
        pending = view.pending
        decision = pending.decision if pending is not None else ""
        age = decision == "age"
        self.approve_button.setVisible(pending is not None and not age)
        self.id_seen_button.setVisible(age)
        self.dob_button.setVisible(age)
        self.deny_button.setVisible(decision not in ("", "fault", "done", "page"))
        self.id_seen_button.setEnabled("approve_age" in allowed)
        self.dob_button.setEnabled("approve_age" in allowed)
        needs = _APPROVE_NEEDS.get(decision)
        self.approve_button.setEnabled(needs is None or needs in allowed)
        self.deny_button.setEnabled(
            ("cancel_basket" in allowed) if decision == "hold" else
            (decision != "payment" or "resolve_payment" in allowed)
        )  # fmt: skip
        busy = view.phase in ("paying", "completing")
        self.cancel_button.setEnabled("cancel_basket" in allowed and bool(view.lines))
        self.suspend_button.setEnabled(
            "suspend_basket" in allowed and not view.lane_paused and not busy
        )
        self.resume_button.setEnabled("resume_basket" in allowed and view.lane_paused)
        self.reprint_button.setEnabled("reprint_receipt" in allowed)
        lane_action = "open_lane" if view.lane_closed else "close_lane"
        self.lane_button.setEnabled(lane_action in allowed)
        self.fault_button.setEnabled("clear_device_fault" in allowed)
        self.refresh_button.setEnabled(bool({"see_device_status", "see_totals"} & allowed))
        set_style_property(self.message, "text-role", "error" if view.error else "label")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        view = self._view
        self.staff.setText(
            self.tr("Attendant: %1 (%2)")
            .replace("%1", view.staff_name)
            .replace("%2", self._role_name(view.role))
        )
        states = [self.tr("Lane closed") if view.lane_closed else self.tr("Lane open")]
        if view.lane_paused:
            states.append(self.tr("Lane paused, basket kept"))
        self.lane_state.setText(" · ".join(states))
        self.message.setText(self.tr("Done.") if view.message == "done" else view.message)
        self.sign_out_button.setText(self.tr("Sign out"))
        self._retranslate_pending()
        self.cancel_button.setText(self.tr("Cancel sale"))
        self.suspend_button.setText(self.tr("Suspend"))
        self.resume_button.setText(self.tr("Resume"))
        self.reprint_button.setText(self.tr("Reprint receipt"))
        self.lane_button.setText(
            self.tr("Open lane") if view.lane_closed else self.tr("Close lane")
        )
        self.fault_button.setText(self.tr("Clear device fault"))
        self.devices_title.setText(self.tr("Devices"))
        self.totals_title.setText(self.tr("Today"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.devices.setText(
            "\n".join(
                f"{'✓' if d.ok else '✗'} {device_name(d.name)}: {device_status_text(d.status)}"
                for d in view.devices
            )
            or "—"
        )
        self.totals.setText(self._totals_text())

    def _retranslate_pending(self) -> None:
        pending = self._view.pending
        titles = {
            "age_restricted": self.tr("Age check"),
            "unknown_barcode": self.tr("Unknown item"),
            "quantity_limit": self.tr("Quantity limit"),
            "void_request": self.tr("Remove an item"),
            "price_override": self.tr("Price change"),
            "help_requested": self.tr("Shopper asked for help"),
            "payment_failure": self.tr("Payment problem"),
            "payment_unknown": self.tr("Payment outcome unknown"),
            "device_fault": self.tr("Device fault"),
            "expired_item": self.tr("Expired item refused: take it away"),
            "recalled_item": self.tr("Recalled item refused: take it away"),
        }
        if pending is None:
            self.pending_title.setText(self.tr("Nothing is waiting for you."))
            self.pending_detail.setText("")
        else:
            title = titles.get(pending.kind, pending.kind)
            if pending.on_hold:
                title = self.tr("Basket on hold")
            if pending.aside_at is not None:
                title = self.tr("Put aside by the shopper: %1").replace(
                    "%1", str(pending.aside_count)
                )
            if pending.page_count > 1:
                title += f" ({pending.page_count})"
            self.pending_title.setText(title)
            detail = pending.detail
            if pending.on_hold:
                detail = self.tr(
                    "Nobody answered “Are you still there?”. Resume the basket for the "
                    "shopper, or cancel the sale."
                )
            if pending.is_age and pending.age_limit:
                detail = self.tr("Needs age %1 or over.").replace("%1", str(pending.age_limit))
            self.pending_detail.setText(detail)
        decision = pending.decision if pending is not None else ""
        approve, deny = {
            "item": (self.tr("Key in the item"), self.tr("Set aside")),
            "payment": (self.tr("Paid"), self.tr("Not paid")),
            "hold": (self.tr("Resume basket"), self.tr("Cancel sale")),
            "fault": (self.tr("Fault fixed"), ""),
            "done": (self.tr("Help given"), ""),
            "page": (self.tr("Taken away"), ""),
        }.get(decision, (self.tr("Approve"), self.tr("Deny")))
        if pending is not None and pending.aside_at is not None:  # already aside: keep it out
            deny = self.tr("Do not add")
        self.approve_button.setText(approve)
        self.id_seen_button.setText(self.tr("ID seen"))
        self.dob_button.setText(self.tr("Date of birth"))
        self.deny_button.setText(deny)

    def _role_name(self, role: str) -> str:
        names = {
            "attendant": self.tr("attendant"),
            "supervisor": self.tr("supervisor"),
            "manager": self.tr("manager"),
            "technician": self.tr("technician"),
        }
        return names.get(role, role)

    def _totals_text(self) -> str:
        totals = self._view.totals
        if totals is None:
            return "—"
        language = self.language
        lines = [
            self.tr("%1 sales, %2")
            .replace("%1", str(totals.count))
            .replace("%2", format_money(totals.total, language)),
            self.tr("%1 cancelled").replace("%1", str(totals.cancelled)),
        ]
        lines += [
            f"{brand}: {n} · {format_money(amount, language)}"
            for brand, n, amount in totals.by_brand
        ]
        return "\n".join(lines)

    def apply_orientation(self, portrait: bool) -> None:
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        # Portrait: the right column keeps room for its keys (stylesheet heights do not
        # reach the layout's minimum) and the basket takes the rest.
        self._right.setMinimumHeight(self._main.sizeHint().height() if portrait else 0)
        self.entry.set_wide(not portrait)
        self._body.setStretch(1, 0 if portrait else 1)

    def spoken_text(self) -> str:
        return f"{self.staff.text()}. {self.pending_title.text()}"

    # -- asking for values -------------------------------------------------------------

    @property
    def entry_open(self) -> bool:
        return self._stack.currentWidget() is self.entry

    def close_entry(self) -> None:
        self._stack.setCurrentIndex(0)

    def _open_entry(self, what: str, line_no: int, *args: object, **kwargs: object) -> None:
        self._asking = (what, line_no)
        self.entry.ask(*args, **kwargs)  # type: ignore[arg-type]
        self._stack.setCurrentWidget(self.entry)

    def _ask_quantity(self, line_no: int) -> None:
        line = next(line for line in self._view.lines if line.line_no == line_no)
        title = self.tr("New quantity for line %1").replace("%1", str(line_no))
        self._open_entry("quantity", line_no, "quantity", title, initial=str(line.quantity))

    def _ask_price(self, line_no: int) -> None:
        reasons = {
            "damaged": self.tr("Damaged"),
            "shelf_price": self.tr("Shelf price"),
            "promotion": self.tr("Promotion"),
            "manager_discount": self.tr("Manager discount"),
        }
        currency = self._view.total.currency if self._view.total else "EUR"
        title = self.tr("New unit price for line %1").replace("%1", str(line_no))
        choices = tuple((code, reasons[code]) for code in PRICE_REASONS)
        self._open_entry("price", line_no, "price", title, choices, currency)

    def _approve(self) -> None:
        pending = self._view.pending
        decision = pending.decision if pending is not None else ""
        if decision == "item":
            title = self.tr("Barcode or PLU of the item")
            self._open_entry("code", 0, "code", title)
        elif decision == "fault":
            self.clearFaultRequested.emit()
        elif decision == "page" and pending is not None and pending.page_key:
            self.pageCleared.emit(pending.page_key)
        else:
            self.approveRequested.emit()

    def _deny(self) -> None:
        pending = self._view.pending
        if pending is not None and pending.decision == "hold":
            self._ask_cancel()
        elif pending is not None and pending.aside_at is not None:
            self.asideDismissed.emit(pending.aside_at)
        else:
            self.denyRequested.emit()

    def _ask_birth_date(self) -> None:
        self._open_entry("date", 0, "date", self.tr("Date of birth (DD MM YYYY)"))

    def _ask_cancel(self) -> None:
        reasons = {
            "shopper_left": self.tr("Shopper left"),
            "payment_problem": self.tr("Payment problem"),
            "wrong_items": self.tr("Wrong items"),
            "other": self.tr("Other"),
        }
        choices = tuple((code, reasons[code]) for code in CANCEL_REASONS)
        self._open_entry(
            "cancel", 0, "reason", self.tr("Cancel this sale? Choose a reason."), choices
        )

    def _entered(self, value: str, reason: str) -> None:
        what, line_no = self._asking
        self.close_entry()
        if what == "quantity":
            self.quantityRequested.emit(line_no, int(value))
        elif what == "price":
            self.priceRequested.emit(line_no, int(value), reason)
        elif what == "date":
            self.birthDateEntered.emit(value)
        elif what == "code":
            aside_at = self._view.pending.aside_at if self._view.pending else None
            if aside_at is not None:  # the oldest item put aside
                self.asideCodeEntered.emit(aside_at, value)
            else:
                self.itemCodeEntered.emit(value)
        elif what == "cancel":
            self.cancelRequested.emit(reason)
