"""The demo's shopper flow from the console, on a real lane over the demo configuration
(store, nexo terminal simulator): ``bags`` answers "Do you need bags?" as the touchscreen
does (each bag type one line with its count), ``bags none`` adds nothing and a bad answer
is one line; the demo's sample coupons (:func:`ensure_demo_coupons`, a demo without HQ)
save on the bill: the store coupon without a serial and the GS1 DataBar one."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import pytest
from app_fixtures import MILK, wait_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.console import LaneConsole
from kiosk.app.demo import DEMO_COUPON_CODES, SAMPLE_COUPONS, DemoRig, ensure_demo_coupons
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.store.coupons import CouponRepository
from kiosk.store.db import connect

YOGURT = "8410074000219"  # Costa Verde natural yogurt 4 x 125 g, 1.19
# store:00001 (0.30 off a yogurt, serial 00000: none), and a DataBar coupon of prefix
# 8410000 family 000 (the demo's family table: the milk), 0.20 off
STORE_COUPON, DATABAR = DEMO_COUPON_CODES


@dataclasses.dataclass
class Console:
    lane: Lane
    console: LaneConsole
    lines: list[str]

    def run(self, script: str) -> int:
        return self.console.run(script.splitlines())

    def lines_of_basket(self) -> list[tuple[str, int]]:
        basket = self.lane.controller.checkout.basket
        return [(ln.item.sku, ln.quantity) for ln in basket.lines if not ln.voided]


@pytest.fixture
def console(rig_config: tuple[DemoRig, KioskConfig]) -> Iterator[Console]:
    _rig, config = rig_config
    assert config.lane.bag_prompt
    assert config.lane.bag_skus == ("BAG01", "BAG02")
    assert ensure_demo_coupons(config.store.path) == 2
    lane = build_lane(config, with_sync=False)
    lines: list[str] = []
    front = LaneConsole(lane, lines.append)
    lane.start()
    try:
        yield Console(lane, front, lines)
    finally:
        lane.stop()


def _handled(console: Console) -> list[tuple[str, int]]:
    """The basket once the lane thread has handled what the console queued (its queue is
    first in, first out: a job queued after the answer runs after it)."""
    done = threading.Event()
    console.lane.controller.call(done.set)
    assert done.wait(20)
    return console.lines_of_basket()


def _scan(console: Console, code: str, lines: int) -> None:
    """Scan ``code`` and wait until the basket has ``lines`` lines."""
    wait_for(console.lane, lambda c: len(c.basket.lines) == lines, lambda: console.run(code))


def test_bags_become_one_line_per_bag_type_with_its_count(console: Console) -> None:
    _scan(console, MILK, 1)
    assert console.run("bags 2 1") == 0
    assert _handled(console) == [("S00001", 1), ("BAG01", 2), ("BAG02", 1)]
    assert any("2 x Paper bag" in line for line in console.lines)


def test_no_bags_thanks_adds_nothing(console: Console) -> None:
    _scan(console, MILK, 1)
    assert console.run("bags none") == 0
    assert console.lines[-1] == "  no bags, thanks"
    assert console.run("bags 0 0") == 0
    assert _handled(console) == [("S00001", 1)]


@pytest.mark.parametrize("answer", ["bags", "bags 10", "bags -1", "bags 1 1 1", "bags two"])
def test_a_bad_answer_is_one_line_and_changes_nothing(console: Console, answer: str) -> None:
    _scan(console, MILK, 1)
    before = len(console.lines)
    assert console.run(answer) == 0
    assert len(console.lines) == before + 1
    assert console.lines[-1].startswith("  usage: bags none | bags N [M...]")
    assert _handled(console) == [("S00001", 1)]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(words=st.lists(st.text(st.characters(blacklist_categories=["Cs", "Zs", "Cc"]),
                              min_size=1, max_size=6), max_size=4))  # fmt: skip
def test_garbage_after_bags_never_breaks_the_console(console: Console, words: list[str]) -> None:
    before = len(console.lines)
    assert console.console.command(" ".join(["bags", *words])) is True
    _handled(console)
    assert len(console.lines) <= before + 1 + 2  # one line, or the bag lines it added


def test_the_demo_coupons_save_without_hq(console: Console) -> None:
    _scan(console, YOGURT, 1)
    assert console.run(f"{STORE_COUPON}\nexpect coupon.accepted 20") == 0, console.lines
    _scan(console, MILK, 2)
    assert console.run(f"{DATABAR}\nexpect coupon.accepted 20") == 0, console.lines
    totals = console.lane.controller.checkout.totals()
    assert totals.total.minor == 119 + 95 - 30 - 20, console.lines


def test_the_demo_coupons_are_stored_once(rig_config: tuple[DemoRig, KioskConfig]) -> None:
    _rig, config = rig_config
    assert ensure_demo_coupons(config.store.path) == 2
    assert ensure_demo_coupons(config.store.path) == 0  # a second start keeps them
    conn = connect(config.store.path)
    try:
        coupons = CouponRepository(conn).coupon_list()
        assert sorted(coupons.offers) == ["store:00001", "store:00002"]
        assert coupons.families == {("8410000", "000"): frozenset({"S00001"})}
        assert CouponRepository(conn).cursor() == 0  # HQ's copies replace them
    finally:
        conn.close()
    assert SAMPLE_COUPONS.is_file()


def test_items_waits_for_the_scanned_items_and_says_when_they_do_not_come(
    console: Console,
) -> None:
    assert console.run(f"{MILK}\n{MILK}\nitems 2 20") == 0  # merged: one "2 x" line
    assert console.lines_of_basket() == [("S00001", 2)]
    assert console.run("items 3 0.2") == 1
    assert console.lines[-1].startswith("timed out waiting for 3 items (now phase shopping")
    assert console.run("items many") == 0  # a mistyped command is one line, not a failure
    assert console.lines[-1] == "  usage: items N [SECONDS] ('many' is not a whole number)"
