"""The bagging-area tracker: placements, alarms, skip, trust, learning; and its properties."""

from __future__ import annotations

from datetime import timedelta

import pytest
from domain_factories import T0, at
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.bagging import (
    AlarmKind,
    BaggingError,
    BaggingPolicy,
    BagTracker,
    LearnedWeight,
    WeightBook,
)

POLICY = BaggingPolicy(
    enabled=True,
    tolerance_g=20,
    tolerance_pct=5.0,
    heavy_item_g=5000,
    item_weights={"milk": 1040, "tv": 9000, "gum": 30},
    no_bag_skus=frozenset({"rug"}),
)


def opened(policy: BaggingPolicy = POLICY, bag_g: int = 0) -> BagTracker:
    return BagTracker(policy).read(bag_g).open()


def test_own_bag_at_the_start_is_tared() -> None:
    bag = BagTracker(POLICY).read(35).read(60).open()
    assert bag.baseline_g == 60
    assert bag.settled
    assert bag.expect("milk", 1, at(1)).read(60 + 1040).settled


def test_place_the_item_then_settled_and_learned() -> None:
    bag = opened().expect("milk", 1, at(1))
    assert not bag.settled
    assert bag.awaiting is not None
    bag = bag.read(1050)
    assert bag.settled
    assert bag.placed_g == 1050
    assert bag.book.get("milk") == LearnedWeight(1, 1050.0, 0.0, 1050, 1050)


def test_unexpected_item_then_taken_off_clears() -> None:
    bag = opened().read(500)
    assert bag.alarm is not None
    assert bag.alarm.kind is AlarmKind.UNEXPECTED_ITEM
    assert bag.alarm.delta_g == 500
    assert bag.read(5).alarm is None


def test_item_removed_and_put_back() -> None:
    bag = opened().expect("milk", 1, at(1)).read(1040).read(0)
    assert bag.alarm is not None
    assert bag.alarm.kind is AlarmKind.ITEM_REMOVED
    assert bag.read(1040).settled


def test_weight_mismatch_names_the_difference() -> None:
    bag = opened().expect("milk", 1, at(1)).read(400)
    assert bag.alarm is not None
    assert bag.alarm.kind is AlarmKind.WEIGHT_MISMATCH
    assert bag.alarm.detail() == "bagging_weight_mismatch: +400 g"
    assert bag.read(0).alarm is None
    assert bag.awaiting is not None


def test_tolerance_is_absolute_plus_relative() -> None:
    assert POLICY.tolerance(1000) == 20 + 50
    assert opened().expect("milk", 1, at(1)).read(1040 + 72).settled
    assert not opened().expect("milk", 1, at(1)).read(1040 + 95).settled


def test_two_scans_before_placing_add_up() -> None:
    bag = opened().expect("milk", 1, at(1)).expect("gum", 2, at(2))
    assert bag.awaiting is not None
    assert bag.awaiting.low_g == 1100
    assert bag.read(1100).settled
    assert bag.read(1100).book.get("milk") is None  # two kinds: nothing learned


def test_unknown_weight_accepts_any_placement() -> None:
    bag = opened().expect("new-thing", 1, at(1)).read(777)
    assert bag.settled
    assert bag.book.get("new-thing") is not None


def test_no_item_placed_after_the_settle_timeout() -> None:
    bag = opened().expect("milk", 1, T0)
    assert bag.timed_out(T0 + timedelta(seconds=9)).alarm is None
    late = bag.timed_out(T0 + timedelta(seconds=10))
    assert late.alarm is not None
    assert late.alarm.kind is AlarmKind.NO_ITEM_PLACED


def test_skip_bagging_only_for_heavy_or_listed_items() -> None:
    assert opened().expect("tv", 1, at(1)).skip().settled
    assert opened().expect("rug", 1, at(1)).skip().settled
    with pytest.raises(BaggingError, match="must be bagged"):
        opened().expect("milk", 1, at(1)).skip()
    with pytest.raises(BaggingError, match="nothing waits"):
        opened().skip()


def test_void_expects_the_item_out_of_the_bag() -> None:
    bag = opened().expect("milk", 1, at(1)).read(1040).expect("milk", -1, at(2))
    assert bag.awaiting is not None
    assert bag.awaiting.removal
    assert bag.read(0).settled


def test_attendant_accepts_a_mismatch_and_it_is_learned() -> None:
    bag = opened().expect("milk", 1, at(1)).read(1500)
    accepted = bag.accept()
    assert accepted.settled
    assert accepted.placed_g == 1500
    assert accepted.book.get("milk") == LearnedWeight(1, 1500.0, 0.0, 1500, 1500)


def test_attendant_refuses_then_the_shopper_fixes_it() -> None:
    bag = opened().read(300).refuse()
    assert bag.alarm is not None
    assert bag.alarm.refused
    assert bag.read(310).alarm is not None
    assert bag.read(310).alarm.refused
    assert bag.read(0).settled


