"""Issue 9 item 6 (DESIGN.md invariant 6): HQ refuses a full card number wherever payment
or audit data enters it - ``payments[].masked_pan`` must be a masked PAN, free text
(audit reasons and details, override reasons, device details) must hold no Luhn-valid
13-19 digit run in any spacing - with 422 naming the field and nothing stored. Against
a real HQ server on SQLite and PostgreSQL."""

from __future__ import annotations

import random

import pytest
from hq_calls import (
    AUDIT,
    HEARTBEAT,
    SALES,
    audit_record,
    digits_stored,
    heartbeat,
    post,
    sale,
    set_path,
    stored_rows,
    stored_values,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.hq.cards import card_number_in, luhn_valid, masked_pan_problem
from kiosk.hq.models import SaleBatch

PAN = "5555555555554444"  # a test card number (Mastercard), Luhn-valid
SPELLINGS = [
    PAN,
    "5555 5555 5555 4444",
    "5555-5555-5555-4444",
    "5555.5555.5555.4444",
    "5555/5555/5555/4444",
    "5555  5555 - 5555 4444",
    "３７８２ ８２２４６３ １０００５",  # Amex 378282246310005 in full-width digits
]


@pytest.mark.parametrize(
    "masked",
    ["************4444", "555555******4444", "5555 55** **** 4444", "****4444", "XXXXXXXXXXXX4444",
     "555555\u2022\u2022\u2022\u2022\u2022\u20224444", "", "**"],
)  # fmt: skip
def test_masked_pans_pass(masked):
    assert masked_pan_problem(masked) is None


@pytest.mark.parametrize(
    "unmasked",
    [*SPELLINGS[:2], "5555555*****4444", "555555******44444", "5555**5555**4444", "4444",
     "5555-55**-****-4444", "555555******٤٤٤٤"],
)  # fmt: skip
def test_anything_else_is_not_a_masked_pan_and_the_reason_does_not_quote_it(unmasked):
    problem = masked_pan_problem(unmasked)
    assert problem is not None
    assert "5555" not in problem
    assert "4444" not in problem


@pytest.mark.parametrize(
    ("text", "found"),
    [
        *((f"card {spelling} please", True) for spelling in SPELLINGS),
        (f"x{PAN}y", True),
        (f"ref 12 {SPELLINGS[1]} 99 end", True),  # other digit groups around it
        ("4111-1111-1111-1111", True),
        ("3782 822463 10005", True),  # Amex grouping 4-6-5
        ("5555 5555 5555 4445", False),  # not Luhn-valid
        ("555555555554", False),  # 12 digits
        ("55555555555555555555555", False),  # one 23-digit run: not a card number
        ("2026-11-22T10:00:00.123456Z 280 EUR line 3", False),
        # A basket id: without skipping UUIDs, "6 846386728166" would pass Luhn.
        ("basket 8a61b2bd-2244-4d77-a1b6-846386728166", False),
        ("94580730-2157-4681-8303-642621299722", False),
    ],
)
def test_card_numbers_are_found_in_free_text(text, found):
    assert card_number_in(text) is found


def test_the_uuid_examples_would_be_found_without_the_uuid_rule():
    for uuid in ("8a61b2bd-2244-4d77-a1b6-846386728166", "94580730-2157-4681-8303-642621299722"):
        assert card_number_in(uuid.replace("-", " "))


def _luhn_complete(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


@st.composite
def spelled_card_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(card number, the number written with random groups and separators in text)."""
    length = draw(st.integers(13, 19))
    body = draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    number = _luhn_complete(body)
    cuts = sorted(draw(st.sets(st.integers(1, length - 1), max_size=5)))
    groups = [number[a:b] for a, b in zip([0, *cuts], [*cuts, length], strict=True)]
    separators = st.sampled_from([" ", "-", ".", "/", "_", "  ", " - "])
    text = groups[0] + "".join(draw(separators) + group for group in groups[1:])
    before = draw(st.text("abcdefghij :,(", max_size=12))
    after = draw(st.text("abcdefghij :,)", max_size=12))
    return number, before + text + after


@settings(max_examples=300, deadline=None)
@given(spelled_card_numbers())
def test_a_card_number_is_found_however_it_is_spelled(case):
    number, text = case
    assert card_number_in(text), text
    assert masked_pan_problem(text) is not None
    assert masked_pan_problem(number) is not None


@settings(max_examples=200, deadline=None)
@given(spelled_card_numbers())
def test_a_spelled_card_number_never_passes_the_sale_model(case):
    _, text = case
    document = sale(payments=[{**sale()["payments"][0], "masked_pan": text[:32]}])
    with_pan_in_note = set_path(sale(), ("audit",), [{"at": "2026-11-22T10:00:00Z",
                                "action": "note", "details": {"note": text}}])  # fmt: skip
    for bad in (document, with_pan_in_note):
        with pytest.raises(ValidationError):
            SaleBatch.model_validate({"sales": [bad]})


def _pan_in(where: str, spelling: str) -> tuple[str, dict, str]:
    """(endpoint, body with the card number at ``where``, the field HQ must name)."""
    entry = {"at": "2026-11-22T10:00:00Z", "staff_id": "s-1", "action": "override"}
    cases = {
        "masked_pan": (SALES, ("payments", 0, "masked_pan"), "sales[0].payments[0].masked_pan"),
        "brand": (SALES, ("payments", 0, "brand"), "sales[0].payments[0].brand"),
        "override": (SALES, ("lines", 0, "price_override_reason"),
                     "sales[0].lines[0].price_override_reason"),
        "sale_audit_reason": (SALES, ("audit",), "sales[0].audit[0].reason"),
        "sale_audit_details": (SALES, ("audit",), "sales[0].audit[0].details"),
    }  # fmt: skip
    if where in cases:
        path, at, field = cases[where]
        value: object = f"card {spelling}"
        if where == "masked_pan":
            value = spelling
        elif where == "sale_audit_reason":
            value = [{**entry, "reason": f"card {spelling}"}]
        elif where == "sale_audit_details":
            value = [{**entry, "details": {"shopper": {"said": f"my card is {spelling}"}}}]
        return path, {"sales": [set_path(sale(), at, value)]}, field
    if where == "audit_reason":
        return AUDIT, {"records": [audit_record(reason=f"card {spelling}")]}, "records[0].reason"
    if where == "audit_details":
        details = {"basket_id": "7f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7", "notes": [f"{spelling}"]}
        return AUDIT, {"records": [audit_record(details=details)]}, "records[0].details"
    if where == "audit_details_number":
        details = {"pan": int(PAN)}
        return AUDIT, {"records": [audit_record(details=details)]}, "records[0].details"
    assert where == "device_detail"
    devices = [{"name": "terminal", "kind": "payment", "status": "error", "detail": spelling}]
    return HEARTBEAT, heartbeat(devices=devices), "devices[0].detail"


PLACES = [
    "masked_pan",
    "brand",
    "override",
    "sale_audit_reason",
    "sale_audit_details",
    "audit_reason",
    "audit_details",
    "audit_details_number",
    "device_detail",
]


@pytest.mark.parametrize("where", PLACES)
def test_a_full_card_number_is_refused_naming_the_field_and_nothing_is_stored(
    hq_server, hq_engine, lane_token, where
):
    for spelling in SPELLINGS[:3] if where != "audit_details_number" else [PAN]:
        path, body, field = _pan_in(where, spelling)
        response = post(hq_server, lane_token, path, body)
        assert response.status_code == 422, (where, spelling, response.text)
        assert response.json()["message"].startswith(f"{field}: "), response.json()
        assert "5555" not in response.text  # the answer does not echo the number
    assert stored_rows(hq_engine) == 0


def test_masked_card_numbers_and_honest_details_are_stored(hq_server, hq_engine, lane_token):
    documents = []
    for n, masked in enumerate(["************4444", "555555******4444", "5555 55** **** 4444"]):
        document = sale(seed=n + 10)
        document["payments"][0]["masked_pan"] = masked
        documents.append(document)
    response = post(hq_server, lane_token, SALES, {"sales": documents})
    assert [r["status"] for r in response.json()["results"]] == ["accepted"] * 3
    records = [
        audit_record(1),
        audit_record(2, details={"receipt": "8a61b2bd-2244-4d77-a1b6-846386728166", "copies": 2}),
        audit_record(3, reason="reprint for 2026-11-22 10:00, total 12.80 EUR", details={}),
    ]
    response = post(hq_server, lane_token, AUDIT, {"records": records})
    assert [r["status"] for r in response.json()["results"]] == ["accepted"] * 3
    assert post(hq_server, lane_token, HEARTBEAT, heartbeat()).status_code == 200
    details = [v for v in stored_values(hq_engine) if "8a61b2bd" in v]
    assert details == ['{"copies": 2, "receipt": "8a61b2bd-2244-4d77-a1b6-846386728166"}']
    assert digits_stored(hq_engine, "555555")


def test_nothing_hq_stored_from_a_mixed_session_holds_a_card_number(
    hq_server, hq_engine, lane_token
):
    """GIVEN a lane that sends good records and records with card numbers everywhere
    WHEN HQ has answered all of them THEN no stored text holds a card number."""
    rng = random.Random(4)
    for n in range(12):
        where = PLACES[n % len(PLACES)]
        path, body, _ = _pan_in(where, rng.choice(SPELLINGS[:5]))
        assert post(hq_server, lane_token, path, body).status_code == 422
        post(hq_server, lane_token, SALES, {"sales": [sale(seed=100 + n)]})
    assert stored_rows(hq_engine) > 12
    assert not digits_stored(hq_engine, PAN)
