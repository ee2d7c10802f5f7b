"""The hotel runner's ports: key encoder, document readers, card payments, receipt printer.

* :class:`HotelKeys` drives the lane's key encoder (device type ``keyencoder``,
  :class:`kiosk.devices.keyencoder.driver.KeyEncoder`): one key per call, each
  returned only once the encoder confirmed it (``KeyEncoded``); a
  :class:`KeyEncoderError` (or no encoder) is ``KeyEncodingFailed`` naming why.
  The machine's instants are UTC; the lock system takes the hotel's wall clock,
  so validity is converted with the property's time zone.
* :func:`follow_document_readers` hands every ``DocumentRead`` of a ``docreader``
  device to the runner as the machine's ``DocumentScanned`` (the lines live in
  memory only and are never logged: invariant 6).
* :class:`HotelPayments` runs each card operation through the journaled payment
  flow (:class:`kiosk.payment.flow.PaymentFlow`, invariant 3) on a worker and
  turns its outcome into the machine's events naming the purpose. ``AdjustDeposit``
  raises the pre-authorisation (:meth:`PaymentFlow.adjust`, nexo UpdateReservation)
  while the guest waits; declined (above the card's limit), the machine captures
  what is held and charges the rest (docs/hotel.md). With a
  :class:`~kiosk.app.hotel.deposits.DepositQueue`,
  captures and releases are queued in the lane store and sent by the background
  sender, so a terminal or network that is down never keeps the guest waiting.
* :class:`HotelPrinter` prints the registration card and the invoice as ESC/POS
  text on the receipt printer (device type ``printer``), blocking until printed; a
  job that did not print is dropped from the printer's queue (the machine prints it
  again after staff's "fixed": never two cards).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.app.travel import devices as travel_devices
from kiosk.app.travel.devices import first_of
from kiosk.app.travel.runner import EPOCH
from kiosk.devices.printer.codepages import printable
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import Folio, FolioLineKind
from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentBlockedError, PaymentError
from kiosk.payment.journal import PaymentState
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
Deliver = Callable[[ev.Event], None]
Clock = Callable[[], datetime]
RECEIPT_TIMEOUT_S = 60.0
_P = ev.PaymentPurpose
_UNSETTLED = (PaymentState.SENT, PaymentState.UNKNOWN)


# -- the key encoder -----------------------------------------------------------------------


class HotelKeys:
    """The lane's key encoder (or None: every key fails ``no_encoder``)."""

    def __init__(self, encoder: Any, zone: ZoneInfo, clock: Clock) -> None:
        self.encoder = encoder
        self.zone = zone
        self.clock = clock

    @classmethod
    def from_devices(
        cls, devices: Mapping[str, Any], types: Mapping[str, str], zone: ZoneInfo, clock: Clock
    ) -> HotelKeys:
        return cls(first_of(devices, types, "keyencoder"), zone, clock)

    def _local(self, moment: datetime) -> datetime:
        """``moment`` as the hotel's wall clock (what the lock system is given)."""
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.zone).replace(tzinfo=None, second=0, microsecond=0)

    def encode(self, effect: fx.EncodeKey) -> ev.Event:
        """Encode key ``effect.key_no``; ``KeyEncoded`` once the encoder confirmed it."""
        from kiosk.devices.keyencoder.results import KeyEncoderError

        if self.encoder is None:
            return ev.KeyEncodingFailed(effect.key_no, "no_encoder", self.clock())
        start, end = self._local(effect.valid_from), self._local(effect.valid_until)
        try:
            results = self.encoder.encode_keys(
                effect.room,
                1,
                start,
                end,
                effect.guest_name,
                replace_existing=effect.replace_existing,
            )
        except KeyEncoderError as error:
            log.warning("key %d for room %s not encoded: %s", effect.key_no, effect.room, error)
            return ev.KeyEncodingFailed(effect.key_no, error.reason, self.clock(), error.code)
        except ValueError as error:  # a validity the protocol cannot carry
            log.warning("key %d for room %s refused: %s", effect.key_no, effect.room, error)
            return ev.KeyEncodingFailed(effect.key_no, "invalid", self.clock())
        except Exception as error:  # not claimed, a driver bug: a failure, never a crash
            log.exception("key %d for room %s failed", effect.key_no, effect.room)
            return ev.KeyEncodingFailed(effect.key_no, type(error).__name__, self.clock())
        if not results:
            return ev.KeyEncodingFailed(effect.key_no, "not_confirmed", self.clock())
        return ev.KeyEncoded(effect.key_no, results[-1].room, self.clock())

    def read(self) -> ev.Event:
        """Read the guest's key card on the encoder: the room it opens."""
        from kiosk.devices.keyencoder.results import KeyEncoderError

        if self.encoder is None:
            return ev.KeyCardUnreadable("no_encoder", self.clock())
        try:
            info = self.encoder.read_key()
        except KeyEncoderError as error:
            log.info("key card not read: %s", error.reason)
            return ev.KeyCardUnreadable(error.reason, self.clock())
        except Exception as error:
            log.exception("key card read failed")
            return ev.KeyCardUnreadable(type(error).__name__, self.clock())
        return ev.KeyCardRead(info.room, self.clock())

    def void(self, room: str) -> None:
        """Check ``room`` out in the lock system (not answered: a failure is logged)."""
        if self.encoder is None:
            return
        try:
            self.encoder.check_out(room)
        except Exception as error:
            log.error("room %s not checked out in the lock system: %s", room, error)


