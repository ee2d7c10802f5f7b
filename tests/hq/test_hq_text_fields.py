"""Issue 9 item 7 (HQ part; DESIGN.md invariants 8 and 10): the API models and the
database columns agree, bad text is refused with 422 before the database is touched,
audit details have depth and size limits, and a record the database still refuses is a
4xx naming it (never a 503, which a lane retries forever). Real HQ servers on SQLite and
PostgreSQL."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal

import httpx
import pytest
import sqlalchemy as sa
from hq_calls import (
    AUDIT,
    HEARTBEAT,
    SALES,
    audit_record,
    count,
    heartbeat,
    post,
    sale,
    set_path,
    stored_rows,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from kiosk.hq import checkin_models, event_models, models
from kiosk.hq.auth import enrol_lane
from kiosk.hq.catalog_csv import parse_row
from kiosk.hq.db import utc_now
from kiosk.hq.errors import HqError
from kiosk.hq.fields import MAX_DEPTH, JsonDetails, Text
from kiosk.hq.tables import CSV, HQ, metadata

INPUT_MODELS = (
    models.SaleBatch,
    models.AuditBatch,
    models.Heartbeat,
    event_models.EventBatch,
    checkin_models.CheckinBatch,
)


def _text_of(annotation: Any) -> list[Text | str]:
    """The Text constraints (or Literal values) of the str leaves inside ``annotation``."""
    found: list[Text | str] = []
    if typing.get_origin(annotation) is Annotated:
        base, *extras = typing.get_args(annotation)
        texts = [e for e in extras if isinstance(e, Text)]
        if base is str:
            assert texts, f"a str without Text: {annotation}"
            return texts
        return _text_of(base)
    if typing.get_origin(annotation) is Literal:
        return [v for v in typing.get_args(annotation) if isinstance(v, str)]
    if typing.get_origin(annotation) in (types.UnionType, typing.Union, list):
        for arg in typing.get_args(annotation):
            found += _text_of(arg)
    assert annotation is not str, "a bare str field"
    return found


def _fields(model: type[BaseModel], seen: set[type] | None = None):
    """(model, field name, annotation with its Annotated metadata) of every model reached
    from ``model``."""
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    hints = typing.get_type_hints(model, include_extras=True)
    for name in model.model_fields:
        annotation = hints[name]
        yield model, name, annotation
        for inner in _models_in(annotation):
            yield from _fields(inner, seen)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _max_length(model_name: str, field: str) -> int:
    model = (
        getattr(models, model_name, None)
        or getattr(event_models, model_name, None)
        or getattr(checkin_models, model_name)
    )
    annotation = typing.get_type_hints(model, include_extras=True)[field]
    texts = _text_of(annotation)
    assert texts, f"{model_name}.{field} is not text"
    return max(t.max_length if isinstance(t, Text) else len(t) for t in texts)


def _string_columns():
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, sa.String) and column.type.length:
                yield table.name, column


@pytest.mark.parametrize(("table", "column"), list(_string_columns()), ids=str)
def test_every_text_column_holds_what_its_source_allows(table, column):
    source = column.info.get("from")
    assert source, f"{table}.{column.name} must say where its values come from"
    if source == HQ["from"]:  # what HQ itself writes there
        # ids: enrol_lane's rule; day, month: YYYY-MM-DD, YYYY-MM; metric: rollup names
        longest = {"sha256": 64, "_at": len(utc_now()), "_id": 64, "day": 10, "month": 7}
        longest["metric"] = 24
        kinds = [k for k in longest if k in column.name]
        assert kinds, f"{table}.{column.name}: what does HQ write here?"
        assert longest[kinds[0]] <= column.type.length
        return
    if source == CSV["from"]:
        row = {"sku": "s", "price": "1.00", "tax_class": "std", "name_en": "Water"}
        too_long = "x" * (column.type.length + 1)
        row[column.name] = too_long
        with pytest.raises(ValueError, match=f"(?i){column.name}|currency"):
            parse_row(row, too_long if column.name == "currency" else "EUR")
        return
    for reference in source:
        model_name, field = reference.split(".")
        assert _max_length(model_name, field) <= column.type.length, (
            f"{reference} allows {_max_length(model_name, field)} characters, "
            f"{table}.{column.name} holds {column.type.length}"
        )


def test_every_text_field_of_every_input_model_is_one_text_type():
    """One validator everywhere: every str leaf is Annotated with Text (control characters
    refused, a max_length set), every free-form object is JsonDetails."""
    checked = 0
    for model in INPUT_MODELS:
        for owner, name, annotation in _fields(model):
            texts = _text_of(annotation)
            assert all(isinstance(t, str) or t.max_length > 0 for t in texts)
            checked += bool(texts)
            if "dict" in str(annotation):
                assert annotation == JsonDetails, f"{owner.__name__}.{name}"
    assert checked >= 40


def test_enrolled_ids_fit_their_columns(hq_engine):
    enrol_lane(hq_engine, "s" * 64, "l" * 64)
    with pytest.raises(HqError):
        enrol_lane(hq_engine, "s" * 65, "lane")


BAD_TEXT = [
    (SALES, ("sales", 0, "transaction_id"), "tx\x00-1"),
    (SALES, ("sales", 0, "lines", 0, "tax_class"), "standard\x1b"),
    (SALES, ("sales", 0, "lines", 0, "name"), "Milk\u0085"),
    (SALES, ("sales", 0, "payments", 0, "brand"), "VISA\x7f"),
    (SALES, ("sales", 0, "payments", 0, "reference"), "p-\ud800"),
    (AUDIT, ("records", 0, "transaction_id"), "a\x00"),
    (AUDIT, ("records", 0, "reason"), "why\x00"),
    (AUDIT, ("records", 0, "staff_id"), "s-1\n"),
    (AUDIT, ("records", 0, "details"), {"note": "x\x00"}),
    (AUDIT, ("records", 0, "details"), {"k\x00": 1}),
    (AUDIT, ("records", 0, "details"), {"note": "\udc00"}),
    (HEARTBEAT, ("state",), "selling\x00"),
    (HEARTBEAT, ("app_version",), "1.0\x00"),
    (HEARTBEAT, ("devices", 0, "detail"), "jam\r\n"),
]


def _body(path: str, where: tuple, value: Any) -> Any:
    base = {
        SALES: {"sales": [sale()]},
        AUDIT: {"records": [audit_record()]},
        HEARTBEAT: heartbeat(),
    }[path]
    return set_path(base, where, value)


def _field(where: tuple) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@pytest.mark.parametrize(("path", "where", "value"), BAD_TEXT, ids=lambda v: repr(v)[:30])
def test_bad_text_is_refused_with_422_naming_the_field_before_the_database(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, path, where, value
):
    response = post(hq_server, lane_token, path, _body(path, where, value))
    assert response.status_code == 422, response.text
    assert response.json()["message"].startswith(_field(where) + ":"), response.json()
    assert stored_rows(hq_engine) == 0


def test_legal_long_values_are_stored_on_every_backend(hq_server, hq_engine, lane_token):
    """A 34- and a 64-character tax class (PostgreSQL answered 503 for 33+), a 64-character
    heartbeat state."""
    documents = []
    for n, tax_class in enumerate(("t" * 34, "reduced-rate-" + "x" * 51)):
        document = sale(seed=n)
        for line in document["lines"]:
            line["tax_class"] = tax_class
        documents.append(document)
    response = post(hq_server, lane_token, SALES, {"sales": documents})
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == ["accepted", "accepted"]
    assert post(hq_server, lane_token, HEARTBEAT, heartbeat(state="s" * 64)).status_code == 200
    with hq_engine.connect() as conn:
        classes = {r[0] for r in conn.execute(sa.text("SELECT tax_class FROM sale_line"))}
        state = conn.execute(sa.text("SELECT state FROM lane_status")).scalar_one()
    assert classes == {"t" * 34, "reduced-rate-" + "x" * 51}
    assert state == "s" * 64


def _nested(depth: int) -> dict:
    details: dict = {}
    inner = details
    for _ in range(depth - 1):
        inner["a"] = {}
        inner = inner["a"]
    return details


@pytest.mark.parametrize(
    ("path", "where", "value", "why"),
    [
        (AUDIT, ("records", 0, "details"), _nested(900), "nested deeper than"),
        (AUDIT, ("records", 0, "details"), _nested(MAX_DEPTH + 1), "nested deeper than"),
        (AUDIT, ("records", 0, "details"), {"list": [[[[[[[[[1]]]]]]]]]}, "nested deeper"),
        (AUDIT, ("records", 0, "details"), {"note": "x" * 20_000}, "characters of JSON"),
        (AUDIT, ("records", 0, "details"), {"n": 2**60}, "beyond"),
        (
            SALES,
            ("sales", 0, "audit"),
            [{"at": "2026-11-22T10:00:00Z", "action": "x", "details": _nested(900)}],
            "nested deeper than",
        ),
    ],
)
def test_audit_details_have_depth_and_size_limits(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, path, where, value, why
):
    response = post(hq_server, lane_token, path, _body(path, where, value))
    assert response.status_code == 422, response.text
    field = _field(where) + ("[0].details" if where[-1] == "audit" else "")
    assert response.json()["message"].startswith(field + ":")
    assert why in response.json()["message"]
    assert stored_rows(hq_engine) == 0


def test_details_at_the_limits_are_stored(hq_server, hq_engine, lane_token):
    records = [
        audit_record(1, details=_nested(MAX_DEPTH)),
        audit_record(2, details={"note": "x" * 15_000, "n": 2**53, "f": 1.5, "ok": None}),
    ]
    response = post(hq_server, lane_token, AUDIT, {"records": records})
    assert [r["status"] for r in response.json()["results"]] == ["accepted", "accepted"]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"records": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",  # the parser's own limit
        b'{"records": [{"details": {"n": ' + b"9" * 5000 + b"}}]}",  # Python's int limit
        b"\xff\xfe not utf-8",
    ],
    ids=["nested-100000", "huge-number", "not-utf8"],
)
def test_a_body_the_parser_cannot_read_is_422_not_400_or_500(hq_server, lane_token, raw):
    """Only 413/422 let the lane isolate and dead-letter the record (kiosk.sync.uploader)."""
    response = httpx.post(
        f"{hq_server.url}{AUDIT}",
        content=raw,
        headers={"Authorization": f"Bearer {lane_token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_body"


def _break_a_column(engine: sa.Engine) -> None:
    """Make the database refuse sale lines whose tax class is 'poison' (schema drift or a
    constraint the models do not know), on each backend its own way."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ALTER TABLE sale_line ADD CONSTRAINT no_poison "
                                 "CHECK (tax_class <> 'poison')"))  # fmt: skip
        else:
            conn.execute(sa.text(
                "CREATE TRIGGER no_poison BEFORE INSERT ON sale_line "
                "WHEN NEW.tax_class = 'poison' BEGIN SELECT RAISE(ABORT, 'no poison'); END"
            ))  # fmt: skip


