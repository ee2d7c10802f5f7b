"""``HotelRunner``: the hotel machine on its own thread, performing its effects.

Theory of operation. Everything that happens - a touch on the screen
(:meth:`HotelRunner.send`, :meth:`HotelRunner.sign`), an ID on the document
reader, a QR code at the scanner, a card operation's outcome, a verdict from
staff (:meth:`HotelRunner.agent_verdict`) - is put on one queue as a job. One
thread (``kiosk-hotel``) takes the jobs in order and hands each event, stamped
with the lane clock, to the pure :class:`~kiosk.domain.hotel.machine.HotelMachine`.
The new state is adopted and broadcast to the ``listeners`` *before* its effects
run, so the screen shows "one moment" while the PMS is asked. The effects then
run in order on this thread: PMS calls through the ``PropertyManagement`` port
(blocking, bounded by the driver's timeout), the key encoder (each key returned
only once the encoder confirmed it), printing (blocking until printed), the
deposit looked up in the lane store, the record committed. Each answer is
handled at once, before any queued touch. Card operations wait for the guest
at the terminal, so they run on a payment worker and come back through the
queue; an approved deposit, capture or release is noted in the lane store
(:mod:`kiosk.store.stays`) on this thread before the machine hears of it.

Failures never escape: a :class:`PmsError` is ``PmsFailed``, an encoder's
error ``KeyEncodingFailed`` / ``KeyCardUnreadable``, a printer's ``PrintFailed``,
an unknown payment outcome ``PaymentUnknown`` (never retried: staff decide,
invariant 3); a record that cannot be stored is retried with a growing delay.
An event the machine refuses (:class:`IllegalEvent`) is logged by name and
dropped. Nothing logged holds an MRZ or a document number: the events and
effects that carry them keep them out of their ``repr`` and this module never
formats them (invariant 6).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.app.travel.runner import (
    EPOCH,
    Clock,
    Listener,
    ResolvePayment,
    TravelRunner,
    VerdictRefused,
)
from kiosk.app.travel.runner import new_journey_id as new_visit_id
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import VERDICTS, HotelInterventionKind
from kiosk.domain.hotel.machine import HotelMachine
from kiosk.domain.hotel.pms import FolioLineKind, PmsError, PmsErrorKind, PropertyManagement
from kiosk.domain.hotel.states import HotelSettings, HotelState, Step
from kiosk.domain.hotel.steps import CALLS
from kiosk.domain.money import Money

log = logging.getLogger(__name__)
__all__ = [
    "Clock",
    "HotelRunner",
    "HotelStays",
    "Listener",
    "ResolvePayment",
    "VerdictRefused",
    "new_visit_id",
]


class HotelRunner(TravelRunner):
    """One hotel kiosk's visits, run on their own thread (the shell's ``JourneyRunner``).

    Args:
        settings: the lane's fixed hotel settings.
        pms: the hotel's PMS (``kiosk.backoffice.pms.MewsConnector``).
        keys: ``encode(EncodeKey)``, ``read()``, ``void(room)`` (``ports.HotelKeys``).
        payments: ``start(effect, deliver)`` (``ports.HotelPayments``).
        printer: ``print_card(card, job)``, ``print_invoice(folio, job)`` (``ports.HotelPrinter``).
        commit: stores a finished visit's record (``records.HotelCommitter``).
        stays: the lane store's stays (``HotelStays``: deposits and signatures), or None.
        police: the guest register's report, written in the transaction of the
            visit's record (``police.PoliceReports``), or None.
        clock: the lane's one clock.
        resolve_payment: settles an unknown payment with a verdict (or None).
        abandon_after_s: seconds without a touch that abandon a visit (0: never here).
        new_id: makes the next visit's id.
    """

    thread_name = "hotel"
    noun = "visit"
    verdicts = VERDICTS
    payment_failed = HotelInterventionKind.PAYMENT_FAILED
    steps = Step
    #: deposits declined or in doubt after the guest left, for the station (set by
    #: build_hotel to ``DepositQueue.alerts``)
    front_desk_alerts: Callable[[], list[Any]] = staticmethod(list)
    #: the lane's :class:`~kiosk.app.hotel.deposits.DepositQueue` (set by build_hotel),
    #: whose alerts the hotel desk settles; None: no queued deposits
    front_desk: Any = None

    def __init__(
        self,
        *,
        settings: HotelSettings,
        pms: PropertyManagement,
        keys: Any,
        payments: Any,
        printer: Any,
        commit: Callable[..., None],
        stays: Any = None,
        clock: Clock = kiosk_clock.utc_now,
        resolve_payment: ResolvePayment | None = None,
        abandon_after_s: float = 0.0,
        new_id: Callable[[], str] = new_visit_id,
        mail: Any = None,
        police: Any = None,
        room_notices: Any = None,
    ) -> None:
        super().__init__(
            state=HotelState.start(settings, new_id()),
            machine=HotelMachine(),
            commit=commit,
            clock=clock,
            resolve_payment=resolve_payment,
            abandon_after_s=abandon_after_s,
            new_id=new_id,
        )
        self.settings = settings
        self.pms = pms
        self.keys = keys
        self.payments = payments
        self.printer = printer
        self.stays = stays
        self.mail = mail  # kiosk.app.hotel.mail.MailQueue, or None: e-mails only logged
        self.police = police
        #: kiosk.app.hotel.room_ready.RoomReadyNotices, or None: the notice only logged
        self.room_notices = room_notices

    @property
    def state(self) -> HotelState:
        """The latest state (read from any thread; replaced, never changed)."""
        return self._state  # type: ignore[no-any-return]

    def scan(self, raw: str, aim: str | None = None) -> None:
        """A code at the scanner: the booking e-mail's QR code (where none is asked, nothing)."""
        if self.accepting and self._state.step is Step.WELCOME:
            self.send(ev.ConfirmationEntered(raw, EPOCH, scanned=True))

    def weight(self, grams: int | None, stable: bool) -> None:
        """A hotel kiosk has no scale: ignored."""

    # -- what the screens and the desk call --------------------------------------------

    def sign(self, image: bytes, language: str) -> None:
        """The guest signed the registration card: keep the image (PNG) with the stay in
        the lane store, then ``CardSigned`` with its reference (never the pixels)."""
        self._last_touch = kiosk_clock.monotonic()
        self._queue.put(lambda: self._signed(image, language))

    def keep_signature(self, reference: str, image: bytes) -> None:
        """Keep the signature image (PNG) as ``reference`` with the stay, on the runner's
        thread, before any event sent after this call (the screen then sends
        ``CardSigned(reference, ...)``). A failure is logged; the record still names it."""
        self._last_touch = kiosk_clock.monotonic()
        self._queue.put(lambda: self._keep(image, reference))

    def _keep(self, image: bytes, reference: str = "") -> str:
        state = self._state
        stay_id = "" if state.stay is None else state.stay.stay_id
        try:
            if self.stays is None:
                raise RuntimeError("no store for signatures")
            return str(self.stays.save_signature(stay_id, state.checkin_id, image, reference))
        except Exception:
            log.exception("visit %s: signature not stored", state.checkin_id)
            return ""

    def _signed(self, image: bytes, language: str) -> None:
        reference = self._keep(image)  # "": the machine says signature_missing, sign again
        self._handle(ev.CardSigned(reference, language, self.clock()))

    def deposit_queued(self) -> str:
        """``capture`` / ``release`` while this visit's deposit waits in the background
        queue for the card terminal, else "" (read from memory: any thread)."""
        deposits = getattr(self.payments, "deposits", None)
        ref = self._state.deposit_ref
        return str(deposits.queued(ref)) if deposits is not None and ref else ""

    def _verdict_paid(self, payment: Any, state: HotelState) -> None:
        """The terminal, asked again, took ``payment``: note what it did for the deposit."""
        self._queue.put(lambda: self._note_deposit(payment.purpose, payment, state))

    def _note_deposit(self, purpose: ev.PaymentPurpose, payment: Any, state: HotelState) -> None:
        """What a deposit operation the terminal confirmed did, in the lane store."""
        if self.stays is None:
            return
        stay_id = "" if state.stay is None else state.stay.stay_id
        try:
            if purpose is ev.PaymentPurpose.DEPOSIT:
                ref, amount = payment.reference, payment.amount
                self.stays.note_deposit(stay_id, state.checkin_id, ref, amount)
            elif purpose is ev.PaymentPurpose.CAPTURE and state.deposit_ref:
                self.stays.settle_deposit(state.deposit_ref, "captured")
            elif purpose is ev.PaymentPurpose.RELEASE and state.deposit_ref:
                self.stays.settle_deposit(state.deposit_ref, "released")
        except Exception:
            log.exception("deposit of stay %s not noted", stay_id)

    def _perform(self, effect: fx.Effect) -> ev.Event | None:
        if self.police is not None:  # keeps the documents the police report needs (memory)
            self.police.seen(effect, self._state)
        handler = _PMS.get(type(effect))
        if handler is not None:
            return self._ask_pms(effect, handler)
        if isinstance(effect, fx.EncodeKey):
            return self.keys.encode(effect)  # type: ignore[no-any-return]
        if isinstance(effect, fx.ReadKeyCard):
            return self.keys.read()  # type: ignore[no-any-return]
        if isinstance(effect, fx.VoidKeys):
            self.keys.void(effect.room)
            return None
        if isinstance(effect, fx.LookUpDeposit):
            return self._look_up_deposit(effect.stay_id)
        if isinstance(
            effect,
            fx.ChargeBalance
            | fx.PreauthoriseDeposit
            | fx.AdjustDeposit
            | fx.CaptureDeposit
            | fx.ReleaseDeposit,
        ):
            self._pay(effect)
            return None
        if isinstance(effect, fx.PrintRegistrationCard):
            card, job = effect.card, self._job(effect.document_id)
            return self._print(effect.document_id, lambda: self.printer.print_card(card, job))
        if isinstance(effect, fx.PrintInvoice):
            folio, job = effect.folio, self._job(effect.document_id)
            return self._print(effect.document_id, lambda: self.printer.print_invoice(folio, job))
        if isinstance(effect, fx.CommitCheckin):
            record, language, state = effect.record, self._state.card_language, self._state
            return self._commit(record.checkin_id, lambda: self._record(record, language, state))
        if isinstance(effect, fx.CallAgent):
            i = effect.intervention
            log.warning("staff called: %s (guest %s)", i.kind.value, i.guest_id or "-")
            return None
        if isinstance(effect, fx.EmailRegistrationCard | fx.EmailInvoice) and self.mail:
            self._email(effect)
            return None
        if isinstance(effect, fx.NotifyWhenRoomReady) and self.room_notices is not None:
            self.room_notices.watch(effect, self._state.card_language)
            return None
        if isinstance(effect, fx.EmailRegistrationCard | fx.EmailInvoice | fx.NotifyWhenRoomReady):
            # No mail service on the lane yet: noted for the front desk (no address logged).
            log.warning(
                "%s for the front desk: no mail service on this lane", type(effect).__name__
            )
            return None
        return None  # AgentCleared

    def _email(self, effect: fx.EmailRegistrationCard | fx.EmailInvoice) -> None:
        """Queue the e-mail (sent in the background); a bad address or a store failure is
        logged for the front desk (never the address itself)."""
        try:
            self.mail.send(effect)
        except Exception as error:
            log.error("visit %s: %s not queued: %s", self._state.checkin_id,
                      type(effect).__name__, error)  # fmt: skip

    def _record(self, record: Any, language: str, state: HotelState) -> Any:
        """Store the visit's record with its police report, in one transaction."""
        pending = None if self.police is None else self.police.prepare(state, record.completed_at)
        if pending is None:
            return self.commit(record, language)
        answer = self.commit(record, language, also=pending.write)
        self.police.stored(pending)
        return answer

    def _ask_pms(self, effect: fx.Effect, handler: PmsStep) -> ev.Event:
        return self._ask(  # type: ignore[no-any-return]
            "PMS",
            CALLS[type(effect)],
            lambda: handler(self.pms, effect, self.clock),
            refused=PmsError,
            failed=ev.PmsFailed,
            unreachable=PmsErrorKind.UNREACHABLE,
        )

    def _look_up_deposit(self, stay_id: str) -> ev.Event:
        held = None
        try:
            if self.stays is not None:
                held = self.stays.held_deposit(stay_id, lambda ref: self._posted(stay_id, ref))
        except Exception:
            log.exception("deposit of stay %s not read", stay_id)
        if held is None:
            return ev.DepositLookedUp("", None, self.clock())
        return ev.DepositLookedUp(held[0], held[1], self.clock())

    def _posted(self, stay_id: str, reference: str) -> bool:
        """The stay's bill in the PMS already shows payment ``reference`` (not read: False,
        the folio fetched next fails the same way)."""
        try:
            folio = self.pms.folio(stay_id)
        except Exception as error:
            log.warning("bill of stay %s not read for the deposit: %s", stay_id, error)
            return False
        return any(
            line.kind is FolioLineKind.PAYMENT and line.reference == reference
            for line in folio.lines
        )

    def _pay(self, effect: fx.PaymentEffect) -> None:
        stay_id = "" if self._state.stay is None else self._state.stay.stay_id

        def deliver(event: ev.Event) -> None:
            self._queue.put(lambda: self._paid(effect, stay_id, event))

        if self.payments is None:
            purpose = _PURPOSE[type(effect)]
            deliver(ev.PaymentDeclined(purpose, "", "no card terminal", self.clock()))
            return
        try:
            self.payments.start(effect, deliver)
        except Exception as error:
            log.exception("card operation could not start")
            purpose = _PURPOSE[type(effect)]
            deliver(ev.PaymentDeclined(purpose, "", type(error).__name__, self.clock()))

    def _paid(self, effect: fx.PaymentEffect, stay_id: str, event: ev.Event) -> None:
        """Note what an approved deposit operation did in the lane store, then tell the
        machine (the store first: a restart must find the deposit)."""
        if isinstance(event, ev.PaymentApproved) and self.stays is not None:
            try:
                if isinstance(effect, fx.PreauthoriseDeposit):
                    self.stays.note_deposit(
                        stay_id, effect.checkin_id, event.reference, event.amount
                    )
                elif isinstance(effect, fx.CaptureDeposit):
                    self.stays.settle_deposit(effect.reference, "captured")
                elif isinstance(effect, fx.ReleaseDeposit):
                    self.stays.settle_deposit(effect.reference, "released")
            except Exception:
                log.exception("deposit of stay %s not noted", stay_id)
        self._handle(event)

    def _job(self, document_id: str) -> str:
        """The printer's job name for a document of this visit."""
        return f"{self._state.checkin_id}:{document_id}"


