"""The receipt printer device: print jobs, status polling, drawer kick, reprint.

Theory of operation: :meth:`ReceiptPrinter.submit` renders a receipt to bytes
(pure, fast) and adds it to the :class:`ReceiptQueue` as pending; the
printer's worker thread (a :class:`ReconnectingWorker`) takes pending jobs one
by one. For each it asks DLE EOT status; if the printer cannot print (paper
out, cover open, no answer) the job is kept as *failed* with that reason.
Otherwise it writes the bytes and asks again: only a clean status after the
job removes it from the queue. A lost link fails the job and reconnects.
Between jobs the worker polls status every ``status_interval`` so the lane
sees "paper low" before a customer is waiting. Outcomes are delivered as
:class:`PrintOutcome` data events.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from escpos.constants import CD_KICK_DEC_SEQUENCE

from kiosk import clock as kiosk_clock
from kiosk.devices.base import Device
from kiosk.devices.errors import DeviceError, DeviceOffline
from kiosk.devices.printer.layout import layout_receipt
from kiosk.devices.printer.queue import HeldReceipt, JobState, QueueHook, ReceiptQueue
from kiosk.devices.printer.receipt import Receipt
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.status import PrinterStatus, StatusExchange
from kiosk.devices.status import DeviceStatus, Health
from kiosk.devices.transport import ByteStream
from kiosk.devices.worker import ReconnectingWorker

_IDLE_WAIT = 0.1


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """What became of one print job."""

    job_id: str
    transaction_id: str
    printed: bool
    reason: str = ""


class ReceiptPrinter(Device):
    """An ESC/POS receipt printer on any :class:`ByteStream` link.

    Args:
        name: the device's config name.
        settings: profile, code page, timeouts (see :mod:`.settings`).
        open_link: opens the link; raises DeviceError if the printer is absent.
        receipts: the held-receipt queue (pass one with a persistence hook).
        readable: False for write-only links (file): status is then never known.
    """

    kind = "printer"

    def __init__(
        self,
        name: str,
        settings: PrinterSettings,
        open_link: Callable[[], ByteStream],
        receipts: ReceiptQueue | None = None,
        readable: bool = True,
    ) -> None:
        super().__init__(name)
        self.settings = settings
        self.renderer = settings.renderer()
        self.receipts = receipts or ReceiptQueue()
        self.printer_status = PrinterStatus()
        self._open_link = open_link
        self._readable = readable
        self._commands: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._stream: ByteStream | None = None
        self._worker: ReconnectingWorker[ByteStream] | None = None
        self._ids = itertools.count(1)
        self._finished = threading.Condition()
        self._poll_now = threading.Event()

    # -- application API ---------------------------------------------------------------
    def submit(self, receipt: Receipt) -> str:
        """Render ``receipt`` and queue it; return the job id (the print itself is async).

        Raises:
            RenderError: the receipt cannot be rendered for this printer (a DeviceError).
        """
        data = self.renderer.render(layout_receipt(receipt, self.renderer.columns))
        return self.submit_bytes(data, receipt.transaction_id)

    def submit_bytes(self, data: bytes, transaction_id: str = "") -> str:
        """Queue already rendered ESC/POS bytes; return the job id."""
        job_id = f"{self.name}-{time.time_ns():x}-{next(self._ids)}"
        self.receipts.add(HeldReceipt(job_id, transaction_id, data))
        return job_id

    def on_queue_change(self, hook: QueueHook | None) -> None:
        """Call ``hook(held receipts)`` after every queue change, so the app can persist them."""
        self.receipts._on_change = hook

    def reprint(self, job_id: str | None = None) -> int:
        """Retry one failed job, or all of them; return how many were requeued."""
        return self.receipts.reprint(job_id)

    def kick_drawer(self) -> None:
        """Open the cash drawer (ESC p) as soon as the worker is free.

        Raises:
            DeviceOffline: the printer is not connected.
        """
        if self._stream is None:
            raise DeviceOffline("printer not connected; cannot open the drawer", self.name)
        self._commands.put(
            drawer_kick_bytes(self.settings.drawer_pin, self.settings.drawer_pulse_ms)
        )

    def wait_for(self, job_id: str, timeout: float) -> HeldReceipt | None:
        """Wait until ``job_id`` printed (returns None) or failed (returns the held job).

        Raises:
            TimeoutError: neither happened within ``timeout`` seconds.
        """

        def settled() -> bool:
            job = self.receipts.get(job_id)
            return job is None or job.state is JobState.FAILED

        with self._finished:
            if not self._finished.wait_for(settled, timeout):
                raise TimeoutError(f"print job {job_id} still pending after {timeout} s")
        return self.receipts.get(job_id)

    def check(self) -> DeviceStatus:
        """Ask for a status poll at the next idle moment and return the last known status."""
        self._poll_now.set()
        return self.status

    # -- lifecycle ---------------------------------------------------------------------
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

    def _disconnect(self, stream: ByteStream) -> None:
        self._stream = None
        stream.close()

    # -- worker thread -------------------------------------------------------------------
    def _serve(self, stream: ByteStream, stop: threading.Event) -> None:
        self._stream = stream
        last_poll = -1e9
        while not stop.is_set():
            if (
                kiosk_clock.monotonic() - last_poll >= self.settings.status_interval
                or self._poll_now.is_set()
            ):
                self._poll_now.clear()
                self._poll(stream)
                last_poll = kiosk_clock.monotonic()
            while not self._commands.empty():
                stream.write(self._commands.get(), self.settings.write_timeout)
            job = self.receipts.next_pending(_IDLE_WAIT)
            if job is not None:
                self._print(stream, job)
                last_poll = kiosk_clock.monotonic()

    def _print(self, stream: ByteStream, job: HeldReceipt) -> None:
        before = self._poll(stream)
        if not before.can_print or (self._readable and before.online is None):
            self._fail(job, self.status.detail or "printer not ready")
            return
        try:
            stream.write(job.data, self.settings.write_timeout)
        except DeviceError as error:
            self._fail(job, f"link lost while printing: {error.message}")
            raise
        after = self._poll(stream)
        if not after.can_print or (self._readable and after.online is None):
            self._fail(job, f"printer stopped during the job: {self.status.detail}")
            return
        self.receipts.done(job.job_id)
        self._finish(PrintOutcome(job.job_id, job.transaction_id, True))

    def _fail(self, job: HeldReceipt, reason: str) -> None:
        self.receipts.fail(job.job_id, reason)
        self._finish(PrintOutcome(job.job_id, job.transaction_id, False, reason))

    def _finish(self, outcome: PrintOutcome) -> None:
        with self._finished:
            self._finished.notify_all()
        self._emit_data(outcome)

    def _poll(self, stream: ByteStream) -> PrinterStatus:
        """One DLE EOT round; updates :attr:`printer_status` and the device status."""
        if not self._readable:
            self.printer_status = PrinterStatus()
            self._set_status(DeviceStatus(Health.READY, detail="status unknown (write-only link)"))
            return PrinterStatus(online=True)
        exchange = StatusExchange()
        while (query := exchange.next_query()) is not None:
            stream.write(query, self.settings.write_timeout)
            deadline = kiosk_clock.monotonic() + self.settings.status_timeout
            while True:
                remaining = deadline - kiosk_clock.monotonic()
                if remaining <= 0:
                    exchange.no_reply()
                    break
                if exchange.feed(stream.read(16, remaining)):
                    break
        status = exchange.result()
        self.printer_status = status
        self._set_status(status.device_status())
        return status


def drawer_kick_bytes(pin: int, pulse_ms: int) -> bytes:
    """``ESC p m t1 t2``: pulse drawer pin 2 (m=0) or 5 (m=1) for ``pulse_ms`` (2 ms units)."""
    units = max(1, min(pulse_ms // 2, 255))
    return bytes(CD_KICK_DEC_SEQUENCE(27, 112, 0 if pin == 2 else 1, units, units))