def test_trust_checks_every_kth_item_and_widens_tolerance() -> None:
    policy = BaggingPolicy(
        enabled=True, item_weights={"milk": 1000}, trust_after_items=2, trust_check_every=3
    )
    bag = opened(policy)
    total = 0
    for minute in range(2):
        total += 1000
        bag = bag.expect("milk", 1, at(minute)).read(total)
    assert bag.trusted
    bag = bag.expect("milk", 1, at(5))
    assert bag.awaiting is not None
    assert not bag.awaiting.checked
    total += 400  # a lighter item passes unchecked
    bag = bag.read(total)
    assert bag.settled
    assert bag.trusted
    bag = bag.read(total + 900)  # an unexpected item still alarms and ends the trust
    assert bag.alarm is not None
    assert not bag.trusted


def test_learned_range_widens_the_catalog_weight() -> None:
    book = WeightBook()
    for grams in (980, 1000, 1020):
        book = book.learn("bread", grams)
    policy = BaggingPolicy(enabled=True, tolerance_g=0, tolerance_pct=0, learn_min_samples=3)
    bag = BagTracker(policy, book).open().expect("bread", 1, at(1))
    assert bag.awaiting is not None
    assert bag.awaiting.low_g is not None
    assert bag.awaiting.low_g <= 940
    assert bag.awaiting.high_g >= 1060
    assert WeightBook.from_dict(book.to_dict()) == book


@given(st.dictionaries(st.text(max_size=5), st.lists(st.integers(-3, 3), max_size=6) | st.text()))
def test_weight_book_from_garbage_fails_clearly(data: dict[str, object]) -> None:
    try:
        WeightBook.from_dict(data)
    except ValueError as error:
        assert "learned weight" in str(error)  # noqa: PT017


@given(st.lists(st.integers(1, 100_000), min_size=1, max_size=30))
def test_learned_mean_and_range_hold_every_sample(samples: list[int]) -> None:
    learned = LearnedWeight()
    for grams in samples:
        learned = learned.learn(grams)
    low, high = learned.range()
    assert learned.count == len(samples)
    assert low <= min(samples)
    assert high >= max(samples)
    assert abs(learned.mean - sum(samples) / len(samples)) < 1e-6 * max(samples)


SKUS = st.sampled_from(["milk", "tv", "gum", "rug", "new"])
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("scan"), SKUS, st.integers(-2, 3)),
        st.tuples(st.just("read"), st.integers(-500, 20_000)),
        st.tuples(st.just("skip")),
        st.tuples(st.just("timeout"), st.integers(0, 30)),
        st.tuples(st.just("accept")),
        st.tuples(st.just("refuse")),
    ),
    max_size=40,
)


def apply(bag: BagTracker, step: tuple[object, ...]) -> BagTracker:
    name = step[0]
    if name == "scan":
        return bag.expect(str(step[1]), int(step[2]), at(1))  # type: ignore[call-overload]
    if name == "read":
        return bag.read(int(step[1]))  # type: ignore[call-overload]
    if name == "skip":
        return bag.skip()
    if name == "timeout":
        return bag.timed_out(at(1) + timedelta(seconds=int(step[1])))  # type: ignore[call-overload]
    return bag.accept() if name == "accept" else bag.refuse()


@given(STEPS)
def test_the_tracker_raises_only_its_own_error(steps: list[tuple[object, ...]]) -> None:
    bag = opened()
    for step in steps:
        try:
            bag = apply(bag, step)
        except BaggingError:
            continue


@given(STEPS)
def test_settled_bag_weighs_what_was_accepted(steps: list[tuple[object, ...]]) -> None:
    """With no alarm open, the last reading is the baseline plus the placed weight."""
    bag = opened()
    for step in steps:
        try:
            bag = apply(bag, step)
        except BaggingError:
            continue
        if bag.alarm is None and bag.last_g is not None and step[0] == "read":
            assert abs(bag.last_g - bag.expected_total_g) <= POLICY.tolerance_g or (
                bag.awaiting is not None
            )


@given(st.lists(st.sampled_from(["milk", "gum", "new"]), max_size=25))
def test_a_clean_session_earns_trust_monotonically(skus: list[str]) -> None:
    policy = BaggingPolicy(enabled=True, item_weights={"milk": 1040, "gum": 30},
                           trust_after_items=3, trust_check_every=2)  # fmt: skip
    bag, total, trust, clean = opened(policy), 0, False, 0
    for minute, sku in enumerate(skus):
        total += {"milk": 1040, "gum": 30, "new": 500}[sku]
        bag = bag.expect(sku, 1, at(minute)).read(total)
        assert bag.settled
        assert bag.clean >= clean
        assert bag.trusted or not trust
        trust, clean = bag.trusted, bag.clean


@given(st.integers(100, 5000), st.integers(1, 5000))
def test_removing_and_putting_back_clears_the_alarm(item_g: int, taken_g: int) -> None:
    bag = opened().expect("new", 1, at(1)).read(item_g)
    assert bag.settled
    lifted = bag.read(max(item_g - max(taken_g, 25), -100))
    assert lifted.alarm is not None
    assert lifted.alarm.kind is AlarmKind.ITEM_REMOVED
    assert lifted.read(item_g).settled
