"""``kiosk sim pms`` as a real process answers the driver over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.backoffice.pms.mews import MewsConnector
from kiosk.backoffice.pms.sim import ACCESS_TOKEN, CLIENT_TOKEN
from kiosk.domain.hotel.pms import PmsError, PmsErrorKind


@pytest.fixture
def cli_sim() -> Iterator[tuple[str, list[str]]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "sim", "pms", "--port", "0", "--fail", "503"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        stays = [process.stdout.readline() for _ in range(7)]
        yield banner.split(" on ")[1].split(" ")[0], stays
    finally:
        process.kill()
        process.wait()


def test_sim_pms_command_lists_its_stays_and_serves_the_mews_api(
    cli_sim: tuple[str, list[str]],
) -> None:
    url, stays = cli_sim
    assert url.startswith("http://127.0.0.1:")
    assert [line.split()[0] for line in stays] == [str(n) for n in range(4701, 4708)]
    with MewsConnector(url, CLIENT_TOKEN, ACCESS_TOKEN, "Kiosk CLI test", 10) as pms:
        with pytest.raises(PmsError) as error:  # --fail 503: the first call
            pms.find_by_confirmation("4701")
        assert error.value.kind is PmsErrorKind.UNREACHABLE
        assert pms.find_by_confirmation("4701").guests[0].surname == "García López"


def test_sim_pms_rejects_a_bad_fail_list() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "sim", "pms", "--port", "0", "--fail", "oops"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "--fail" in result.stderr