# -- document readers ------------------------------------------------------------------------


def follow_document_readers(
    devices: Mapping[str, Any], types: Mapping[str, str], deliver: Deliver
) -> list[str]:
    """Send each document read by a ``docreader`` device to ``deliver`` as a
    ``DocumentScanned`` (stamped by the runner); returns the readers' names."""
    return travel_devices.follow_document_readers(
        devices, types, lambda lines: deliver(ev.DocumentScanned(lines, EPOCH))
    )


# -- card payments ----------------------------------------------------------------------------


class HotelPayments:
    """Card operations through the journaled payment flow, each on a worker thread.

    ``start(effect, deliver)`` returns at once; ``deliver`` gets exactly one outcome
    event. ``flow`` is a :class:`kiosk.payment.flow.PaymentFlow` (or None: no terminal,
    every operation declined).
    """

    def __init__(self, flow: Any, clock: Clock, currency: str, deposits: Any = None) -> None:
        self.flow = flow
        self.clock = clock
        self.currency = currency
        #: captures and releases queued for the background (kiosk.app.hotel.deposits)
        self.deposits = deposits
        self.terminal_lock = deposits.terminal_lock if deposits is not None else None

    def start(self, effect: fx.PaymentEffect, deliver: Deliver) -> None:
        start_thread("hotel-payment", lambda: deliver(self._run_safely(effect)))

    def _run_safely(self, effect: fx.PaymentEffect) -> ev.Event:
        """:meth:`run`, and any other error an outcome (the machine must hear one)."""
        try:
            return self.run(effect)
        except Exception as error:
            purpose, amount, sale = _purpose(effect, self.currency)
            log.exception("%s failed", purpose.value)
            pending = [r for r in self._rows(sale) if r.state in _UNSETTLED]
            if pending:  # it may have reached the terminal: never called declined
                return ev.PaymentUnknown(purpose, pending[-1].reference, amount, self.clock())
            return ev.PaymentDeclined(purpose, "", type(error).__name__, self.clock())

    def run(self, effect: fx.PaymentEffect) -> ev.Event:
        """Perform ``effect`` at the terminal (blocking) and return its outcome event."""
        purpose, amount, sale = _purpose(effect, self.currency)
        if self.flow is None:
            return ev.PaymentDeclined(purpose, "", "no card terminal", self.clock())
        if self.deposits is not None and isinstance(effect, fx.CaptureDeposit | fx.ReleaseDeposit):
            return self.deposits.settle(effect, amount)  # type: ignore[no-any-return]
        if isinstance(effect, fx.AdjustDeposit) and self._captures_less(effect):
            return ev.PaymentDeclined(purpose, "", "deposit capture queued", self.clock())
        try:
            if self.terminal_lock is None:
                outcome = self._send(effect)
            else:
                with self.terminal_lock:  # never while the background sender is at it
                    outcome = self._send(effect)
        except PaymentBlockedError as error:
            log.warning("%s refused: %s", purpose.value, error)
            unresolved = self.flow.journal.unresolved()
            if unresolved and not self._queued_deposit(unresolved[0].reference):
                first = unresolved[0]
                return ev.PaymentUnknown(purpose, first.reference, first.amount, self.clock())
            if self.deposits is not None:
                self.deposits.wake()  # its sender asks the terminal about it again
            return ev.PaymentDeclined(purpose, "", "try again", self.clock())
        except PaymentError as error:
            pending = [r for r in self._rows(sale) if r.state in _UNSETTLED]
            if sale and pending and not isinstance(effect, fx.CaptureDeposit | fx.ReleaseDeposit):
                log.error("%s ended in an error after sending: %s", purpose.value, error)
                return ev.PaymentUnknown(purpose, pending[-1].reference, amount, self.clock())
            log.error("%s failed before sending: %s", purpose.value, error)
            return ev.PaymentDeclined(purpose, "", str(error), self.clock())
        record, now = outcome.record, self.clock()
        if outcome.needs_attendant or record.state in (PaymentState.UNKNOWN, PaymentState.SENT):
            return ev.PaymentUnknown(purpose, record.reference, amount, now)
        if record.state is PaymentState.APPROVED:
            return ev.PaymentApproved(
                purpose,
                record.reference,
                record.approved_amount or amount,
                now,
                masked_pan=str(record.masked_pan) if record.masked_pan else None,
                brand=record.brand,
                auth_code=record.auth_code,
            )
        reason = record.error_condition or record.state.value.lower()
        return ev.PaymentDeclined(purpose, record.reference, reason, now)

    def _captures_less(self, effect: fx.AdjustDeposit) -> bool:
        """The deposit's capture is queued or done already for less than ``effect`` asks (a
        check-out asked again after a crash): never raised now; the machine captures that
        and the guest pays the rest by card."""
        task = self.deposits.task(effect.reference) if self.deposits is not None else None
        return (
            task is not None
            and task.action == "capture"
            and task.amount_minor < effect.amount.minor
        )

    def _queued_deposit(self, reference: str) -> bool:
        """``reference`` is a queued deposit capture/release (another guest's, asked about
        by the background sender): never this guest's payment, nor this visit's to resolve."""
        tasks = self.deposits.tasks() if self.deposits is not None else []
        return any(task.reference == reference for task in tasks)

    def _rows(self, sale: str) -> list[Any]:
        try:
            return list(self.flow.journal.for_sale(sale)) if sale else []
        except Exception:
            return []

    def _send(self, effect: fx.PaymentEffect) -> Any:
        flow = self.flow
        if isinstance(effect, fx.ChargeBalance):
            return flow.pay(effect.checkin_id, effect.amount)
        if isinstance(effect, fx.PreauthoriseDeposit):
            return flow.preauthorise(effect.checkin_id, effect.amount)
        if isinstance(effect, fx.AdjustDeposit):
            return flow.adjust(effect.reference, effect.amount)
        if isinstance(effect, fx.CaptureDeposit):
            return flow.complete(effect.reference, effect.amount)
        if isinstance(effect, fx.ReleaseDeposit):
            return flow.reverse(effect.reference)
        raise PaymentError(f"not a card operation: {type(effect).__name__}")


