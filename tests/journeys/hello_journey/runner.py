"""``HelloRunner``: runs the hello machine on its own thread (a ``JourneyRunner``).

Every input becomes an event on one queue; the runner's thread applies it and
broadcasts ``(state, effects)`` to its listeners. A ``Greet`` effect is followed
by ``Finish``: the journey is done once the greeting is out.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from datetime import datetime
from typing import Any

from hello_journey.machine import Finish, Greet, Hello, HelloError, SayHello
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


class HelloRunner:
    """The hello journey's runner: thread-safe ``say_hello``; what the shell drives."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.accepting = True
        self.listeners: list[Callable[[Any, list[Any]], None]] = []
        self.hello = Hello()
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread: Any = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = start_thread("hello", self._run)

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def say_hello(self) -> None:
        """The person touched "Say hello" (any thread)."""
        self._queue.put(lambda: self._handle(SayHello(self.clock())))

    def scan(self, raw: str, aim: str | None = None) -> None:
        log.info("hello journey ignores a scanned code")

    def weight(self, grams: int | None, stable: bool) -> None:
        """The hello journey has no scale."""

    def device_faulted(self, device: str, detail: str) -> None:
        log.error("device %s failed: %s", device, detail)

    def state_name(self) -> str:
        return self.hello.state.value

    def busy(self) -> bool:
        return False

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            job()

    def _handle(self, event: SayHello | Finish) -> None:
        if not self.accepting:
            return
        try:
            self.hello, effects = self.hello.handle(event)
        except HelloError as error:  # a double touch: logged, never fatal
            log.info("%s", error)
            return
        for listener in list(self.listeners):
            listener(self.hello, effects)
        if any(isinstance(effect, Greet) for effect in effects):
            self._queue.put(lambda: self._handle(Finish(self.clock())))
