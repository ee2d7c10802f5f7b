"""The demo's HQ holds the sample recall, for the lanes to pull with their catalog."""

from __future__ import annotations

from pathlib import Path

import httpx

from kiosk.app.demo import DemoRig


def test_the_demo_hq_serves_the_sample_recall(tmp_path: Path) -> None:
    with DemoRig(tmp_path / "rig", with_hq=True) as rig:
        reply = httpx.get(
            f"{rig.hq_url}/api/v1/recalls/changes",
            headers={"Authorization": f"Bearer {rig.hq_token}"},
            timeout=10,
        )
    assert reply.status_code == 200
    recalls = reply.json()["recalls"]
    assert [(r["gtin"], r["batch"], r["withdrawn"]) for r in recalls] == [
        ("08410000000016", "RECALL1", False)
    ]