def _purpose(effect: fx.PaymentEffect, currency: str) -> tuple[ev.PaymentPurpose, Money, str]:
    """The effect's purpose, the amount it is about, and its journal sale id ("" if none)."""
    if isinstance(effect, fx.ChargeBalance):
        return _P.BALANCE, effect.amount, effect.checkin_id
    if isinstance(effect, fx.PreauthoriseDeposit):
        return _P.DEPOSIT, effect.amount, effect.checkin_id
    if isinstance(effect, fx.AdjustDeposit):
        return _P.ADJUST, effect.amount, ""
    if isinstance(effect, fx.CaptureDeposit):
        return _P.CAPTURE, effect.amount, ""
    return _P.RELEASE, Money(-1, currency), ""  # the machine takes what it asked


# -- the receipt printer ----------------------------------------------------------------------

ESC, GS = b"\x1b", b"\x1d"
_CODEC = "cp858"  # ESC t 19: every Spanish and French letter and the euro sign
_BUILT_IN_TERMS = (
    "I confirm the details above and agree to the hotel's terms and house rules. "
    "I am liable for the charges of this stay."
)


def _line(text: str, *, bold: bool = False, big: bool = False, center: bool = False) -> bytes:
    """One line of text; control characters (a name from the PMS holding ESC or GS)
    are dropped so that no text can become a printer command."""
    mode = (0x30 if big else 0) | (0x08 if bold else 0)
    text = "".join(c for c in text if c.isprintable())
    body = printable(text, _CODEC).encode(_CODEC, errors="replace")
    return ESC + b"a" + bytes((1 if center else 0,)) + ESC + b"!" + bytes((mode,)) + body + b"\n"


