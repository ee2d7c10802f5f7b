"""Journeys: what a lane lets a person do, picked by ``lane.mode`` from one registry.

A journey supplies its machine and the runner of its effects with the ports it
needs, its screens and presenter, its attendant actions and the document kinds it
sends to HQ (:class:`JourneySpec`); the shell supplies the rest. How to add one:
``docs/journeys.md``. The public API is this module's ``__all__``.
"""

from __future__ import annotations

from kiosk.app.journeys.registry import (
    journey_spec,
    known_journeys,
    register_journey,
    unregister_journey,
)
from kiosk.app.journeys.spec import (
    DeskContext,
    DeskUi,
    JourneyParts,
    JourneyPresenter,
    JourneyRunner,
    JourneySpec,
    JourneyUi,
    JourneyUiContext,
    ShellServices,
)

__all__ = [
    "DeskContext",
    "DeskUi",
    "JourneyParts",
    "JourneyPresenter",
    "JourneyRunner",
    "JourneySpec",
    "JourneyUi",
    "JourneyUiContext",
    "ShellServices",
    "journey_spec",
    "known_journeys",
    "register_journey",
    "unregister_journey",
]
