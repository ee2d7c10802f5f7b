"""A small check-in journey with the airport's agent desk, for the desk's tests.

It lives only in the tests and is registered through the public registry, like the
"hello" journey: a runner (:class:`DeskTestRunner`) that holds a real
``CheckinState`` of the airport domain and takes the desk's verdicts on its own
thread, a traveller screen that says "An agent is coming" while the check-in waits
for one (with a "Staff" key, the journey's ``staffRequested``), and the spec
``DESK_TEST`` whose ``attendant`` and ``desk_ui`` are the airport's real desk
(``kiosk.app.journeys.airport_desk``). ``raise_intervention`` is what the machine
does when a document fails; a verdict moves the check-in on as the machine does
(accept: the document counts, refuse: the passenger does not travel).
"""

from __future__ import annotations

import dataclasses
import logging
import queue
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.app.journeys import JourneyParts, JourneySpec, JourneyUi, JourneyUiContext, ShellServices
from kiosk.app.journeys.airport_desk import build_airport_desk, open_airport_desk
from kiosk.domain.airport.dcs import (
    Booking,
    DocumentSummary,
    Flight,
    Passenger,
    PassengerType,
)
from kiosk.domain.airport.events import AgentVerdict
from kiosk.domain.airport.interventions import (
    AirportIntervention,
    AirportInterventionKind,
    ResolvedAirportIntervention,
    Verdict,
)
from kiosk.domain.airport.states import (
    CheckinSettings,
    CheckinState,
    DocumentCheck,
    PassengerState,
    Step,
)
from kiosk.threads import start_thread
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import text_label, touch_button

log = logging.getLogger(__name__)
DEPARTS = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)
ANNA = Passenger("P1", "ERIKSSON", "ANNA MARIA", PassengerType.ADULT)
LARS = Passenger("P2", "ERIKSSON", "LARS", PassengerType.ADULT)
BOOKING = Booking(
    "KX7Q2M",
    (ANNA, LARS),
    (Flight("S1", "KX", "0123", "LIS", "CDG", DEPARTS, DEPARTS, "Y", "Y", gate="12"),),
    ("dangerous_goods", "packed_yourself"),
)
#: Anna's passport as the lane keeps it (never the MRZ; number L898902C3).
ANNA_PASSPORT = DocumentSummary("P", "UTO", "UTO", date(2032, 4, 15), "02C3")


def documents_step() -> CheckinState:
    """Booking KX7Q2M found, both passengers chosen, their documents being read."""
    state = CheckinState.start(CheckinSettings("LIS", "EUR"), "ci-1")
    passengers = tuple(PassengerState(p) for p in BOOKING.passengers)
    return dataclasses.replace(
        state, step=Step.DOCUMENTS, booking=BOOKING, passengers=passengers, document_for="P1"
    )


class DeskTestRunner:
    """The journey's runner: a ``JourneyRunner`` plus the airport runner's ``state`` and
    ``agent_verdict(event, staff_id)``; every change runs on its own thread."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.accepting = True
        self.listeners: list[Callable[[Any, list[Any]], None]] = []
        self.state = documents_step()
        self.verdicts: list[tuple[AgentVerdict, str]] = []
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread: Any = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = start_thread("desk-test", self._run)

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def scan(self, raw: str, aim: str | None = None) -> None:
        log.info("the desk test journey ignores a scanned code")

    def weight(self, grams: int | None, stable: bool) -> None:
        """No scale."""

    def device_faulted(self, device: str, detail: str) -> None:
        log.error("device %s failed: %s", device, detail)

    def state_name(self) -> str:
        return self.state.step.value

    def busy(self) -> bool:
        return self.state.step is not Step.WELCOME

    # -- what the machine would do ---------------------------------------------------------

    def raise_intervention(
        self,
        kind: AirportInterventionKind,
        passenger_id: str,
        detail: str,
        summary: DocumentSummary | None = None,
    ) -> None:
        """The check-in stops for an agent (e.g. the document read does not fit)."""

        def job() -> None:
            at = self.clock()
            passengers = tuple(
                dataclasses.replace(p, summary=summary or p.summary)
                if p.passenger_id == passenger_id
                else p
                for p in self.state.passengers
            )
            self._set(
                dataclasses.replace(
                    self.state,
                    step=Step.INTERVENTION,
                    resume=self.state.step,
                    passengers=passengers,
                    intervention=AirportIntervention(kind, passenger_id, detail, at),
                )
            )

        self._queue.put(job)

    def agent_verdict(self, event: AgentVerdict, staff_id: str) -> None:
        """An agent's verdict from the desk (any thread)."""
        self._queue.put(lambda: self._verdict(event, staff_id))

    def _verdict(self, event: AgentVerdict, staff_id: str) -> None:
        open_ = self.state.intervention
        if open_ is None or open_.kind is not event.kind:
            log.error("verdict %s with nothing of its kind open", event)
            return
        self.verdicts.append((event, staff_id))
        resolved = ResolvedAirportIntervention(
            open_.kind,
            open_.passenger_id,
            open_.detail,
            open_.raised_at,
            event.at,
            staff_id,
            event.verdict,
        )
        passengers = tuple(
            _after(p, event.verdict, open_.kind) if p.passenger_id == open_.passenger_id else p
            for p in self.state.passengers
        )
        self._set(
            dataclasses.replace(
                self.state,
                step=self.state.resume,
                intervention=None,
                interventions=(*self.state.interventions, resolved),
                passengers=passengers,
                document_for="P2",
            )
        )

    def _set(self, state: CheckinState) -> None:
        self.state = state
        for listener in list(self.listeners):
            listener(state, [])

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            job()


