"""The lane's metrics file: valid Prometheus text (read back with prometheus_client's own
parser), written atomically, still written when a figure cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.app.lane_metrics import LaneMetrics


def samples(path: Path) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(path.read_text()):
        for sample in family.samples:
            found[sample.name, tuple(sorted(sample.labels.items()))] = sample.value
    return found


def test_the_file_holds_each_figure_with_its_labels(tmp_path: Path) -> None:
    metrics = LaneMetrics(
        tmp_path / "lane.prom", lane=("s1", "l1"), outbox_depth=lambda: 4, wall_clock=lambda: 1e9
    )
    for seconds in (0.003, 0.007, 0.012, 0.2):
        metrics.observe_scan_to_screen(seconds)
    metrics.observe_payment(6.5, "approved")
    metrics.observe_payment(31.0, "declined")
    metrics.write()
    found = samples(tmp_path / "lane.prom")
    who = (("lane", "l1"), ("store", "s1"))
    assert found["kiosk_lane_scan_to_screen_seconds_count", who] == 4
    assert (
        found["kiosk_lane_scan_to_screen_seconds_bucket", (*who[:1], ("le", "0.0167"), *who[1:])]
        == 3
    )
    assert found["kiosk_lane_scan_to_screen_seconds_sum", who] == pytest.approx(0.222)
    approved = (("lane", "l1"), ("outcome", "approved"), ("store", "s1"))
    assert found["kiosk_lane_payment_seconds_count", approved] == 1
    assert found["kiosk_lane_outbox_depth", who] == 4
    assert found["kiosk_lane_metrics_written_seconds", who] == 1e9
    assert not (tmp_path / "lane.prom.tmp").exists()


def test_an_unreadable_outbox_still_writes_the_rest(tmp_path: Path) -> None:
    def broken() -> int:
        raise OSError("database is locked")

    metrics = LaneMetrics(tmp_path / "lane.prom", lane=("s1", "l1"), outbox_depth=broken)
    metrics.observe_scan_to_screen(0.01)
    metrics.write()
    names = {name for name, _labels in samples(tmp_path / "lane.prom")}
    assert "kiosk_lane_outbox_depth" not in names
    assert "kiosk_lane_scan_to_screen_seconds_count" in names


def test_a_folder_that_cannot_be_written_is_logged_not_raised(tmp_path: Path, caplog) -> None:
    (tmp_path / "file").write_text("in the way")
    LaneMetrics(tmp_path / "file" / "lane.prom", lane=("s", "l"), outbox_depth=lambda: 0).write()
    assert "cannot write" in caplog.text


def test_start_writes_at_once_and_stop_writes_a_last_time(tmp_path: Path) -> None:
    path = tmp_path / "lane.prom"
    metrics = LaneMetrics(path, lane=("s", "l"), outbox_depth=lambda: 0, every_s=3600)
    metrics.start()
    assert path.exists()
    metrics.observe_payment(2.0, "cancelled")
    metrics.stop()
    assert 'outcome="cancelled"' in path.read_text()
