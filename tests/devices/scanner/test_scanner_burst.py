"""The burst detector that finds wedge scans inside a key stream."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.scanner.burst import BurstDetector, BurstScan, Typed


def _feed(detector: BurstDetector, text: str, start: float, gap: float) -> list[object]:
    out: list[object] = []
    for i, char in enumerate(text):
        out += detector.feed(char, start + i * gap)
    return out


def test_a_fast_burst_with_terminator_is_a_scan() -> None:
    detector = BurstDetector(max_gap=0.03)
    assert _feed(detector, "]E04006381333931\r", 10.0, 0.004) == [BurstScan("4006381333931", "]E0")]
    assert not detector.holding


def test_slow_typing_is_released_as_typed_text() -> None:
    detector = BurstDetector(max_gap=0.03)
    out = _feed(detector, "abc", 0.0, 0.2)
    out += detector.poll(1.0)
    assert "".join(t.text for t in out if isinstance(t, Typed)) == "abc"


def test_a_short_burst_with_enter_is_typing() -> None:
    detector = BurstDetector(max_gap=0.03, min_length=4)
    assert _feed(detector, "12\r", 0.0, 0.001) == [Typed("12\r")]


def test_poll_keeps_holding_inside_the_gap() -> None:
    detector = BurstDetector(max_gap=0.05)
    detector.feed("1", 0.0)
    assert detector.poll(0.01) == []
    assert detector.holding


@settings(max_examples=300, deadline=None)
@given(
    keys=st.lists(
        st.tuples(st.sampled_from("0123456789ab\r\n"), st.floats(0, 0.2, allow_nan=False)),
        max_size=100,
    )
)
def test_no_key_is_lost_or_duplicated(keys: list[tuple[str, float]]) -> None:
    detector = BurstDetector(max_gap=0.03, min_length=4, aim=False)
    now, out = 0.0, []
    for char, gap in keys:
        now += gap
        out += detector.feed(char, now)
    out += detector.poll(now + 1.0)
    rebuilt = "".join(e.text if isinstance(e, Typed) else e.code + "\r" for e in out)
    typed = "".join(c for c, _ in keys)
    # a scan gives back its code plus one terminator; terminators are \r or \n
    assert rebuilt.replace("\n", "\r") == typed.replace("\n", "\r")
    assert not detector.holding
