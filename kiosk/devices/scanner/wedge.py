"""Sans-IO decoder for keyboard-wedge scanners: key events in, ``Scan`` / ``Rejected`` out.

The evdev driver only moves ``(code, value)`` pairs (value 1 = press,
0 = release, 2 = auto-repeat) into :meth:`KeyDecoder.feed`. The decoder tracks
Shift, AltGr, Ctrl and Caps Lock, applies dead keys, turns keys into
characters with a :class:`Keymap`, and ends a scan at Enter (or Tab). Key
releases and repeats carry no characters; unknown keys are ignored.
"""

from __future__ import annotations

import struct

from kiosk.devices.protocol import Rejected
from kiosk.devices.scanner.keymap import (
    KEY_CAPSLOCK,
    KEY_ENTER,
    KEY_KPENTER,
    KEY_LEFTALT,
    KEY_LEFTCTRL,
    KEY_LEFTSHIFT,
    KEY_RIGHTALT,
    KEY_RIGHTCTRL,
    KEY_RIGHTSHIFT,
    KEY_TAB,
    Keymap,
    compose,
    control_char,
    is_dead,
)
from kiosk.devices.scanner.scan import Scan, split_aim

PRESS, RELEASE, REPEAT = 1, 0, 2
EV_KEY = 1
#: ``struct input_event`` (linux/input.h): timeval (two longs), type, code, value.
INPUT_EVENT = struct.Struct("llHHi")
TERMINATOR_KEYS = {"ENTER": frozenset({KEY_ENTER, KEY_KPENTER}), "TAB": frozenset({KEY_TAB})}


class KeyDecoder:
    """Turns one keyboard's key events into scans.

    Args:
        keymap: the layout the scanner types in.
        terminator: ``"ENTER"`` or ``"TAB"``.
        aim: split a leading AIM identifier off the code.
        max_length: longest accepted code in characters.
    """

    def __init__(
        self, keymap: Keymap, terminator: str = "ENTER", aim: bool = True, max_length: int = 512
    ) -> None:
        self.keymap = keymap
        self.terminators = TERMINATOR_KEYS[terminator]
        self.aim = aim
        self.max_length = max_length
        self._held: set[int] = set()
        self._capslock = False
        self._dead = ""
        self._chars: list[str] = []
        self._too_long = False

    def feed(self, code: int, value: int) -> list[object]:
        """Process one key event; return the Scan or Rejected it completes (if any)."""
        if value == RELEASE:
            self._held.discard(code)
            return []
        if value != PRESS:
            return []
        self._held.add(code)
        if code == KEY_CAPSLOCK:
            self._capslock = not self._capslock
            return []
        if code in self.terminators and not self._ctrl:
            return self._finish()
        self._type(self._char(code))
        return []

    @property
    def _ctrl(self) -> bool:
        return bool(self._held & {KEY_LEFTCTRL, KEY_RIGHTCTRL})

    def _char(self, code: int) -> str:
        if code in (
            KEY_LEFTSHIFT,
            KEY_RIGHTSHIFT,
            KEY_LEFTCTRL,
            KEY_RIGHTCTRL,
            KEY_LEFTALT,
            KEY_RIGHTALT,
        ):
            return ""
        if self._ctrl:
            return control_char(code, self.keymap)
        shift = bool(self._held & {KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
        return self.keymap.char(code, shift, KEY_RIGHTALT in self._held, self._capslock)

    def _type(self, char: str) -> None:
        if not char:
            return
        if is_dead(char):
            if self._dead:  # two dead keys: the first one types itself
                self._append(compose(self._dead, " "))
            self._dead = char
            return
        if self._dead:
            char, self._dead = compose(self._dead, char), ""
        self._append(char)

    def _append(self, text: str) -> None:
        if len(self._chars) + len(text) > self.max_length:
            self._too_long = True
            self._chars.clear()
            return
        self._chars.extend(text)

    def _finish(self) -> list[object]:
        if self._dead:
            self._append(compose(self._dead, " "))
            self._dead = ""
        text, self._chars = "".join(self._chars), []
        if self._too_long:
            self._too_long = False
            return [Rejected(f"scan longer than {self.max_length} characters")]
        if not text:
            return []
        symbology, code = split_aim(text) if self.aim else (None, text)
        if not code:
            return [Rejected("scan without a code", text.encode("utf-8"))]
        return [Scan(code, symbology, "hid", text.encode("utf-8"))]


class InputEventParser:
    """Sans-IO: raw bytes read from ``/dev/input/eventN`` -> ``(code, value)`` key events.

    Only EV_KEY events are returned (SYN, MSC scan codes and LEDs are dropped); a
    partial struct waits for the rest of its bytes.
    """

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[tuple[int, int]]:
        self._buffer += data
        size = INPUT_EVENT.size
        whole = len(self._buffer) - len(self._buffer) % size
        chunk, self._buffer = self._buffer[:whole], self._buffer[whole:]
        return [
            (code, value)
            for _, _, kind, code, value in INPUT_EVENT.iter_unpack(chunk)
            if kind == EV_KEY
        ]


def encode_key_event(code: int, value: int, kind: int = EV_KEY) -> bytes:
    """The bytes the kernel delivers for one input event (for simulators and tests)."""
    return INPUT_EVENT.pack(0, 0, kind, code, value)
