"""The sync service end to end (uploads, catalog, heartbeat) and ``kiosk sync`` commands."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from lane_helpers import add_sales, assert_hq_equals_lane, lane_db, sync_config, wait_for

from kiosk.cli import main
from kiosk.hq.catalog_csv import COLUMNS, import_csv
from kiosk.store.catalog import CatalogRepository
from kiosk.store.sync_state import status
from kiosk.sync.errors import LockHeld, SyncError
from kiosk.sync.service import SyncService, client_from_config


def test_one_round_uploads_pulls_and_beats(tmp_path, hq_server, hq_engine, lane_token):
    csv = tmp_path / "c.csv"
    csv.write_text(
        ",".join(COLUMNS) + "\n1,,,Water,,,0.89,standard,each,,,,drinks,\n", encoding="utf-8"
    )
    import_csv(hq_engine, csv, "EUR")
    lane = lane_db(tmp_path / "lane.sqlite3")
    add_sales(lane, 7)
    devices = [{"name": "scanner", "kind": "scanner", "status": "ok"}]
    service = SyncService(
        tmp_path / "lane.sqlite3",
        sync_config(hq_server.url, lane_token),
        lane_state=lambda: "idle",
        devices=lambda: devices,
    )
    report = service.run_once()
    assert report.errors == []
    assert (report.upload.sent, report.catalog.upserts, report.heartbeat) == (7, 1, True)
    assert_hq_equals_lane(hq_engine, lane)
    assert CatalogRepository(lane).get("1").price.minor == 89
    with hq_engine.connect() as conn:
        beat = conn.execute(sa.text("SELECT state, devices, outbox_depth FROM lane_status")).one()
    assert (beat[0], json.loads(beat[1])[0]["name"], beat[2]) == ("idle", "scanner", 0)
    assert {"last_upload_at", "last_catalog_at", "last_heartbeat_at"} <= set(status(lane).state)
    lane.close()


def test_the_running_service_uploads_new_sales_when_woken(
    tmp_path, hq_server, hq_engine, lane_token
):
    lane = lane_db(tmp_path / "lane.sqlite3")
    service = SyncService(
        tmp_path / "lane.sqlite3", sync_config(hq_server.url, lane_token, idle_poll_s=600.0)
    )
    service.start()
    try:
        with pytest.raises(LockHeld):
            SyncService(tmp_path / "lane.sqlite3", sync_config(hq_server.url, lane_token)).start()
        wait_for(lambda: "last_heartbeat_at" in status(lane).state, what="a first round")
        add_sales(lane, 5)
        service.wake()
        wait_for(lambda: status(lane).pending == 0, what="the woken upload")
    finally:
        service.stop()
    assert_hq_equals_lane(hq_engine, lane)
    lane.close()


def test_a_lane_without_hq_settings_is_told_it_is_standalone():
    with pytest.raises(SyncError, match="standalone"):
        client_from_config(sync_config("", ""))


def test_kiosk_sync_commands(tmp_path, hq_server, lane_token, capsys, monkeypatch):
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "store-001"\nlane_id = "lane-01"\n'
        f'[store]\npath = "{tmp_path / "lane.sqlite3"}"\n'
        f'[sync]\nhq_url = "{hq_server.url}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK__SYNC__TOKEN", lane_token)
    lane = lane_db(tmp_path / "lane.sqlite3")
    add_sales(lane, 3)
    add_sales(lane, 1, seed=9, mutate=lambda s: "{broken")
    assert main(["sync", "--config", str(config), "status"]) == 0
    assert "outbox pending:   4" in capsys.readouterr().out
    assert main(["sync", "--config", str(config), "run", "--once"]) == 0
    assert "uploaded 3" in capsys.readouterr().out
    assert main(["sync", "--config", str(config), "status"]) == 1  # a dead letter
    out = capsys.readouterr().out
    assert "dead letters:     1" in out
    assert "outbox pending:   0" in out
    assert main(["sync", "--config", str(config), "requeue"]) == 0
    assert "1 dead-lettered" in capsys.readouterr().out
    lane.close()


def test_catalog_changes_wait_for_the_open_basket_unless_configured(
    tmp_path, hq_server, hq_engine, lane_token
):
    csv = tmp_path / "c.csv"
    csv.write_text(
        ",".join(COLUMNS) + "\n1,,,Water,,,0.89,standard,each,,,,drinks,\n", encoding="utf-8"
    )
    import_csv(hq_engine, csv, "EUR")
    lane = lane_db(tmp_path / "lane.sqlite3")
    for during, expected in ((False, 0), (True, 1)):
        config = sync_config(hq_server.url, lane_token, apply_catalog_during_basket=during)
        service = SyncService(tmp_path / "lane.sqlite3", config, basket_open=lambda: True)
        assert service.run_once().catalog.held_back is not during
        assert CatalogRepository(lane).count() == expected
    lane.close()
