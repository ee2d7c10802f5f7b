"""The one registry of journeys: ``lane.mode`` -> :class:`JourneySpec`.

The lane's own journeys are registered when this module is first imported;
another package adds one with :func:`register_journey` before the lane is built
(``docs/journeys.md``). An unknown mode is a :class:`~kiosk.config.ConfigError`
that names it and the modes known.
"""

from __future__ import annotations

import threading

from kiosk.app.journeys.spec import JourneySpec
from kiosk.config import ConfigError

_LOCK = threading.Lock()
_JOURNEYS: dict[str, JourneySpec] = {}


def register_journey(spec: JourneySpec, *, replace: bool = False) -> JourneySpec:
    """Make ``spec`` the journey of ``lane.mode = spec.mode``; returns it.

    Raises:
        ValueError: the mode is taken (unless ``replace``) or is not an identifier.
    """
    if not spec.mode.isidentifier() or spec.mode != spec.mode.lower():
        raise ValueError(f"journey mode {spec.mode!r} must be a lower-case identifier")
    with _LOCK:
        if spec.mode in _JOURNEYS and not replace:
            raise ValueError(f"a journey {spec.mode!r} is already registered")
        _JOURNEYS[spec.mode] = spec
    return spec


def unregister_journey(mode: str) -> None:
    """Forget the journey ``mode`` (tests that registered one); no error if unknown."""
    with _LOCK:
        _JOURNEYS.pop(mode, None)


def known_journeys() -> tuple[str, ...]:
    """The registered modes, sorted."""
    with _LOCK:
        return tuple(sorted(_JOURNEYS))


def journey_spec(mode: str) -> JourneySpec:
    """The journey ``lane.mode = mode`` picks.

    Raises:
        ConfigError: no journey is registered as ``mode`` (the message lists the known ones).
    """
    with _LOCK:
        spec = _JOURNEYS.get(mode)
    if spec is None:
        known = ", ".join(known_journeys()) or "none"
        raise ConfigError("configuration", "lane.mode", mode, f"a registered journey ({known})")
    return spec


def _register_builtin() -> None:
    from kiosk.app.journeys.airport import AIRPORT_CHECKIN
    from kiosk.app.journeys.hotel import HOTEL_CHECKIN
    from kiosk.app.journeys.self_checkout import SELF_CHECKOUT

    register_journey(SELF_CHECKOUT, replace=True)
    register_journey(AIRPORT_CHECKIN, replace=True)
    register_journey(HOTEL_CHECKIN, replace=True)


_register_builtin()
