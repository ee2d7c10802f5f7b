"""Journeys by touch in the real lane window, staff included.

The lane is built as ``kiosk run`` builds it (``open_lane_window`` over a wiring
``Lane`` with a real ``AttendantService``, SQLite store and staff repository), and
every touch goes through :func:`touch`: it finds the widget a person would hit at the
centre of the one they mean (``QApplication.widgetAt``), fails if anything else is on
top there, and clicks *that* widget. So a shopper alert that covered the attendant
screen (or a dim layer over a Cancel button) fails these tests, as it failed people.
Staff decisions are the attendant screen's own buttons, which call AttendantService
with the member of staff who signed in on its keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.attendant import AttendantService
from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.app.lane_extras import build_extras
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane
from kiosk.config.lane import LaneConfig, StoreConfig
from kiosk.config.schema import KioskConfig
from kiosk.domain.checkout.events import (
    DeviceFaulted,
    Event,
    PaymentApproved,
    PaymentDeclined,
    PaymentUnknown,
)
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.staff import LockoutPolicy, Role, Staff
from kiosk.domain.tax import TaxRules
from kiosk.payment.errors import PaymentInProgressError
from kiosk.payment.journal import PaymentRecord, PaymentState
from kiosk.payment.types import PaymentKind
from kiosk.store.audit import AuditLog
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.staff import PinHasher, StaffRepository
from kiosk.ui.attendant.presenter import AttendantPresenter
from kiosk.ui.attendant.widgets import NEXT
from kiosk.ui.lane_screens import LaneScreens
from kiosk.ui.presenter import LanePresenter
from kiosk.ui.screens.receipt import RECEIPT_NONE
from kiosk.ui.viewmodels import PayStage
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CLICK = Qt.MouseButton.LeftButton
MILK = "8410000000016"  # S00001, 0.95 EUR
BEER = "8410148001135"  # S00113, age 18
MILK_SKU, BEER_SKU = "S00001", "S00113"


def ean13(body: str) -> str:
    """``body`` (12 digits) with its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


UNKNOWN = ean13("841999999999")  # a good barcode the catalog does not have


