"""What a shopper's feedback may be, as the lane keeps it and HQ takes it
(docs/service-events.md): the faces of the thank-you screen on HQ's 1-5 scale, the NPS
reasons, and free text that must not hold a card number or a travel document's MRZ
(DESIGN.md invariant 6). Pure: the screen, the console and the recorder share it.

The faces: the lane shows three, HQ takes 1-5 and counts CSAT as 4-5, so they are
sent as 1 (not good), 3 (OK) and 5 (great): only "great" counts as satisfied.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kiosk.domain.cardlike import looks_like_card_data, redact_card_numbers
from kiosk.domain.mrzlike import looks_like_mrz

#: The three faces of the thank-you screen (1 not good, 2 OK, 3 great) on HQ's 1-5 scale.
FACE_RATINGS: Mapping[int, int] = {1: 1, 2: 3, 3: 5}
NPS_REASONS: tuple[str, ...] = (
    "had_to_wait_for_help",
    "item_not_found",
    "too_slow",
    "prices",
    "hard_to_use",
    "device_problem",
    "other",
)
MAX_COMMENT = 200
#: What :func:`text_problem` names (a screen words its own translated message for each).
CARD_NUMBER = "a card number"
TRAVEL_DOCUMENT = "text from a travel document"
CONTROL_CHARACTERS = "control characters"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_HQ_MRZ = re.compile(r"[A-Z0-9<]{20,}")  # HQ's own, stricter MRZ rule (kiosk.hq.fields)


class FeedbackRefused(ValueError):
    """Feedback the lane will not keep (a score out of range, a comment holding a card
    number or an MRZ); the message says what, never quoting the text."""


def text_problem(text: str) -> str | None:
    """Why free text may not be kept, or None: a card number or MRZ-like text (the lane's
    rules and HQ's stricter MRZ rule), or a control character. Never quotes the text."""
    if _CONTROL.search(text):
        return CONTROL_CHARACTERS
    if looks_like_card_data(text) or redact_card_numbers(text) != text:
        return CARD_NUMBER
    if looks_like_mrz(text) or any("<<" in run for run in _HQ_MRZ.findall(text.upper())):
        return TRAVEL_DOCUMENT
    return None


def check_comment(comment: str) -> str:
    """``comment`` with its runs of white space made one space, if it may be kept.

    Raises:
        FeedbackRefused: longer than :data:`MAX_COMMENT`, or holding a card number,
            MRZ-like text or control characters (the message never quotes it).
    """
    text = " ".join(comment.split())
    if len(text) > MAX_COMMENT:
        raise FeedbackRefused(f"a comment has at most {MAX_COMMENT} characters, not {len(text)}")
    problem = text_problem(text)
    if problem is not None:
        raise FeedbackRefused(f"a comment must not hold {problem}")
    return text


def face_rating(face: int) -> int:
    """The 1-5 rating of thank-you face ``face`` (1-3).

    Raises:
        FeedbackRefused: ``face`` is no face.
    """
    if face not in FACE_RATINGS:
        raise FeedbackRefused(f"a rating is one of the faces 1-3, not {face!r}")
    return FACE_RATINGS[face]


def nps_reasons(reasons: list[str]) -> list[str]:
    """``reasons`` without repeats, in order.

    Raises:
        FeedbackRefused: one is not in :data:`NPS_REASONS` (the message lists them).
    """
    chosen: list[str] = []
    for reason in reasons:
        if reason not in NPS_REASONS:
            raise FeedbackRefused(f"no reason {reason!r}: one of {', '.join(NPS_REASONS)}")
        if reason not in chosen:
            chosen.append(reason)
    return chosen


def nps_score(score: object) -> int:
    """``score`` if it is a whole number 0-10.

    Raises:
        FeedbackRefused: anything else.
    """
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise FeedbackRefused(f"a score is a whole number 0-10, not {score!r}")
    return score
