"""The console front-end in one process, on a real lane (store, payment flow, nexo terminal
simulator, attendant service): staff commands go through the attendant service, so an
unknown payment is asked about again and a device fault is cleared after a probe; the
shopper's ``cancel`` takes the same paths as the touchscreen's Cancel."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from app_fixtures import MILK

from kiosk.app.console import COMMANDS, LaneConsole, help_text
from kiosk.app.demo import DEMO_ATTENDANT, DemoRig, ensure_demo_attendant
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import DeviceFaulted
from kiosk.domain.checkout.states import Phase
from kiosk.domain.staff import Role, Staff
from kiosk.payment.journal import PaymentState
from kiosk.payment.sim.terminal import Scenario


@dataclasses.dataclass
class Console:
    lane: Lane
    rig: DemoRig
    console: LaneConsole
    lines: list[str]

    def run(self, script: str) -> int:
        return self.console.run(script.splitlines())

    def audit(self, action: str) -> list[Any]:
        return [r for r in self.lane.attendant.audit.recent(100) if r.action == action]  # type: ignore[union-attr]


@pytest.fixture
def console(rig_config: tuple[DemoRig, KioskConfig]) -> Iterator[Console]:
    rig, config = rig_config
    payment = dataclasses.replace(
        config.payment, payment_timeout_s=0.5, request_timeout_s=0.5, status_backoff_s=(0.05, 0.05)
    )
    ensure_demo_attendant(config.store.path)
    lane = build_lane(dataclasses.replace(config, payment=payment), with_sync=False)
    lines: list[str] = []
    front = LaneConsole(
        lane, lines.append, demo_staff=(DEMO_ATTENDANT.staff_id, DEMO_ATTENDANT.pin)
    )
    lane.start()
    try:
        yield Console(lane, rig, front, lines)
    finally:
        lane.stop()


def test_help_lists_every_command_the_console_knows(console: Console) -> None:
    text = help_text()
    for command, _ in COMMANDS:
        assert f"  {command} " in text
    listed = {command.split()[0] for command, _ in COMMANDS} - {"CODE"}
    assert listed == console.console.words
    assert "press Help" in text


def test_an_unknown_payment_is_asked_about_again_before_a_verdict(console: Console) -> None:
    # GIVEN a payment the terminal never answers
    assert console.run(f"{MILK}\nwait shopping 20") == 0
    basket_id = console.lane.controller.checkout.basket.basket_id
    console.rig.terminal.queue(Scenario.HANG)
    assert console.run("pay\nwait intervention 20") == 0
    # WHEN the attendant says "not paid" while the terminal still works on it
    assert console.run("deny") == 0
    # THEN the service's refusal is one line and nothing changed
    refused = [line for line in console.lines if line.startswith("  refused:")]
    assert len(refused) == 1
    assert "still working on it" in refused[0]
    assert console.lane.controller.checkout.phase is Phase.INTERVENTION
    # WHEN the terminal is switched off and on, the same verdict is taken
    console.rig.terminal.power_cycle()
    assert console.run("deny\nwait shopping 20") == 0
    journal = console.lane.payment_flow.journal.for_sale(basket_id)
    assert [r.state for r in journal] == [PaymentState.CANCELLED]
    (row,) = console.audit("resolve_payment")
    assert row.staff_id == "demo"
    assert row.details["verdict"] is False
    assert "  staff demo: payment_unknown denied" in console.lines
    # and the shopper pays again
    assert console.run("pay\nwait finished 30") == 0


def test_approve_clears_a_device_fault_through_the_attendant_service(console: Console) -> None:
    console.lane.controller.submit(lambda at: DeviceFaulted("scanner", "unplugged", at))
    assert console.run("wait intervention 20\nstaff demo 2468\napprove\nwait idle 20") == 0
    (row,) = console.audit("clear_device_fault")
    assert row.staff_id == "demo"
    assert row.details["detail"].startswith("scanner")


def test_the_shoppers_cancel_withdraws_their_requests_and_aborts_the_payment(
    console: Console,
) -> None:
    assert console.run(f"{MILK}\nwait shopping 20\ncall\nwait intervention 20") == 0
    assert console.run("cancel\nwait shopping 20\nvoid 1\nwait intervention 20") == 0
    assert console.run("cancel\nwait shopping 20") == 0
    checkout = console.lane.controller.checkout
    assert [r.resolution for r in checkout.interventions] == ["withdrawn", "withdrawn"]
    assert [line.voided for line in checkout.basket.lines] == [False]
    # Cancel on the pay screen while the terminal waits for the card
    console.rig.terminal.queue(Scenario.LATE)
    assert console.run("pay\nwait paying 20\ncancel\nwait shopping 30") == 0
    # Cancel while shopping: the basket is abandoned and stored as a cancelled sale
    assert console.run("cancel\nwait finished 30\nnext\nwait idle 20") == 0
    assert any("sale committed: 0.95 EUR (cancelled)" in line for line in console.lines)
    assert console.audit("sign_in") == []  # no staff were needed for any of it


def test_staff_commands_refuse_with_one_line(console: Console) -> None:
    console.console.staff.demo_staff = None  # a lane outside the demo: nobody signs in by itself
    console.lane.controller.submit(lambda at: DeviceFaulted("scanner", "unplugged", at))
    script = "wait intervention 20\napprove\nstaff demo 9999\nstaff a b c\nsignout\ncancel"
    assert console.run(script) == 0
    assert console.lines[-5:] == [
        "  nobody is signed in at the attendant screen: sign in with `staff BADGE` or "
        "`staff ID PIN`",
        "  sign-in failed: wrong staff id, badge or PIN",
        "  usage: staff BADGE, or staff ID PIN",
        "  nobody is signed in",
        "  the lane waits for staff (device_fault): `approve` or `deny` first",
    ]
    assert console.lane.controller.checkout.phase is Phase.INTERVENTION


def test_staff_actions_go_through_the_attendant_service(console: Console) -> None:
    console.lane.attendant.staff_repo.add(Staff("s-3", "Ana", Role.ATTENDANT), pin="3333")  # type: ignore[union-attr]
    # GIVEN an attendant: the role decides, and the refusal is one line
    assert console.run("close\nstaff s-3 3333\nclose end of shift\ntotals") == 0
    refused = [line for line in console.lines if line.startswith("  refused:")]
    assert len(refused) == 2
    assert "attendant" in refused[0]
    # WHEN a supervisor closes the lane, a scan is refused; open takes shoppers again
    script = f"""staff demo 2468
close end of shift
{MILK}
expect lane.closed 20
open
{MILK}
wait shopping 20
suspend shopper left
resume
cancel-basket shopper left
wait finished 20
next
wait idle 20
{MILK}
wait shopping 20
pay
wait finished 30
reprint
devices
totals"""
    assert console.run(script) == 0
    for line in (
        "  staff demo: lane closed",
        "  staff demo: lane open",
        "  staff demo: lane resumed",
        "  staff demo: basket cancelled (lane completing)",
        "  no devices",
    ):
        assert line in console.lines, line
    assert any(line.startswith("  staff demo: lane paused, basket ") for line in console.lines)
    assert any(" 1 sale(s), 0.95 EUR; 1 cancelled" in line for line in console.lines)
    actions = [r.action for r in reversed(console.lane.attendant.audit.recent(100))]  # type: ignore[union-attr]
    staff_actions = [a for a in actions if not a.startswith("sign_")]
    assert staff_actions == [
        "close_lane",
        "open_lane",
        "suspend_basket",
        "resume_basket",
        "cancel_basket",
        "reprint_receipt",
    ]
