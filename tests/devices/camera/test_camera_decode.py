"""Camera decoding of generated barcode images, region of interest, repeat filter, backends."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.camera.decode import PyzbarDecoder, ZxingDecoder, make_decoder
from kiosk.devices.camera.device import PreviewFrame
from kiosk.devices.camera.filters import RegionOfInterest, RepeatFilter
from kiosk.devices.camera.latest import LatestFrame
from kiosk.devices.errors import DeviceConfigError
from kiosk.devices.registry import build_device
from kiosk.devices.sim.camera import render_frame, write_images, write_video
from kiosk.devices.status import Health

CODES = [
    ("4006381333931", "ean13", "]E0"),
    ("https://example.test/r/42", "qrcode", "]Q1"),
    ("0109501101530003", "datamatrix", "]d1"),
    ("ABC-12345", "code128", "]C0"),
]


@pytest.mark.parametrize(("code", "fmt", "aim"), CODES)
def test_generated_codes_decode_with_their_aim_id(code: str, fmt: str, aim: str) -> None:
    frame = render_frame(code, fmt, at=(0.3, 0.6))
    scans = ZxingDecoder(["ean13", "qrcode", "datamatrix", "code128"]).decode(frame)
    assert [(s.code, s.symbology, s.source) for s in scans] == [(code, aim, "camera")]


def test_formats_restrict_what_is_read() -> None:
    frame = render_frame("hello", "qrcode")
    assert ZxingDecoder(["ean13"]).decode(frame) == []


def test_bgr_frames_and_noise_decode() -> None:
    rng = np.random.default_rng(7)
    gray = render_frame("4006381333931", "ean13").astype(np.int16)
    noisy = np.clip(gray + rng.normal(0, 10, gray.shape), 0, 255).astype(np.uint8)
    bgr = cv2.cvtColor(noisy, cv2.COLOR_GRAY2BGR)
    assert [s.code for s in ZxingDecoder(["ean13"]).decode(bgr)] == ["4006381333931"]


def test_region_of_interest_crops() -> None:
    frame = render_frame("4006381333931", "ean13", at=(0.2, 0.5))
    decoder = ZxingDecoder(["ean13"])
    assert decoder.decode(RegionOfInterest(0.0, 0.0, 0.5, 1.0).crop(frame))
    assert decoder.decode(RegionOfInterest(0.5, 0.0, 0.5, 1.0).crop(frame)) == []


@pytest.mark.parametrize("box", [(0.5, 0, 0.6, 1), (0, 0, 0, 1), (-0.1, 0, 0.5, 0.5)])
def test_region_outside_the_frame_is_refused(box: tuple[float, ...]) -> None:
    with pytest.raises(ValueError, match="not inside the frame"):
        RegionOfInterest(*box)


def test_repeat_filter_reports_once_while_in_view() -> None:
    repeats = RepeatFilter(window=2.0)
    seen = [repeats.accept("A", t) for t in (0.0, 0.5, 1.0, 2.9, 3.0)]
    assert seen == [True, False, False, False, False]  # held in view: one report
    assert repeats.accept("A", 6.0)  # away for 3 s and shown again
    assert repeats.accept("B", 6.1)


@settings(max_examples=200, deadline=None)
@given(
    times=st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=50),
    window=st.floats(0.1, 10),
)
def test_repeat_filter_never_reports_twice_within_the_window(
    times: list[float], window: float
) -> None:
    repeats = RepeatFilter(window)
    reported = [t for t in sorted(times) if repeats.accept("X", t)]
    assert all(b - a >= window for a, b in itertools.pairwise(reported))


def test_latest_frame_keeps_only_the_newest() -> None:
    slot = LatestFrame()
    assert slot.take(0.0) is None
    for number in range(3):
        slot.put(number)
    assert slot.take(0.0) == 2
    assert slot.dropped == 2
    assert slot.take(0.0) is None


def test_pyzbar_backend_absent_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyzbar", None)  # as if not installed: import fails
    with pytest.raises(DeviceConfigError, match=r"pyzbar.*install"):
        make_decoder("pyzbar", ["ean13"])
    with pytest.raises(DeviceConfigError, match=r"pyzbar.*install"):
        PyzbarDecoder()


@pytest.mark.skipif(importlib.util.find_spec("pyzbar") is None, reason="pyzbar not installed")
def test_pyzbar_backend_decodes_with_aim_ids() -> None:
    decoder = make_decoder("pyzbar", ["ean13", "qrcode"])
    assert [
        (s.code, s.symbology) for s in decoder.decode(render_frame("4006381333931", "ean13"))
    ] == [("4006381333931", "]E0")]
    assert [s.code for s in decoder.decode(render_frame("hello", "qrcode"))] == ["hello"]
    with pytest.raises(DeviceConfigError, match="cannot read datamatrix"):
        make_decoder("pyzbar", ["datamatrix"])


def _camera(path: Path, **options: object) -> Device:
    return build_device(
        DeviceConfig(
            name="cam",
            type="camera",
            driver="file",
            port=str(path),
            options={"fps": 100, "repeat_window_s": 60.0, "reconnect_initial_s": 0.02, **options},
        )
    )


def test_camera_device_plays_images_and_reports_each_code_once(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    write_images([(c, f) for c, f, _ in CODES], tmp_path / "frames")
    device = stopper(
        _camera(tmp_path / "frames", formats=["ean13", "qrcode", "datamatrix", "code128"])
    )
    device.add_listener(recorder)
    device.start()
    recorder.wait_data(4)
    recorder.wait_until(lambda: device.frames_decoded >= 12)  # every image seen 3 times
    assert sorted(s.code for s in recorder.data) == sorted(c for c, _, _ in CODES)


def test_camera_device_plays_a_video(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    video = write_video(
        [("4006381333931", "ean13"), ("hello", "qrcode")],
        tmp_path / "v.avi",
        fps=10,
        seconds_each=0.3,
        blank_between=0.2,
    )
    device = stopper(_camera(video))
    device.add_listener(recorder)
    device.start()
    codes = {s.code for s in recorder.wait_data(2)}
    assert codes == {"4006381333931", "hello"}


def test_camera_roi_option_hides_codes_outside_it(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    frames = tmp_path / "frames"
    frames.mkdir()
    cv2.imwrite(str(frames / "left.png"), render_frame("4006381333931", "ean13", at=(0.2, 0.5)))
    cv2.imwrite(str(frames / "right.png"), render_frame("5000112637922", "ean13", at=(0.8, 0.5)))
    device = stopper(_camera(frames, roi=[0.5, 0.0, 0.5, 1.0]))
    device.add_listener(recorder)
    device.start()
    recorder.wait_data(1)
    recorder.wait_until(lambda: device.frames_decoded >= 6)
    assert [s.code for s in recorder.data] == ["5000112637922"]


def test_missing_camera_source_is_offline_not_a_crash(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    device = stopper(_camera(tmp_path / "nothing-here"))
    device.add_listener(recorder)
    device.start()
    recorder.wait_health(Health.OFFLINE)
    assert "no such file" in device.status.detail


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"formats": ["ean13", "barcode9000"]}, "formats"),
        ({"roi": [0.5, 0.5, 0.9, 0.9]}, "roi"),
        ({"backend": "zbar"}, "backend"),
        ({"fsp": 10}, "fsp"),
    ],
)
def test_bad_camera_options_name_the_key(
    tmp_path: Path, options: dict[str, object], key: str
) -> None:
    with pytest.raises(ConfigError, match=rf"devices\.cam\.options\.{key}"):
        _camera(tmp_path, **options)


def test_preview_frames_are_delivered_when_asked_for(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    write_images([("4006381333931", "ean13")], tmp_path / "frames")
    device = stopper(_camera(tmp_path / "frames", preview_fps=30.0))
    device.add_listener(recorder)
    device.start()
    recorder.wait_for(lambda _: any(isinstance(d, PreviewFrame) for d in recorder.data))
    preview = next(d for d in recorder.data if isinstance(d, PreviewFrame))
    assert preview.frame.shape == (720, 1280)


def test_opencv_driver_reads_a_capture_and_reconnects_when_it_stops(
    tmp_path: Path, recorder: Callable, stopper: Callable[[Device], Device]
) -> None:
    # cv2.VideoCapture opens files like cameras: the end of the file is a camera that stopped
    video = write_video(
        [("4006381333931", "ean13")],
        tmp_path / "cam.avi",
        fps=10,
        seconds_each=0.3,
        blank_between=0.0,
    )
    device = stopper(
        build_device(
            DeviceConfig(
                name="cam",
                type="camera",
                driver="opencv",
                port=str(video),
                options={
                    "width": 0,
                    "height": 0,
                    "reconnect_initial_s": 0.02,
                    "repeat_window_s": 60.0,
                },
            )
        )
    )
    device.add_listener(recorder)
    device.start()
    assert recorder.wait_data(1)[0].code == "4006381333931"
    recorder.wait_health(Health.OFFLINE)
    recorder.wait_health(Health.READY, after=1)
    assert "stopped delivering frames" in " ".join(
        e.status.detail for e in recorder.events if hasattr(e, "status")
    )


@pytest.mark.parametrize(
    ("fmt", "aim"), [("gs1datamatrix", "]d2"), ("gs1-128", "]C1"), ("gs1qrcode", "]Q3")]
)
def test_gs1_codes_keep_their_separator_like_a_serial_scanner(fmt: str, aim: str) -> None:
    frame = render_frame("(01)09501101530003(10)ABC(21)XYZ", fmt, scale=3)
    scans = ZxingDecoder(["datamatrix", "code128", "qrcode"]).decode(frame)
    assert [(s.code, s.symbology) for s in scans] == [("010950110153000310ABC\x1d21XYZ", aim)]
