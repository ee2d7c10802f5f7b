"""Lane configuration managed at HQ reaches the lane (kiosk.sync.config_pull) through a
real HQ on 127.0.0.1 (SQLite and PostgreSQL): a value set at HQ lands in the lane's
copy and is loaded at the next start; a bad value, an identity key or a secret is
refused and the last good copy kept (the heartbeat reports why); with HQ away the
copy is used. Also: garbage copies and overrides get a ConfigError, never a traceback."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lane_helpers import lane_db, wait_for

from kiosk.config import load_config
from kiosk.config.errors import ConfigError
from kiosk.config.remote import (
    HqCopy,
    build_with,
    config_version,
    copy_path,
    read_copy,
    source_of,
    write_copy,
)
from kiosk.hq import lane_config
from kiosk.hq.tables import lane_config_override, lane_fleet
from kiosk.logs_recent import RecentErrors
from kiosk.sync.service import SyncService


def lane_files(tmp_path: Path, url: str, token: str) -> Path:
    """A lane's TOML file and migrated store; returns the TOML path."""
    store = tmp_path / "lane.sqlite3"
    path = tmp_path / "lane.toml"
    path.write_text(
        f'[lane]\nstore_id = "{STORE}"\nlane_id = "{LANE}"\n'
        f'[store]\npath = "{store}"\n'
        f'[sync]\nhq_url = "{url}"\ntoken = "{token}"\ntimeout_s = 3.0\n'
        "backoff_initial_s = 0.01\nbackoff_max_s = 0.1\n",
        encoding="utf-8",
    )
    lane_db(store).close()
    return path


@pytest.fixture(autouse=True)
def recent() -> Iterator[RecentErrors]:
    """The lane's error records, as the sync thread installs them."""
    handler = RecentErrors().install()
    yield handler
    handler.uninstall()


def start_lane(path: Path, recent: RecentErrors | None = None) -> SyncService:
    """What `kiosk run` does: load the config (local file + HQ copy), build sync."""
    config = load_config(path, environ={})
    return SyncService(config.store.path, config.sync, lane_config=config, recent_errors=recent)


def fleet_row(engine: sa.Engine) -> sa.Row:
    with engine.connect() as conn:
        return conn.execute(sa.select(lane_fleet)).one()


def force(engine: sa.Engine, store: str, lane: str, key: str, value: object) -> None:
    """Write an override straight into HQ's table, past HQ's own key check (an HQ with a
    bug, or an older one): the lane must refuse it by itself."""
    with engine.begin() as conn:
        conn.execute(
            sa.insert(lane_config_override).values(
                store_id=store, lane_id=lane, key=key, value=json.dumps(value), updated_at="x"
            )
        )


