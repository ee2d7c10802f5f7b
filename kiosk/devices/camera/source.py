"""Where camera frames come from: an OpenCV capture (USB/CSI camera, RTSP) or files.

A source has ``read() -> frame | None`` (None: a file source that has ended)
and ``close()``; ``interval`` is the pause a file source wants between frames
(0 for a live camera, whose ``read`` blocks until the next frame). All OpenCV
errors come out as DeviceError.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from kiosk.devices.errors import DeviceConfigError, DeviceNotFound, DeviceOffline, map_exceptions

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"}


class FrameSource(Protocol):
    interval: float

    def read(self) -> Any | None:
        """The next frame (numpy BGR or gray); None when a file source has ended.

        Raises DeviceOffline when a camera stops delivering frames."""
        ...

    def close(self) -> None: ...


def _cv2() -> Any:
    with map_exceptions("opencv", {ImportError: DeviceConfigError}):
        import cv2
    return cv2


class CaptureSource:
    """A live camera through ``cv2.VideoCapture`` (index like ``"0"``, a device path or URL)."""

    interval = 0.0

    def __init__(self, spec: str, width: int = 0, height: int = 0, name: str = "camera") -> None:
        cv2 = _cv2()
        self.name = name
        target: int | str = int(spec) if spec.isdigit() else spec
        with map_exceptions(name):
            self._capture = cv2.VideoCapture(target)
            if not self._capture.isOpened():
                self._capture.release()
                raise DeviceNotFound(f"cannot open camera {spec!r}", name)
            if width and height:
                self._capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
                self._capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            self._capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # we only want the newest frame

    def read(self) -> Any:
        with map_exceptions(self.name):
            ok, frame = self._capture.read()
        if not ok:
            raise DeviceOffline("camera stopped delivering frames", self.name)
        return frame

    def close(self) -> None:
        with map_exceptions(self.name):
            self._capture.release()


class FileSource:
    """Frames from an image, a directory of images (sorted) or a video file.

    Args:
        path: the file or directory.
        fps: frames per second to play at.
        loop: start again at the end (else ``read`` returns None at the end).

    Raises:
        DeviceNotFound: the path does not exist or holds no images.
        DeviceError: a file OpenCV cannot read.
    """

    def __init__(
        self, path: str | Path, fps: float = 10.0, loop: bool = True, name: str = "camera"
    ) -> None:
        self.path = Path(path)
        self.name = name
        self.interval = 1.0 / fps if fps > 0 else 0.0
        self.loop = loop
        self._cv2 = _cv2()
        self._images: list[Path] = []
        self._index = 0
        self._video: Any = None
        if self.path.is_dir():
            self._images = sorted(
                p for p in self.path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES
            )
            if not self._images:
                raise DeviceNotFound(f"no images in {self.path}", name)
        elif not self.path.exists():
            raise DeviceNotFound(f"no such file {self.path}", name)
        elif self.path.suffix.lower() in IMAGE_SUFFIXES:
            self._images = [self.path]
        else:
            self._open_video()

    def _open_video(self) -> None:
        with map_exceptions(self.name):
            self._video = self._cv2.VideoCapture(str(self.path))
            if not self._video.isOpened():
                raise DeviceConfigError(f"cannot read video {self.path}", self.name)

    def read(self) -> Any | None:
        if self._video is not None:
            return self._read_video()
        if self._index >= len(self._images):
            if not self.loop:
                return None
            self._index = 0
        image_path = self._images[self._index]
        self._index += 1
        with map_exceptions(self.name):
            frame = self._cv2.imread(str(image_path), self._cv2.IMREAD_UNCHANGED)
        if frame is None:
            raise DeviceConfigError(f"cannot read image {image_path}", self.name)
        return frame

    def _read_video(self) -> Any | None:
        with map_exceptions(self.name):
            ok, frame = self._video.read()
            if not ok and self.loop:
                self._video.set(self._cv2.CAP_PROP_POS_FRAMES, 0)
                ok, frame = self._video.read()
        return frame if ok else None

    def close(self) -> None:
        if self._video is not None:
            with map_exceptions(self.name):
                self._video.release()
