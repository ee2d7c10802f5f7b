"""``HotelPresenter``: the hotel machine's state on the screens, touches back as events.

Theory of operation: the runner broadcasts ``(state, effects)`` on its own thread
after every event; the listener only posts them through the shell's ``Bridge``
(``HotelChanged``), so everything else here runs on the UI thread. ``_render`` picks
the screen from the state (``state_views.screen_for``), the lane flags staff set and a
little state of the UI's own (the guest chose "Check in" and is finding the booking;
typing the room instead of tapping a card), and feeds that screen its view. A touch
goes back as a guest event through ``runner.send`` (the runner stamps it with the
lane's clock on its thread); the presenter never changes the state itself and touches
neither the store nor the network.

The signature: "Sign" hands the pad's PNG to the runner (``runner.keep_signature(ref,
png)``, which stores it with the stay off the UI thread) and sends ``CardSigned`` with
its reference; the pixels never enter the machine. The end: the done screen's rating
goes to the shell (``ratingGiven``), the sampled feedback question if the window has
one, then ``runner.reset()`` starts the next guest's visit on the welcome screen.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from kiosk.clock import utc_now
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import Address
from kiosk.domain.hotel.register import Relationship
from kiosk.domain.hotel.states import HotelState, Outcome, Purpose, Step
from kiosk.ui.hotel import state_views as sv
from kiosk.ui.hotel.screens import HotelScreens, HotelTitle
from kiosk.ui.hotel.views import FindMode, HotelInfo, NewChild
from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import LaneClosedView

log = logging.getLogger(__name__)
MakeEvent = Callable[[datetime], Any]
#: What ``at`` holds until the runner stamps the event with the lane clock.
_UNSTAMPED = datetime(1970, 1, 1, tzinfo=UTC)
#: Steps in which nobody has started, or the guest is done: no idle warning.
_NOT_IDLE = (Step.WELCOME, Step.DONE, Step.CLOSING, Step.INTERVENTION, Step.ROOM)


@dataclass(frozen=True, slots=True)
class HotelChanged:
    """The runner's new state, on its way to the UI thread."""

    state: HotelState
    effects: tuple[Any, ...]


