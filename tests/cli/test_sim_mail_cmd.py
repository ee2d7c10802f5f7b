"""``kiosk sim mail`` (an SMTP sink in its own process, each message a .eml file) and
``kiosk sim encoder`` (the name issue 13 gives the key encoder simulator: an alias of
``kiosk sim keyencoder``)."""

from __future__ import annotations

import re
import smtplib
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest


def test_the_mail_sink_writes_what_it_receives(tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    sink = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "sim", "mail", "--port", "0", "--dir", str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sink.stdout is not None
        line = sink.stdout.readline()
        found = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        assert found, line
        with smtplib.SMTP("127.0.0.1", int(found.group(1)), timeout=10) as smtp:
            smtp.sendmail("desk@hotel.example", ["ana@example.es"],
                          b"Subject: Your invoice\r\n\r\nBALANCE 0.00 EUR\r\n")  # fmt: skip
            # a mailbox that does not exist is refused for good
            with pytest.raises(smtplib.SMTPRecipientsRefused, match="550"):
                smtp.sendmail("desk@hotel.example", ["x@refused.invalid"], b"Subject: x\r\n\r\n")
        deadline = time.monotonic() + 10
        while not list(folder.glob("*.eml")):
            assert time.monotonic() < deadline, "no .eml written"
            threading.Event().wait(0.02)
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    (message,) = folder.glob("*.eml")
    assert message.name == "0001-ana@example.es.eml"
    text = message.read_bytes()
    assert b"X-Sim-Rcpt-To: ana@example.es" in text
    assert b"BALANCE 0.00 EUR" in text


def test_kiosk_sim_encoder_is_the_key_encoder_simulator() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "sim", "encoder", "--port", "0", "--exit"],
        input="status\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert re.search(r"keyencoder tcp: 127\.0\.0\.1:\d+", done.stdout)
