"""MRZ-like text (ICAO 9303 TD1/TD2/TD3 lines) is recognised and masked, product codes are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.mrzlike import REDACTED, check_digit, looks_like_mrz, redact_mrz

# ICAO 9303 specimens (part 4 TD3, part 5 TD1) and a TD2 built like them.
TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
# A TD3 second line with a full personal number: not one filler, the check digits tell.
TD3_NO_FILLER = "L898902C36UTO7408122F1204159ZE184226B0123410"
MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@pytest.mark.parametrize(
    "text",
    [
        *TD3,
        *TD1,
        *TD2,
        TD3_NO_FILLER,
        "".join(TD3),
        "\r\n".join(TD3),
        "\n".join(TD1),
        "]Q1" + TD3[1],
        "]Q1" + TD3_NO_FILLER,
        TD3[0].lower(),
        TD3[1][:-1],  # a character lost in a misread: still a run of fillers
        f"BarcodeError: got {TD3[1]!r}",
    ],
)
def test_mrz_lines_are_recognised(text: str) -> None:
    assert looks_like_mrz(text)
    assert REDACTED in redact_mrz(text)
    assert "ERIKSSON" not in redact_mrz(text).upper()
    assert "L898902C3" not in redact_mrz(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ABC-123",
        "8410000000016",
        "]C1010950110153000317261231\x1d10ABC123",
        "https://id.gs1.org/01/09506000134352/10/ABC<1",
        "STF-0042",
        "X" * 44,
        TD3_NO_FILLER[:9] + "7" + TD3_NO_FILLER[10:],  # same shape, a check digit wrong
        "P<UTOERIKSSON<<ANNA",  # a piece shorter than any line
    ],
)
def test_other_text_is_not_mrz(text: str) -> None:
    assert not looks_like_mrz(text)
    assert redact_mrz(text) == text


def test_check_digit_is_icao_9303() -> None:
    assert check_digit("L898902C3") == 6
    assert check_digit("740812") == 2
    assert check_digit("120415") == 9
    with pytest.raises(ValueError):
        check_digit("a")


def _line2(document: str, birth: str, expiry: str, rest: str) -> str:
    """A TD3 second line with correct check digits."""
    line = (
        f"{document}{check_digit(document)}UTO{birth}{check_digit(birth)}F"
        f"{expiry}{check_digit(expiry)}{rest}"
    )
    return line[:44]


PASSPORT_LINES = st.builds(
    _line2,
    st.text(alphabet=MRZ_CHARS[:-1], min_size=9, max_size=9),
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.text(alphabet=MRZ_CHARS, min_size=16, max_size=16),
)


@given(PASSPORT_LINES, st.text(max_size=20), st.text(max_size=20))
def test_any_passport_line_is_masked_wherever_it_sits(line: str, before: str, after: str) -> None:
    text = f"{before}\n{line}\n{after}"
    assert looks_like_mrz(text)
    assert line not in redact_mrz(text)


@given(st.text(max_size=120))
def test_garbage_never_raises_and_redaction_keeps_other_text(text: str) -> None:
    redacted = redact_mrz(text)
    assert looks_like_mrz(text) == (redacted != text)
    assert not looks_like_mrz(redacted)


@given(st.from_regex(r"\A[0-9]{8}\Z|\A[0-9]{12,14}\Z"))
def test_product_numbers_are_never_mrz(code: str) -> None:
    assert not looks_like_mrz(code)
