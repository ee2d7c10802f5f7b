"""What feedback the lane keeps (kiosk.domain.feedback): the faces on HQ's scale, NPS
scores and reasons, and free text that must hold no card number and no MRZ."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.feedback import (
    CARD_NUMBER,
    CONTROL_CHARACTERS,
    MAX_COMMENT,
    NPS_REASONS,
    TRAVEL_DOCUMENT,
    FeedbackRefused,
    check_comment,
    face_rating,
    nps_reasons,
    nps_score,
    text_problem,
)


@pytest.mark.parametrize(("face", "rating"), [(1, 1), (2, 3), (3, 5)])
def test_faces_on_hqs_scale(face: int, rating: int) -> None:
    assert face_rating(face) == rating


@pytest.mark.parametrize("face", [0, 4, -1, 5])
def test_no_other_face(face: int) -> None:
    with pytest.raises(FeedbackRefused, match="faces 1-3"):
        face_rating(face)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("waited 10 minutes", None),
        ("order 1234567890123", None),  # 13 digits that fail the Luhn check
        ("4111 1111 1111 1111", CARD_NUMBER),
        ("5555-5555-5555-4444 thanks", CARD_NUMBER),
        ("P<UTOERIKSSON<<ANNA<MARIA", TRAVEL_DOCUMENT),  # 20+ of A-Z 0-9 < with <<
        ("tab\there", CONTROL_CHARACTERS),
    ],
)
def test_text_problem(text: str, problem: str | None) -> None:
    assert text_problem(text) == problem


def test_comment_is_trimmed_and_limited() -> None:
    assert check_comment("  so\n quick  ") == "so quick"
    assert check_comment("x" * MAX_COMMENT) == "x" * MAX_COMMENT
    with pytest.raises(FeedbackRefused, match="at most 200"):
        check_comment("x" * (MAX_COMMENT + 1))


def test_scores_and_reasons() -> None:
    assert [nps_score(s) for s in (0, 10)] == [0, 10]
    for bad in (-1, 11, True, 5.0, "7", None):
        with pytest.raises(FeedbackRefused):
            nps_score(bad)
    assert nps_reasons(["prices", "too_slow", "prices"]) == ["prices", "too_slow"]
    with pytest.raises(FeedbackRefused, match="no reason 'rude'"):
        nps_reasons(["rude"])
    assert len(NPS_REASONS) == 7


@given(st.text(max_size=400))
def test_any_text_is_kept_or_refused_without_being_quoted(text: str) -> None:
    try:
        kept = check_comment(text)
    except FeedbackRefused as refused:
        message = str(refused)
    else:
        assert text_problem(kept) is None
        assert len(kept) <= MAX_COMMENT
        return
    assert message.startswith("a comment ")
    if len(text) > 8:
        assert text.strip() not in message