def test_a_record_the_database_refuses_is_422_and_the_lane_dead_letters_it_alone(
    hq_server, hq_engine, lane_token, tmp_path
):
    """GIVEN a database that refuses one sale's content WHEN a lane uploads that sale among
    good ones THEN HQ answers 422 (not 503), and the lane's real uploader dead-letters
    the one sale and delivers the rest."""
    import json

    from kiosk.store import outbox
    from kiosk.store.db import connect, write_transaction
    from kiosk.store.sync_state import dead_letters
    from kiosk.sync.client import HqClient
    from kiosk.sync.uploader import drain

    _break_a_column(hq_engine)
    poison = sale(seed=50)
    for line in poison["lines"]:
        line["tax_class"] = "poison"
    response = post(hq_server, lane_token, SALES, {"sales": [poison]})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "unstorable"
    assert count(hq_engine, "sale") == 0

    lane = connect(tmp_path / "lane.sqlite3")
    documents = [sale(seed=n) for n in range(5)] + [poison] + [sale(seed=n) for n in range(6, 9)]
    with write_transaction(lane):
        for document in documents:
            outbox.enqueue(
                lane,
                document["transaction_id"],
                "sale",
                json.dumps(document),
                "2026-11-22T10:00:00Z",
            )
    client = HqClient(hq_server.url, lane_token, timeout_s=10)
    report = drain(lane, client, batch_size=20)
    client.close()
    assert (report.sent, report.dead) == (8, 1)
    assert [(d.transaction_id, d.http_status) for d in dead_letters(lane)] == [
        (poison["transaction_id"], 422)
    ]
    assert count(hq_engine, "sale") == 8


