"""The hello machine, h11 style: frozen events in, the new state and effects out.

Rules of the file: the state is one of ``READY`` (the "Say hello" button shows),
``GREETED`` ("Hello!" shows) and ``DONE``. The transitions are the table
``TRANSITIONS[state][event type]``; an event the state does not accept raises
:class:`HelloError` naming both. Time is passed in on every event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class HelloState(Enum):
    READY = "ready"
    GREETED = "greeted"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class SayHello:
    """The person touched "Say hello"."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Finish:
    """The greeting has been shown: the journey is over."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Greet:
    """Effect: show (and say) the greeting."""

    text: str


class HelloError(Exception):
    """An event the current state does not accept."""


TRANSITIONS: dict[HelloState, dict[type, HelloState]] = {
    HelloState.READY: {SayHello: HelloState.GREETED},
    HelloState.GREETED: {Finish: HelloState.DONE},
    HelloState.DONE: {},
}


@dataclass(frozen=True, slots=True)
class Hello:
    """The hello journey's state (immutable)."""

    state: HelloState = HelloState.READY
    greeting: str = ""

    def handle(self, event: SayHello | Finish) -> tuple[Hello, list[object]]:
        """The state after ``event`` and the effects to perform. Raises HelloError."""
        target = TRANSITIONS[self.state].get(type(event))
        if target is None:
            raise HelloError(f"state {self.state.value} does not accept {type(event).__name__}")
        if isinstance(event, SayHello):
            return Hello(target, "Hello!"), [Greet("Hello!")]
        return Hello(target, self.greeting), []