def _wrap(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words, current = paragraph.split(), ""
        for word in words:
            if current and len(current) + 1 + len(word) > columns:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(current)
    return lines


def _pair(left: str, right: str, columns: int) -> str:
    return left + " " * max(1, columns - len(left) - len(right)) + right


def _amount(money: Money) -> str:
    sign = "-" if money.minor < 0 else ""
    units, cents = divmod(abs(money.minor), 100)
    return f"{sign}{units}.{cents:02d} {money.currency}"


def registration_card_bytes(
    card: fx.RegistrationCard, hotel: str, terms: str, columns: int = 42
) -> bytes:
    """ESC/POS bytes of the signed registration card (names, dates, room type, terms)."""
    out = [
        ESC + b"@",
        ESC + b"t\x13",
        _line(hotel, bold=True, center=True),
        _line("REGISTRATION CARD", big=True, center=True),
        b"\n",
        _line(_pair("Confirmation", card.confirmation_number, columns), bold=True),
        _line(_pair("Arrival", card.arrival.isoformat(), columns)),
        _line(_pair("Departure", card.departure.isoformat(), columns)),
        _line(_pair("Room type", card.room_type, columns)),
        _line(_pair("Rate", card.rate, columns)),
        b"\n",
        _line("Guests", bold=True),
    ]
    out += [_line(name[:columns]) for name in card.guest_names]
    out.append(b"\n")
    out += [_line(text) for text in _wrap(terms or _BUILT_IN_TERMS, columns)]
    out += [
        b"\n",
        _line(f"Signed on the kiosk ({card.signature_ref})"),
        ESC + b"d\x03",
        GS + b"VB\x00",
    ]
    return b"".join(out)


def invoice_bytes(folio: Folio, hotel: str, columns: int = 42) -> bytes:
    """ESC/POS bytes of the stay's invoice: each line, the payments and the balance."""
    out = [
        ESC + b"@",
        ESC + b"t\x13",
        _line(hotel, bold=True, center=True),
        _line("INVOICE", big=True, center=True),
        _line(_pair("Stay", folio.stay_id[:24], columns)),
        b"\n",
    ]
    for line in folio.lines:
        amount = line.amount if line.kind is not FolioLineKind.PAYMENT else -line.amount
        text = line.description[: columns - 16]
        out.append(_line(_pair(text, _amount(amount), columns)))
    out += [
        b"\n",
        _line(_pair("TOTAL", _amount(folio.charges), columns), bold=True),
        _line(_pair("PAID", _amount(folio.payments), columns)),
        _line(_pair("BALANCE", _amount(folio.balance), columns), bold=True),
        ESC + b"d\x03",
        GS + b"VB\x00",
    ]
    return b"".join(out)


class HotelPrinter:
    """The registration card and the invoice on the lane's receipt printer.

    ``terms`` maps a language to the file of the card's terms (``[hotel] terms``).
    """

    def __init__(self, receipt: Any, hotel: str, terms: Mapping[str, str] | None = None) -> None:
        self.receipt = receipt
        self.hotel = hotel
        self.terms = dict(terms or {})

    @classmethod
    def from_devices(
        cls,
        devices: Mapping[str, Any],
        types: Mapping[str, str],
        hotel: str,
        terms: Mapping[str, str] | None = None,
    ) -> HotelPrinter:
        return cls(first_of(devices, types, "printer"), hotel, terms)

    def terms_text(self, language: str) -> str:
        """The terms in ``language`` (else English's, else the built-in text)."""
        for key in (language[:2].lower(), "en"):
            path = self.terms.get(key)
            if path:
                try:
                    return Path(path).read_text(encoding="utf-8")
                except OSError as error:
                    log.error("terms file %s not read: %s", path, error)
        return _BUILT_IN_TERMS

    def print_card(self, card: fx.RegistrationCard, job: str) -> None:
        """Print the registration card; blocks until printed. Raises DeviceError."""
        text = self.terms_text(card.language)
        self._print(registration_card_bytes(card, self.hotel, text), job)

    def print_invoice(self, folio: Folio, job: str) -> None:
        """Print the invoice; blocks until printed. Raises DeviceError."""
        self._print(invoice_bytes(folio, self.hotel), job)

    def _print(self, data: bytes, job_name: str) -> None:
        from kiosk.devices.errors import DeviceError

        if self.receipt is None:
            raise DeviceError("no receipt printer", "printer")
        job = self.receipt.submit_bytes(data, job_name)
        try:
            failed = self.receipt.wait_for(job, RECEIPT_TIMEOUT_S)
        except TimeoutError as error:
            self._drop(job)
            raise DeviceError(str(error), "printer") from None
        if failed is not None:
            self._drop(job)
            reason = getattr(failed, "reason", "") or "not printed"
            raise DeviceError(f"receipt printer: {reason}", "printer")

    def _drop(self, job: str) -> None:
        """Forget a job that did not print: the machine asks for it again (staff's
        "fixed"), so the printer's queue must not print or hold a second copy."""
        queue = getattr(self.receipt, "receipts", None)
        if queue is not None:
            queue.discard(job)
