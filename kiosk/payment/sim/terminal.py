"""The simulated terminal's behaviour: scenarios, cards, ledger; no sockets here.

:meth:`SimulatedTerminal.handle` takes a request body and returns the answer body,
or :data:`DROP` when the connection must be cut without an answer. It may block
(PIN entry, a late answer, a terminal that hangs) until :meth:`stop` is called.
Test card numbers are generated in memory for each "card" and only their masked
form ever leaves this module (answers, ledger, console).

Reservations (hotel deposits): a pre-authorisation (``authorisationType=PreAuth`` or
PaymentType FirstReservation) holds its amount (``LedgerEntry.reserved_minor``). An
UpdateReservation naming it makes it hold the new amount, refused (``NotAllowed``)
above ``reservation_limit`` (the card's limit) or for a reservation no longer held; a
Completion may take at most what it holds, and uses it up.
"""

from __future__ import annotations

import enum
import itertools
import secrets
import threading
import urllib.parse
from collections import deque
from collections.abc import Callable
from dataclasses import replace

from kiosk import clock as kiosk_clock
from kiosk.payment.nexo import crypto
from kiosk.payment.nexo.codec import Header, dumps, event_notification, loads
from kiosk.payment.nexo.requests import (
    AbortRequest,
    PaymentRequest,
    ReversalRequest,
    StatusRequest,
    decode_request,
)
from kiosk.payment.nexo.responses import StatusResponse, TransactionResponse, encode_response
from kiosk.payment.pan import MaskedPan, luhn_valid
from kiosk.payment.sim.ledger import Ledger, LedgerEntry

DROP = object()
_BRANDS = (("VISA", "4111"), ("MC", "5555"), ("AMEX", "3714"))


class Scenario(enum.Enum):
    """What the simulated shopper and terminal do with the next payment."""

    APPROVE = "approve"
    DECLINE = "decline"
    CANCEL = "cancel"  # the shopper presses the red key
    PIN = "pin"  # asks for a PIN: approves after ``pin_delay``
    HANG = "hang"  # never answers; status says in progress; abort is ignored
    LATE = "late"  # answers (approved) after ``late_delay``, abortable
    SLOW = "slow"  # approves after ``late_delay``; an abort comes too late (already online)
    DROP = "drop"  # approves, then cuts the connection without answering
    PARTIAL = "partial"  # approves half the amount (a prepaid card's balance)


def _card_number(prefix: str) -> str:
    body = prefix + "".join(secrets.choice("0123456789") for _ in range(15 - len(prefix)))
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


