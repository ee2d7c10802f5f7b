"""The attendant service over a real lane: real SQLite store, real StaffRepository (cheap
argon2), a running LaneController. Sign-in, lockout, role limits, and for each action the
domain effect plus the lane audit row."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.app.attendant import AttendantError, AttendantService, NotSignedIn, SignInFailed
from kiosk.app.lane import LaneController, LaneIdentity
from kiosk.app.wiring import Lane
from kiosk.config.attendant import AttendantConfig
from kiosk.config.lane import LaneConfig
from kiosk.config.schema import KioskConfig
from kiosk.devices.base import Device
from kiosk.devices.status import DeviceStatus, Health
from kiosk.domain.checkout.events import (
    DeviceFaulted,
    Event,
    HelpRequested,
    PaymentApproved,
    PayRequested,
)
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import CheckoutSettings, Phase
from kiosk.domain.gs1.scan import ScanRules
from kiosk.domain.money import Money
from kiosk.domain.staff import LockoutPolicy, Role, SignInOutcome, Staff
from kiosk.domain.tax import TaxRules
from kiosk.store.audit import AuditLog
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.staff import PinHasher, StaffRepository

PLAIN = "8410000000016"  # S00001, 0.95 EUR
BEER = "8410148001135"  # S00113, age 18


class Clock:
    """A lane clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class ApprovingPayments:
    """The payment port: every charge is approved at once (the real flow has its own tests)."""

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        deliver(
            PaymentApproved(
                f"ref-{basket_id[:8]}",
                amount,
                datetime.now(UTC),
                brand="VISA",
                masked_pan="************1234",
            )
        )

    def abort(self, basket_id: str) -> None:
        pass


class ReadyPrinter(Device):
    """A printer whose probe answers ready with paper running low (a real Device)."""

    def check(self) -> DeviceStatus:
        return DeviceStatus(Health.READY, frozenset({"paper_low"}))


@dataclass
class PrintedReceipts:
    """The receipt port, recording what it was asked to print."""

    printed: list[str] = field(default_factory=list)

    def print_sale(self, sale: Any, document: dict[str, Any]) -> None:
        self.printed.append(document["transaction_id"])


