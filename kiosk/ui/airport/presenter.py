"""``AirportPresenter``: the check-in machine's state on the screens, touches back as events.

Theory of operation: the runner broadcasts ``(state, effects)`` on its own thread
after every event; the presenter's listener only posts them through the shell's
``Bridge`` (``CheckinChanged``), so everything else here runs on the UI thread.
There ``_render`` picks the screen from the state (``state_views.screen_for``)
plus the lane flags staff set and a little state of the UI's own (scan or type on
the welcome screen, whose seat the map changes, the latest scale reading), and
feeds that screen its view. A touch goes back as a traveller event through
``runner.send`` (the runner stamps and handles it on its thread); the presenter
never changes the state itself and touches neither the store nor the network.

Scale readings arrive on a device thread (``scale_reading``): they go to the runner
(its machine takes a stable weight as the bag's) and, through the bridge, to the
bag screen's live weight. The end: the done screen's rating goes to the shell's
feedback (``ratingGiven``), then the sampled NPS question if the window has one,
then ``Reset`` starts the next traveller's check-in on the welcome screen.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.airport import events as ev
from kiosk.domain.airport.going_back import back_target
from kiosk.domain.airport.states import CheckinState, Outcome, Step
from kiosk.ui.airport import state_views as sv
from kiosk.ui.airport.screens import AirportScreens, CheckinTitle
from kiosk.ui.airport.views import IdentifyMode
from kiosk.ui.viewmodels import LaneClosedView

log = logging.getLogger(__name__)
MakeEvent = Callable[[datetime], Any]
#: What ``at`` holds until the runner stamps the event with the lane clock.
_UNSTAMPED = datetime(1970, 1, 1, tzinfo=UTC)
#: Steps in which nobody has started, or the traveller is done: no idle warning.
_NOT_IDLE = (Step.WELCOME, Step.DONE, Step.CLOSING, Step.INTERVENTION, Step.PRINTING)


@dataclass(frozen=True, slots=True)
class CheckinChanged:
    """The runner's new state, on its way to the UI thread."""

    state: CheckinState
    effects: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class BagReading:
    """A scale reading, on its way to the UI thread (the bag screen's live weight)."""

    weight_g: int
    stable: bool