def _after(passenger: Any, verdict: Verdict, kind: AirportInterventionKind) -> Any:
    if verdict is Verdict.ACCEPT:
        return dataclasses.replace(passenger, document=DocumentCheck.ACCEPTED)
    if verdict is Verdict.REFUSE:
        return dataclasses.replace(passenger, refused=kind.value)
    return dataclasses.replace(passenger, document=DocumentCheck.NEEDED, summary=None)


# -- the traveller's side ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class CheckinChanged:
    """The runner's new state, on its way to the UI thread."""

    state: CheckinState


class TravellerScreen(Screen):
    """What the traveller sees: the step, or "An agent is coming" with a Staff key."""

    name = "desk_test_traveller"
    staffTouched = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.status = text_label(role="title", wrap=True)
        self.staff_button = touch_button("Staff", role="secondary")
        self.staff_button.clicked.connect(self.staffTouched)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.staff_button)
        layout.addStretch(1)

    def show_state(self, state: CheckinState) -> None:
        if state.step is Step.INTERVENTION:
            self.status.setText("An agent is coming")
        else:
            self.status.setText(f"Check-in: {state.step.value}")


class TravellerPresenter(QObject):
    """What the shell asks of a journey's presenter."""

    staffRequested = Signal()

    def __init__(self, runner: DeskTestRunner, window: Any, bridge: Any, screen: Any) -> None:
        super().__init__(window)
        self.runner, self.screen = runner, screen
        self.flags = (False, False)
        self._listener = lambda state, effects: bridge.post(CheckinChanged(state))
        runner.listeners.append(self._listener)
        bridge.changed.connect(self._on_bridge)
        screen.staffTouched.connect(self.staffRequested)
        window.show_screen(screen.name)
        self.refresh()

    def _on_bridge(self, event: object) -> None:
        if isinstance(event, CheckinChanged):
            self.screen.show_state(event.state)

    def set_lane_flags(self, closed: bool, paused: bool) -> None:
        self.flags = (closed, paused)

    def refresh(self) -> None:
        self.screen.show_state(self.runner.state)

    def detach(self) -> None:
        if self._listener in self.runner.listeners:
            self.runner.listeners.remove(self._listener)


def build(services: ShellServices) -> JourneyParts:
    return JourneyParts(runner=DeskTestRunner(services.clock))


def open_ui(context: JourneyUiContext) -> JourneyUi:
    screen = TravellerScreen()
    context.window.add_screen(screen)
    presenter = TravellerPresenter(context.lane.controller, context.window, context.bridge, screen)
    return JourneyUi(presenter, screen)


DESK_TEST: Any = JourneySpec(
    mode="desk_test",
    summary="a check-in that waits for the airport's agent desk (tests only)",
    build=build,
    open_ui=open_ui,
    attendant=build_airport_desk,
    desk_ui=open_airport_desk,
)