class Clock:
    """The lane's and the attendant's clock; tests move it by hand."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class Flow:
    """The payment flow behind an unknown outcome, as the attendant service sees it: a
    journal of records, and ``resolve`` that asks the terminal again (refused while
    ``busy``: the terminal is still working on it)."""

    def __init__(self) -> None:
        self.records: dict[str, PaymentRecord] = {}
        self.busy = True
        self.journal = self

    def get(self, reference: str) -> PaymentRecord:
        return self.records[reference]

    def for_sale(self, sale_id: str) -> list[PaymentRecord]:
        return [r for r in self.records.values() if r.sale_id == sale_id]

    def paid_total(self, sale_id: str, currency: str) -> Money:
        approved = [r for r in self.records.values() if r.state is PaymentState.APPROVED]
        return sum((r.amount for r in approved if r.sale_id == sale_id), Money(0, currency))

    def resolve(self, reference: str, paid: bool, staff_id: str) -> PaymentRecord:
        if self.busy:
            raise PaymentInProgressError(f"the terminal is still working on {reference}")
        state = PaymentState.APPROVED if paid else PaymentState.CANCELLED
        record = replace(self.records[reference], state=state, resolved_by=staff_id)
        self.records[reference] = record
        return record


class Terminal:
    """A card terminal that answers from a script: "approve", "unknown" (the answer is
    lost; the ``flow`` journal keeps the payment as SENT), or the error condition of a
    payment that took no money ("Cancel", "Refusal", "TimedOut"...)."""

    def __init__(self, outcomes: list[str], flow: Flow) -> None:
        self.outcomes = outcomes
        self.flow = flow

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        outcome = self.outcomes.pop(0)
        reference = f"ref-{len(self.outcomes)}"
        if outcome == "approve":
            deliver(PaymentApproved(reference, amount, T0, masked_pan="************1234"))
        elif outcome == "unknown":
            self.flow.records[reference] = PaymentRecord(
                reference, basket_id, PaymentKind.PURCHASE, amount, PaymentState.SENT, "", ""
            )
            deliver(PaymentUnknown(reference, amount, T0))
        else:
            deliver(PaymentDeclined(reference, outcome, T0))

    def abort(self, basket_id: str) -> None:
        pass


@dataclass
class Rig:
    """A running lane with its window, its shopper and attendant presenters."""

    lane: Lane
    window: KioskWindow
    presenter: LanePresenter
    attendant: AttendantPresenter
    service: AttendantService
    clock: Clock
    db: Path

    @property
    def screens(self) -> LaneScreens:
        return self.presenter._s

    def screen(self) -> str | None:
        return self.window.navigator.current_name()

    def phase(self) -> Phase:
        return self.presenter.checkout().phase

    def overlay_kind(self) -> InterventionKind | None:
        shown = self.window.blocking_overlay()
        return self.screens.intervention.kind() if shown is self.screens.intervention else None


def on_top(widget: QWidget) -> QWidget:
    """The widget a touch at the centre of ``widget`` reaches; fails if it is covered."""
    assert widget.isVisible(), f"{widget!r} ({getattr(widget, 'text', str)()}) is not shown"
    point = widget.mapToGlobal(widget.rect().center())
    hit = QApplication.widgetAt(point)
    assert hit is not None, f"nothing at {point} where {widget!r} should be"
    assert hit is widget or widget.isAncestorOf(hit), (
        f"{widget!r} is covered by {hit!r} ({hit.objectName()!r}, parent "
        f"{hit.parentWidget()!r}) at {point}"
    )
    return hit


def touch(qtbot: Any, widget: QWidget, at: QPoint | None = None) -> None:
    """Touch ``widget`` (at ``at``, its centre by default) as a person would: the click
    goes to whatever is on top there, which must be ``widget`` (or a part of it)."""
    point = widget.mapToGlobal(at if at is not None else widget.rect().center())
    if at is None:
        on_top(widget)
    hit = QApplication.widgetAt(point)
    assert hit is widget or widget.isAncestorOf(hit), f"{widget!r} covered by {hit!r}"
    assert widget.isEnabled(), f"{getattr(widget, 'text', str)()!r} is disabled"
    qtbot.mouseClick(hit, CLICK, pos=hit.mapFromGlobal(point))


def sign_in(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> None:
    """Type the staff id and PIN on the sign-in screen's keys, and wait for the dashboard."""
    signin = rig.attendant.signin
    qtbot.waitUntil(lambda: rig.window.staff_showing() == signin.name)
    for key in staff_id:
        touch(qtbot, signin.keyboard.button(key))
    touch(qtbot, signin.keyboard.button(NEXT))
    for key in pin:
        touch(qtbot, signin.keypad.button(key))
    touch(qtbot, signin.keypad.button(ENTER))
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)


def call_staff(qtbot: Any, rig: Rig, staff_id: str = "s-1", pin: str = "1111") -> None:
    """The shopper's alert is on top: touch its Staff button, then sign in."""
    touch(qtbot, rig.screens.intervention.staff_button)
    sign_in(qtbot, rig, staff_id, pin)


