"""The days of a sale-hours refusal read as words in the shopper's message."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.ui.messages import days_text, message_text


@pytest.mark.parametrize(
    ("days", "shown"),
    [("mon-sat", "Mon-Sat"), ("sat,sun", "Sat, Sun"), ("fri-mon", "Fri-Mon"), ("*", "every day")],
)
def test_days_read_as_words(qapp: object, days: str, shown: str) -> None:
    assert days_text(days) == shown


def test_the_refusal_names_days_and_hours(qapp: object) -> None:
    shown = message_text("item_sale_hours", "mon-sat", "08:00-22:00")
    assert shown == (
        "This item can only be sold on Mon-Sat, 08:00-22:00. Please put it aside.",
        True,
    )


@given(st.text(max_size=30))
def test_any_days_text_gives_text(days: str) -> None:
    assert isinstance(days_text(days), str)
