"""A virtual camera: barcode pictures and videos to play through the camera driver.

``render_frame`` draws a code (zxing-cpp writes it) into a 1280x720 frame at a
given place; ``write_images`` / ``write_video`` store such frames for the
``file`` camera driver; ``play`` runs the real camera pipeline on a file and
reports each scan, which is what ``kiosk sim camera`` shows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiosk.devices.errors import DeviceConfigError, map_exceptions
from kiosk.devices.status import DataEvent, DeviceEvent, ErrorEvent

#: Config format name -> zxing-cpp BarcodeFormat member used to draw it.
WRITABLE = {
    "ean13": "EAN13",
    "ean8": "EAN8",
    "upca": "UPCA",
    "upce": "UPCE",
    "code128": "Code128",
    "qrcode": "QRCode",
    "datamatrix": "DataMatrix",
    "pdf417": "PDF417",
    "aztec": "Aztec",
    "itf": "ITF",
    "code39": "Code39",
    # GS1 variants: the code is given in HRI form "(01)09501101530003(10)ABC"; FNC1 encoded
    "gs1-128": "Code128",
    "gs1datamatrix": "DataMatrix",
    "gs1qrcode": "QRCode",
}


def barcode_image(code: str, fmt: str, scale: int = 4) -> Any:
    """A grayscale numpy image of ``code`` as ``fmt`` with quiet zones.

    Raises:
        DeviceConfigError: unknown format or content the format cannot hold.
    """
    import numpy as np

    if fmt not in WRITABLE:
        raise DeviceConfigError(f"cannot draw format {fmt!r}; known: {', '.join(WRITABLE)}")
    with map_exceptions("sim-camera", {ValueError: DeviceConfigError}):
        import zxingcpp

        options = {"gs1": True} if fmt.startswith("gs1") else {}
        barcode = zxingcpp.create_barcode(
            code, getattr(zxingcpp.BarcodeFormat, WRITABLE[fmt]), **options
        )
        image = np.array(barcode.to_image(scale=scale))
    if image.ndim == 2 and image.shape[0] < 40:  # 1-D codes come out one row high
        image = np.repeat(image[:1], 40 * scale, axis=0)
    return image


def render_frame(
    code: str,
    fmt: str,
    size: tuple[int, int] = (1280, 720),
    at: tuple[float, float] = (0.5, 0.5),
    scale: int = 4,
) -> Any:
    """A white ``size`` (width, height) frame with the code centred at fractions ``at``."""
    import numpy as np

    image = barcode_image(code, fmt, scale)
    width, height = size
    frame = np.full((height, width), 255, dtype=np.uint8)
    rows, cols = image.shape[:2]
    if rows > height or cols > width:
        raise DeviceConfigError(f"code {code!r} at scale {scale} does not fit in {size}")
    top = min(max(0, round(at[1] * height - rows / 2)), height - rows)
    left = min(max(0, round(at[0] * width - cols / 2)), width - cols)
    frame[top : top + rows, left : left + cols] = image
    return frame


def parse_codes(specs: Sequence[str]) -> list[tuple[str, str]]:
    """``"4006381333931:ean13"`` -> (code, format). Without a known format suffix: ean13
    for 13 digits, else qrcode (so ``https://...`` stays one code)."""
    out = []
    for spec in specs:
        code, _, fmt = spec.rpartition(":")
        if not code or fmt not in WRITABLE:
            code, fmt = spec, "ean13" if spec.isdigit() and len(spec) == 13 else "qrcode"
        out.append((code, fmt))
    return out


def write_images(codes: Sequence[tuple[str, str]], directory: Path) -> list[Path]:
    """One PNG per code in ``directory`` (created); returns the paths."""
    import cv2

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (code, fmt) in enumerate(codes, 1):
        path = directory / f"{number:03d}-{fmt}.png"
        with map_exceptions("sim-camera"):
            cv2.imwrite(str(path), render_frame(code, fmt))
        paths.append(path)
    return paths


def write_video(
    codes: Sequence[tuple[str, str]],
    path: Path,
    fps: int = 10,
    seconds_each: float = 1.0,
    blank_between: float = 0.5,
) -> Path:
    """An MJPG AVI showing each code for ``seconds_each`` with blank frames between."""
    import cv2
    import numpy as np

    with map_exceptions("sim-camera"):
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (1280, 720))
        blank = np.full((720, 1280, 3), 255, dtype=np.uint8)
        try:
            for code, fmt in codes:
                frame = cv2.cvtColor(render_frame(code, fmt), cv2.COLOR_GRAY2BGR)
                for _ in range(max(1, round(fps * seconds_each))):
                    writer.write(frame)
                for _ in range(round(fps * blank_between)):
                    writer.write(blank)
        finally:
            writer.release()
    return path


def play(
    path: Path,
    report: Callable[[DeviceEvent], None],
    seconds: float,
    fps: float = 10.0,
    options: dict[str, Any] | None = None,
) -> None:
    """Run the ``file`` camera driver on ``path`` for ``seconds``, reporting its events."""
    from kiosk.config.devices import DeviceConfig
    from kiosk.devices.registry import build_device

    config = DeviceConfig(
        name="sim-camera",
        type="camera",
        driver="file",
        port=str(path),
        options={"fps": fps, **(options or {})},
    )
    device = build_device(config)
    device.add_listener(report)
    device.start()
    try:
        threading.Event().wait(seconds)
    finally:
        device.shutdown()


def describe(event: DeviceEvent) -> str:
    """One line for the operator."""
    if isinstance(event, DataEvent):
        data = event.data
        return f"scan {getattr(data, 'symbology', None) or ''} {getattr(data, 'code', data)!r}"
    if isinstance(event, ErrorEvent):
        return f"error {event.error}"
    return f"status {event.status}"