def sign_out(qtbot: Any, rig: Rig) -> None:
    """Touch "Sign out"; wait until the session is over and the shopper's screen shows
    the lane as it is now (the last broadcast has been drawn)."""
    touch(qtbot, rig.attendant.dashboard.sign_out_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    qtbot.waitUntil(lambda: rig.service.current_session is None)
    qtbot.waitUntil(lambda: rig.presenter.checkout() is rig.lane.controller.checkout)


def scan(qtbot: Any, rig: Rig, code: str, until: Callable[[], bool]) -> None:
    rig.lane.controller.scan(code)
    qtbot.waitUntil(until)


def audit(db: Path, action: str) -> list[dict[str, Any]]:
    """The lane audit rows of ``action``, oldest first (staff id and details)."""
    log = AuditLog(connect(db, migrate=False), "store-1", "lane-1")
    rows = [r for r in reversed(log.recent(1000)) if r.action == action]
    return [{"staff_id": r.staff_id, **r.details} for r in rows]


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    made: list[Rig] = []

    def start(
        outcomes: list[str] | None = None, *, station: Any = None, **window_options: Any
    ) -> Rig:
        """A lane in its window; ``station``: a ``StationConfig`` to report to."""
        db = tmp_path / "lane.sqlite3"
        conn = connect(db)
        catalog = CatalogRepository(conn)
        catalog.upsert(sample_items())
        staff = StaffRepository(
            connect(db, migrate=False),
            PinHasher(1, 8, 1),
            LockoutPolicy(max_failures=5, first_lock=timedelta(seconds=30)),
        )
        staff.add(Staff("s-1", "Ana Attendant", Role.ATTENDANT), pin="1111")
        staff.add(Staff("s-2", "Sam Supervisor", Role.SUPERVISOR), pin="2222", badge="STF0002")
        clock = Clock()
        flow = Flow()
        rates = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
        controller = LaneController(
            identity=LaneIdentity("store-1", "lane-1"),
            settings=CheckoutSettings("EUR", TaxRules.from_strings(rates)),
            scan_rules=ScanRules.for_country("es"),
            catalog=catalog,
            journal=BasketJournal(conn),
            commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
            payments=Terminal(outcomes or [], flow),
            clock=clock,
        )
        config = KioskConfig(
            lane=LaneConfig(store_id="store-1", lane_id="lane-1"),
            store=StoreConfig(path=db),
            **({"station": station} if station is not None else {}),
        )
        lane = Lane(config, controller, catalog, {}, flow)  # type: ignore[arg-type]
        lane.attendant = AttendantService(
            lane,
            staff,
            AuditLog(connect(db, migrate=False), "store-1", "lane-1"),
            clock,
            sales_conn=connect(db, migrate=False),
        )
        # as build_lane does: a closed or paused lane refuses scans
        lane.attendant.flag_listeners.append(
            lambda flags: setattr(controller, "accepting", not (flags.closed or flags.paused))
        )
        lane.extras = build_extras(config, lane, clock)  # as build_lane does: the station
        options: dict[str, Any] = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
        options.update(window_options)
        window, presenter, attendant = open_lane_window(
            lane, show=False, idle_check_ms=50, **options
        )
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        rig = Rig(lane, window, presenter, attendant, lane.attendant, clock, db)
        made.append(rig)
        return rig

    yield start
    for rig in made:
        rig.presenter.detach()
        rig.attendant.bridge.wait_for_idle()
        rig.lane.stop()
        rig.window.shutdown()


# -- the order of layers -----------------------------------------------------------------


def test_no_shopper_alert_covers_the_attendant_screen(qtbot: Any, open_rig: Any) -> None:
    """GIVEN the red age check and the dashboard over it, WHEN every shopper alert opens
    again (the overlay, "are you still there", the line dialog, a toast, accessibility),
    THEN the dashboard's keys still take the touch."""
    rig = open_rig()
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    w = rig.window
    w.show_blocking(rig.screens.intervention)
    w.still_there.start(30)
    w.accessibility_panel.open()
    rig.screens.toast.show_text("a toast", error=True)
    rig.lane.controller.scan(MILK)  # refused while paused: an error toast and a flash
    qtbot.waitUntil(rig.screens.toast.isVisible)
    for key in (dashboard.id_seen_button, dashboard.dob_button, dashboard.deny_button,
                dashboard.sign_out_button, dashboard.suspend_button):  # fmt: skip
        on_top(key)
    touch(qtbot, dashboard.id_seen_button)
    qtbot.waitUntil(lambda: rig.service.checkout.phase is Phase.SHOPPING)
    sign_out(qtbot, rig)


# -- staff decide by touch ---------------------------------------------------------------


def test_age_check_approved_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    assert not rig.screens.intervention.withdraw_button.isVisible()  # staff's to decide
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Age check"
    touch(qtbot, dashboard.id_seen_button)
    qtbot.waitUntil(lambda: len(rig.service.checkout.basket.lines) == 1)
    assert rig.service.checkout.basket.lines[0].item.sku == BEER_SKU
    assert dashboard.pending_title.text() == "Nothing is waiting for you."
    sign_out(qtbot, rig)
    assert rig.screen() == "scanning"
    assert rig.window.blocking_overlay() is None
    on_top(rig.screens.scanning.pay_button)
    (approval,) = audit(rig.db, "approve_age")
    assert (approval["staff_id"], approval["id_seen"]) == ("s-1", True)


def test_age_check_denied_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    touch(qtbot, rig.attendant.dashboard.deny_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    assert [ln.item.sku for ln in rig.service.checkout.basket.lines] == [MILK_SKU]
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    qtbot.waitUntil(lambda: rig.screens.scanning.cart.row_count() == 1)


def type_birth_date(qtbot: Any, rig: Rig, ddmmyyyy: str) -> None:
    """Touch "Date of birth", type DDMMYYYY on the entry's keys and touch Confirm."""
    dashboard = rig.attendant.dashboard
    touch(qtbot, dashboard.dob_button)
    assert dashboard.entry_open
    for key in ddmmyyyy:
        touch(qtbot, dashboard.entry.keypad.button(key))
    touch(qtbot, dashboard.entry.ok_button)


def test_age_check_by_date_of_birth_under_age_is_refused(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    type_birth_date(qtbot, rig, "01012010")  # 16 on the lane's day (2026-11-22)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    checkout = rig.service.checkout
    assert [ln.item.sku for ln in checkout.basket.lines] == [MILK_SKU]  # no beer
    assert checkout.interventions[-1].resolution == "underage"
    qtbot.waitUntil(lambda: len(audit(rig.db, "approve_age")) == 1)  # written just after
    (approval,) = audit(rig.db, "approve_age")
    assert approval["staff_id"] == "s-1"
    assert approval["resolution"] == "underage"
    assert approval["date_of_birth_given"] is True
    assert "2010" not in str(approval)  # the date itself is not kept
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    assert rig.window.blocking_overlay() is None
    assert rig.screens.scanning.cart.row_count() == 1


def test_age_check_by_date_of_birth_of_age_adds_the_item(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    type_birth_date(qtbot, rig, "17051990")
    qtbot.waitUntil(lambda: len(rig.service.checkout.basket.lines) == 1)
    checkout = rig.service.checkout
    assert checkout.basket.lines[0].item.sku == BEER_SKU
    assert checkout.interventions[-1].resolution == "approved"
    qtbot.waitUntil(lambda: len(audit(rig.db, "approve_age")) == 1)
    (approval,) = audit(rig.db, "approve_age")
    assert (approval["staff_id"], approval["resolution"]) == ("s-1", "approved")
    sign_out(qtbot, rig)
    assert rig.window.blocking_overlay() is None
    qtbot.waitUntil(lambda: rig.screens.scanning.cart.row_count() == 1)
    on_top(rig.screens.scanning.pay_button)


def test_price_override_approved_by_touch(qtbot: Any, open_rig: Any) -> None:
    """GIVEN milk at 0.95 and the shopper's call for help about its price, WHEN the
    attendant touches the line's Price key, types 0.90, chooses "Damaged" and confirms,
    THEN the help is answered, the line costs 0.90 and the override is audited."""
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    touch(qtbot, rig.window.top_bar.help_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.HELP_REQUESTED)
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    rig.attendant.bridge.wait_for_idle()  # the dashboard's device and totals queries
    qtbot.waitUntil(
        lambda: bool(dashboard.basket.rows) and dashboard.basket.row(1).price_button.isVisible()
    )
    touch(qtbot, dashboard.basket.row(1).price_button)
    assert dashboard.entry_open
    entry = dashboard.entry
    for key in "90":
        touch(qtbot, entry.keypad.button(key))
    assert not entry.ok_button.isEnabled()  # a reason first
    touch(qtbot, entry.choice("damaged"))
    touch(qtbot, entry.ok_button)
    qtbot.waitUntil(lambda: rig.service.checkout.basket.line(1).unit_price.minor == 90)
    checkout = rig.service.checkout
    assert checkout.pending is None  # the call for help was answered first
    assert checkout.basket.line(1).price_override_reason == "damaged"
    qtbot.waitUntil(lambda: len(audit(rig.db, "price_override")) == 1)
    (override,) = audit(rig.db, "price_override")
    assert (override["staff_id"], override["old"], override["price"]) == ("s-1", 95, 90)
    sign_out(qtbot, rig)
    assert rig.window.blocking_overlay() is None
    qtbot.waitUntil(lambda: rig.presenter.checkout().totals().total.minor == 90)
    on_top(rig.screens.scanning.pay_button)


def test_unknown_item_keyed_in_by_staff(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, UNKNOWN, lambda: rig.overlay_kind() is InterventionKind.UNKNOWN_BARCODE)
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.approve_button.text() == "Key in the item"
    assert dashboard.deny_button.text() == "Set aside"
    touch(qtbot, dashboard.approve_button)
    assert dashboard.entry_open
    for key in MILK:
        touch(qtbot, dashboard.entry.keypad.button(key))
    touch(qtbot, dashboard.entry.ok_button)
    qtbot.waitUntil(lambda: len(rig.service.checkout.basket.lines) == 1)
    assert rig.service.checkout.basket.lines[0].item.sku == MILK_SKU
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screens.scanning.cart.row_count() == 1)
    assert rig.window.blocking_overlay() is None


def test_quantity_limit_approved_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    limited = "8410111000417"  # S00041, at most 5 per shopper
    for n in range(1, 6):
        scan(qtbot, rig, limited, lambda n=n: rig.presenter.checkout().totals().item_count == n)
    scan(qtbot, rig, limited, lambda: rig.overlay_kind() is InterventionKind.QUANTITY_LIMIT)
    assert not rig.screens.intervention.withdraw_button.isVisible()
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Quantity limit"
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: rig.service.checkout.totals().item_count == 6)
    sign_out(qtbot, rig)
    assert rig.window.blocking_overlay() is None
    assert rig.presenter.checkout().interventions[-1].staff_id == "s-1"


def remove_line(qtbot: Any, rig: Rig, line_no: int) -> None:
    """The shopper taps a cart line, then "Remove" in its dialog."""
    cart = rig.screens.scanning.cart
    touch(qtbot, cart.viewport(), cart.line_rect(line_no).center())
    assert rig.screens.line_dialog.is_open()
    touch(qtbot, rig.screens.line_dialog.remove_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.VOID_REQUEST)


def test_void_approved_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    remove_line(qtbot, rig, 1)
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Remove an item"
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: rig.service.checkout.basket.line(1).voided)
    sign_out(qtbot, rig)
    assert rig.presenter.checkout().totals().total.minor == 0


def test_remove_item_asked_and_withdrawn_by_the_shopper(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    remove_line(qtbot, rig, 1)
    touch(qtbot, rig.screens.intervention.withdraw_button)
    qtbot.waitUntil(lambda: rig.window.blocking_overlay() is None)
    assert rig.phase() is Phase.SHOPPING
    assert not rig.presenter.checkout().basket.line(1).voided
    assert rig.presenter.checkout().interventions[-1].resolution == "withdrawn"
    on_top(rig.screens.scanning.pay_button)


def test_help_asked_and_withdrawn_by_the_shopper(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    touch(qtbot, rig.window.top_bar.help_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.HELP_REQUESTED)
    assert rig.window.help_pending()
    assert not rig.window.help_banner.isVisible()  # never left under the dim layer
    touch(qtbot, rig.screens.intervention.withdraw_button)
    qtbot.waitUntil(lambda: rig.window.blocking_overlay() is None)
    assert not rig.window.help_pending()
    assert rig.phase() is Phase.SHOPPING
    on_top(rig.screens.scanning.pay_button)


def test_help_asked_and_given_by_staff(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    touch(qtbot, rig.window.top_bar.help_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.HELP_REQUESTED)
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert not dashboard.deny_button.isVisible()
    assert dashboard.approve_button.text() == "Help given"
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: not rig.window.help_pending())
    assert rig.screen() == "attract"
    assert not rig.window.help_banner.isVisible()


def test_basket_on_hold_after_idle_resumed_by_staff(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig(idle_timeout_ms=50, idle_countdown_s=2, countdown_tick_ms=10)
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.IDLE_SUSPENDED)
    assert not rig.screens.intervention.withdraw_button.isVisible()  # staff resume it
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Basket on hold"
    assert "Are you still there?" in dashboard.pending_detail.text()
    assert dashboard.deny_button.text() == "Cancel sale"
    assert not dashboard.deny_button.isEnabled()  # an attendant may not cancel a sale
    touch(qtbot, dashboard.approve_button)  # "Resume basket"
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    qtbot.waitUntil(lambda: rig.screens.scanning.cart.row_count() == 1)


def test_basket_on_hold_cancelled_by_a_supervisor(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig(idle_timeout_ms=50, idle_countdown_s=2, countdown_tick_ms=10)
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.IDLE_SUSPENDED)
    call_staff(qtbot, rig, "s-2", "2222")
    dashboard = rig.attendant.dashboard
    touch(qtbot, dashboard.deny_button)  # "Cancel sale": asks why
    assert dashboard.entry_open
    touch(qtbot, dashboard.entry.choice("shopper_left"))
    touch(qtbot, dashboard.entry.ok_button)
    qtbot.waitUntil(lambda: rig.service.checkout.phase in (Phase.FINISHED, Phase.IDLE))
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screen() == "attract")
    assert rig.window.blocking_overlay() is None
    (cancel,) = audit(rig.db, "cancel_basket")
    assert cancel["staff_id"] == "s-2"


# -- payments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "stage", "title"),
    [
        ("Cancel", PayStage.CANCELLED, "Payment cancelled on the card terminal"),
        ("Refusal", PayStage.DECLINED, "Payment declined"),
        ("TimedOut", PayStage.TIMED_OUT, "The card terminal did not respond in time"),
    ],
)
def test_a_failed_payment_says_why_and_the_shopper_pays_again(
    qtbot: Any, open_rig: Any, condition: str, stage: PayStage, title: str
) -> None:
    rig = open_rig([condition, "approve"])
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    touch(qtbot, rig.screens.scanning.pay_button)
    pay = rig.screens.pay
    qtbot.waitUntil(lambda: pay.stage() is stage)
    assert rig.screen() == "pay"
    assert pay.instruction_text() == title
    touch(qtbot, pay.retry_button)
    qtbot.waitUntil(lambda: rig.screen() == "receipt")
    touch(qtbot, rig.screens.receipt.buttons[RECEIPT_NONE])
    assert rig.screen() == "thanks"


def test_payment_unknown_settled_by_touch_after_the_terminal_answers(
    qtbot: Any, open_rig: Any
) -> None:
    """GIVEN a payment whose outcome was lost, WHEN a supervisor touches "Paid" while the
    terminal is still working on it, THEN the screen says so and nothing counts; once
    the terminal has finished, "Paid" completes the sale."""
    rig = open_rig(["unknown"])
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.PAYMENT_UNKNOWN)
    call_staff(qtbot, rig, "s-2", "2222")
    dashboard = rig.attendant.dashboard
    assert (dashboard.approve_button.text(), dashboard.deny_button.text()) == ("Paid", "Not paid")
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: "still working" in dashboard.message.text())
    assert rig.service.checkout.phase is Phase.INTERVENTION
    rig.lane.payment_flow.busy = False  # type: ignore[attr-defined]
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: rig.service.checkout.phase is Phase.FINISHED)
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.screen() == "receipt")
    on_top(rig.screens.receipt.buttons[RECEIPT_NONE])


