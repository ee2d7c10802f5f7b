"""Camera drivers for the registry: ``driver = "opencv"`` (a live camera) or ``"file"``
(an image, a directory of images or a video: the simulator's camera).

Options of both: backend ("zxing" or "pyzbar"), formats (list of ean13, ean8, upca,
upce, code128, code39, itf, databar, databar_expanded, databar_limited, qrcode,
datamatrix, pdf417, aztec; default: the retail set), try_rotate (true), try_downscale
(true), try_invert (false: light-on-dark codes, costly; zxing only), roi ([x, y, width,
height] fractions of the frame),
repeat_window_s (2.0: a code in view is reported once; again after this long away),
preview_fps (0: no PreviewFrame events), reconnect_initial_s, reconnect_max_s.
``opencv`` (``port`` = camera index "0", /dev/video0 or a URL): width (1280),
height (720). ``file`` (``port`` = path): fps (10), loop (true).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.camera.decode import RETAIL_FORMATS, Tuning, check_formats
from kiosk.devices.camera.device import CameraScanner, CameraSettings
from kiosk.devices.camera.filters import RegionOfInterest
from kiosk.devices.camera.source import CaptureSource, FileSource, FrameSource
from kiosk.devices.options import Options
from kiosk.devices.scanner.serial import read_backoff


def _settings(config: DeviceConfig, options: Options) -> CameraSettings:
    formats = options.str_list("formats", RETAIL_FORMATS)
    if problem := check_formats(formats):
        raise ConfigError("[[devices]]", f"devices.{config.name}.options.formats", formats, problem)
    roi = _roi(config, options)
    return CameraSettings(
        backend=options.choice("backend", "zxing", ["zxing", "pyzbar"]),
        formats=formats,
        tuning=Tuning(
            rotate=options.bool("try_rotate", True),
            downscale=options.bool("try_downscale", True),
            invert=options.bool("try_invert", False),
        ),
        roi=roi,
        repeat_window=options.float("repeat_window_s", 2.0, 0.0, 3600.0),
        preview_fps=options.float("preview_fps", 0.0, 0.0, 60.0),
        backoff=read_backoff(options),
    )


def _roi(config: DeviceConfig, options: Options) -> RegionOfInterest:
    raw = options.float_list("roi", [0.0, 0.0, 1.0, 1.0])  # [x, y, width, height]
    try:
        return RegionOfInterest(*raw)
    except (TypeError, ValueError):
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.options.roi",
            raw,
            "[x, y, width, height] as fractions of the frame, e.g. [0.25, 0.25, 0.5, 0.5]",
        ) from None


def _opencv(config: DeviceConfig) -> Device:
    options = Options(config.name, config.options)
    settings = _settings(config, options)
    width = options.int("width", 1280, 0, 8192)
    height = options.int("height", 720, 0, 8192)
    options.finish()
    spec = config.port or "0"

    def open_source() -> FrameSource:
        return CaptureSource(spec, width, height, config.name)

    return CameraScanner(config.name, open_source, settings)


def _file(config: DeviceConfig) -> Device:
    options = Options(config.name, config.options)
    settings = _settings(config, options)
    fps = options.float("fps", 10.0, 0.1, 240.0)
    loop = options.bool("loop", True)
    options.finish()
    if not config.port:
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.port",
            config.port,
            "an image, a directory of images or a video file",
        )

    def open_source() -> FrameSource:
        return FileSource(config.port, fps, loop, config.name)

    return CameraScanner(config.name, open_source, settings)


DRIVERS: dict[str, Callable[[DeviceConfig], Device]] = {"opencv": _opencv, "file": _file}
