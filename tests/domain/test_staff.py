"""Staff roles, permissions, price-override limits, input checks and the lockout rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.money import Money
from kiosk.domain.staff import (
    ROLE_GRANTS,
    Action,
    LockoutPolicy,
    LockoutState,
    PermissionRefused,
    PriceOverrideLimit,
    Role,
    Staff,
    StaffError,
    check_badge_code,
    check_name,
    check_pin,
    check_staff_id,
    may,
    may_override_price,
    permissions,
    require,
    require_price_override,
)

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
A = Action
ALLOWED = {
    Role.ATTENDANT: {
        A.APPROVE_AGE, A.VOID_LINE, A.SET_QUANTITY, A.PRICE_OVERRIDE,
        A.SUSPEND_BASKET, A.RESUME_BASKET, A.REPRINT_RECEIPT,
        A.CLEAR_DEVICE_FAULT, A.SEE_DEVICE_STATUS,
    },
    Role.SUPERVISOR: {
        A.APPROVE_AGE, A.VOID_LINE, A.SET_QUANTITY, A.PRICE_OVERRIDE,
        A.SUSPEND_BASKET, A.RESUME_BASKET, A.REPRINT_RECEIPT,
        A.CLEAR_DEVICE_FAULT, A.SEE_DEVICE_STATUS, A.CANCEL_BASKET,
        A.RESOLVE_PAYMENT, A.OPEN_LANE, A.CLOSE_LANE, A.SEE_TOTALS,
    },
    Role.MANAGER: set(Action),
    Role.TECHNICIAN: {A.OPEN_LANE, A.CLOSE_LANE, A.CLEAR_DEVICE_FAULT, A.SEE_DEVICE_STATUS},
}  # fmt: skip


def person(role: Role, disabled: bool = False) -> Staff:
    return Staff("s-17", "Ana Ruiz", role, disabled)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_role_table(role: Role, action: Action) -> None:
    staff = person(role)
    expected = action in ALLOWED[role]
    assert may(staff, action) is expected
    assert (action in permissions(role)) is expected
    if expected:
        require(staff, action)
    else:
        with pytest.raises(PermissionRefused) as refused:
            require(staff, action)
        assert role.value in str(refused.value)
        assert action.value in str(refused.value)
        assert "s-17" in str(refused.value)


@pytest.mark.parametrize("action", list(Action))
def test_disabled_staff_may_do_nothing(action: Action) -> None:
    staff = person(Role.MANAGER, disabled=True)
    assert not may(staff, action)
    with pytest.raises(PermissionRefused, match="disabled"):
        require(staff, action)


def test_technician_never_touches_a_sale() -> None:
    tech = person(Role.TECHNICIAN)
    assert not may_override_price(tech, eur(100), eur(200))
    with pytest.raises(PermissionRefused, match="role technician may not price_override"):
        require_price_override(tech, eur(100), eur(90))


@pytest.mark.parametrize(
    ("role", "old", "new", "allowed"),
    [
        (Role.ATTENDANT, 1000, 900, True),  # 10 %: at the limit
        (Role.ATTENDANT, 1000, 899, False),  # 10.1 %
        (Role.ATTENDANT, 10000, 9500, True),  # 5.00: at the amount limit
        (Role.ATTENDANT, 10000, 9499, False),  # 5.01
        (Role.ATTENDANT, 1000, 5000, True),  # raising a price is not bounded
        (Role.ATTENDANT, 0, 0, True),
        (Role.SUPERVISOR, 1000, 500, True),
        (Role.SUPERVISOR, 1000, 499, False),
        (Role.SUPERVISOR, 20000, 14999, False),  # 50.01 > 50.00
        (Role.MANAGER, 1000, 0, True),
        (Role.MANAGER, 1000, -1, False),  # never negative
    ],
)
def test_price_override_limits(role: Role, old: int, new: int, allowed: bool) -> None:
    staff = person(role)
    assert may_override_price(staff, eur(old), eur(new)) is allowed
    if allowed:
        require_price_override(staff, eur(old), eur(new))
    else:
        with pytest.raises(PermissionRefused, match=r"may not price_override \(staff s-17\): "):
            require_price_override(staff, eur(old), eur(new))


def test_price_override_refuses_another_currency() -> None:
    with pytest.raises(PermissionRefused, match="currency USD"):
        require_price_override(person(Role.MANAGER), eur(100), Money(100, "USD"))


def test_grants_are_replaceable_per_store() -> None:
    strict = dict(ROLE_GRANTS)
    strict[Role.ATTENDANT] = ROLE_GRANTS[Role.ATTENDANT].__class__(
        frozenset({Action.APPROVE_AGE}), PriceOverrideLimit(max_percent=0)
    )
    assert not may(person(Role.ATTENDANT), Action.VOID_LINE, strict)
    assert may(person(Role.ATTENDANT), Action.VOID_LINE)


@pytest.mark.parametrize("good", ["s-17", "1234", "ana.ruiz", "A_1", "x" * 32])
def test_good_staff_ids(good: str) -> None:
    assert check_staff_id(good) == good


@pytest.mark.parametrize("bad", ["", "-x", "a b", "x" * 33, "ana;drop", "é", ".x"])
def test_bad_staff_ids(bad: str) -> None:
    with pytest.raises(StaffError, match="bad staff id"):
        check_staff_id(bad)


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "x" * 81])
def test_bad_names(bad: str) -> None:
    with pytest.raises(StaffError, match="bad staff name"):
        check_name(bad)


def test_staff_record_checks_itself() -> None:
    with pytest.raises(StaffError):
        Staff("s 1", "Ana", Role.ATTENDANT)
    with pytest.raises(StaffError, match="blanks"):
        Staff("s1", " Ana", Role.ATTENDANT)
    with pytest.raises(StaffError, match="unknown role 'boss'"):
        Role.parse("boss")
    assert Role.parse("technician") is Role.TECHNICIAN


@pytest.mark.parametrize("bad", ["", "123", "1234567890123", "12a4", "١٢٣٤", " 1234", "12.4"])
def test_bad_pins_never_echoed(bad: str) -> None:
    with pytest.raises(StaffError) as error:
        check_pin(bad)
    assert not bad.strip() or bad.strip() not in str(error.value)


def test_badge_codes() -> None:
    assert check_badge_code("  BADGE-0001\r\n") == "BADGE-0001"
    for bad in ("abc", "with space", "x" * 129, "é" * 5):
        with pytest.raises(StaffError):
            check_badge_code(bad)


@given(st.text(max_size=200))
def test_garbage_input_is_accepted_or_refused_cleanly(text: str) -> None:
    for check in (check_staff_id, check_name, check_pin, check_badge_code):
        try:
            accepted = check(text)
        except StaffError:
            continue
        assert accepted  # whatever is accepted comes back non-empty
        assert accepted in text


# ---------------------------------------------------------------- lockout

POLICY = LockoutPolicy(
    max_failures=3,
    first_lock=timedelta(seconds=30),
    max_lock=timedelta(minutes=10),
    forget_after=timedelta(hours=1),
)


def fail(state: LockoutState, at: datetime, times: int = 1) -> LockoutState:
    for _ in range(times):
        state = state.failed(at, POLICY)
    return state


def test_locks_after_max_failures_then_doubles() -> None:
    # GIVEN two failures: not locked yet
    state = fail(LockoutState(), T0, 2)
    assert not state.is_locked(T0)
    # WHEN the third fails THEN locked for first_lock
    state = fail(state, T0)
    assert state.locked_until == T0 + timedelta(seconds=30)
    assert state.is_locked(T0 + timedelta(seconds=29))
    # attempts during the lock are not counted
    assert fail(state, T0 + timedelta(seconds=10)) == state
    # after the lock a single failure locks again, twice as long
    t1 = T0 + timedelta(seconds=30)
    assert not state.is_locked(t1)
    state = fail(state, t1)
    assert state.locked_until == t1 + timedelta(seconds=60)
    t2 = state.locked_until
    state = fail(state, t2)
    assert state.locked_until == t2 + timedelta(seconds=120)


def test_lock_is_capped() -> None:
    assert POLICY.lock_for(2) == timedelta(0)
    assert POLICY.lock_for(3) == timedelta(seconds=30)
    assert POLICY.lock_for(7) == timedelta(seconds=480)
    assert POLICY.lock_for(8) == timedelta(minutes=10)
    assert POLICY.lock_for(10**6) == timedelta(minutes=10)


def test_success_resets_and_old_failures_are_forgotten() -> None:
    state = fail(LockoutState(), T0, 2)
    assert state.succeeded() == LockoutState()
    later = T0 + timedelta(hours=1)
    assert state.current(later, POLICY) == LockoutState()
    assert fail(state, later).failures == 1  # a fresh count, no lock


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        LockoutState().failed(datetime(2026, 1, 1), POLICY)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_failures": 0},
        {"first_lock": timedelta(0)},
        {"first_lock": timedelta(hours=2), "max_lock": timedelta(hours=1)},
        {"forget_after": timedelta(0)},
    ],
)
def test_bad_policies(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LockoutPolicy(**kwargs)  # type: ignore[arg-type]


@given(st.lists(st.integers(min_value=0, max_value=7200), max_size=40))
def test_lock_never_exceeds_cap_and_time_moves_forward(gaps: list[int]) -> None:
    state, now = LockoutState(), T0
    for gap in gaps:
        now += timedelta(seconds=gap)
        state = state.failed(now, POLICY)
        if state.locked_until is not None and state.is_locked(now):
            assert state.locked_until - now <= POLICY.max_lock
        assert state.failures >= 0
