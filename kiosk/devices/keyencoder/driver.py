"""The key card encoder device: guest keys through a Salto server (PMS Industry Standard).

Theory of operation
-------------------
:meth:`KeyEncoder.encode_keys`, :meth:`KeyEncoder.read_key` and
:meth:`KeyEncoder.check_out` build their commands on the caller's thread (a bad
value fails at once, naming it) and hand one job to the device's worker (a
:class:`ReconnectingWorker` holding the TCP or serial link). The caller blocks
until the job ends and gets the confirmed results or a :class:`KeyEncoderError`.

The worker runs one exchange at a time, as the protocol's handshake asks:
``ENQ`` -> ``ACK`` (the Salto interface is ready), the framed command -> ``ACK``
(it was received intact), then the answer: the command echoed when the key is
on the card, or an error code (:data:`~kiosk.devices.keyencoder.messages.ERRORS`).
``N`` keys are one ``CN`` (a new guest key: earlier keys of the room stop
working) and ``N - 1`` ``CC`` copies, each confirmed before the next is asked
for, so when key 2 fails the error still lists key 1 as encoded
(:attr:`KeyEncoderError.encoded`). With ``replace_existing=False`` every key is
a ``CC`` copy and the keys the guest already has keep working (the "my key
does not work" path).

Failures are named by :attr:`KeyEncoderError.reason`: ``no_card`` (EP, ED),
``card_error`` (EF), ``unknown_room`` (TD), ``room_checked_out`` (EA),
``out_of_service`` (OS), ``busy`` (OV, EO, or NAK to ENQ), ``encoder_unreachable``
(NC), ``refused`` (ES, NF, EG, or NAK to the message), ``blank_card`` (a read
found no key), ``timeout`` (no ACK or no answer in time: the key's state is
unknown, read it back) and ``offline`` (no link, or the Salto interface does
not answer ENQ). The error's ``code`` is the Salto code when there was one.

Between jobs the worker sends ``ENQ`` every ``status_interval``: ``ACK`` ->
ready, ``NAK`` -> busy, silence -> offline (the link stays up and recovers by
itself); a lost link is offline until the worker reconnects (invariant 7).
Stray bytes, bad LRCs and unknown answers become ErrorEvents and are skipped.
The guest's name is kept in the results for the journey and never logged.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk import clock as kiosk_clock
from kiosk.devices.base import Device, DeviceState
from kiosk.devices.errors import DeviceError, DeviceStateError, ProtocolError
from kiosk.devices.keyencoder.messages import (
    Answer,
    CheckedOut,
    Checkout,
    Command,
    EncodeKey,
    EncoderFault,
    Enquiry,
    HostEvent,
    HostProtocol,
    KeyEncoded,
    KeyRead,
    ReadKey,
    encode,
)
from kiosk.devices.keyencoder.protocol import Ack, Enq, Nak
from kiosk.devices.keyencoder.results import REASONS, KeyEncoderError, KeyInfo, KeyResult
from kiosk.devices.protocol import Rejected
from kiosk.devices.status import DeviceStatus, Health
from kiosk.devices.transport import ByteStream
from kiosk.devices.worker import Backoff, ReconnectingWorker

log = logging.getLogger(__name__)

MAX_KEYS = 4  # the 1-4 keys; Salto itself does not limit copies
_IDLE_WAIT = 0.1


@dataclass(frozen=True, slots=True)
class KeyEncoderSettings:
    """Who we are to Salto and how long to wait (from ``options``)."""

    encoder: str = "1"
    operator: str = "KIOSK"
    ack_timeout: float = 3.0
    encode_timeout: float = 30.0
    status_interval: float = 5.0
    write_timeout: float = 2.0
    backoff: Backoff = field(default_factory=Backoff)


class _Failure(Exception):
    def __init__(self, reason: str, message: str, code: str = "") -> None:
        super().__init__(message)
        self.reason, self.message, self.code = reason, message, code


class _Job:
    def __init__(self, what: str, commands: list[Command]) -> None:
        self.what = what
        self.commands = commands
        self.frames = [encode(command) for command in commands]  # ValueError on the caller
        self.answers: list[Answer] = []
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.abandoned = False
        self.started = False
        self.failure: _Failure | None = None


class KeyEncoder(Device):
    """A Salto key encoder reached over any :class:`ByteStream` (TCP to the Salto server,
    or a serial line).

    Args:
        name: the device's config name.
        open_link: opens the link; raises DeviceError when the server is not there.
        settings: encoder number, operator, timeouts, reconnect delays.
    """

    kind = "keyencoder"

    def __init__(
        self,
        name: str,
        open_link: Callable[[], ByteStream],
        settings: KeyEncoderSettings | None = None,
    ) -> None:
        super().__init__(name)
        self.settings = settings or KeyEncoderSettings()
        self._open_link = open_link
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._worker: ReconnectingWorker[ByteStream] | None = None
        self._probe_now = threading.Event()
        self._protocol = HostProtocol()
        self._pending: deque[HostEvent] = deque()
        self.keys_encoded = 0  # since claim (diagnostics)

    @property
    def connections(self) -> int:
        """How many times the worker connected since claim (1 + reconnects)."""
        return self._worker.connections if self._worker else 0

    # -- application API ---------------------------------------------------------------------
    def encode_keys(
        self,
        room: str,
        count: int,
        valid_from: datetime,
        valid_to: datetime,
        guest: str,
        *,
        replace_existing: bool = True,
    ) -> list[KeyResult]:
        """Encode ``count`` keys for ``room``; return once the encoder confirmed every one.

        Args:
            room: the room as the Salto system names it.
            count: 1 to 4 keys.
            valid_from / valid_to: the keys' validity, hotel local time (wall clock sent).
            guest: kept in the results for the journey (not sent: the protocol's public
                record has no guest field).
            replace_existing: True: the first key is a new check-in (CN) that voids the
                room's earlier keys; False: every key is a copy (CC).

        Raises:
            KeyEncoderError: a key was not confirmed (``reason``, ``code``, ``encoded``).
            ValueError: ``count`` out of 1-4, an empty room, a validity that ends first, a
                value the protocol cannot carry (raised before anything is sent).
            DeviceStateError: the device is not claimed.
        """
        if not 1 <= count <= MAX_KEYS:
            raise ValueError(f"count {count} is not 1 to {MAX_KEYS}")
        s = self.settings
        commands: list[Command] = [
            EncodeKey(
                s.encoder,
                room,
                valid_from,
                valid_to,
                copy=not (replace_existing and number == 1),
                operator=s.operator,
            )
            for number in range(1, count + 1)
        ]
        job = self._run(f"{count} key(s) for room {room}", commands)
        results = self._key_results(job, room, count, guest)
        if job.failure is not None:
            done = len(results)
            f = job.failure
            raise KeyEncoderError(
                f"key {done + 1} of {count} for room {room} not encoded: {f.message}"
                + (f" ({done} encoded before)" if done else ""),
                self.name,
                f.reason,
                f.code,
                results,
            )
        return results

    def read_key(self) -> KeyInfo:
        """Read the key on the encoder: which room it opens and from when to when.

        Raises:
            KeyEncoderError: no card (``no_card``), a blank card (``blank_card``), a card of
                another system (``card_error``), timeout, offline...
            DeviceStateError: the device is not claimed.
        """
        job = self._run("read the key on the encoder", [ReadKey(self.settings.encoder)])
        self._raise_failure(job)
        answer = job.answers[0]
        assert isinstance(answer, KeyRead)
        if not answer.room or answer.valid_from is None or answer.valid_to is None:
            raise KeyEncoderError(
                "the card on the encoder holds no guest key", self.name, "blank_card"
            )
        return KeyInfo(answer.room, answer.rooms, answer.valid_from, answer.valid_to)

    def check_out(self, room: str) -> None:
        """Check ``room`` out in the lock system: its guest keys stop working.

        Raises:
            KeyEncoderError: refused (``unknown_room``...), timeout, offline.
        """
        if not room:
            raise ValueError("room is empty")
        job = self._run(f"check out room {room}", [Checkout(self.settings.encoder, room)])
        self._raise_failure(job)

    def check(self) -> DeviceStatus:
        """Ask for an ENQ probe at the next idle moment; return the last known status."""
        self._probe_now.set()
        return self.status

    # -- caller side -----------------------------------------------------------------------------
    def _raise_failure(self, job: _Job) -> None:
        if job.failure is not None:
            f = job.failure
            raise KeyEncoderError(f"{job.what}: {f.message}", self.name, f.reason, f.code)

    def _key_results(self, job: _Job, room: str, count: int, guest: str) -> list[KeyResult]:
        results = []
        for number, (command, answer) in enumerate(zip(job.commands, job.answers, strict=False), 1):
            assert isinstance(command, EncodeKey)
            assert isinstance(answer, KeyEncoded)
            results.append(
                KeyResult(
                    room, number, count, guest, command.valid_from, command.valid_to, command.copy
                )
            )
        return results

    def _run(self, what: str, commands: list[Command]) -> _Job:
        """Queue a job and wait for it; the job's ``failure`` says how it ended."""
        if self.state not in (DeviceState.CLAIMED, DeviceState.ENABLED):
            raise DeviceStateError(
                f"cannot use the key encoder while {self.state.value}", self.name
            )
        job = _Job(what, commands)
        self._jobs.put(job)
        s = self.settings
        per_command = 2 * s.ack_timeout + s.encode_timeout + 2 * s.write_timeout
        deadline = kiosk_clock.monotonic() + per_command * len(commands) + 1.0
        grace = kiosk_clock.monotonic() + max(2 * s.ack_timeout, 1.0)
        while not job.done.wait(_IDLE_WAIT):
            now = kiosk_clock.monotonic()
            with job.lock:
                if job.done.is_set():
                    break
                away = not job.started and now >= grace and not self.status.usable
                if away or now >= deadline:
                    job.abandoned = True
                    if not job.started:
                        detail = self.status.detail or self.status.health.value
                        job.failure = _Failure("offline", f"key encoder unavailable ({detail})")
                    else:
                        job.failure = _Failure("timeout", "no confirmation in time")
                    break
        return job

    # -- lifecycle -------------------------------------------------------------------------------
    def _on_claim(self) -> None:
        self._worker = ReconnectingWorker(
            self.name,
            self._open_link,
            self._serve,
            self._disconnect,
            on_status=self._set_status,
            backoff=self.settings.backoff,
        )
        self._worker.start()

    def _on_release(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            self._finish(job, _Failure("offline", "key encoder released"))

    def _disconnect(self, stream: ByteStream) -> None:
        stream.close()

    # -- worker thread ---------------------------------------------------------------------------
    def _serve(self, stream: ByteStream, stop: threading.Event) -> None:
        self._protocol = HostProtocol()
        self._pending = deque()
        self._probe(stream)
        last_probe = kiosk_clock.monotonic()
        while not stop.is_set():
            try:
                job: _Job | None = self._jobs.get(timeout=_IDLE_WAIT)
            except queue.Empty:
                job = None
            if job is not None:
                self._do(stream, job)
            elif not (
                self._probe_now.is_set()
                or kiosk_clock.monotonic() - last_probe >= self.settings.status_interval
            ):
                continue
            self._probe_now.clear()
            self._probe(stream)
            last_probe = kiosk_clock.monotonic()

    def _do(self, stream: ByteStream, job: _Job) -> None:
        with job.lock:
            if job.abandoned:
                return
            job.started = True
        self._set_status(DeviceStatus(Health.BUSY, detail=job.what))
        try:
            for number, (command, frame) in enumerate(
                zip(job.commands, job.frames, strict=True), 1
            ):
                with job.lock:
                    if job.abandoned:  # the caller gave up: never encode a key late
                        return
                answer = self._exchange(stream, command, frame)
                job.answers.append(answer)
                if isinstance(command, EncodeKey):
                    self.keys_encoded += 1
                    log.info(
                        "%s: key %d of %d encoded for room %s",
                        self.name,
                        number,
                        len(job.commands),
                        command.room,
                    )
        except _Failure as failure:
            log.warning("%s: %s failed: %s", self.name, job.what, failure.message)
            if failure.reason in ("offline", "timeout"):
                self._set_status(DeviceStatus(Health.OFFLINE, detail=failure.message))
            else:  # the Salto interface answered: it works, this card or room did not
                self._set_status(DeviceStatus(Health.READY))
            self._finish(job, failure)
            return
        except DeviceError as lost:
            self._finish(job, _Failure("offline", f"link lost ({lost.message})"))
            raise
        except Exception as error:  # a bug: fail the job now, let the worker log and recover
            self._finish(job, _Failure("refused", f"internal error ({type(error).__name__})"))
            raise
        self._set_status(DeviceStatus(Health.READY))
        self._finish(job, None)

    def _finish(self, job: _Job, failure: _Failure | None) -> None:
        with job.lock:
            if job.failure is None:
                job.failure = failure
            job.done.set()

    def _exchange(self, stream: ByteStream, command: Command, frame: bytes) -> Answer:
        """ENQ/ACK, ``frame``/ACK, then its answer. Raises _Failure or DeviceError."""
        s = self.settings
        name = command.name if not isinstance(command, Enquiry) else "ENQ"
        stream.write(encode(Enquiry()), s.write_timeout)
        reply = self._await(stream, lambda e: isinstance(e, Ack | Nak), s.ack_timeout)
        if reply is None:
            raise _Failure(
                "offline",
                f"the Salto interface does not answer (no reply to ENQ in {s.ack_timeout} s)",
            )
        if isinstance(reply, Nak):
            raise _Failure("busy", "the Salto interface is not ready (NAK to ENQ)")
        stream.write(frame, s.write_timeout)
        reply = self._await(
            stream, lambda e: isinstance(e, Ack | Nak) or self._answers(command, e), s.ack_timeout
        )
        if reply is None:
            raise _Failure("timeout", f"no ACK for {name} in {s.ack_timeout} s")
        if isinstance(reply, Nak):
            raise _Failure("refused", f"the Salto interface refused the {name} message (NAK)")
        if not isinstance(reply, Ack):
            return self._outcome(reply)  # the answer came without an ACK before it
        answer = self._await(stream, lambda e: self._answers(command, e), s.encode_timeout)
        if answer is None:
            raise _Failure(
                "timeout",
                f"no answer to {name} in {s.encode_timeout} s (the card's state is unknown)",
            )
        return self._outcome(answer)

    @staticmethod
    def _answers(command: Command, event: HostEvent) -> bool:
        if isinstance(event, EncoderFault):
            return True
        if isinstance(command, EncodeKey):
            return (
                isinstance(event, KeyEncoded)
                and event.command == command.name
                and event.room in ("", command.room)
            )
        if isinstance(command, ReadKey):
            return isinstance(event, KeyRead)
        if isinstance(command, Checkout):
            return isinstance(event, CheckedOut) and event.room in ("", command.room)
        return False

    def _outcome(self, event: HostEvent) -> Answer:
        if isinstance(event, EncoderFault):
            text = f": {event.text}" if event.text else ""
            raise _Failure(
                REASONS.get(event.code, "refused"),
                f"{event.description} (Salto {event.code}){text}",
                event.code,
            )
        assert isinstance(event, KeyEncoded | CheckedOut | KeyRead)
        if isinstance(event, KeyEncoded):
            self._emit_data(event)
        return event

    def _await(
        self, stream: ByteStream, wanted: Callable[[HostEvent], bool], timeout: float
    ) -> HostEvent | None:
        """The first event ``wanted`` takes within ``timeout``; others are reported/skipped."""
        deadline = kiosk_clock.monotonic() + timeout
        while True:
            while self._pending:
                event = self._pending.popleft()
                if wanted(event):
                    return event
                self._skip(event)
            remaining = deadline - kiosk_clock.monotonic()
            if remaining <= 0:
                return None
            self._pending.extend(self._protocol.feed(stream.read(4096, min(remaining, 0.2))))

    def _skip(self, event: HostEvent) -> None:
        if isinstance(event, Rejected):
            self._emit_error(
                ProtocolError(f"unreadable data from Salto: {event.reason}", self.name)
            )
        elif not isinstance(event, Ack | Enq):
            log.info("%s: skipped a stale or unexpected %r", self.name, event)

    def _probe(self, stream: ByteStream) -> None:
        stream.write(encode(Enquiry()), self.settings.write_timeout)
        reply = self._await(stream, lambda e: isinstance(e, Ack | Nak), self.settings.ack_timeout)
        if reply is None:
            self._set_status(
                DeviceStatus(Health.OFFLINE, detail="the Salto interface does not answer ENQ")
            )
        elif isinstance(reply, Nak):
            self._set_status(DeviceStatus(Health.BUSY, detail="the Salto interface is not ready"))
        else:
            self._set_status(DeviceStatus(Health.READY))


__all__ = [
    "MAX_KEYS",
    "REASONS",
    "KeyEncoder",
    "KeyEncoderError",
    "KeyEncoderSettings",
    "KeyInfo",
    "KeyResult",
]
