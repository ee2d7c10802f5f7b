"""Theme variants, the stylesheet made from them, and shopper-facing number formats."""

from __future__ import annotations

import pytest

from kiosk.domain.money import Money
from kiosk.ui.format import format_money, format_weight
from kiosk.ui.theme import HIGH_CONTRAST, TOUCH_TARGET_PX, make_theme, stylesheet


def test_touch_target_is_about_15_mm_at_1080p_on_22_inch() -> None:
    # 22" 16:9 -> 478 mm wide over 1920 px = 0.249 mm/px; 15 mm = 60 px.
    assert TOUCH_TARGET_PX * 478 / 1920 >= 14.9
    assert f"min-height: {TOUCH_TARGET_PX}px" in stylesheet(make_theme())


@pytest.mark.parametrize(
    ("large", "high", "name"),
    [
        (False, False, "normal"),
        (True, False, "large-text"),
        (False, True, "high-contrast"),
        (True, True, "large-text+high-contrast"),
    ],
)
def test_variants_are_named(large: bool, high: bool, name: str) -> None:
    assert make_theme(large_text=large, high_contrast=high).name == name


def test_large_text_scales_every_size_up() -> None:
    normal, large = make_theme().type, make_theme(large_text=True).type
    assert all(
        getattr(large, f) > getattr(normal, f)
        for f in ("display", "title", "heading", "body", "label", "caption")
    )
    assert large.body == round(normal.body * 1.3)
    assert f"font-size: {large.display}px" in stylesheet(make_theme(large_text=True))


def test_high_contrast_uses_its_palette() -> None:
    sheet = stylesheet(make_theme(high_contrast=True))
    assert HIGH_CONTRAST.primary in sheet
    assert make_theme().palette.primary not in sheet


@pytest.mark.parametrize(
    ("minor", "currency", "language", "text"),
    [
        (123456, "EUR", "en", "€1,234.56"),
        (123456, "EUR", "es", "1.234,56\u00a0€"),
        (123456, "EUR", "fr", "1\u202f234,56\u00a0€"),
        (5, "EUR", "en", "€0.05"),
        (-250, "USD", "en", "-$2.50"),
        (1500, "JPY", "en", "¥1,500"),
        (99, "EUR", "xx", "€0.99"),
    ],
)
def test_format_money(minor: int, currency: str, language: str, text: str) -> None:
    assert format_money(Money(minor, currency), language) == text


@pytest.mark.parametrize(
    ("grams", "language", "text"),
    [(1234, "en", "1.234\u00a0kg"), (642, "es", "0,642\u00a0kg"), (5, "fr", "0,005\u00a0kg")],
)
def test_format_weight(grams: int, language: str, text: str) -> None:
    assert format_weight(grams, language) == text
