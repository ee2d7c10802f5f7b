"""``kiosk run`` under a stand-in for systemd: a real lane process (offscreen window)
tells a notify socket it is READY once its window runs, pings the watchdog from
its UI thread, stops in order on SIGTERM (STOPPING, a clean-stop marker), and on
the way writes JSON-lines logs and its metrics file as its config asks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ready_watchdog_and_a_clean_stop(tmp_path: Path) -> None:
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n'
        f'[store]\npath = "{tmp_path / "lane.db"}"\n'
        f"[ui]\nfullscreen = false\n"
        f'[logging]\nlevel = "INFO"\nformat = "json"\nfile = "{tmp_path / "lane.jsonl"}"\n'
        f'metrics_file = "{tmp_path / "lane.prom"}"\n',
        encoding="utf-8",
    )
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.settimeout(120)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": str(tmp_path / "notify"),
        "WATCHDOG_USEC": "1000000",
        "KIOSK_CONFIG": "",
    }
    lane = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--config", str(config)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = notify.recv(4096).decode()
        assert first.startswith("READY=1\nSTATUS=l1 serving"), first
        pings = [notify.recv(4096).decode() for _ in range(3)]
        assert pings == ["WATCHDOG=1"] * 3
        lane.send_signal(signal.SIGTERM)
        rest = []
        while "STOPPING=1" not in rest:
            rest.append(notify.recv(4096).decode())
        assert lane.wait(60) == 0
    finally:
        if lane.poll() is None:
            lane.kill()
            lane.wait()
        notify.close()
    assert (tmp_path / "lane.db.clean-stop").exists()
    records = [json.loads(line) for line in (tmp_path / "lane.jsonl").read_text().splitlines()]
    assert records
    assert {"time", "level", "logger", "message"} <= set(records[0])
    metrics = (tmp_path / "lane.prom").read_text()
    assert 'kiosk_lane_outbox_depth{store="s1",lane="l1"} 0' in metrics
    assert time.time() - float(metrics.rsplit(" ", 1)[1]) < 600  # written by this run