def test_device_fault_cleared_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    rig.lane.controller.submit(lambda at: DeviceFaulted("scale", "offline", at))
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.DEVICE_FAULT)
    rig.lane.badge_listeners[0]("STF0002")
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)
    dashboard = rig.attendant.dashboard
    assert dashboard.approve_button.text() == "Fault fixed"
    assert not dashboard.deny_button.isVisible()
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.window.blocking_overlay() is None)
    assert rig.screen() == "scanning"
    on_top(rig.screens.scanning.pay_button)


# -- the staff session -------------------------------------------------------------------


def test_staff_session_times_out_and_the_next_alert_asks_again(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    rig.clock.now += timedelta(seconds=60)
    touch(qtbot, rig.attendant.dashboard.refresh_button)  # a touch keeps the session
    assert rig.attendant.bridge.wait_for_idle()  # its reload ran at this time too
    rig.clock.now += timedelta(seconds=90)  # 150 s since sign-in, 90 s since the touch
    qtbot.wait(200)
    assert rig.window.staff_showing() == rig.attendant.dashboard.name
    rig.clock.now += timedelta(seconds=31)  # past attendant.session_idle_s (120 s)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    qtbot.waitUntil(lambda: rig.service.current_session is None)
    assert audit(rig.db, "sign_out")[-1]["staff_id"] == "s-1"
    # The shopper's alert is on top again, and staff must sign in again.
    touch(qtbot, rig.screens.intervention.staff_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.signin.name)
    on_top(rig.attendant.signin.keyboard.button("s"))


def test_back_to_the_shopper_ends_the_session(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    sign_out(qtbot, rig)
    assert rig.overlay_kind() is InterventionKind.AGE_RESTRICTED
    touch(qtbot, rig.screens.intervention.staff_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.signin.name)
    touch(qtbot, rig.attendant.signin.close_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    on_top(rig.screens.intervention.staff_button)


# -- lane closed / paused ----------------------------------------------------------------


def test_lane_closed_and_reopened_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.lane.badge_listeners[0]("STF0002")  # a supervisor's badge at the scanner
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)
    dashboard = rig.attendant.dashboard
    assert dashboard.lane_button.text() == "Close lane"
    touch(qtbot, dashboard.lane_button)
    qtbot.waitUntil(lambda: rig.screen() == "lane_closed")
    qtbot.waitUntil(lambda: dashboard.lane_button.text() == "Open lane")
    sign_out(qtbot, rig)
    closed = rig.screens.closed
    assert closed.title_text() == "This lane is closed"
    on_top(closed.staff_button)
    rig.lane.controller.scan(MILK)  # a shopper tries anyway: refused
    qtbot.waitUntil(rig.screens.toast.isVisible)
    assert rig.presenter.checkout().basket.lines == ()
    assert rig.screen() == "lane_closed"

    touch(qtbot, closed.staff_button)
    sign_in(qtbot, rig, "s-2", "2222")
    touch(qtbot, dashboard.lane_button)  # "Open lane"
    qtbot.waitUntil(lambda: rig.screen() == "attract")
    sign_out(qtbot, rig)
    on_top(rig.screens.attract.start_button)
    assert [r["staff_id"] for r in audit(rig.db, "close_lane")] == ["s-2"]
    assert [r["staff_id"] for r in audit(rig.db, "open_lane")] == ["s-2"]


def test_lane_paused_keeps_the_basket_until_staff_resume(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    scan(qtbot, rig, MILK, lambda: rig.screens.scanning.cart.row_count() == 1)
    rig.lane.badge_listeners[0]("STF0002")
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)
    touch(qtbot, rig.attendant.dashboard.suspend_button)
    qtbot.waitUntil(lambda: rig.screen() == "lane_closed")
    assert rig.screens.closed.title_text() == "This lane is paused"
    touch(qtbot, rig.attendant.dashboard.resume_button)
    qtbot.waitUntil(lambda: rig.screen() == "scanning")
    sign_out(qtbot, rig)
    assert rig.screens.scanning.cart.row_count() == 1
    on_top(rig.screens.scanning.pay_button)
