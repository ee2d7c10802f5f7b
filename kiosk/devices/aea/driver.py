"""The boarding pass (ATB) and bag tag (BTP) printer devices.

Theory of operation
-------------------
:meth:`AeaPrinter.print_boarding_pass` / :meth:`AeaPrinter.print_bag_tag`
encode the print command on the caller's thread (a bad value fails at once,
naming the element) and hand a job to the device's worker (a
:class:`ReconnectingWorker` holding the serial or TCP link). The caller then
waits, at most ``print_timeout + status_timeout`` seconds, for the job's end.

The worker runs one exchange at a time: write one framed command, read replies
until the one that answers it arrives or its deadline passes (stale answers of
another kind and line noise are skipped; noise is reported as an ErrorEvent).
For a job it first uploads the pectab unless the printer confirmed it on this
connection, then sends the print command; ``OK`` means printed and presented.
A printer that did not answer the last status query is asked again first and,
still silent, is not sent the job (a late print would be a duplicate pass).
``ERR;NOPECTAB`` (the printer restarted and lost its pectabs) re-uploads and
tries once more; ``ERR;PAPEROUT``/``ERR;PAPERJAM``, silence and a lost link fail
the job with a :class:`PrintFailed` whose ``reason`` is ``paper_out``,
``jammed``, ``no_confirmation``, ``offline`` or ``refused``. A job whose caller
gave up is never sent late. After every job, before the caller hears back, and
every ``status_interval`` between jobs, the worker asks ``QS`` and maps the answer to the
common-use model: health ready / busy / unavailable (error, offline) and the
conditions ``media_low``, ``media_empty``, ``media_jammed``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from kiosk import clock as kiosk_clock
from kiosk.devices.aea import encoder
from kiosk.devices.aea.layouts import BAG_TAG, BOARDING_PASS
from kiosk.devices.aea.pectab import ATB, BTP, Pectab
from kiosk.devices.aea.replies import (
    Fault,
    Media,
    Noise,
    Ok,
    PectabStored,
    Refused,
    Reply,
    ReplyParser,
    StatusReport,
    Unrecognised,
)
from kiosk.devices.base import Device, DeviceState
from kiosk.devices.errors import DeviceError, DeviceStateError, ProtocolError
from kiosk.devices.status import Condition, DeviceStatus, Health
from kiosk.devices.transport import ByteStream
from kiosk.devices.worker import Backoff, ReconnectingWorker
from kiosk.domain.airport.dcs import BagTag, BoardingPassData

log = logging.getLogger(__name__)

MEDIA_LOW = Condition.MEDIA_LOW.value
MEDIA_EMPTY = Condition.MEDIA_EMPTY.value
MEDIA_JAMMED = Condition.MEDIA_JAMMED.value
_IDLE_WAIT = 0.1


class PrintFailed(DeviceError):
    """A document was not printed; ``reason`` is paper_out, jammed, no_confirmation,
    offline or refused (the message says the rest)."""

    def __init__(self, message: str, device: str | None, reason: str) -> None:
        super().__init__(message, device)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AeaSettings:
    status_interval: float = 2.0
    status_timeout: float = 1.0
    print_timeout: float = 15.0
    write_timeout: float = 5.0
    backoff: Backoff = field(default_factory=Backoff)


class _Job:
    def __init__(self, what: str, pectab: Pectab, command: bytes) -> None:
        self.what = what
        self.pectab = pectab
        self.command = command
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.abandoned = False
        self.started = False
        self.error: DeviceError | None = None


class AeaPrinter(Device):
    """A common-use printer taking AEA strings on any :class:`ByteStream` link.

    Args:
        name: the device's config name.
        open_link: opens the link (serial port, TCP); raises DeviceError when absent.
        settings: timeouts and reconnect delays.
    """

    kind = "aea_printer"
    pectab: Pectab = BOARDING_PASS
    document = "document"

    def __init__(
        self, name: str, open_link: Callable[[], ByteStream], settings: AeaSettings | None = None
    ) -> None:
        super().__init__(name)
        self.settings = settings or AeaSettings()
        self._open_link = open_link
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._worker: ReconnectingWorker[ByteStream] | None = None
        self._poll_now = threading.Event()
        self._parser = ReplyParser()
        self._loaded: set[str] = set()
        self.last_report: StatusReport | None = None
        self.printed = 0

    # -- application API ---------------------------------------------------------------------
    def print_boarding_pass(self, data: BoardingPassData) -> None:
        """Print ``data``'s boarding pass; return once the printer confirms it.

        Raises:
            PrintFailed: paper out, jammed, offline, no confirmation, or refused.
            PectabError: a value the pass cannot carry (names the element).
            DeviceStateError: not claimed, or this printer prints bag tags only.
        """
        self._only(ATB, "boarding passes")
        self._run(
            f"boarding pass {data.flight} {data.passenger_id}", encoder.boarding_pass_command(data)
        )

    def print_bag_tag(self, tag: BagTag, passenger_name: str) -> None:
        """Print the bag tag of ``tag``; return once the printer confirms it (raises as above)."""
        self._only(BTP, "bag tags")
        self._run(f"bag tag {tag.licence_plate}", encoder.bag_tag_command(tag, passenger_name))

    def check(self) -> DeviceStatus:
        """Ask for a status query at the next idle moment; return the last known status."""
        self._poll_now.set()
        return self.status

    # -- caller side -----------------------------------------------------------------------------
    def _only(self, kind: str, what: str) -> None:
        if self.pectab.kind != kind:
            raise DeviceStateError(f"a {self.kind} does not print {what}", self.name)

    def _run(self, what: str, command: bytes) -> None:
        if self.state not in (DeviceState.CLAIMED, DeviceState.ENABLED):
            raise DeviceStateError(f"cannot print while {self.state.value}", self.name)
        job = _Job(what, self.pectab, command)
        self._jobs.put(job)
        settings = self.settings
        # A printer that is away does not take the job: say so after a short wait (the
        # worker may be connecting), not after the whole print timeout.
        deadline = kiosk_clock.monotonic() + settings.print_timeout + 3 * settings.status_timeout
        grace = kiosk_clock.monotonic() + max(3 * settings.status_timeout, 1.0)
        while not job.done.wait(_IDLE_WAIT):
            now = kiosk_clock.monotonic()
            with job.lock:
                away = not job.started and now >= grace and not self.status.usable
                if away or now >= deadline:
                    job.abandoned = True
                    started = job.started
                    break
        else:
            if job.error is not None:
                raise job.error
            return
        if job.done.is_set():  # it ended in the instant we gave up
            if job.error is not None:
                raise job.error
            return
        if not started:
            detail = self.status.detail or self.status.health.value
            raise PrintFailed(
                f"{what} not printed: printer unavailable ({detail})", self.name, "offline"
            )
        raise PrintFailed(
            f"{what}: no confirmation from the printer in time", self.name, "no_confirmation"
        )

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
        self._fail_queued("printer released")

    def _disconnect(self, stream: ByteStream) -> None:
        stream.close()

    def _fail_queued(self, why: str) -> None:
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            self._finish(job, PrintFailed(f"{job.what} not printed: {why}", self.name, "offline"))

    # -- worker thread ---------------------------------------------------------------------------
    def _serve(self, stream: ByteStream, stop: threading.Event) -> None:
        self._parser = ReplyParser(3 if self.pectab.kind == ATB else 4)
        self._loaded = set()
        self._poll(stream)
        last_poll = kiosk_clock.monotonic()
        while not stop.is_set():
            try:
                job: _Job | None = self._jobs.get(timeout=_IDLE_WAIT)
            except queue.Empty:
                job = None
            if job is not None:
                self._do(stream, job)
                last_poll = kiosk_clock.monotonic()
            elif (
                self._poll_now.is_set()
                or kiosk_clock.monotonic() - last_poll >= self.settings.status_interval
            ):
                self._poll_now.clear()
                self._poll(stream)
                last_poll = kiosk_clock.monotonic()

    def _do(self, stream: ByteStream, job: _Job) -> None:
        with job.lock:
            if job.abandoned:
                return
            job.started = True
        if self.last_report is None:
            self._poll(stream)  # silent at the last poll: ask again before sending anything
            if self.last_report is None:
                why = f"{job.what} not printed: printer offline (it does not answer)"
                self._finish(job, PrintFailed(why, self.name, "offline"))
                return
        self._set_status(DeviceStatus(Health.BUSY, self.status.conditions, f"printing {job.what}"))
        try:
            error = self._print(stream, job)
        except DeviceError as lost:
            self._finish(
                job, PrintFailed(f"{job.what}: link lost ({lost.message})", self.name, "offline")
            )
            raise
        if error is None:
            self.printed += 1
        try:
            self._poll(stream)  # before the caller hears back: its status is then current
        finally:
            self._finish(job, error)

    def _print(self, stream: ByteStream, job: _Job) -> PrintFailed | None:
        for attempt in (1, 2):
            if job.pectab.key not in self._loaded:
                answer = self._exchange(
                    stream,
                    encoder.upload(job.pectab),
                    (PectabStored, Refused),
                    self.settings.status_timeout * 3,
                )
                if not isinstance(answer, PectabStored):
                    return self._failure(job, answer, "pectab upload")
                self._loaded.add(answer.key)
            answer = self._exchange(stream, job.command, (Ok, Refused), self.settings.print_timeout)
            if isinstance(answer, Ok):
                return None
            if isinstance(answer, Refused) and answer.fault is Fault.NO_PECTAB and attempt == 1:
                self._loaded.discard(job.pectab.key)
                continue
            return self._failure(job, answer, "print")
        return None  # pragma: no cover - the loop always returns

    def _failure(self, job: _Job, answer: Reply | None, step: str) -> PrintFailed:
        if answer is None:
            return PrintFailed(
                f"{job.what}: no confirmation from the printer ({step})",
                self.name,
                "no_confirmation",
            )
        if isinstance(answer, Refused):
            reason, text = {
                Fault.PAPER_OUT: ("paper_out", "paper out"),
                Fault.PAPER_JAM: ("jammed", "paper jammed"),
                Fault.OFFLINE: ("offline", "printer offline"),
            }.get(answer.fault, ("refused", f"refused ({answer.fault.value})"))
            detail = f": {answer.detail}" if answer.detail else ""
            return PrintFailed(f"{job.what} not printed: {text}{detail}", self.name, reason)
        return PrintFailed(
            f"{job.what}: unexpected answer {answer!r} ({step})", self.name, "refused"
        )

    def _finish(self, job: _Job, error: DeviceError | None) -> None:
        job.error = error
        job.done.set()
        self._emit_data(PrintOutcome(job.what, error is None, getattr(error, "reason", "")))

    def _exchange(
        self, stream: ByteStream, data: bytes, accept: tuple[type, ...], timeout: float
    ) -> Reply | None:
        """Write ``data``; return the first answer of a type in ``accept``, or None on timeout.

        Exchanges never overlap, so whatever is waiting before the write answers an
        earlier one that timed out (a late ``OK``): it is read and dropped first, so
        it cannot confirm this command.
        """
        while stale := stream.read(4096, 0.001):
            log.info("%s: dropped a late answer %r", self.name, stale[:60])
        self._parser = ReplyParser(self._parser.key_width)  # no half frame carried over
        stream.write(data, self.settings.write_timeout)
        deadline = kiosk_clock.monotonic() + timeout
        while (remaining := deadline - kiosk_clock.monotonic()) > 0:
            for event in self._parser.feed(stream.read(4096, min(remaining, 0.2))):
                if isinstance(event, accept):
                    return cast(Reply, event)
                if isinstance(event, Noise | Unrecognised):
                    self._emit_error(ProtocolError(f"unreadable answer: {event.reason}", self.name))
        return None

    def _poll(self, stream: ByteStream) -> None:
        answer = self._exchange(
            stream, encoder.status_query(), (StatusReport,), self.settings.status_timeout
        )
        if not isinstance(answer, StatusReport):
            self.last_report = None
            self._set_status(
                DeviceStatus(Health.OFFLINE, detail="printer does not answer status queries")
            )
            return
        self.last_report = answer
        self._set_status(device_status(answer))


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """A data event after every job: what, whether it printed, and the failure reason."""

    what: str
    printed: bool
    reason: str = ""


def device_status(report: StatusReport) -> DeviceStatus:
    """The common-use status for a ``QS`` answer."""
    conditions: set[str] = set()
    if report.media is Media.OUT:
        conditions.add(MEDIA_EMPTY)
    elif report.media is Media.LOW:
        conditions.add(MEDIA_LOW)
    if report.jammed:
        conditions.add(MEDIA_JAMMED)
    frozen = frozenset(conditions)
    if report.jammed:
        return DeviceStatus(Health.ERROR, frozen, "paper jammed")
    if report.media is Media.OUT:
        return DeviceStatus(Health.ERROR, frozen, "paper out")
    if not report.online:
        return DeviceStatus(Health.ERROR, frozen, "printer reports offline")
    if report.busy:
        return DeviceStatus(Health.BUSY, frozen, "printing")
    return DeviceStatus(Health.READY, frozen, "paper low" if MEDIA_LOW in conditions else "")


class BoardingPassPrinter(AeaPrinter):
    """Device type ``atb_printer``: prints boarding passes on :data:`BOARDING_PASS`."""

    kind = "atb_printer"
    pectab = BOARDING_PASS


class BagTagPrinter(AeaPrinter):
    """Device type ``btp_printer``: prints bag tags on :data:`BAG_TAG`."""

    kind = "btp_printer"
    pectab = BAG_TAG
