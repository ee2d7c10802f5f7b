"""``kiosk sim ses`` as a real process answers the driver over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from ses_factories import report

from kiosk.backoffice.ses import SesClient, SesError, SesErrorKind, solicitud_xml
from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER

ENV = {**os.environ, "PYTHONPATH": str(Path.cwd())}


@pytest.fixture
def cli_url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "sim", "ses", "--port", "0", "--fail", "down"],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert USER in banner
        yield banner.split(" on ")[1].split(" ")[0]
    finally:
        process.kill()
        process.wait()


def test_sim_ses_command_serves_the_soap_api(cli_url: str) -> None:
    assert cli_url.endswith("/hospedajes-web/ws/v1/comunicacion")
    client = SesClient(cli_url, USER, PASSWORD, LANDLORD, 10)
    with pytest.raises(SesError) as failed:  # --fail down: the first call
        client.send(solicitud_xml(report()))
    assert failed.value.kind is SesErrorKind.UNREACHABLE
    assert client.send(solicitud_xml(report()))
    client.close()


def test_sim_ses_rejects_a_bad_fail_list() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "sim", "ses", "--port", "0", "--fail", "oops"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "--fail" in result.stderr
