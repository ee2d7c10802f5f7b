"""The camera scanner: a capture thread fills the latest-frame slot, a decode thread reads it.

Capture runs on a :class:`ReconnectingWorker` (a camera that is unplugged or
fails to open is *offline* and retried with backoff). The decode thread takes
the newest frame, crops the region of interest, decodes with the configured
backend, drops repeats with :class:`RepeatFilter` and emits ``Scan`` data
events; with ``preview_fps`` set it also emits :class:`PreviewFrame` data for
the UI. A frame the decoder chokes on is an ErrorEvent, never a dead thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.devices.base import Device
from kiosk.devices.camera.decode import RETAIL_FORMATS, Decoder, Tuning, make_decoder
from kiosk.devices.camera.filters import RegionOfInterest, RepeatFilter
from kiosk.devices.camera.latest import LatestFrame
from kiosk.devices.camera.source import FrameSource
from kiosk.devices.errors import DeviceError
from kiosk.devices.worker import Backoff, ReconnectingWorker, start_thread

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PreviewFrame:
    """A frame for the UI's preview (numpy BGR or gray). Not compared, not for storage."""

    frame: Any = field(compare=False, repr=False)
    number: int = 0


@dataclass(frozen=True, slots=True)
class CameraSettings:
    backend: str = "zxing"
    formats: Sequence[str] = RETAIL_FORMATS
    tuning: Tuning = field(default_factory=Tuning)
    roi: RegionOfInterest = field(default_factory=RegionOfInterest)
    repeat_window: float = 2.0
    preview_fps: float = 0.0
    backoff: Backoff = field(default_factory=Backoff)


class CameraScanner(Device):
    """A camera used as a barcode scanner.

    Args:
        name: config name.
        open_source: opens the frame source; raises DeviceError if absent.
        settings: decoding settings.
    """

    kind = "camera"

    def __init__(
        self,
        name: str,
        open_source: Callable[[], FrameSource],
        settings: CameraSettings | None = None,
    ) -> None:
        super().__init__(name)
        self.settings = settings or CameraSettings()
        self._open_source = open_source
        self._latest = LatestFrame()
        self._decoder: Decoder | None = None
        self._capture: ReconnectingWorker[FrameSource] | None = None
        self._stop = threading.Event()
        self._decode_thread: threading.Thread | None = None
        self.frames_decoded = 0

    def _on_open(self) -> None:
        s = self.settings
        try:
            self._decoder = make_decoder(s.backend, s.formats, s.tuning)
        except DeviceError as error:
            error.device = self.name
            raise

    def _on_claim(self) -> None:
        self._stop.clear()
        self._capture = ReconnectingWorker(
            f"{self.name}-capture",
            self._open_source,
            self._serve_capture,
            lambda source: source.close(),
            on_status=self._set_status,
            backoff=self.settings.backoff,
        )
        self._capture.start()
        self._decode_thread = start_thread(f"{self.name}-decode", self._decode_loop)

    def _on_release(self) -> None:
        self._stop.set()
        if self._capture is not None:
            self._capture.stop()
            self._capture = None
        if self._decode_thread is not None:
            self._decode_thread.join(5.0)
            self._decode_thread = None

    def _serve_capture(self, source: FrameSource, stop: threading.Event) -> None:
        while not stop.is_set():
            frame = source.read()
            if frame is None:  # a file that ended: nothing more to show
                stop.wait(0.2)
                continue
            self._latest.put(frame)
            if source.interval:
                stop.wait(source.interval)

    def _decode_loop(self) -> None:
        repeats = RepeatFilter(self.settings.repeat_window)
        preview_every = 1.0 / self.settings.preview_fps if self.settings.preview_fps else 0.0
        last_preview = 0.0
        while not self._stop.is_set():
            frame = self._latest.take(0.2)
            if frame is None:
                continue
            now = kiosk_clock.monotonic()
            if preview_every and now - last_preview >= preview_every:
                last_preview = now
                self._emit_data(PreviewFrame(frame, self._latest.number))
            for scan in self._decode(frame):
                if repeats.accept(scan.code, now):
                    self._emit_data(scan)

    def _decode(self, frame: Any) -> list[Any]:
        assert self._decoder is not None
        try:
            scans = self._decoder.decode(self.settings.roi.crop(frame))
        except DeviceError as error:
            self._emit_error(error)
            return []
        except Exception as error:  # a decoder bug must not end scanning
            log.exception("%s: decoder failed", self.name)
            self._emit_error(DeviceError(f"decoder failed: {error}", self.name))
            return []
        self.frames_decoded += 1
        return scans