def test_a_database_that_fails_for_its_own_reasons_is_still_503(hq_server, hq_engine, lane_token):
    with hq_engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE lane_status"))
    response = post(hq_server, lane_token, HEARTBEAT, heartbeat())
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"


# Any code point, surrogates and controls included (json.dumps escapes them as \uXXXX).
_ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
_TARGETS = [
    (SALES, ("sales", 0, "transaction_id")),
    (SALES, ("sales", 0, "started_at")),
    (SALES, ("sales", 0, "currency")),
    (SALES, ("sales", 0, "lines", 0, "sku")),
    (SALES, ("sales", 0, "lines", 0, "name")),
    (SALES, ("sales", 0, "lines", 0, "tax_class")),
    (SALES, ("sales", 0, "lines", 0, "tax_rate")),
    (SALES, ("sales", 0, "lines", 0, "gtin")),
    (SALES, ("sales", 0, "lines", 0, "price_override_reason")),
    (SALES, ("sales", 0, "payments", 0, "masked_pan")),
    (SALES, ("sales", 0, "payments", 0, "outcome")),
    (AUDIT, ("records", 0, "transaction_id")),
    (AUDIT, ("records", 0, "reason")),
    (AUDIT, ("records", 0, "action")),
    (AUDIT, ("records", 0, "at")),
    (AUDIT, ("records", 0, "details", "note")),
    (HEARTBEAT, ("state",)),
    (HEARTBEAT, ("app_version",)),
    (HEARTBEAT, ("devices", 0, "name")),
]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(target=st.sampled_from(_TARGETS), text=_ANY_TEXT, key=_ANY_TEXT)
def test_random_text_in_any_field_never_gives_a_server_error(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, target, text, key
):
    path, where = target
    body = _body(path, where, text)
    if where[-1] == "note":  # a random key as well as a random value
        body["records"][0]["details"] = {key: text}
    response = post(hq_server, lane_token, path, body)
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert response.json()["message"].startswith(_field(where[:2]))
