"""On-screen keypad and keyboard, and the produce screen that uses both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.samples import sample_produce
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.theme import TOUCH_TARGET_PX
from kiosk.ui.widgets.keyboard import BACKSPACE, SPACE, OnScreenKeyboard
from kiosk.ui.widgets.keypad import BACKSPACE as KEYPAD_BACKSPACE
from kiosk.ui.widgets.keypad import CLEAR, ENTER, NumericKeypad

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def keypad(qtbot) -> NumericKeypad:
    pad = NumericKeypad(max_length=4)
    qtbot.addWidget(pad)
    pad.show()
    return pad


def tap(qtbot, pad: NumericKeypad | OnScreenKeyboard, keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(pad.button(key), LEFT)


def test_keypad_types_deletes_clears_and_submits(qtbot, keypad: NumericKeypad) -> None:
    tap(qtbot, keypad, "4011")
    assert keypad.text() == "4011"
    tap(qtbot, keypad, "9")  # beyond max_length
    assert keypad.text() == "4011"
    qtbot.mouseClick(keypad.button(KEYPAD_BACKSPACE), LEFT)
    assert keypad.text() == "401"
    with qtbot.waitSignal(keypad.submitted) as submitted:
        qtbot.mouseClick(keypad.button(ENTER), LEFT)
    assert submitted.args == ["401"]
    qtbot.mouseClick(keypad.button(CLEAR), LEFT)
    assert keypad.text() == ""
    with qtbot.assertNotEmitted(keypad.submitted):
        qtbot.mouseClick(keypad.button(ENTER), LEFT)


def test_keypad_keys_are_big_enough(keypad: NumericKeypad) -> None:
    for key in "0123456789":
        size = keypad.button(key).size()
        assert min(size.width(), size.height()) >= TOUCH_TARGET_PX


def test_keypad_refuses_unknown_key(keypad: NumericKeypad) -> None:
    with pytest.raises(KeyError):
        keypad.press("x")


def test_keyboard_types_space_and_backspace(qtbot) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    with qtbot.waitSignal(keyboard.textChanged):
        tap(qtbot, keyboard, "ab")
    tap(qtbot, keyboard, SPACE + "c" + BACKSPACE)
    assert keyboard.text() == "ab "


def test_keyboard_offers_accents_of_the_shopper_language(qtbot, window) -> None:
    produce = window.navigator.get("produce")
    with pytest.raises(KeyError):
        produce.keyboard.button("ñ")
    window.set_language("es")
    qtbot.mouseClick(produce.keyboard.button("ñ"), LEFT)
    assert produce.keyboard.text() == "ñ"
    window.set_language("fr")
    assert produce.keyboard.button("ç")
    with pytest.raises(KeyError):
        produce.keyboard.button("ñ")


@pytest.fixture
def produce(qtbot, window) -> ProduceScreen:
    screen = window.navigator.get("produce")
    assert isinstance(screen, ProduceScreen)
    screen.set_model(sample_produce())
    window.show_screen("produce")
    return screen


def test_search_filters_tiles_by_name_in_the_shopper_language(
    qtbot, window, produce: ProduceScreen
) -> None:
    assert len(produce.visible_skus()) == 12
    tap(qtbot, produce.keyboard, "ban")
    assert produce.visible_skus() == ("sku-4011",)
    assert produce.search_field.text() == "ban"
    produce.keyboard.clear()
    window.set_language("es")
    tap(qtbot, produce.keyboard, "platano")  # no accent typed, still finds "Plátanos"
    assert produce.visible_skus() == ("sku-4011",)
    tap(qtbot, produce.keyboard, "zz")
    assert produce.visible_skus() == ()


def test_tile_touch_emits_the_sku(qtbot, produce: ProduceScreen) -> None:
    with qtbot.waitSignal(produce.itemChosen) as chosen:
        qtbot.mouseClick(produce.tile("sku-8002"), LEFT)
    assert chosen.args == ["sku-8002"]
    assert produce.tile("sku-8002").name_text() == "Croissant"


def test_plu_entry_filters_and_emits(qtbot, produce: ProduceScreen) -> None:
    qtbot.mouseClick(produce.plu_mode_button, LEFT)
    assert produce.mode() == "plu"
    tap(qtbot, produce.keypad, "40")
    assert set(produce.visible_skus()) == {
        "sku-4011",
        "sku-4022",
        "sku-4046",
        "sku-4053",
        "sku-4072",
        "sku-4093",
    }
    tap(qtbot, produce.keypad, "11")
    with qtbot.waitSignal(produce.pluEntered) as entered:
        qtbot.mouseClick(produce.keypad.button(ENTER), LEFT)
    assert entered.args == ["4011"]


def test_back_emits(qtbot, produce: ProduceScreen) -> None:
    with qtbot.waitSignal(produce.backRequested):
        qtbot.mouseClick(produce.back_button, LEFT)
