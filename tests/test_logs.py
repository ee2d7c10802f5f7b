"""The one logging setup masks card numbers and MRZs in every record it writes: message,
arguments and traceback, from any logger (DESIGN.md invariant 6)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.gtin import BarcodeError
from kiosk.logs import setup_logging

MRZ = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
NAME_LINE = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
PAN = "5555555555554444"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """``setup_logging`` writing to a file; the test's own logging is restored after."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    path = tmp_path / "kiosk.log"
    setup_logging("DEBUG", path)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])


def written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def leaked(text: str) -> list[str]:
    found = [s for s in ("ERIKSSON", "L898902C3", "7408122F1204159") if s in text]
    if re.search(r"\D{0,3}".join(PAN), text):
        found.append("card number")
    return found


def test_messages_and_arguments_are_masked(log_file: Path) -> None:
    log = logging.getLogger("kiosk.app.lane")
    log.info("scanned %s", MRZ)
    log.warning("scanned %r then %s", NAME_LINE, "5555 5555 5555 4444")
    log.info("card %s %s", "5555 5555", "5555 4444")  # split between two arguments
    logging.getLogger("httpx").info("GET /?pan=%s", "5555-5555-5555-4444")  # any logger
    text = written(log_file)
    assert leaked(text) == []
    assert text.count("[MRZ removed]") == 2
    assert text.count("************4444") == 3


def test_a_traceback_that_quotes_a_scan_is_masked(log_file: Path) -> None:
    log = logging.getLogger("kiosk.app.lane")

    def look_up(code: str) -> None:
        raise BarcodeError(f"barcode must be digits only, got {code!r}")

    for code in (MRZ, NAME_LINE + "\r" + MRZ, "5555 5555 5555 4444"):
        try:
            try:
                look_up(code)
            except BarcodeError as error:
                raise RuntimeError(f"lane job failed on {code}") from error
        except RuntimeError:
            log.exception("lane job failed")
    text = written(log_file)
    assert "Traceback" in text
    assert "barcode must be digits only" in text
    assert leaked(text) == []


def test_a_bad_format_string_still_logs(log_file: Path) -> None:
    logging.getLogger("kiosk").info("%d items", "5555 5555 5555 4444")
    text = written(log_file)
    assert "items" in text
    assert leaked(text) == []


@pytest.fixture
def json_log(tmp_path: Path) -> Iterator[Path]:
    """``setup_logging`` writing JSON lines to a small rotating file."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    path = tmp_path / "kiosk.jsonl"
    setup_logging("DEBUG", path, json_lines=True, rotate_bytes=2_000, rotate_keep=2)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])


def test_json_lines_carry_the_fields_and_extras_and_stay_masked(json_log: Path) -> None:
    log = logging.getLogger("kiosk.test")
    log.info("scanned %s", PAN, extra={"lane": "lane-01", "code": MRZ, "items": 3})
    try:
        raise BarcodeError(f"not a product: {NAME_LINE}")
    except BarcodeError:
        log.exception("refused")
    lines = [json.loads(line) for line in written(json_log).splitlines()]
    first, second = lines
    assert first["message"].startswith("scanned ")
    assert (first["level"], first["logger"], first["lane"], first["items"]) == (
        "INFO",
        "kiosk.test",
        "lane-01",
        3,
    )
    assert first["time"].endswith("+00:00")
    assert "BarcodeError" in second["exception"]
    assert leaked(written(json_log)) == []


def test_the_file_rotates_at_the_configured_size_and_keeps_that_many(json_log: Path) -> None:
    log = logging.getLogger("kiosk.test")
    for n in range(200):
        log.info("line %d of a long enough message to fill the file quickly", n)
    written(json_log)
    kept = sorted(p.name for p in json_log.parent.iterdir())
    assert kept == ["kiosk.jsonl", "kiosk.jsonl.1", "kiosk.jsonl.2"]
    assert all(p.stat().st_size <= 2_200 for p in json_log.parent.iterdir())


def test_the_lane_config_chooses_the_format(tmp_path: Path) -> None:
    from kiosk.config.lane import LoggingConfig
    from kiosk.logs import setup_lane_logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    path = tmp_path / "lane.log"
    try:
        setup_lane_logging(LoggingConfig(level="INFO", file=path, format="json"))
        logging.getLogger("kiosk.x").warning("hello")
        assert json.loads(written(path))["message"] == "hello"
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
