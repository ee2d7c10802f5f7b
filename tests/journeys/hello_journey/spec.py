"""The hello journey's entry in the registry: everything it supplies, in one value."""

from __future__ import annotations

from typing import Any

from hello_journey.runner import HelloRunner
from kiosk.app.journeys import JourneyParts, JourneySpec, JourneyUi, JourneyUiContext, ShellServices


def build_hello(services: ShellServices) -> JourneyParts:
    """The hello machine's runner on the lane's one clock (it needs no other port)."""
    return JourneyParts(runner=HelloRunner(services.clock))


def open_ui(context: JourneyUiContext) -> JourneyUi:
    from hello_journey.ui import open_hello_ui  # Qt only when a window is opened

    return open_hello_ui(context)


HELLO: Any = JourneySpec(
    mode="hello",
    summary="say hello (a journey that exists only in the tests)",
    build=build_hello,
    open_ui=open_ui,
    attendant=None,  # no attendant actions
    document_kinds=(),  # sends nothing to HQ
)
