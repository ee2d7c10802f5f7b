"""The fleet at HQ (kiosk.hq.fleet, kiosk.hq.lane_config) through a real HQ server on
SQLite and PostgreSQL: heartbeats with and without the fleet fields, the device health
history (a row per change, pruned), the last errors, the lanes' configuration endpoint
and ``kiosk hq config``; and the lane's error-record handler (kiosk.logs_recent)."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.config.remote import refusal
from kiosk.hq import fleet, lane_config
from kiosk.hq.auth import enrol_lane
from kiosk.hq.errors import HqError
from kiosk.logs_recent import MAX_MESSAGE, RecentErrors

OLD_BEAT = {  # what a lane older than the fleet pages sends
    "state": "selling",
    "app_version": "0.9.0",
    "outbox_depth": 0,
    "sent_at": "2026-11-22T10:00:00.000Z",
    "devices": [{"name": "scanner", "kind": "scanner", "status": "ok"}],
}


def beat(server, token, **fields) -> httpx.Response:
    return httpx.post(
        f"{server.url}/api/v1/lanes/heartbeat",
        json={**OLD_BEAT, **fields},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def devices(**statuses: str) -> list[dict[str, str]]:
    return [{"name": n, "kind": n, "status": s} for n, s in statuses.items()]


def history(engine) -> list[tuple[str, str]]:
    return [(c.device, c.status) for c in reversed(fleet.lane_info(engine, STORE, LANE).history)]


def test_an_old_lanes_heartbeat_is_accepted_with_defaults(hq_server, hq_engine, lane_token):
    assert beat(hq_server, lane_token).status_code == 200
    info = fleet.lane_info(hq_engine, STORE, LANE)
    assert (info.config_version, info.config_error, info.errors) == ("", None, ())
    assert history(hq_engine) == [("scanner", "ok")]


def test_device_history_gets_a_row_only_when_a_status_changes(hq_server, hq_engine, lane_token):
    sequence = [
        devices(scanner="ok", printer="ok"),
        devices(scanner="ok", printer="ok"),  # nothing changed
        devices(scanner="ok", printer="paper_out"),
        devices(scanner="ok", printer="paper_out"),
        devices(scanner="offline", printer="ok"),
        devices(scanner="offline"),  # the printer is no longer reported
        devices(scanner="offline"),
    ]
    for n, state in enumerate(sequence):
        sent = f"2026-11-22T10:00:{n:02d}.000Z"
        assert beat(hq_server, lane_token, devices=state, sent_at=sent).status_code == 200
    assert history(hq_engine) == [
        ("scanner", "ok"),
        ("printer", "ok"),
        ("printer", "paper_out"),
        ("scanner", "offline"),
        ("printer", "ok"),
        ("printer", fleet.ABSENT),
    ]
    newest = fleet.lane_info(hq_engine, STORE, LANE).history[0]
    assert newest.at == "2026-11-22T10:00:05.000Z"


def test_history_keeps_the_newest_rows_per_lane(hq_server, hq_engine, lane_token, monkeypatch):
    monkeypatch.setattr(fleet, "HISTORY_KEEP", 5)
    other = enrol_lane(hq_engine, STORE, "lane-02")
    beat(hq_server, other, devices=devices(scanner="ok"))
    for n in range(12):
        status = "ok" if n % 2 else "offline"
        assert beat(hq_server, lane_token, devices=devices(scanner=status)).status_code == 200
    assert history(hq_engine) == [("scanner", s) for s in ("ok", "offline", "ok", "offline", "ok")]
    with hq_engine.connect() as conn:
        count = sa.text("SELECT count(*) FROM device_history WHERE lane_id = 'lane-02'")
        assert conn.execute(count).scalar_one() == 1  # another lane's rows are its own


def test_the_config_version_and_last_errors_are_kept(hq_server, hq_engine, lane_token):
    errors = [
        {"at": f"2026-11-22T10:00:0{n}.000Z", "logger": "kiosk.sync", "message": f"failure {n}"}
        for n in range(3)
    ]
    answer = beat(
        hq_server, lane_token, config_version="0a1b2c3d4e5f", errors=errors, config_error="bad"
    )
    assert answer.status_code == 200
    info = fleet.lane_info(hq_engine, STORE, LANE)
    assert info.config_version == "0a1b2c3d4e5f"
    assert info.config_error == "bad"
    assert [e.message for e in info.errors] == ["failure 0", "failure 1", "failure 2"]
    assert beat(hq_server, lane_token, config_version="0a1b2c3d4e5f").status_code == 200
    cleared = fleet.lane_info(hq_engine, STORE, LANE)
    assert (cleared.errors, cleared.config_error) == ((), None)
    assert fleet.config_versions(hq_engine) == {(STORE, LANE): ("0a1b2c3d4e5f", False)}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("errors", [{"at": "2026-11-22T10:00:00Z", "logger": "x", "message": "m"}] * 11),
        ("errors", [{"at": "2026-11-22T10:00:00Z", "logger": "x", "message": "a\nb"}]),
        ("errors", [{"at": "2026-11-22T10:00:00Z", "logger": "x", "message": "m" * 501}]),
        ("errors", [{"at": "yesterday", "logger": "x", "message": "m"}]),
        ("errors", [{"at": "2026-11-22T10:00:00Z", "logger": "x", "message": "4111111111111111"}]),
        ("config_version", "not hex!"),
        ("config_version", "a" * 33),
    ],
)
def test_bad_fleet_fields_are_refused_naming_the_field(
    hq_server, hq_engine, lane_token, field, value
):
    answer = beat(hq_server, lane_token, **{field: value})
    assert answer.status_code == 422
    assert field in answer.json()["message"]
    assert fleet.lane_info(hq_engine, STORE, LANE).config_version is None  # nothing stored


def lane_config_get(server, token, **params) -> httpx.Response:
    return httpx.get(
        f"{server.url}/api/v1/lanes/config",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def test_a_lane_gets_the_fleets_then_its_stores_then_its_own_values(
    hq_server, hq_engine, lane_token
):
    lane_config.set_values(hq_engine, "", "", {"ui.idle_timeout_s": 75, "lane.store_name": "A"})
    lane_config.set_values(hq_engine, STORE, "", {"lane.store_name": "B", "ui.hide_cursor": False})
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": 50})
    lane_config.set_values(hq_engine, "store-002", "", {"lane.store_name": "C"})
    lane_config.set_values(hq_engine, STORE, "lane-02", {"lane.store_name": "D"})
    answer = lane_config_get(hq_server, lane_token)
    assert answer.status_code == 200
    body = answer.json()
    assert body["overrides"] == {
        "ui.idle_timeout_s": 50,
        "lane.store_name": "B",
        "ui.hide_cursor": False,
    }
    assert answer.headers["etag"] == f'"{body["version"]}"'
    again = lane_config_get(hq_server, lane_token, known=body["version"]).json()
    assert again == {"version": body["version"], "unchanged": True}
    other = enrol_lane(hq_engine, "store-002", "lane-01")
    assert lane_config_get(hq_server, other).json()["overrides"] == {
        "ui.idle_timeout_s": 75,
        "lane.store_name": "C",
    }
    lane_config.unset(hq_engine, STORE, LANE, ["ui.idle_timeout_s"])
    changed = lane_config_get(hq_server, lane_token, known=body["version"]).json()
    assert changed["overrides"]["ui.idle_timeout_s"] == 75
    assert changed["version"] != body["version"]


def test_the_config_endpoint_needs_a_lane_token(hq_server, hq_engine):
    assert lane_config_get(hq_server, "store-001:lane-01:wrong").status_code == 401
    assert httpx.get(f"{hq_server.url}/api/v1/lanes/config", timeout=30).status_code == 401


@pytest.mark.parametrize(
    "key",
    ["lane.store_id", "lane.lane_id", "sync.token", "payment.key_passphrase", "hq.admin_token",
     "store.path", "logging.file", "devices", "UI.Idle", "ui..x"],
)  # fmt: skip
def test_hq_refuses_keys_that_stay_on_the_lane(hq_engine, key):
    with pytest.raises(HqError, match="HQ may not set"):
        lane_config.set_values(hq_engine, STORE, "", {key: "x"})
    assert lane_config.overrides(hq_engine) == []


@pytest.mark.parametrize(
    "text",
    ['lane={store_id = "x"}', "sync={timeout_s = 3}", 'payment={x = {key_passphrase = "p"}}'],
)
def test_a_table_value_is_checked_key_by_key(text):
    with pytest.raises(HqError, match="HQ may not set"):
        lane_config.parse_assignment(text)


@pytest.mark.parametrize("text", ["ui.x=nan", "ui.x=inf", "ui.x=[1, -inf]", "ui.x=" + "9" * 5000])
def test_values_that_are_not_json_or_too_long_are_refused(text):
    with pytest.raises(HqError, match=r"ui\.x"):
        lane_config.parse_assignment(text)


def test_kiosk_hq_config_set_show_unset(hq_url, hq_engine, capsys):
    db = ["hq", "--database-url", hq_url, "config"]
    assert main([*db, "set", "ui.idle_timeout_s=60", 'lane.store_name="Shop"']) == 0
    assert main([*db, "set", "--store", STORE, "--lane", LANE, "ui.idle_timeout_s=45"]) == 0
    assert main([*db, "set", "--store", STORE, "sync.token=stolen"]) == 2
    assert "HQ may not set" in capsys.readouterr().err
    assert main([*db, "show"]) == 0
    shown = capsys.readouterr().out
    assert "fleet\tui.idle_timeout_s = 60" in shown
    assert f"lane {STORE}/{LANE}\tui.idle_timeout_s = 45" in shown
    assert main([*db, "show", "--store", STORE, "--lane", LANE]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert merged["overrides"] == {"ui.idle_timeout_s": 45, "lane.store_name": "Shop"}
    assert merged["version"] == lane_config.for_lane(hq_engine, STORE, LANE)[0]
    assert main([*db, "unset", "--store", STORE, "--lane", LANE, "ui.idle_timeout_s"]) == 0
    assert lane_config.for_lane(hq_engine, STORE, LANE)[1]["ui.idle_timeout_s"] == 60


def test_recent_errors_keep_the_last_ten_redacted_on_one_line():
    logger = logging.getLogger("kiosk.test_recent")
    handler = RecentErrors().install(logger)
    try:
        logger.warning("only a warning")
        for n in range(12):
            logger.error("failure %d\nsecond line", n)
        logger.error("card 4111 1111 1111 1111 declined")
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("x" * 1000)
    finally:
        handler.uninstall(logger)
    kept = handler.snapshot()
    assert len(kept) == 10
    assert kept[0]["message"] == "failure 4 second line"
    assert "4111 1111 1111 1111" not in kept[-2]["message"]
    assert len(kept[-1]["message"]) == MAX_MESSAGE
    assert all(k["logger"] == "kiosk.test_recent" for k in kept)
    assert all(k["at"].endswith("Z") and len(k["at"]) == 24 for k in kept)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_a_garbage_assignment_is_an_hq_error_or_a_json_value(text):
    try:
        key, value = lane_config.parse_assignment(text)
    except HqError as error:
        assert str(error)  # noqa: PT017 - either outcome is legal
    else:
        assert refusal(key) is None
        assert json.loads(json.dumps(value)) == value