class HotelStays:
    """The runner's port to :mod:`kiosk.store.stays` on its thread's connection."""

    def __init__(self, conn: Any, currency: str, journal: Any = None) -> None:
        self.conn = conn
        self.currency = currency
        self.journal = journal

    def note_deposit(self, stay_id: str, checkin_id: str, reference: str, amount: Money) -> None:
        from kiosk.store.stays import note_deposit

        note_deposit(
            self.conn,
            stay_id=stay_id,
            checkin_id=checkin_id,
            reference=reference,
            amount_minor=amount.minor,
            currency=amount.currency,
        )

    def settle_deposit(self, reference: str, state: str) -> None:
        from kiosk.store.stays import settle_deposit

        settle_deposit(self.conn, reference, state)

    def held_deposit(
        self, stay_id: str, posted: Callable[[str], bool] | None = None
    ) -> tuple[str, Money] | None:
        """The stay's held pre-authorisation (reference, amount), if the payment journal
        still has it approved.

        Else the stay's capture already queued or done (a check-out asked again after a
        crash between queueing it and posting it to the bill): its pre-authorisation and
        the amount captured, so that this visit posts the capture to the bill (asking the
        queue for it again gives the same task, never a second capture) and the guest
        pays only the rest by card. ``posted(reference)``: the bill already shows that
        capture (then None: nothing to post again).
        """
        from kiosk.store.hotel_queues import stay_capture
        from kiosk.store.stays import held_deposit

        held = held_deposit(self.conn, stay_id)
        if held is None:
            task = stay_capture(self.conn, stay_id)
            if task is None or (posted is not None and posted(task.reference)):
                return None
            return task.preauth_ref, Money(task.amount_minor, task.currency)
        if self.journal is not None:
            from kiosk.payment.journal import PaymentState

            try:
                if self.journal.get(held.reference).state is not PaymentState.APPROVED:
                    return None
            except Exception:
                return None
        return held.reference, Money(held.amount_minor, held.currency)

    def save_signature(
        self, stay_id: str, checkin_id: str, image: bytes, reference: str = ""
    ) -> str:
        from kiosk.store.stays import save_signature

        return save_signature(self.conn, stay_id, checkin_id, image, reference)


