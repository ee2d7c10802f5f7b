"""``kiosk devices list|check`` and ``kiosk sim scanner|camera`` through the real CLI entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.devices.sim.camera import parse_codes
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.sim.scanner import ScannerSimulator, parse_script, run_line
from kiosk.devices.transport import open_serial

LANE = """
[lane]
store_id = "store-001"
lane_id = "lane-01"

[[devices]]
name = "scanner"
type = "scanner"
driver = "serial"
port = "{port}"
options = {{ terminator = "CR" }}

[[devices]]
name = "cam"
type = "camera"
driver = "file"
port = "{frames}"
required = false
"""


@pytest.fixture
def lane(tmp_path: Path) -> tuple[Path, VirtualPort]:
    frames = tmp_path / "frames"
    main(["sim", "camera", "make", str(frames), "4006381333931"])
    port = VirtualPort(tmp_path / "ttyScan")
    config = tmp_path / "lane.toml"
    config.write_text(LANE.format(port=port.path, frames=frames))
    return config, port


def test_list_shows_the_configured_devices(
    lane: tuple[Path, VirtualPort], capsys: pytest.CaptureFixture[str]
) -> None:
    config, _ = lane
    assert main(["devices", "--config", str(config), "list"]) == 0
    out = capsys.readouterr().out
    assert "scanner      scanner  serial" in out
    assert "[optional]" in out


def test_check_fails_for_a_missing_required_scanner_then_passes(
    lane: tuple[Path, VirtualPort], capsys: pytest.CaptureFixture[str]
) -> None:
    config, port = lane
    assert main(["devices", "--config", str(config), "check", "--timeout", "0.5"]) == 1
    assert "scanner      FAIL offline" in capsys.readouterr().out
    with port:
        assert main(["devices", "--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    assert "scanner      OK   ready" in out
    assert "cam          OK   ready" in out


def test_bad_config_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "lane.toml"
    config.write_text(
        LANE.format(port="/dev/x", frames=tmp_path).replace(
            'terminator = "CR"', 'terminator = "CRCR"'
        )
    )
    assert main(["devices", "--config", str(config), "check"]) == 2
    assert "devices.scanner.options.terminator" in capsys.readouterr().err


def test_interactive_lines_and_scripts() -> None:
    with VirtualPort() as port:
        stream = open_serial(port.path)
        sim = ScannerSimulator(port, prefix=b"#")
        assert run_line(sim, "]E04006381333931") == "sent ]E04006381333931"
        received = b""
        while not received.endswith(b"\r"):
            received += stream.read(100, timeout=5)
        assert received == b"#]E04006381333931\r"
        stream.close()
        assert run_line(sim, "unplug") == "unplugged"
        assert run_line(sim, "replug").startswith("plugged in at /dev/pts/")
    steps = list(parse_script(["# c", "sleep 0.5", "raw 00ff", r"01\x1d10"]))
    assert [s.sleep for s in steps] == [0.5, 0, 0]
    assert steps[1].raw == b"\x00\xff"
    assert steps[2].code == "01\x1d10"
    with pytest.raises(ValueError, match="script line 1"):
        list(parse_script(["raw zz"]))


def test_sim_scanner_process_prints_its_port_and_sends_codes(tmp_path: Path) -> None:
    script = tmp_path / "codes.txt"
    script.write_text("4006381333931\n")
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "sim", "scanner", "--file", str(script), "--exit"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("scanner port: /dev/pts/")
    assert "1 codes sent" in proc.stdout


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("https://example.test/r/1", ("https://example.test/r/1", "qrcode")),
        ("4006381333931", ("4006381333931", "ean13")),
        ("ABC-1:code128", ("ABC-1", "code128")),
        ("(01)09501101530003(10)A:gs1datamatrix", ("(01)09501101530003(10)A", "gs1datamatrix")),
    ],
)
def test_sim_camera_code_specs(spec: str, expected: tuple[str, str]) -> None:
    assert parse_codes([spec]) == [expected]


def test_sim_camera_make_refuses_content_a_format_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sim", "camera", "make", str(tmp_path), "12a45:ean13"]) == 2
    assert "sim-camera" in capsys.readouterr().err