class HotelPresenter(QObject):
    """Shows the hotel journey and turns the guest's touches into its events.

    Signals:
        staffRequested(): staff touched "Staff" (or staff on the closed screen).
        ratingGiven(int): the done screen's one-tap rating (1-3).

    Args:
        info: what the done screen tells every guest (Wi-Fi, breakfast).
        done_ms: how long the done screen stays before the next guest's welcome.
    """

    staffRequested = Signal()
    ratingGiven = Signal(int)

    def __init__(self, runner: Any, window: Any, bridge: Any, screens: HotelScreens, *,
                 info: HotelInfo | None = None, done_ms: int = 20_000) -> None:  # fmt: skip
        super().__init__(window)
        self.setObjectName("HotelPresenter")
        self._runner, self._window, self._bridge, self._s = runner, window, bridge, screens
        self._state: HotelState = runner.state
        self._info = info or HotelInfo()
        self._finding = False  # "Check in" touched: the find-the-booking screen
        self._find_mode = FindMode.CONFIRMATION
        self._room_typing = False
        self._flags = (False, False)
        self._resetting = False
        self._feedback: Any = None
        self._done = QTimer(self)
        self._done.setSingleShot(True)
        self._done.setInterval(done_ms)
        self._done.timeout.connect(self.finish_guest)
        self._title = HotelTitle(window)
        self._connect()
        runner.listeners.append(self._on_runner)
        self._render()

    # -- wiring ---------------------------------------------------------------------
    def _connect(self) -> None:
        s = self._s
        self._bridge.changed.connect(self._on_bridge)
        s.welcome.checkInRequested.connect(self._start_finding)
        s.welcome.checkOutRequested.connect(lambda: self._send(ev.CheckOutChosen))
        s.welcome.keyHelpRequested.connect(lambda: self._send(ev.KeyHelpChosen))
        s.find.confirmationEntered.connect(
            lambda code: self._send(lambda at: ev.ConfirmationEntered(code, at))
        )
        s.find.surnameEntered.connect(
            lambda surname, arrival: self._send(lambda at: ev.SurnameEntered(surname, arrival, at))
        )
        s.find.modeChosen.connect(self._mode_chosen)
        s.find.backRequested.connect(self._stop_finding)
        s.pick_stay.stayChosen.connect(lambda sid: self._send(lambda at: ev.StayPicked(sid, at)))
        s.pick_stay.backRequested.connect(self._cancel)
        s.stay.primaryRequested.connect(lambda: self._send(ev.StayConfirmed))
        s.details.detailsEntered.connect(self._details)
        s.child.childAdded.connect(self._child)
        s.registration.signed.connect(self._signed)
        s.registration.deliveryChosen.connect(self._card_delivery)
        s.payment.payRequested.connect(lambda: self._send(ev.PayRequested))
        s.keys.countChosen.connect(lambda n: self._send(lambda at: ev.KeyCountChosen(n, at)))
        s.find_room.tapRequested.connect(lambda: self._send(ev.KeyCardTapped))
        s.find_room.roomEntered.connect(
            lambda room, surname: self._send(lambda at: ev.RoomEntered(room, surname, at))
        )
        s.find_room.typingChosen.connect(self._typing_room)
        s.find_room.backRequested.connect(self._room_back)
        s.folio.primaryRequested.connect(lambda: self._send(ev.FolioConfirmed))
        s.invoice.invoiceChosen.connect(self._invoice)
        s.drop_keys.primaryRequested.connect(lambda: self._send(ev.KeysDropped))
        s.done.ratingChosen.connect(self.ratingGiven)
        s.done.doneRequested.connect(self.finish_guest)
        for staff in (s.agent.staffRequested, s.closed.staffRequested):
            staff.connect(self.staffRequested)
        for screen in s.all():
            cancel = getattr(screen, "cancelRequested", None)
            if cancel is not None:
                cancel.connect(self._cancel)
        self._window.idleExpired.connect(self._idle_expired)

    def refresh(self) -> None:
        """Show the screen for the current state again (the attendant screen closed)."""
        self._render()

    def set_lane_flags(self, closed: bool, paused: bool) -> None:
        """Staff closed / paused the lane (or opened / resumed it): show it (UI thread)."""
        if (closed, paused) != self._flags:
            self._flags = (closed, paused)
            self._render()

    def detach(self) -> None:
        """Stop listening to the runner (before the window goes away)."""
        if self._on_runner in self._runner.listeners:
            self._runner.listeners.remove(self._on_runner)
        self._done.stop()

    def state(self) -> HotelState:
        """The last state shown."""
        return self._state

    @property
    def screens(self) -> HotelScreens:
        return self._s

    # -- runner -> UI ---------------------------------------------------------------
    def _on_runner(self, state: HotelState, effects: list[Any]) -> None:  # runner thread
        try:
            self._bridge.post(HotelChanged(state, tuple(effects)))
        except RuntimeError:
            log.debug("hotel broadcast after the window closed")

    def _on_bridge(self, event: object) -> None:
        if not isinstance(event, HotelChanged):
            return
        before = self._state
        if event.state is before and not event.effects:
            return
        self._state = event.state
        if event.state.step is Step.WELCOME and before.step is not Step.WELCOME:
            self._resetting = False
            self._finding = False
        if event.state.step is not Step.FIND_ROOM:
            self._room_typing = False
        self._render()

    def _send(self, make: MakeEvent) -> None:
        self._runner.send(make(_UNSTAMPED))

    def _today(self) -> date:
        clock = getattr(self._runner, "clock", None)
        now = clock() if callable(clock) else utc_now()
        return self._state.settings.local_date(now)

    # -- drawing --------------------------------------------------------------------
    def _render(self) -> None:
        state, s, w = self._state, self._s, self._window
        closed, paused = self._flags
        if closed or paused:
            w.set_idle_enabled(False)
            s.closed.set_model(LaneClosedView(closed=closed, paused=paused and not closed))
            w.show_screen(s.closed.name)
            return
        w.set_idle_enabled(state.step not in _NOT_IDLE or self._finding)
        name = sv.screen_for(state, self._finding)
        if name == "hotel_welcome" and state.step is Step.DONE and not self._resetting:
            self._reset()  # a cancelled or abandoned visit: the next guest
        self._show(name)
        screen = w.navigator.get(name)
        screen.set_counted(state.purpose is Purpose.CHECK_IN)
        if name not in ("hotel_keys", "hotel_done", "hotel_agent"):
            screen.set_busy(state.waiting is not None)
        w.show_screen(name)

    def _show(self, name: str) -> None:
        state, s = self._state, self._s
        cancel = sv.can_cancel(state)
        if name == "hotel_find":
            self._finding = True  # Back goes to the welcome screen from here
            s.find.set_model(sv.find_view(state, self._find_mode, self._today()))
        elif name == "hotel_pick_stay":
            s.pick_stay.set_model(sv.pick_stay_view(state))
        elif name == "hotel_stay":
            s.stay.set_model(sv.stay_view(state))
        elif name == "hotel_guests":
            s.guests.set_model(sv.guests_view(state))
        elif name == "hotel_details":
            s.details.set_model(sv.details_view(state))
        elif name == "hotel_child":
            s.child.set_model(sv.child_view(state))
        elif name == "hotel_registration":
            view = sv.registration_view(state)
            if view.signed and not view.problem:  # say why there is no e-mail choice
                view = dataclasses.replace(view, problem=self._email_problem())
            s.registration.set_model(view)
        elif name == "hotel_payment":
            s.payment.set_model(sv.payment_view(state), can_cancel=cancel)
        elif name == "hotel_keys":
            s.keys.set_model(sv.keys_view(state), can_cancel=cancel)
        elif name == "hotel_find_room":
            s.find_room.set_model(sv.find_room_view(state, self._room_typing))
        elif name == "hotel_folio":
            s.folio.set_model(sv.folio_view(state), can_cancel=cancel)
        elif name == "hotel_invoice":
            s.invoice.set_model(self._email(), state.notice or self._email_problem())
        elif name == "hotel_agent":
            s.agent.set_model(sv.agent_view(state))
        elif name == "hotel_done":
            self._show_done()
        for screen in (s.stay, s.guests, s.details, s.registration):
            screen.set_ways_out(back=False, cancel=cancel)

    def _show_done(self) -> None:
        if self._window.navigator.current_name() in ("hotel_done", "feedback"):
            return
        queued = getattr(self._runner, "deposit_queued", None)  # runners without a queue
        deposit = queued() if callable(queued) else ""
        self._s.done.set_model(sv.done_view(self._state, self._info, deposit))
        self._feedback = None
        self._done.start()

    def _email(self) -> str:
        """The booking's e-mail address, or "" when it has none that can take an e-mail
        (the e-mail choice is then not offered)."""
        from kiosk.backoffice.mail.smtp import check_address

        stay = self._state.stay
        email = stay.guests[0].email if stay is not None and stay.guests else ""
        return email if check_address(email) is None else ""

    def _email_problem(self) -> str:
        """``email_refused`` when the booking has an address that cannot take an e-mail
        (the guest is told it cannot be sent there and offered print), else ""."""
        from kiosk.backoffice.mail.smtp import check_address

        stay = self._state.stay
        email = stay.guests[0].email if stay is not None and stay.guests else ""
        return "email_refused" if email.strip() and check_address(email) is not None else ""

    # -- the guest's touches --------------------------------------------------------
    def _start_finding(self) -> None:
        self._finding = True
        self._s.find.clear()
        self._render()

    def _stop_finding(self) -> None:
        if self._state.step is Step.WELCOME:
            self._finding = False
            if self._state.notice:  # the search's answer was shown: start afresh
                self._send(ev.Cancelled)
            self._render()

    def _mode_chosen(self, mode: str) -> None:
        self._find_mode = FindMode(mode)

    def _typing_room(self, typing: bool) -> None:
        self._room_typing = typing

    def _room_back(self) -> None:
        if not self._room_typing:
            self._cancel()

    def _details(self, guest_id: str, values: dict[str, str]) -> None:
        guest = self._state.guest(guest_id)
        country = guest.data.nationality if guest is not None else ""
        address = None
        if "street" in values:
            address = Address(
                values["street"], values.get("city", ""), values.get("postal_code", ""),
                country or self._state.settings.country,
                municipality_code=values.get("municipality_code", ""),
            )  # fmt: skip
        contact = values.get("contact", "")
        email, phone = (contact.lower(), "") if "@" in contact else ("", contact)
        self._send(
            lambda at: ev.GuestDetailsEntered(
                guest_id,
                at,
                address=address,
                email=email,
                phone=phone,
                birth_place=values.get("birth_place", ""),
                support_number=values.get("support_number", ""),
            )
        )

    def _child(self, child: NewChild) -> None:
        relationship = Relationship(child.relationship)
        self._send(
            lambda at: ev.MinorAdded(
                child.surname,
                child.given_names,
                child.birth_date,
                child.guardian_id,
                relationship,
                at,
                child.sex,
            )
        )

    def _signed(self, image: QImage) -> None:
        ref = f"sig-{self._state.checkin_id}"
        keep = getattr(self._runner, "keep_signature", None)
        if callable(keep):
            keep(ref, self._s.registration.pad.png())
        language = current_language()
        self._send(lambda at: ev.CardSigned(ref, language, at))

    def _card_delivery(self, how: str) -> None:
        email = self._email()
        self._send(lambda at: ev.CardDeliveryChosen(ev.Delivery(how), at, email))

    def _invoice(self, how: str) -> None:
        email = self._email()
        self._send(lambda at: ev.InvoiceChosen(ev.Delivery(how), at, email))

    def _cancel(self) -> None:
        if self._state.step in (Step.WELCOME, Step.DONE, Step.CLOSING):
            self._finding = False
            self._s.find.clear()
            self._render()
            return
        self._send(ev.Cancelled)

    def _idle_expired(self) -> None:
        if self._state.step not in (Step.WELCOME, Step.DONE):
            self._send(ev.IdleTimedOut)
        self._finding = False
        self._window.reset_for_next_customer(self._s.welcome.name)

    # -- the end --------------------------------------------------------------------
    def finish_guest(self) -> None:
        """After the done screen: the sampled feedback question (once), then the next
        guest's welcome screen."""
        self._done.stop()
        if self._state.outcome is Outcome.COMPLETED and self._ask_feedback():
            return
        self._reset()

    def _ask_feedback(self) -> bool:
        navigator = self._window.navigator
        if self._feedback is not None or "feedback" not in navigator.names():
            return False
        screen = self._feedback = navigator.get("feedback")
        if not screen.wants_answer():
            return False
        screen.done.connect(self._feedback_done)
        screen.start()
        self._window.show_screen("feedback")
        return True

    def _feedback_done(self) -> None:
        if self._feedback is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._feedback.done.disconnect(self._feedback_done)
        self._reset()

    def _reset(self) -> None:
        """The next guest: a fresh visit on the welcome screen, in the default language."""
        self._done.stop()
        self._resetting = True
        self._finding = False
        self._room_typing = False
        self._find_mode = FindMode.CONFIRMATION
        self._s.find.clear()
        self._s.registration.pad.clear()
        if self._state.step is Step.DONE:
            self._runner.reset()
        self._window.reset_for_next_customer(self._s.welcome.name)