_PURPOSE: dict[type[Any], ev.PaymentPurpose] = {
    fx.ChargeBalance: ev.PaymentPurpose.BALANCE,
    fx.PreauthoriseDeposit: ev.PaymentPurpose.DEPOSIT,
    fx.AdjustDeposit: ev.PaymentPurpose.ADJUST,
    fx.CaptureDeposit: ev.PaymentPurpose.CAPTURE,
    fx.ReleaseDeposit: ev.PaymentPurpose.RELEASE,
}

PmsStep = Callable[[PropertyManagement, Any, Clock], ev.Event]

_PMS: dict[type[Any], PmsStep] = {
    fx.FindByConfirmation: lambda p, e, c: ev.StayFound(p.find_by_confirmation(e.code), c()),
    fx.FindBySurname: lambda p, e, c: ev.StaysFound(p.find_by_surname(e.surname, e.arrival), c()),
    fx.FindByGuestName: lambda p, e, c: ev.StaysFound(
        p.find_by_guest_name(e.surname, e.given_names, e.on), c()
    ),
    fx.FindByRoom: lambda p, e, c: ev.StayFound(p.find_by_room(e.room, e.surname), c()),
    fx.FetchStay: lambda p, e, c: ev.StayFound(p.stay(e.stay_id), c()),
    fx.AddCompanion: lambda p, e, c: ev.GuestAdded(
        e.guest_id, p.add_companion(e.stay_id, e.guest), c()
    ),
    fx.UpdateGuest: lambda p, e, c: ev.GuestUpdated(
        p.update_guest_identity(e.stay_id, e.pms_id, e.identity), c()
    ),
    fx.CheckInStay: lambda p, e, c: ev.CheckedIn(p.check_in(e.stay_id), c()),
    fx.FetchFolio: lambda p, e, c: ev.FolioReceived(p.folio(e.stay_id), c()),
    fx.PostPayment: lambda p, e, c: ev.PaymentPosted(
        e.payment.reference, p.post_payment(e.stay_id, e.payment), c()
    ),
    fx.CheckOutStay: lambda p, e, c: ev.CheckedOut(p.check_out(e.stay_id), c()),
}
