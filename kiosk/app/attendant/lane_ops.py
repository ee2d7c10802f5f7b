"""Running attendant actions on the lane thread: dry-run the events, then apply them.

The checkout is immutable and pure, so a list of events is first tried on a copy: an
illegal event or a refused request (an error beep plus a message) raises
:class:`AttendantError` and nothing changes. Only then are the events handled for real,
in one lane-thread job, so no scan can slip in between.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from kiosk.app.attendant.model import AttendantError
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import Event
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import IllegalTransition

T = TypeVar("T")
LANE_TIMEOUT_S = 10.0


def run_on_lane(controller: Any, job: Callable[[], T], timeout: float = LANE_TIMEOUT_S) -> T:
    """Run ``job`` on the lane thread and return its result (or raise its error).

    Raises:
        AttendantError: if the lane thread does not answer within ``timeout`` seconds.
    """
    box: Future[T] = Future()

    def run() -> None:
        try:
            box.set_result(job())
        except BaseException as error:  # handed back to the caller
            box.set_exception(error)

    controller.call(run)
    try:
        return box.result(timeout)
    except FutureTimeout:
        raise AttendantError("the lane did not answer (is it running?)") from None


def apply_events(controller: Any, build: Callable[[Checkout], list[Event]]) -> Checkout:
    """Build events from the lane's checkout, dry-run them, then handle them for real."""

    def job() -> Checkout:
        events = build(controller.checkout)
        trial = controller.checkout
        for event in events:
            try:
                trial, effects = trial.handle(event)
            except IllegalTransition as error:
                raise AttendantError(str(error)) from None
            raise_refusal(effects)
        for event in events:
            controller.handle(event)
        checkout: Checkout = controller.checkout
        return checkout

    return run_on_lane(controller, job)


def raise_refusal(effects: list[Any]) -> None:
    """A refused request comes back as an error beep and a message: make it an error."""
    if any(isinstance(e, fx.Beep) and not e.ok for e in effects):
        shown = [e for e in effects if isinstance(e, fx.ShowMessage)]
        text = ", ".join(f"{e.key} {dict(e.params)}" for e in shown) or "refused"
        raise AttendantError(f"the lane refused: {text}")
