"""The attendant screens with real widgets (offscreen) over a real lane: a real SQLite
store, the real StaffRepository (cheap argon2) and a running LaneController. Everything
is driven through the buttons."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.attendant import AttendantService
from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.app.wiring import Lane
from kiosk.domain.checkout.events import Event
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.staff import LockoutPolicy, Role, Staff
from kiosk.domain.tax import TaxRules
from kiosk.store.audit import AuditLog
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.staff import PinHasher, StaffRepository
from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.presenter import AttendantPresenter
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.attendant.widgets import NEXT
from kiosk.ui.bridge import Bridge
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

PLAIN = "8410000000016"
BEER = "8410148001135"  # age 18


class NoPayments:
    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        pass

    def abort(self, basket_id: str) -> None:
        pass


@dataclass
class Screens:
    window: KioskWindow
    signin: AttendantSignInScreen
    dashboard: AttendantDashboard
    presenter: AttendantPresenter
    controller: LaneController
    service: AttendantService

    def scan(self, code: str) -> Checkout:
        """Scan ``code`` at the lane and wait until the lane has handled it."""
        seen = threading.Event()
        box: list[Checkout] = []

        def listener(checkout: Checkout, effects: list[Any]) -> None:
            box.append(checkout)
            seen.set()

        self.controller.listeners.append(listener)
        self.controller.scan(code)
        assert seen.wait(10)
        self.controller.listeners.remove(listener)
        self.presenter.lane_changed()
        return box[-1]

    def sign_in(self, qtbot: Any, staff_id: str, pin: str) -> None:
        for key in staff_id:
            self.signin.keyboard.button(key).click()
        self.signin.keyboard.button(NEXT).click()
        for key in pin:
            self.signin.keypad.button(key).click()
        self.signin.keypad.button(ENTER).click()


@pytest.fixture
def screens(qtbot: Any, tmp_path: Path) -> Iterator[Screens]:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    catalog = CatalogRepository(conn)
    catalog.upsert(sample_items())
    staff = StaffRepository(
        connect(db, migrate=False),
        PinHasher(1, 8, 1),
        LockoutPolicy(max_failures=2, first_lock=timedelta(seconds=30)),
    )
    staff.add(Staff("s-1", "Ana Attendant", Role.ATTENDANT), pin="1111")
    clock = lambda: datetime.now(UTC)  # noqa: E731
    settings = CheckoutSettings(
        "EUR",
        TaxRules.from_strings(
            {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
        ),
    )
    controller = LaneController(
        identity=LaneIdentity("store-1", "lane-1"),
        settings=settings,
        scan_rules=ScanRules.for_country("es"),
        catalog=catalog,
        journal=BasketJournal(conn),
        commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
        payments=NoPayments(),
        clock=clock,
    )
    lane = Lane(
        config=None,
        controller=controller,
        catalog_view=catalog,  # type: ignore[arg-type]
        devices={},
        payment_flow=None,
    )  # type: ignore[arg-type]
    service = AttendantService(
        lane,
        staff,
        AuditLog(conn, "store-1", "lane-1"),
        clock,
        sales_conn=connect(db, migrate=False),
    )
    window = KioskWindow(kiosk_mode=False)
    signin, dashboard = AttendantSignInScreen(), AttendantDashboard()
    window.add_screen(signin)
    window.add_screen(dashboard)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    bridge = Bridge(window)
    presenter = AttendantPresenter(service, bridge, signin, dashboard, window.show_screen)
    controller.start()
    presenter.open()
    yield Screens(window, signin, dashboard, presenter, controller, service)
    bridge.wait_for_idle()
    controller.stop()
    window.shutdown()


def showing(screens: Screens, name: str) -> bool:
    return screens.window.navigator.current_name() == name


def test_sign_in_with_the_keys_opens_the_dashboard(qtbot: Any, screens: Screens) -> None:
    assert showing(screens, "attendant_signin")
    screens.sign_in(qtbot, "s-1", "1111")
    qtbot.waitUntil(lambda: showing(screens, "attendant"))
    assert "Ana Attendant" in screens.dashboard.staff.text()
    # an attendant may not cancel a sale or close the lane: the keys say so
    assert not screens.dashboard.cancel_button.isEnabled()
    assert not screens.dashboard.lane_button.isEnabled()
    screens.dashboard.sign_out_button.click()
    qtbot.waitUntil(lambda: screens.service.current_session is None)


def test_lockout_shows_the_countdown_and_locks_the_keys(qtbot: Any, screens: Screens) -> None:
    screens.sign_in(qtbot, "s-1", "9999")
    qtbot.waitUntil(lambda: "Wrong staff ID" in screens.signin.error.text())
    for key in "9999":
        screens.signin.keypad.button(key).click()
    screens.signin.keypad.button(ENTER).click()
    qtbot.waitUntil(lambda: "Try again in" in screens.signin.error.text())
    assert "30 s" in screens.signin.error.text()
    assert not screens.signin.keypad.isEnabled()
    assert showing(screens, "attendant_signin")


def test_age_check_approved_with_id_seen(qtbot: Any, screens: Screens) -> None:
    paused = screens.scan(BEER)
    assert paused.phase is Phase.INTERVENTION
    screens.sign_in(qtbot, "s-1", "1111")
    qtbot.waitUntil(screens.dashboard.id_seen_button.isVisible)
    assert screens.dashboard.pending_title.text() == "Age check"
    screens.dashboard.id_seen_button.click()
    qtbot.waitUntil(lambda: len(screens.dashboard.basket.rows) == 1)
    assert screens.service.checkout.phase is Phase.SHOPPING
    assert not screens.dashboard.id_seen_button.isVisible()
    assert screens.dashboard.pending_title.text() == "Nothing is waiting for you."


def test_age_check_with_an_underage_date_of_birth_keeps_the_item_out(
    qtbot: Any, screens: Screens
) -> None:
    screens.scan(BEER)
    screens.sign_in(qtbot, "s-1", "1111")
    qtbot.waitUntil(screens.dashboard.dob_button.isVisible)
    screens.dashboard.dob_button.click()
    assert screens.dashboard.entry_open
    for key in "01012015":
        screens.dashboard.entry.keypad.button(key).click()
    screens.dashboard.entry.ok_button.click()
    qtbot.waitUntil(lambda: screens.service.checkout.pending is None)
    assert screens.service.checkout.basket.lines == ()


def test_void_a_line_through_its_key(qtbot: Any, screens: Screens) -> None:
    screens.scan(PLAIN)
    screens.scan(BEER)  # the age check waits: a void must not skip past it
    screens.sign_in(qtbot, "s-1", "1111")
    qtbot.waitUntil(lambda: len(screens.dashboard.basket.rows) == 1)
    screens.dashboard.basket.row(1).void_button.click()
    qtbot.waitUntil(
        lambda: (
            screens.dashboard.message.text() != "Done." and screens.dashboard.message.text() != ""
        )
    )
    assert "age_restricted" in screens.dashboard.message.text()  # refused, and says why
    screens.dashboard.deny_button.click()
    qtbot.waitUntil(lambda: screens.service.checkout.pending is None)
    screens.dashboard.basket.row(1).void_button.click()
    qtbot.waitUntil(lambda: screens.service.checkout.basket.line(1).voided)
    qtbot.waitUntil(lambda: not screens.dashboard.basket.row(1).void_button.isEnabled())
    assert screens.dashboard.basket.row(1).quantity.text() == "voided"


def test_price_override_with_a_reason_and_the_role_limit(qtbot: Any, screens: Screens) -> None:
    screens.scan(PLAIN)  # 0.95 EUR; an attendant may take off at most 10 %
    screens.sign_in(qtbot, "s-1", "1111")
    qtbot.waitUntil(lambda: len(screens.dashboard.basket.rows) == 1)
    entry = screens.dashboard.entry
    for price in ("50", "90"):
        screens.dashboard.basket.row(1).price_button.click()
        assert screens.dashboard.entry_open
        for key in price:
            entry.keypad.button(key).click()
        assert not entry.ok_button.isEnabled()  # no reason chosen yet
        entry.choice("damaged").click()
        entry.ok_button.click()
        if price == "50":
            qtbot.waitUntil(lambda: "limit of 10%" in screens.dashboard.message.text())
    qtbot.waitUntil(lambda: screens.service.checkout.basket.line(1).unit_price.minor == 90)
    assert screens.service.checkout.basket.line(1).price_override_reason == "damaged"