class AirportPresenter(QObject):
    """Shows the check-in and turns the traveller's touches into check-in events.

    Signals:
        staffRequested(): an agent touched "Agent" (or staff on the closed screen).
        ratingGiven(int): the done screen's one-tap rating (1-3).
    """

    staffRequested = Signal()
    ratingGiven = Signal(int)

    def __init__(self, runner: Any, window: Any, bridge: Any, screens: AirportScreens, *,
                 done_ms: int = 20_000) -> None:  # fmt: skip
        super().__init__(window)
        self.setObjectName("AirportPresenter")
        self._runner, self._window, self._bridge, self._s = runner, window, bridge, screens
        self._state: CheckinState = runner.state
        self._mode = IdentifyMode.SCAN
        self._seat_for = ""  # whose seat a tap on the map changes
        self._reading: BagReading | None = None
        self._flags = (False, False)
        self._resetting = False  # a Reset is on its way to the runner
        self._feedback: Any = None
        self._done = QTimer(self)
        self._done.setSingleShot(True)
        self._done.setInterval(done_ms)
        self._done.timeout.connect(self.finish_traveller)
        self._title = CheckinTitle(window)
        self._connect()
        runner.listeners.append(self._on_runner)
        self._render()

    # -- wiring ---------------------------------------------------------------------
    def _connect(self) -> None:
        s, w = self._s, self._window
        self._bridge.changed.connect(self._on_bridge)
        s.identify.lookupRequested.connect(
            lambda locator, surname: self._send(lambda at: ev.BookingEntered(locator, surname, at))
        )
        s.identify.typeRequested.connect(lambda: self._set_mode(IdentifyMode.TYPE))
        s.identify.scanRequested.connect(lambda: self._set_mode(IdentifyMode.SCAN))
        s.booking.bookingChosen.connect(
            lambda locator: self._send(lambda at: ev.BookingPicked(locator, at))
        )
        s.passengers.travellingChanged.connect(
            lambda pid, on: self._send(lambda at: ev.PassengerToggled(pid, on, at))
        )
        s.passengers.primaryRequested.connect(lambda: self._send(ev.PassengersConfirmed))
        s.questions.answered.connect(
            lambda key, yes: self._send(lambda at: ev.SafetyAnswered(key, yes, at))
        )
        s.seats.seatChosen.connect(self._seat_chosen)
        s.seats.exitAnswered.connect(self._exit_answered)
        s.seats.passengerChosen.connect(self._seat_passenger)
        s.seats.primaryRequested.connect(lambda: self._send(ev.SeatsDone))
        s.offers.offerChanged.connect(self._offer_changed)
        s.offers.primaryRequested.connect(lambda: self._send(ev.OffersDone))
        s.bags.countChanged.connect(
            lambda pid, n: self._send(lambda at: ev.BagCountChosen(pid, n, at))
        )
        s.bags.primaryRequested.connect(lambda: self._send(ev.BagsCounted))
        s.weigh.primaryRequested.connect(lambda: self._send(ev.BagsConfirmed))
        s.payment.payRequested.connect(lambda: self._send(ev.PayRequested))
        s.done.ratingChosen.connect(self.ratingGiven)
        s.done.doneRequested.connect(self.finish_traveller)
        s.agent.staffRequested.connect(self.staffRequested)
        s.printing.staffRequested.connect(self.staffRequested)
        s.closed.staffRequested.connect(self.staffRequested)
        for screen in s.all():
            cancel = getattr(screen, "cancelRequested", None)
            if cancel is not None:
                cancel.connect(self._cancel)
        # Back before anything is checked in is starting again (the machine has no other
        # way back): the welcome screen's Back is its own (scan instead of typing).
        for screen in (s.booking, s.passengers):
            screen.backRequested.connect(self._cancel)
        # From the documents on, Back is the machine's own step back (``WentBack``), shown
        # only where it takes one (``going_back.back_target``).
        for screen in self._stepping_back():
            screen.backRequested.connect(lambda: self._send(ev.WentBack))
        w.idleExpired.connect(self._idle_expired)

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

    def state(self) -> CheckinState:
        """The last state shown."""
        return self._state

    @property
    def screens(self) -> AirportScreens:
        """The check-in's screens (tests touch them)."""
        return self._s

    def scale_reading(self, weight_g: int, stable: bool) -> None:
        """A scale reading (any thread): to the runner, and to the bag screen."""
        self._runner.weight(weight_g, stable)
        try:
            self._bridge.post(BagReading(weight_g, stable))
        except RuntimeError:  # the window was deleted before the scale stopped
            log.debug("scale reading after the window closed")

    # -- runner -> UI ---------------------------------------------------------------
    def _on_runner(self, state: CheckinState, effects: list[Any]) -> None:  # runner thread
        try:
            self._bridge.post(CheckinChanged(state, tuple(effects)))
        except RuntimeError:
            log.debug("check-in broadcast after the window closed")

    def _on_bridge(self, event: object) -> None:
        if isinstance(event, CheckinChanged):
            before = self._state
            if event.state is before and not event.effects:
                return  # nothing changed (a scale reading outside the bags step)
            self._state = event.state
            if event.state.step is Step.WELCOME and before.step is not Step.WELCOME:
                self._resetting = False
            if event.state.step is not Step.BAGS:
                self._reading = None
            self._render()
        elif isinstance(event, BagReading):
            self._reading = event
            if self._window.navigator.current_name() == "airport_weigh":
                self._show_weigh()

    def _send(self, make: MakeEvent) -> None:
        """Hand a traveller event to the runner, which stamps it with the lane's clock on
        its thread (``at`` here is only a placeholder)."""
        self._runner.send(make(_UNSTAMPED))

    # -- drawing --------------------------------------------------------------------
    def _render(self) -> None:
        state, s, w = self._state, self._s, self._window
        closed, paused = self._flags
        if closed or paused:
            w.set_idle_enabled(False)
            s.closed.set_model(LaneClosedView(closed=closed, paused=paused and not closed))
            w.show_screen(s.closed.name)
            return
        typing = state.step is Step.WELCOME and self._mode is IdentifyMode.TYPE
        w.set_idle_enabled(state.step not in _NOT_IDLE or typing)
        name = sv.screen_for(state)
        busy = state.waiting is not None
        if name == "airport_identify":
            if state.step is Step.DONE and not self._resetting:
                self._reset()  # a cancelled or abandoned check-in: the next traveller
            s.identify.set_model(sv.identify_view(state, self._mode))
        elif name == "airport_booking":
            s.booking.set_model(sv.booking_choice_view(state))
        elif name == "airport_passengers":
            s.passengers.set_model(sv.passengers_view(state))
        elif name == "airport_documents":
            s.documents.set_model(sv.documents_view(state))
        elif name == "airport_questions":
            s.questions.set_model(sv.question_view(state))
            busy = busy or not state.question
        elif name == "airport_seats":
            self._show_seats()
            busy = busy or state.seat_map(state.seat_segment) is None
        elif name == "airport_offers":
            s.offers.set_model(sv.offers_view(state))
        elif name == "airport_bags":
            s.bags.set_model(sv.bag_count_view(state))
        elif name == "airport_weigh":
            self._show_weigh()
        elif name == "airport_payment":
            s.payment.set_model(sv.payment_view(state))
        elif name == "airport_printing":
            s.printing.set_model(sv.printing_view(state))
        elif name == "airport_done":
            if w.navigator.current_name() == "feedback":
                return  # the sampled question is up; it ends with the next traveller
            self._show_done()
        elif name == "airport_agent":
            s.agent.set_model(sv.agent_view(state), can_cancel=not state.anything_printed)
        screen = w.navigator.get(name)
        if screen in self._stepping_back():
            screen.back_button.setVisible(back_target(state) is not None)
        screen.set_busy(busy)
        w.show_screen(name)

    def _stepping_back(self) -> tuple[Any, ...]:
        """The screens whose Back is the machine's ``WentBack``."""
        s = self._s
        return (s.documents, s.questions, s.seats, s.offers, s.bags, s.weigh, s.payment)

    def _show_seats(self) -> None:
        state = self._state
        view = sv.seat_view(state, self._seat_for)
        if view is None:
            return
        self._seat_for = view.current
        seats = self._s.seats
        if seats.view() != view:
            seats.set_model(view)
        pending = state.exit_row_pending
        if pending is not None and pending[0] == view.current:
            seats.ask_exit(pending[2])

    def _show_weigh(self) -> None:
        reading = self._reading
        weight = reading.weight_g if reading is not None else None
        stable = reading.stable if reading is not None else False
        self._s.weigh.set_model(sv.weigh_view(self._state, weight, stable))

    def _show_done(self) -> None:
        if self._window.navigator.current_name() == "airport_done":
            return
        self._s.done.set_model(sv.done_view(self._state))
        self._feedback = None
        self._done.start()

    # -- the traveller's touches ----------------------------------------------------
    def _set_mode(self, mode: IdentifyMode) -> None:
        self._mode = mode
        self._render()  # the idle timer runs while someone types (and may walk away)

    def _cancel(self) -> None:
        if self._state.step in (Step.WELCOME, Step.DONE, Step.CLOSING):
            self._mode = IdentifyMode.SCAN
            self._s.identify.clear()
            self._render()
            return
        self._send(ev.Cancelled)

    def _idle_expired(self) -> None:
        if self._state.step not in (Step.WELCOME, Step.DONE):
            self._send(ev.IdleTimedOut)
        self._mode = IdentifyMode.SCAN  # nothing half-typed is left for the next person
        self._s.identify.clear()
        self._window.reset_for_next_customer(self._s.identify.name)
        self._render()

    def _seat_passenger(self, passenger_id: str) -> None:
        self._seat_for = passenger_id

    def _seat_chosen(self, passenger_id: str, seat: str) -> None:
        segment = self._state.seat_segment
        self._send(lambda at: ev.SeatChosen(passenger_id, segment, seat, at))
        view = self._s.seats.view()
        cell = view.cell(seat) if view is not None else None
        if cell is not None and cell.exit_row:  # asked on the screen before it was chosen
            self._send(lambda at: ev.ExitRowAnswered(True, at))

    def _exit_answered(self, yes: bool) -> None:
        if not yes and self._state.exit_row_pending is not None:
            self._send(lambda at: ev.ExitRowAnswered(False, at))

    def _offer_changed(self, offer_id: str, taken: bool) -> None:
        if taken:
            self._send(lambda at: ev.OfferAccepted(offer_id, at))
        else:
            self._send(lambda at: ev.OfferWithdrawn(offer_id, at))

    # -- the end ----------------------------------------------------------------------
    def finish_traveller(self) -> None:
        """After the done screen: the sampled feedback question (once), then the next
        traveller's welcome screen."""
        self._done.stop()
        if self._state.outcome is Outcome.COMPLETED and self._ask_feedback():
            return
        self._reset()

    def _ask_feedback(self) -> bool:
        navigator = self._window.navigator
        if self._feedback is not None or "feedback" not in navigator.names():
            return False
        screen = navigator.get("feedback")
        self._feedback = screen
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
        """The next traveller: a fresh check-in on the welcome screen, in the default
        language, with nothing typed."""
        self._done.stop()
        self._resetting = True
        self._mode = IdentifyMode.SCAN
        self._seat_for = ""
        self._s.identify.clear()
        if self._state.step is Step.DONE:
            self._runner.reset()  # a Reset with the next check-in's id
        self._window.reset_for_next_customer(self._s.identify.name)