@dataclass
class Rig:
    service: AttendantService
    controller: LaneController
    clock: Clock
    conn: sqlite3.Connection
    receipts: PrintedReceipts

    def until(self, action: Callable[[], None], done: Callable[[Checkout], bool]) -> Checkout:
        seen = threading.Event()
        box: list[Checkout] = []

        def listener(checkout: Checkout, effects: list[Any]) -> None:
            if done(checkout) and not seen.is_set():
                box.append(checkout)
                seen.set()

        self.controller.listeners.append(listener)
        action()
        assert seen.wait(10), "the lane never reached the expected state"
        self.controller.listeners.remove(listener)
        return box[0]

    def scan(self, code: str, lines: int) -> Checkout:
        return self.until(
            lambda: self.controller.scan(code),
            lambda c: len(c.basket.lines) == lines or c.pending is not None,
        )

    def audit(self, action: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT staff_id, lane_id, reason, details FROM lane_audit "
            "WHERE action = ? ORDER BY id",
            (action,),
        ).fetchall()
        return [
            {"staff_id": r[0], "lane_id": r[1], "reason": r[2], "details": json.loads(r[3])}
            for r in rows
        ]


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    catalog = CatalogRepository(conn)
    catalog.upsert(sample_items())
    staff = StaffRepository(
        connect(db, migrate=False),
        PinHasher(1, 8, 1),
        LockoutPolicy(max_failures=3, first_lock=timedelta(seconds=30)),
    )
    staff.add(Staff("s-1", "Ana Attendant", Role.ATTENDANT), pin="1111", badge="BADGE-0001")
    staff.add(Staff("s-2", "Sam Supervisor", Role.SUPERVISOR), pin="2222")
    staff.add(Staff("s-3", "Max Manager", Role.MANAGER), pin="3333")
    clock = Clock()
    settings = CheckoutSettings(
        "EUR",
        TaxRules.from_strings(
            {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
        ),
    )
    receipts = PrintedReceipts()
    controller = LaneController(
        identity=LaneIdentity("store-1", "lane-1"),
        settings=settings,
        scan_rules=ScanRules.for_country("es"),
        catalog=catalog,
        journal=BasketJournal(conn),
        commit_sale=lambda doc, basket_id: complete_sale(conn, doc, basket_id=basket_id),
        payments=ApprovingPayments(),
        receipts=receipts,
        clock=clock,
    )  # type: ignore[arg-type]
    lane = Lane(
        config=None,
        controller=controller,
        catalog_view=catalog,  # type: ignore[arg-type]
        devices={"scanner": Device("scanner"), "printer": ReadyPrinter("printer")},
        payment_flow=None,  # type: ignore[arg-type]
    )
    service = AttendantService(
        lane,
        staff,
        AuditLog(conn, "store-1", "lane-1"),
        clock,
        sales_conn=connect(db, migrate=False),
    )
    controller.start()
    yield Rig(service, controller, clock, conn, receipts)
    controller.stop()


# -- sign-in ------------------------------------------------------------------------------


def test_pin_and_badge_sign_in_and_out_are_audited(rig: Rig) -> None:
    session = rig.service.sign_in_pin("s-2", "2222")
    assert (session.staff.staff_id, session.role, session.method) == ("s-2", Role.SUPERVISOR, "pin")
    rig.service.sign_out()
    assert rig.service.session is None
    assert rig.service.sign_in_badge("BADGE-0001").staff.staff_id == "s-1"
    assert [r["details"]["method"] for r in rig.audit("sign_in")] == ["pin", "badge"]
    assert rig.audit("sign_out")[0]["staff_id"] == "s-2"


def test_wrong_pin_then_lockout_reports_time_left(rig: Rig) -> None:
    for _ in range(2):
        with pytest.raises(SignInFailed) as wrong:
            rig.service.sign_in_pin("s-1", "9999")
        assert wrong.value.outcome is SignInOutcome.WRONG
    with pytest.raises(SignInFailed) as locked:
        rig.service.sign_in_pin("s-1", "9999")
    assert locked.value.outcome is SignInOutcome.LOCKED
    assert locked.value.locked_seconds == 30
    rig.clock.now += timedelta(seconds=10)
    with pytest.raises(SignInFailed) as still:  # the right PIN is not even checked
        rig.service.sign_in_pin("s-1", "1111")
    assert still.value.locked_seconds == 20
    rig.clock.now += timedelta(seconds=21)
    assert rig.service.sign_in_pin("s-1", "1111").staff.staff_id == "s-1"
    failed = rig.audit("sign_in_failed")
    assert [r["details"]["outcome"] for r in failed] == ["wrong", "wrong", "locked", "locked"]
    assert all("1111" not in json.dumps(r) and "9999" not in json.dumps(r) for r in failed)


def test_session_ends_after_inactivity(rig: Rig) -> None:
    rig.service.sign_in_pin("s-1", "1111")
    rig.clock.now += timedelta(minutes=3)
    with pytest.raises(NotSignedIn):
        rig.service.device_status()
    assert rig.audit("sign_out")[0]["reason"] == "inactivity"


def test_a_touch_on_the_attendant_screen_keeps_the_session(rig: Rig) -> None:
    rig.service.sign_in_pin("s-1", "1111")
    rig.clock.now += timedelta(seconds=100)
    rig.service.touched()
    rig.clock.now += timedelta(seconds=100)  # 200 s since the sign-in, 100 s since the touch
    assert not rig.service.expire_idle()
    rig.clock.now += timedelta(seconds=21)
    assert rig.service.expire_idle()
    assert rig.service.current_session is None


def test_the_idle_limit_comes_from_the_config(rig: Rig) -> None:
    lane = SimpleNamespace(
        controller=rig.controller,
        config=KioskConfig(
            lane=LaneConfig(store_id="store-1", lane_id="lane-1"),
            attendant=AttendantConfig(session_idle_s=30),
        ),
    )
    service = AttendantService(lane, rig.service.staff_repo, rig.service.audit, rig.clock)
    assert service.idle_timeout == timedelta(seconds=30)
    service.sign_in_pin("s-1", "1111")
    rig.clock.now += timedelta(seconds=31)
    assert service.expire_idle()
    assert rig.service.idle_timeout == timedelta(minutes=2)  # no config: the default


# -- role limits --------------------------------------------------------------------------


def test_attendant_may_not_cancel_or_see_totals(rig: Rig) -> None:
    rig.scan(PLAIN, 1)
    rig.service.sign_in_pin("s-1", "1111")
    with pytest.raises(AttendantError, match="role attendant may not cancel_basket"):
        rig.service.cancel_transaction("shopper left")
    with pytest.raises(AttendantError, match="role attendant may not see_totals"):
        rig.service.todays_totals()
    assert rig.service.checkout.phase is Phase.SHOPPING


def test_price_override_above_the_role_limit_is_refused(rig: Rig) -> None:
    rig.scan(PLAIN, 1)  # 0.95: an attendant may take off at most 10 %
    rig.service.sign_in_pin("s-1", "1111")
    with pytest.raises(AttendantError, match="exceeds the role's limit of 10%"):
        rig.service.override_price(1, 50, "damaged")
    assert rig.service.checkout.basket.line(1).unit_price.minor == 95
    after = rig.service.override_price(1, 90, "damaged")
    assert after.basket.line(1).unit_price.minor == 90
    assert after.basket.line(1).price_override_reason == "damaged"
    (row,) = rig.audit("price_override")
    assert (row["staff_id"], row["lane_id"], row["reason"]) == ("s-1", "lane-1", "damaged")
    assert row["details"]["old"] == 95
    assert row["details"]["price"] == 90


def test_not_signed_in_refuses_everything(rig: Rig) -> None:
    with pytest.raises(NotSignedIn):
        rig.service.void_line(1)


# -- actions ------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["id_seen", "date_of_birth"])
def test_age_check_approved_adds_the_item(rig: Rig, how: str) -> None:
    paused = rig.scan(BEER, 1)
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.AGE_RESTRICTED
    rig.service.sign_in_badge("BADGE-0001")
    if how == "id_seen":
        after = rig.service.approve_age(id_seen=True)
    else:
        after = rig.service.approve_age(date(1990, 5, 1))
    assert after.phase is Phase.SHOPPING
    assert after.basket.line(1).item.sku == "S00113"
    (row,) = rig.audit("approve_age")
    assert row["details"]["resolution"] == "approved"
    assert row["staff_id"] == "s-1"


def test_underage_date_of_birth_keeps_the_item_out(rig: Rig) -> None:
    rig.scan(BEER, 1)
    rig.service.sign_in_pin("s-1", "1111")
    after = rig.service.approve_age(date(2012, 1, 1))
    assert after.basket.lines == ()
    assert rig.audit("approve_age")[0]["details"]["resolution"] == "underage"


def test_void_and_quantity_change_reach_the_basket_and_the_audit(rig: Rig) -> None:
    rig.scan(PLAIN, 1)
    rig.scan(BEER, 1)
    rig.service.sign_in_pin("s-1", "1111")
    rig.service.approve_age(id_seen=True)
    rig.service.set_quantity(1, 3)
    after = rig.service.set_quantity(1, 2, "shopper changed mind")
    assert after.basket.line(1).quantity == 2
    after = rig.service.void_line(2, "wrong item")
    assert after.basket.line(2).voided
    assert after.phase is Phase.SHOPPING
    assert [r["details"]["quantity"] for r in rig.audit("set_quantity")] == [3, 2]
    assert rig.audit("void_line")[0]["reason"] == "wrong item"
    assert [a.action for a in after.audit] == ["set_quantity", "void_line"]


def test_void_answers_a_pending_help_call(rig: Rig) -> None:
    rig.scan(PLAIN, 1)
    rig.until(lambda: rig.controller.submit(HelpRequested), lambda c: c.pending is not None)
    rig.service.sign_in_pin("s-1", "1111")
    assert rig.service.void_line(1).basket.line(1).voided


def test_cancel_stores_a_cancelled_sale(rig: Rig) -> None:
    basket_id = rig.scan(PLAIN, 1).basket.basket_id
    rig.service.sign_in_pin("s-2", "2222")
    rig.service.cancel_transaction("shopper left")
    status = rig.conn.execute(
        "SELECT status FROM sale WHERE transaction_id = ?", (basket_id,)
    ).fetchone()
    assert status[0] == "cancelled"
    assert rig.audit("cancel_basket")[0]["details"]["basket_id"] == basket_id


def test_suspend_and_resume_keep_the_basket_and_survive_a_restart(rig: Rig) -> None:
    basket_id = rig.scan(PLAIN, 1).basket.basket_id
    rig.service.sign_in_pin("s-1", "1111")
    seen: list[bool] = []
    rig.service.flag_listeners.append(lambda flags: seen.append(flags.paused))
    assert rig.service.suspend("shopper went to fetch wallet").paused
    again = AttendantService(rig.service.lane, rig.service.staff_repo, rig.service.audit, rig.clock)
    assert again.flags.paused
    assert again.flags.paused_basket == basket_id
    assert not rig.service.resume().paused
    assert seen == [True, False]
    assert rig.service.checkout.basket.basket_id == basket_id


def test_close_and_open_lane_need_a_supervisor(rig: Rig) -> None:
    rig.service.sign_in_pin("s-1", "1111")
    with pytest.raises(AttendantError, match="close_lane"):
        rig.service.set_lane_open(False)
    rig.service.sign_in_pin("s-2", "2222")
    assert rig.service.set_lane_open(False, "cleaning").closed
    assert AttendantService(
        rig.service.lane, rig.service.staff_repo, rig.service.audit, rig.clock
    ).flags.closed
    assert not rig.service.set_lane_open(True).closed
    assert rig.audit("close_lane")[0]["reason"] == "cleaning"


def test_reprint_totals_device_status_and_fault(rig: Rig) -> None:
    rig.scan(PLAIN, 1)
    rig.until(lambda: rig.controller.submit(PayRequested), lambda c: c.phase is Phase.FINISHED)
    rig.service.sign_in_pin("s-3", "3333")
    transaction_id = rig.service.reprint_last_receipt()
    assert rig.receipts.printed == [transaction_id]
    totals = rig.service.todays_totals()
    assert (totals.count, totals.total, totals.by_brand) == (1, 95, (("VISA", 1, 95),))
    status = {d.name: d for d in rig.service.device_status()}
    assert not status["scanner"].usable
    assert status["scanner"].status.health is Health.OFFLINE  # typed, never re-parsed
    assert status["printer"].usable
    assert status["printer"].status == DeviceStatus(Health.READY, frozenset({"paper_low"}))
    rig.controller.reset()
    fault = lambda at: DeviceFaulted("scanner", "offline", at)  # noqa: E731
    rig.until(lambda: rig.controller.submit(fault), lambda c: c.pending is not None)
    assert rig.service.clear_device_fault().pending is None
    assert rig.audit("clear_device_fault")[0]["details"]["detail"] == "scanner: offline"
    assert rig.audit("reprint_receipt")[0]["details"]["transaction_id"] == transaction_id


def test_unknown_barcode_is_approved_with_the_code_keyed_in(rig: Rig) -> None:
    paused = rig.scan("8410000000993", 1)  # a valid EAN-13 the catalog does not know
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.UNKNOWN_BARCODE
    rig.service.sign_in_pin("s-1", "1111")
    with pytest.raises(AttendantError, match="no catalog item"):
        rig.service.resolve_pending(True, item_code="999")
    after = rig.service.resolve_pending(True, item_code=PLAIN)
    assert after.basket.line(1).item.sku == "S00001"
    assert rig.audit("set_quantity")[0]["details"]["kind"] == "unknown_barcode"


def test_the_lane_suspends_itself_and_staff_resume(rig: Rig) -> None:
    basket_id = rig.scan(PLAIN, 1).basket.basket_id
    assert rig.service.suspend_by_lane("idle_suspended").paused
    (row,) = rig.audit("suspend_basket")
    assert row["staff_id"] is None
    assert row["details"]["basket_id"] == basket_id
    with pytest.raises(NotSignedIn):
        rig.service.resume()
    rig.service.sign_in_pin("s-1", "1111")
    assert not rig.service.resume().paused
    assert rig.audit("resume_basket")[0]["staff_id"] == "s-1"
