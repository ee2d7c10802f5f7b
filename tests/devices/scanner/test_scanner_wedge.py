"""Keyboard-wedge decoding: keymaps (US, ES), dead keys, modifiers; hypothesis round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.protocol import Rejected
from kiosk.devices.scanner.keymap import (
    DEAD_ACUTE,
    DEAD_CIRCUMFLEX,
    KEY_ENTER,
    KEY_LEFTCTRL,
    KEY_LEFTSHIFT,
    KEY_RIGHTALT,
    KEY_RIGHTBRACE,
    KEY_SPACE,
    LAYOUTS,
    compose,
    keys_for,
)
from kiosk.devices.scanner.scan import Scan
from kiosk.devices.scanner.wedge import PRESS, RELEASE, REPEAT, KeyDecoder


def _type(decoder: KeyDecoder, text: str, layout: str) -> list[object]:
    """Press the keys that type ``text`` + Enter, as a scanner would."""
    events: list[object] = []
    for code, shift, altgr in keys_for(text, LAYOUTS[layout]):
        modifier = KEY_LEFTSHIFT if shift else KEY_RIGHTALT if altgr else None
        if modifier:
            events += decoder.feed(modifier, PRESS)
        events += decoder.feed(code, PRESS) + decoder.feed(code, RELEASE)
        if modifier:
            events += decoder.feed(modifier, RELEASE)
    return events + decoder.feed(KEY_ENTER, PRESS) + decoder.feed(KEY_ENTER, RELEASE)


@pytest.mark.parametrize(
    ("layout", "code", "shift", "altgr", "char"),
    [
        ("us", 12, False, False, "-"),
        ("es", 12, False, False, "'"),
        ("us", 3, True, False, "@"),
        ("es", 3, False, True, "@"),
        ("es", 3, True, False, '"'),
        ("es", 39, False, False, "ñ"),
        ("es", 53, True, False, "_"),
        ("us", 53, False, False, "/"),
        ("es", 8, True, False, "/"),
        ("es", 5, False, True, "~"),
        ("us", 30, True, False, "A"),
    ],
)
def test_layout_differences(layout: str, code: int, shift: bool, altgr: bool, char: str) -> None:
    assert LAYOUTS[layout].char(code, shift, altgr) == char


def test_aim_identifier_split_and_enter_ends_the_scan() -> None:
    events = _type(KeyDecoder(LAYOUTS["us"]), "]E04006381333931", "us")
    assert events == [Scan("4006381333931", "]E0", "hid")]


def test_es_dead_keys_compose() -> None:
    assert compose(DEAD_ACUTE, "e") == "é"
    assert compose(DEAD_CIRCUMFLEX, " ") == "^"
    assert compose(DEAD_ACUTE, "1") == "´1"
    decoder = KeyDecoder(LAYOUTS["es"], aim=False)
    events = (
        decoder.feed(40, PRESS)
        + decoder.feed(18, PRESS)  # ´ then e
        + decoder.feed(26, PRESS)
        + decoder.feed(KEY_SPACE, PRESS)  # ` then space
        + decoder.feed(KEY_ENTER, PRESS)
    )
    assert events == [Scan("é`", None, "hid")]


def test_ctrl_bracket_types_the_gs1_separator() -> None:
    decoder = KeyDecoder(LAYOUTS["us"])
    events = (
        decoder.feed(2, PRESS)
        + decoder.feed(KEY_LEFTCTRL, PRESS)
        + decoder.feed(KEY_RIGHTBRACE, PRESS)
        + decoder.feed(KEY_LEFTCTRL, RELEASE)
        + decoder.feed(3, PRESS)
        + decoder.feed(KEY_ENTER, PRESS)
    )
    assert events == [Scan("1\x1d2", None, "hid")]


def test_repeats_and_unknown_keys_type_nothing_and_capslock_inverts_letters() -> None:
    decoder = KeyDecoder(LAYOUTS["us"])
    events = (
        decoder.feed(30, PRESS)
        + decoder.feed(30, REPEAT)
        + decoder.feed(240, PRESS)
        + decoder.feed(58, PRESS)
        + decoder.feed(30, PRESS)
        + decoder.feed(2, PRESS)
        + decoder.feed(KEY_ENTER, PRESS)
    )
    assert events == [Scan("aA1", None, "hid")]


def test_too_long_scan_is_rejected_once() -> None:
    decoder = KeyDecoder(LAYOUTS["us"], max_length=8)
    events = _type(decoder, "1234567890", "us") + _type(decoder, "42", "us")
    assert isinstance(events[0], Rejected)
    assert events[1:] == [Scan("42", None, "hid")]


def test_keys_for_refuses_what_a_layout_cannot_type() -> None:
    with pytest.raises(ValueError, match="us layout cannot type 'ñ'"):
        keys_for("ñ", LAYOUTS["us"])


def _typable(layout: str) -> st.SearchStrategy[str]:
    chars = sorted(
        {
            c
            for entry in LAYOUTS[layout].table.values()
            for c in entry
            if len(c) == 1
            and c.isprintable()
            and not c.isspace()
            and ord(c) not in range(0x300, 0x370)
        }
    )
    return st.text(st.sampled_from(chars), min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(layout=st.sampled_from(["us", "es"]), data=st.data())
def test_any_typable_text_round_trips(layout: str, data: st.DataObject) -> None:
    text = data.draw(_typable(layout).filter(lambda t: not t.startswith("]")))
    assert _type(KeyDecoder(LAYOUTS[layout]), text, layout) == [Scan(text, None, "hid")]


@settings(max_examples=300, deadline=None)
@given(
    layout=st.sampled_from(["us", "es"]),
    keys=st.lists(
        st.tuples(st.integers(0, 300), st.sampled_from([PRESS, RELEASE, REPEAT])), max_size=300
    ),
)
def test_random_key_events_never_raise(layout: str, keys: list[tuple[int, int]]) -> None:
    decoder = KeyDecoder(LAYOUTS[layout], max_length=32)
    for code, value in keys:
        for event in decoder.feed(code, value):
            assert isinstance(event, Scan | Rejected)
            if isinstance(event, Scan):
                assert 0 < len(event.code) <= 32