def test_a_value_set_at_hq_reaches_the_lanes_copy_and_the_next_start(
    tmp_path, hq_server, hq_engine, lane_token
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    lane_config.set_values(hq_engine, "", "", {"ui.idle_timeout_s": 75, "ui.hide_cursor": False})
    lane_config.set_values(hq_engine, STORE, "", {"lane.store_name": "Shop One"})
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": 50})
    lane_config.set_values(hq_engine, "other-store", "", {"lane.store_name": "Not ours"})
    service = start_lane(path)
    before = load_config(path, environ={})
    assert before.ui.idle_timeout_s == 90  # the default: nothing pulled yet

    report = service.run_once()

    assert report.errors == []
    copy = read_copy(copy_path(before.store.path))
    assert copy is not None
    assert copy.overrides == {
        "ui.idle_timeout_s": 50,
        "ui.hide_cursor": False,
        "lane.store_name": "Shop One",
    }
    assert copy.version == lane_config.for_lane(hq_engine, STORE, LANE)[0]
    # Not applied while running: the heartbeat names the running config's version.
    assert fleet_row(hq_engine).config_version == config_version(before)
    assert fleet_row(hq_engine).config_error is None
    after = load_config(path, environ={})  # the next start
    assert (after.ui.idle_timeout_s, after.ui.hide_cursor) == (50, False)
    assert after.lane.store_name == "Shop One"
    assert config_version(after) != config_version(before)
    # The installer's environment still wins over HQ.
    assert load_config(path, environ={"KIOSK__UI__IDLE_TIMEOUT_S": "33"}).ui.idle_timeout_s == 33
    # Asked again, HQ says nothing changed.
    assert start_lane(path).config_pull.pull(_client(service)) == "unchanged"


def _client(service: SyncService):
    from kiosk.sync.service import client_from_config

    return client_from_config(service.config)


@pytest.mark.parametrize("bad", ["soon", 5, 1.5, {"x": 1}])
def test_a_bad_value_is_refused_and_the_last_good_copy_kept(  # noqa: PLR0917
    tmp_path, hq_server, hq_engine, lane_token, bad, recent
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": 50})
    start_lane(path).run_once()
    copy_file = copy_path(tmp_path / "lane.sqlite3")
    good = copy_file.read_bytes()

    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": bad})
    service = start_lane(path, recent)
    report = service.run_once()

    assert report.errors == []  # a refusal is not a sync failure: no back-off
    assert copy_file.read_bytes() == good
    assert load_config(path, environ={}).ui.idle_timeout_s == 50
    assert service.config_pull is not None
    assert "ui.idle_timeout_s" in (service.config_pull.error or "")
    row = fleet_row(hq_engine)
    assert "ui.idle_timeout_s" in row.config_error
    assert "refused" in json.loads(row.errors)[-1]["message"]
    # HQ puts it right: the error clears with the next version.
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": 60})
    service.run_once()
    assert service.config_pull.error is None
    assert load_config(path, environ={}).ui.idle_timeout_s == 60


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("lane.store_id", "store-999"),
        ("lane", {"store_name": "ok", "store_id": "store-999"}),  # a table is checked per key
        ("lane.lane_id", "lane-99"),
        ("sync.token", "store-001:lane-01:stolen"),
        ("sync.hq_url", "http://evil.example"),
        ("payment.key_passphrase", "guess"),
        ("hq.admin_token", "x"),
        ("store.path", "/tmp/elsewhere.sqlite3"),
        ("logging.file", "/tmp/elsewhere.log"),
    ],
)
def test_identity_secrets_and_paths_from_hq_are_refused(  # noqa: PLR0917
    tmp_path, hq_server, hq_engine, lane_token, key, value
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": 50})
    start_lane(path).run_once()
    copy_file = copy_path(tmp_path / "lane.sqlite3")
    good = copy_file.read_bytes()
    with pytest.raises(Exception, match="HQ may not set"):
        lane_config.set_values(hq_engine, STORE, LANE, {key: value})
    force(hq_engine, STORE, LANE, key, value)

    service = start_lane(path)
    service.run_once()

    assert copy_file.read_bytes() == good
    assert key in (service.config_pull.error or "")
    config = load_config(path, environ={})
    assert (config.lane.store_id, config.lane.lane_id) == (STORE, LANE)
    assert config.sync.token == lane_token
    assert key in fleet_row(hq_engine).config_error


def test_with_hq_away_the_lane_starts_on_its_copy(tmp_path, hq_server, hq_engine, lane_token):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    lane_config.set_values(hq_engine, "", "", {"ui.idle_timeout_s": 45})
    start_lane(path).run_once()
    hq_server.stop(force=True)

    service = start_lane(path)  # a restart while HQ is away
    report = service.run_once()

    assert report.errors  # HQ unreachable: retried later
    assert load_config(path, environ={}).ui.idle_timeout_s == 45
    assert service.config_pull is not None
    assert service.config_pull.error is None


def test_a_copy_that_no_longer_builds_is_left_out_at_start(
    tmp_path, hq_server, hq_engine, lane_token, caplog
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    copy_file = copy_path(tmp_path / "lane.sqlite3")
    copy_file.write_text('{"version": "abc", "overrides": {"ui.idle_timeout_s": 1}}')
    with caplog.at_level(logging.WARNING, logger="kiosk.config.remote"):
        config = load_config(path, environ={})
    assert config.ui.idle_timeout_s == 90
    assert "HQ configuration left out" in caplog.text
    source = source_of(config)
    assert source is not None
    assert "ui.idle_timeout_s" in (source.hq_problem or "")
    service = SyncService(config.store.path, config.sync, lane_config=config)
    assert service.config_pull is not None
    assert "left out" in (service.config_pull.error or "")  # what the heartbeat says
    service.run_once()  # HQ has nothing set: an empty, good set replaces the bad copy
    assert service.config_pull.error is None
    assert fleet_row(hq_engine).config_error is None
    copy = read_copy(copy_file)
    assert copy is not None
    assert copy.overrides == {}
    assert load_config(path, environ={}).ui.idle_timeout_s == 90


def test_the_copy_is_replaced_atomically(tmp_path):
    target = tmp_path / "lane.sqlite3.hq-config.json"
    for n in range(3):
        write_copy(target, HqCopy(f"v{n}", {"ui.idle_timeout_s": 40 + n}, "t"))
    assert read_copy(target) == HqCopy("v2", {"ui.idle_timeout_s": 42}, "t")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_a_garbage_copy_is_a_config_error(tmp_path, data):
    target = tmp_path / "garbage.hq-config.json"
    target.write_bytes(data)
    try:
        copy = read_copy(target)
    except ConfigError as error:
        assert str(target) in str(error)  # noqa: PT017 - either outcome is legal
    else:
        assert copy is not None
        assert isinstance(copy.overrides, dict)


KEYS = st.sampled_from(
    ["ui.idle_timeout_s", "ui.hide_cursor", "lane.store_name", "ui", "lane", "payment.driver",
     "tax.rates", "x.y", "lane.store_name.more", "sync.token", "UI.X", ""]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(overrides=st.dictionaries(KEYS, JSON, max_size=4))
def test_garbage_overrides_are_a_config_error(tmp_path, overrides):
    local = tmp_path / "lane.toml"
    local.write_text('[lane]\nstore_id = "s"\nlane_id = "l"\n', encoding="utf-8")
    try:
        config = build_with(local, overrides, "v1", environ={})
    except ConfigError as error:
        assert str(error).startswith("HQ configuration v1")  # noqa: PT017
    else:
        assert (config.lane.store_id, config.lane.lane_id) == ("s", "l")


def test_the_running_sync_thread_reports_errors_logged_anywhere_on_the_lane(
    tmp_path, hq_server, hq_engine, lane_token
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    with path.open("a", encoding="utf-8") as file:
        file.write("heartbeat_interval_s = 1.0\nidle_poll_s = 0.05\n")
    config = load_config(path, environ={})
    service = SyncService(config.store.path, config.sync, lane_config=config)
    before = list(logging.getLogger().handlers)
    service.start()  # installs its error-record handler on the root logger
    try:
        logging.getLogger("kiosk.devices.printer").error("printer jammed\nat the cutter")

        def reported() -> bool:
            with hq_engine.connect() as conn:
                row = conn.execute(sa.select(lane_fleet.c.errors)).first()
            return row is not None and "printer jammed at the cutter" in row.errors

        wait_for(reported, what="the error in a heartbeat")
    finally:
        service.stop()
    assert fleet_row(hq_engine).config_version == config_version(config)
    assert logging.getLogger().handlers == before  # and stop removed it


class Replies:
    """Stands in for HqClient.lane_config only: hands the puller whatever HQ's JSON body
    decoded to (the HTTP and JSON layers are HqClient's and tested with it)."""

    def __init__(self, reply: object) -> None:
        self.reply = reply

    def lane_config(self, known: str | None = None) -> object:
        return self.reply


REPLY = st.fixed_dictionaries(
    {},
    optional={
        "version": st.text(max_size=6) | JSON,
        "unchanged": st.booleans() | JSON,
        "overrides": st.dictionaries(KEYS, JSON, max_size=3) | JSON,
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reply=REPLY)
def test_a_garbage_reply_from_hq_is_refused_or_saved_never_a_traceback(tmp_path, reply):
    from kiosk.config.remote import LocalSource
    from kiosk.sync.config_pull import ConfigPuller

    local = tmp_path / "lane.toml"
    local.write_text('[lane]\nstore_id = "s"\nlane_id = "l"\n', encoding="utf-8")
    copy_file = tmp_path / "lane.sqlite3.hq-config.json"
    write_copy(copy_file, HqCopy("good", {"ui.idle_timeout_s": 50}))
    puller = ConfigPuller(LocalSource(local, {}, "good", None), copy_file)

    outcome = puller.pull(Replies(reply))  # type: ignore[arg-type]

    copy = read_copy(copy_file)
    assert copy is not None
    if outcome == "saved":
        assert copy.version == reply["version"]
        build_with(local, copy.overrides, copy.version, environ={})  # what was kept builds
    else:
        assert copy == HqCopy("good", {"ui.idle_timeout_s": 50})
        assert (outcome == "refused") == (puller.error is not None)


def test_a_refused_value_quoting_a_card_number_is_reported_redacted(
    tmp_path, hq_server, hq_engine, lane_token
):
    path = lane_files(tmp_path, hq_server.url, lane_token)
    lane_config.set_values(hq_engine, STORE, LANE, {"ui.idle_timeout_s": "4111111111111111"})
    service = start_lane(path)
    assert service.run_once().errors == []
    reported = fleet_row(hq_engine).config_error
    assert "ui.idle_timeout_s" in reported
    assert "4111111111111111" not in reported


def test_hq_refusing_the_fleet_fields_still_gets_the_heartbeat(
    tmp_path, hq_server, hq_engine, lane_token
):
    from kiosk.sync.heartbeat import send_heartbeat
    from kiosk.sync.service import client_from_config

    path = lane_files(tmp_path, hq_server.url, lane_token)
    config = load_config(path, environ={})
    refused = {"errors": [{"at": "2026-11-22T10:00:00.000Z", "logger": "x", "message": "\x00"}]}
    conn = lane_db(config.store.path)
    client = client_from_config(config.sync)
    try:
        send_heartbeat(conn, client, "selling", [], refused)  # 422, then sent without
    finally:
        client.close()
        conn.close()
    with hq_engine.connect() as db:
        assert db.execute(sa.text("SELECT state FROM lane_status")).scalar_one() == "selling"
    assert fleet_row(hq_engine).errors == "[]"
