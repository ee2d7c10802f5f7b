"""``Speaker``: the audio mode's voice, an offline ``espeak-ng`` run as a subprocess.

Theory of operation: the shopper's screen hands every step and scan to the window's
speech hook (``KioskWindow.speak``); while the audio mode is on, the hook calls
``Speaker.say(text, language)``. ``say`` never blocks the UI thread: it puts the
utterance in a one-place mailbox (a newer utterance replaces one not started yet),
asks the running ``espeak-ng`` to stop (SIGTERM), and wakes the one speech worker
thread (started through ``kiosk.threads``). The worker starts ``espeak-ng`` with the
voice of the shopper's language, feeds it the text on stdin (so no text is taken
for an option) and waits for it, then reports ``finished(text, completed)`` back to
the UI thread. So one utterance sounds at a time, and the newest always wins.

``repeat()`` says the last utterance again: the "press to repeat" key of the
headphone-jack audio kits. With ``wav_dir`` set (tests, ``kiosk screenshots``-like
tools) each utterance is written to ``<wav_dir>/utterance-<n>.wav`` instead of the
sound card. Without the binary ``available`` is False and the accessibility panel
says the audio mode is unavailable; ``say`` is then a no-op.
"""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.threads import start_thread

log = logging.getLogger(__name__)

BINARY = "espeak-ng"
#: Shopper language -> espeak-ng voice. A language without one speaks English.
VOICES = {"en": "en", "es": "es", "fr": "fr"}
#: The key that says the last text again (audio jack keypads send a key like this).
REPEAT_KEY = "F12"
DEFAULT_RATE_WPM = 150  # espeak-ng's default is 175: a little slower for a noisy shop


def find_engine(name: str = BINARY) -> str | None:
    """The path of the speech engine ``name`` on PATH (or ``name`` itself if it is an
    executable path), or None when it is not installed."""
    return shutil.which(name)


@dataclass(frozen=True, slots=True)
class Utterance:
    """One text to say: its number (1, 2, ...), the text and the shopper language."""

    number: int
    text: str
    language: str


class Speaker(QObject):
    """Says one text at a time with ``espeak-ng``; a newer text cancels an older one.

    Signals:
        started(str): the engine began this text (on the UI thread).
        finished(str, bool): the engine ended this text; False if it was cut short by
            a newer one (or by ``stop``) or the engine failed.

    Args:
        binary: the engine's path; None looks ``espeak-ng`` up on PATH.
        rate_wpm: speaking rate in words per minute (80-450).
        wav_dir: write each utterance to a WAV file there instead of the sound card.
    """

    started = Signal(str)
    finished = Signal(str, bool)

    def __init__(
        self,
        binary: str | None = None,
        *,
        rate_wpm: int = DEFAULT_RATE_WPM,
        wav_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not 80 <= rate_wpm <= 450:
            raise ValueError(f"rate_wpm {rate_wpm} is not from 80 to 450 words per minute")
        self._binary = binary if binary is not None else find_engine()
        self._rate = rate_wpm
        self._wav_dir = wav_dir
        self._enabled = False
        self._last: tuple[str, str] | None = None
        self._lock = threading.Condition()
        self._pending: Utterance | None = None
        self._running: subprocess.Popen[bytes] | None = None
        self._count = 0
        self._worker: threading.Thread | None = None

    # -- what the shell asks ------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether the speech engine is installed."""
        return self._binary is not None

    def enabled(self) -> bool:
        """Whether the audio mode is on."""
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        """Switch the audio mode; off (or no engine) stops any speech at once."""
        self._enabled = on and self.available
        if not self._enabled:
            self.stop()

    def say(self, text: str, language: str) -> None:
        """Say ``text`` in ``language``'s voice, cutting off whatever is being said.

        Returns at once; does nothing while the audio mode is off or the text is empty."""
        text = " ".join(text.split())
        if not (self._enabled and text):
            return
        self._last = (text, language)
        with self._lock:
            self._count += 1
            self._pending = Utterance(self._count, text, language)
            self._cut_running()
            self._lock.notify()
        if self._worker is None:
            self._worker = start_thread("speech", self._work)

    def repeat(self) -> None:
        """Say the last text again (the "press to repeat" key)."""
        if self._last is not None:
            self.say(*self._last)

    def last_text(self) -> str | None:
        """The last text said (or being said), for "press to repeat"."""
        return self._last[0] if self._last is not None else None

    def stop(self) -> None:
        """Silence: drop what is waiting and stop what is being said."""
        with self._lock:
            self._pending = None
            self._cut_running()

    def wav_path(self, number: int) -> Path | None:
        """Where utterance ``number`` is written in WAV mode (None when speaking aloud)."""
        return self._wav_dir / f"utterance-{number}.wav" if self._wav_dir is not None else None

    def command(self, utterance: Utterance) -> list[str]:
        """The engine's command line for ``utterance`` (the text goes on stdin)."""
        if self._binary is None:
            raise RuntimeError(f"no {BINARY} installed: the audio mode is unavailable")
        voice = VOICES.get(utterance.language, VOICES["en"])
        command = [self._binary, "-v", voice, "-s", str(self._rate), "--stdin"]
        wav = self.wav_path(utterance.number)
        if wav is not None:
            command[1:1] = ["-w", str(wav)]
        return command

    # -- the worker ---------------------------------------------------------------
    def _cut_running(self) -> None:
        """Ask the running engine to stop (call with the lock held; never waits)."""
        running = self._running
        if running is not None and running.poll() is None:
            running.terminate()

    def _work(self) -> None:
        while True:
            with self._lock:
                while self._pending is None:
                    self._lock.wait()
                utterance, self._pending = self._pending, None
            self._speak(utterance)

    def _speak(self, utterance: Utterance) -> None:
        """Run the engine on ``utterance`` until it ends or is cut (worker thread)."""
        try:  # started outside the lock: a fork is never waited for by ``say``
            process = subprocess.Popen(
                self.command(utterance),
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            log.error("speech engine %s failed to start: %s", self._binary, error)
            self.finished.emit(utterance.text, False)
            return
        with self._lock:
            self._running = process
            if self._pending is not None:  # a newer text came while it started
                process.terminate()
        self.started.emit(utterance.text)
        try:
            _out, err = process.communicate(utterance.text.encode("utf-8"))
        except OSError:  # the pipe broke: the engine was stopped while reading
            process.wait()
            err = b""
        with self._lock:
            self._running = None
        if process.returncode not in (0, -signal.SIGTERM):
            log.warning(
                "speech engine exited %s: %s",
                process.returncode,
                err.decode(errors="replace").strip()[-200:],
            )
        self.finished.emit(utterance.text, process.returncode == 0)