class _Waiting:
    """A payment waiting for its PIN or its late answer; an abort or answer_now ends it."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.aborted = False
        self.power_lost = threading.Event()

    def wake(self, *, aborted: bool) -> None:
        self.aborted = self.aborted or aborted
        self.event.set()


class SimulatedTerminal:
    """One terminal (POIID ``poi_id``) answering nexo requests from its ledger."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        poi_id: str = "SIM-0001",
        key: crypto.SharedKey | None = None,
        default: Scenario = Scenario.APPROVE,
        pin_delay: float = 0.5,
        late_delay: float = 3.0,
        reservation_limit: int = 100_000,
        show: Callable[[str], None] = print,
    ) -> None:
        self.ledger, self.poi_id, self.key, self.default = ledger, poi_id, key, default
        self.pin_delay, self.late_delay, self.show = pin_delay, late_delay, show
        self.reservation_limit = reservation_limit  # minor units a reservation may hold
        self._queue: deque[Scenario] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._running: dict[tuple[str, str], _Waiting] = {}
        self._numbers = itertools.count(1)

    def queue(self, *scenarios: Scenario) -> None:
        """Use these scenarios, in order, for the next payments; then the default."""
        with self._lock:
            self._queue.extend(scenarios)

    def stop(self) -> None:
        """Release every request that is waiting (hanging, PIN, late)."""
        self._stop.set()
        for waiting in list(self._running.values()):
            waiting.wake(aborted=True)

    def power_cycle(self) -> int:
        """Switch the terminal off and on: every request still running ends unpaid (as a
        real terminal reports a transaction cut by a power loss) and its connection drops.
        Returns how many were running."""
        running = list(self._running.values())
        for waiting in running:
            waiting.power_lost.set()
            waiting.wake(aborted=True)
        self.show(f"[{self.poi_id}] power cycled ({len(running)} running)")
        return len(running)

    def answer_now(self) -> int:
        """End the wait of every PIN / late payment now (approved); returns how many."""
        running = list(self._running.values())
        for waiting in running:
            waiting.wake(aborted=False)
        return len(running)

    def _next_scenario(self) -> Scenario:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default

    def handle(self, body: bytes) -> bytes | object:
        """Answer one request body (see the module docstring).

        Raises:
            PaymentError: for a body that is not a valid (or validly protected) request.
        """
        message = loads(body)
        if self.key is not None:
            message = crypto.unprotect(body, self.key)
        request = decode_request(message)
        if isinstance(request, PaymentRequest):
            return self._payment(request)
        if isinstance(request, StatusRequest):
            return self._answer(request.header, self._status(request))
        if isinstance(request, AbortRequest):
            waiting = self._running.get((request.ref_sale_id, request.ref_service_id))
            self.show(f"[{self.poi_id}] abort requested" + ("" if waiting else " (not running)"))
            if waiting is not None:
                waiting.wake(aborted=True)
            return b""
        return self._answer(request.header, self._reversal(request))

    def refuse(self, error: Exception) -> bytes:
        """The EventNotification ``Reject`` a terminal sends for a message it cannot use
        (sent unprotected: the lane may not share our key)."""
        self.show(f"[{self.poi_id}] message rejected: {error}")
        now = kiosk_clock.utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z")
        details = urllib.parse.urlencode({"message": str(error)})
        return dumps(event_notification("Reject", details, "", self.poi_id, now))

    def _answer(self, header: Header, body: TransactionResponse | StatusResponse) -> bytes:
        message = encode_response(header.answer(), body)
        return crypto.protect(message, self.key) if self.key else dumps(message)

    def _payment(self, request: PaymentRequest) -> bytes | object:
        scenario = self._next_scenario()
        header = request.header
        brand, prefix = secrets.choice(_BRANDS)
        number = _card_number(prefix)
        masked = MaskedPan(number[:6] + "*" * (len(number) - 10) + number[-4:])
        del number  # the full number exists only for this instant, as on a real card
        entry = LedgerEntry(
            request.reference,
            header.sale_id,
            header.service_id,
            "Payment",
            request.payment_type,
            request.amount.minor,
            request.amount.currency,
            "in_progress",
            masked_pan=str(masked),
            brand=brand,
        )
        self.ledger.record(entry)
        self.show(
            f"[{self.poi_id}] {request.payment_type} {request.amount} ref "
            f"{request.reference}: present card... {brand} {masked} ({scenario.value})"
        )
        waiting = _Waiting()
        self._running[(header.sale_id, header.service_id)] = waiting
        try:
            final = self._run(scenario, entry, waiting)
        finally:
            self._running.pop((header.sale_id, header.service_id), None)
        if final is None:
            return DROP
        final = self._reservation(request, final)
        self.ledger.record(final)
        if waiting.power_lost.is_set():
            return DROP
        self.show(
            f"[{self.poi_id}] ref {request.reference}: {final.state.upper()}"
            + (f" auth {final.auth_code}" if final.auth_code else "")
        )
        if scenario is Scenario.DROP:
            self.show(f"[{self.poi_id}] ref {request.reference}: dropping the connection")
            return DROP
        return self._answer(header, self._transaction(final))

    def _run(self, scenario: Scenario, entry: LedgerEntry, waiting: _Waiting) -> LedgerEntry | None:
        if scenario is Scenario.HANG:
            self.show(f"[{self.poi_id}] terminal frozen")
            while not self._stop.is_set():
                if waiting.power_lost.wait(0.05):
                    return self._finish(entry, "cancelled", "Aborted")
            return None
        if scenario is Scenario.SLOW:
            waiting.power_lost.wait(self.late_delay)  # an abort cannot stop it any more
            if waiting.power_lost.is_set():
                return self._finish(entry, "cancelled", "Aborted")
        if scenario in (Scenario.PIN, Scenario.LATE):
            delay = self.pin_delay if scenario is Scenario.PIN else self.late_delay
            if scenario is Scenario.PIN:
                self.show(f"[{self.poi_id}] enter PIN: ****")
            waiting.event.wait(delay)
            if waiting.aborted or self._stop.is_set():
                return self._finish(entry, "cancelled", "Aborted")
        if scenario is Scenario.DECLINE:
            return self._finish(entry, "declined", "Refusal")
        if scenario is Scenario.CANCEL:
            return self._finish(entry, "cancelled", "Cancel")
        if scenario is Scenario.PARTIAL and entry.amount_minor > 1:
            entry = replace(entry, amount_minor=entry.amount_minor // 2)
        return self._finish(entry, "approved", "")

    def _reservation(self, request: PaymentRequest, final: LedgerEntry) -> LedgerEntry:
        """Apply the reservation rules (module docstring) to an approved answer: a
        pre-authorisation holds its amount; an update or completion is checked against
        the reservation it names (refused: declined ``NotAllowed``) and changes it."""
        if final.state != "approved":
            return final
        kind = request.payment_type
        if kind == "FirstReservation" or "PreAuth" in request.sale_to_acquirer_data:
            return replace(final, reservation=True, reserved_minor=final.amount_minor)
        if kind not in ("UpdateReservation", "Completion") or request.original is None:
            return final
        original = self.ledger.by_poi_transaction(request.original[0])
        if kind == "Completion" and original is not None and not original.reservation:
            return final  # the completion of a payment that is no reservation: as before
        if original is None or original.state != "approved" or original.reserved_minor <= 0:
            why = "no reservation held"
        elif kind == "UpdateReservation" and final.amount_minor > self.reservation_limit:
            why = f"above the card's limit ({self.reservation_limit})"
        elif kind == "Completion" and final.amount_minor > original.reserved_minor:
            why = f"more than the {original.reserved_minor} reserved"
        else:
            held = final.amount_minor if kind == "UpdateReservation" else 0
            self.ledger.record(replace(original, reserved_minor=held))
            return final
        self.show(f"[{self.poi_id}] {kind} ref {final.reference}: refused, {why}")
        return replace(final, state="declined", error_condition="NotAllowed", auth_code="")

    def _finish(self, entry: LedgerEntry, state: str, error: str) -> LedgerEntry:
        number = next(self._numbers)
        now = kiosk_clock.utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z")
        poi_txn = f"{secrets.token_hex(4)}.SIM{number:08d}"
        auth = f"{secrets.randbelow(1_000_000):06d}" if state == "approved" else ""
        return replace(
            entry,
            state=state,
            error_condition=error,
            poi_transaction_id=poi_txn,
            poi_timestamp=now,
            auth_code=auth,
        )

    def _transaction(self, entry: LedgerEntry) -> TransactionResponse:
        from kiosk.domain.money import Money

        approved = entry.state in ("approved", "reversed")
        money = Money(entry.amount_minor, entry.currency)
        lines = (
            f"{entry.brand} {entry.masked_pan}",
            f"{entry.payment_type} {money}",
            "APPROVED" if approved else entry.state.upper(),
            f"AUTH {entry.auth_code}" if entry.auth_code else "",
        )
        return TransactionResponse(
            entry.category,
            "Success" if approved else "Failure",
            "" if approved else entry.error_condition or "Refusal",
            "",
            entry.reference,
            (entry.poi_transaction_id, entry.poi_timestamp) if entry.poi_transaction_id else None,
            MaskedPan(entry.masked_pan) if entry.masked_pan else None,
            entry.brand,
            entry.auth_code,
            money if approved else None,
            tuple(line for line in lines if line),
        )

    def _status(self, request: StatusRequest) -> StatusResponse:
        entry = self.ledger.get(request.ref_sale_id, request.ref_service_id)
        if entry is None:
            self.show(f"[{self.poi_id}] status {request.ref_service_id}: not found")
            return StatusResponse("Failure", "NotFound")
        self.show(f"[{self.poi_id}] status of ref {entry.reference}: {entry.state}")
        if entry.state == "in_progress":
            return StatusResponse("Failure", "InProgress")
        return StatusResponse("Success", "", self._transaction(entry))

    def _reversal(self, request: ReversalRequest) -> TransactionResponse:
        original = self.ledger.by_poi_transaction(request.original[0])
        entry = LedgerEntry(
            request.reference,
            request.header.sale_id,
            request.header.service_id,
            "Reversal",
            "Reversal",
            0,
            "EUR",
            "in_progress",
            original_poi_transaction_id=request.original[0],
        )
        if original is None or original.state != "approved":
            self.show(f"[{self.poi_id}] reversal of {request.original[0]}: refused")
            final = self._finish(entry, "declined", "NotAllowed")
        else:
            entry = replace(entry, amount_minor=original.amount_minor, currency=original.currency)
            self.ledger.record(replace(original, state="reversed"))
            final = self._finish(entry, "approved", "")
            self.show(f"[{self.poi_id}] reversal of ref {original.reference}: done")
        self.ledger.record(final)
        return self._transaction(final)
