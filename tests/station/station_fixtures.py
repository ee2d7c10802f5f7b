"""What the station's tests share: the key, lane configurations pointed at a station,
a lane store with the sample catalog, staff accounts, a signed-in member of staff's
HTTP client, and polling with a deadline."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from kiosk.domain.staff import Role, Staff
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository

ROOT = Path(__file__).resolve().parents[2]
KEY = "station-key-for-tests-0123456789abcdef"
LANE_HEADERS = {"Authorization": f"Bearer {KEY}"}
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L, 0.95 EUR
OIL = "8410111000417"  # olive oil, at most 5 a basket
BEER = "8410148001135"  # age-restricted
UNKNOWN = "4006381333931"  # a valid EAN-13 that is not in the catalog


def wait_until(condition: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
    """Poll ``condition`` (other threads and processes are working) until it is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"never happened: {what or condition}"
        time.sleep(0.05)  # polling another thread or process, not timing it


def add_staff(db: Path, staff_id: str, name: str, role: Role, pin: str = "2468") -> None:
    conn = connect(db)
    try:
        StaffRepository(conn).add(Staff(staff_id, name, role), pin=pin)
    finally:
        conn.close()


def station_staff(folder: Path) -> None:
    """The store's accounts, kept at the station: Ana (attendant), Sam (supervisor)."""
    add_staff(folder / "staff.sqlite3", "ana", "Ana", Role.ATTENDANT)
    add_staff(folder / "staff.sqlite3", "sam", "Sam", Role.SUPERVISOR)


def filled_store(path: Path) -> Path:
    """A lane store with the sample catalog (and nobody in its staff)."""
    conn = connect(path)
    try:
        import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    finally:
        conn.close()
    return path


def lane_toml(folder: Path, station_url: str, *, lane_id: str = "lane-01", **station: Any) -> Path:
    """A lane without devices, its store filled, reporting to ``station_url``."""
    folder.mkdir(parents=True, exist_ok=True)
    store = filled_store(folder / "lane.sqlite3")
    options = {"report_every_s": 1, "staff_every_s": 5, **station}
    lines = "".join(
        f"{k} = {str(v).lower() if isinstance(v, bool) else v}\n" for k, v in options.items()
    )
    path = folder / "lane.toml"
    path.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "{lane_id}"\ncurrency = "EUR"\n'
        f'[store]\npath = "{store}"\n'
        f'[logging]\nlevel = "INFO"\nfile = "{folder / "lane.log"}"\n'
        f'[station]\nurl = "{station_url}"\nkey = "{KEY}"\n{lines}',
        encoding="utf-8",
    )
    return path


def _toml(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


class StaffClient:
    """A member of staff signed in on the station, as the page's script calls it."""

    def __init__(self, url: str, staff_id: str, pin: str = "2468") -> None:
        self.http = httpx.Client(base_url=url, timeout=10)
        answer = self.http.post("/signin", data={"staff_id": staff_id, "pin": pin})
        assert answer.status_code == 303, answer.text

    def remote(self, lane_id: str, **body: Any) -> httpx.Response:
        return self.http.post(f"/api/lanes/{lane_id}/commands", json=body)

    def board(self) -> dict[str, Any]:
        answer = self.http.get("/api/board")
        answer.raise_for_status()
        return dict(answer.json())

    def close(self) -> None:
        self.http.close()


def result_of(board: dict[str, Any], command_id: int) -> dict[str, Any] | None:
    """The lane's result of a command as the page sees it (None: not yet)."""
    for command in board["commands"]:
        if command["id"] == command_id:
            return command["result"]
    raise AssertionError(f"command {command_id} is not among the recent ones")
