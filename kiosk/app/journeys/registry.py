"""The one registry of journeys: ``lane.mode`` -> :class:`JourneySpec`.

The lane's own journeys (``_BUILTIN``) are imported when a lane first asks for
one (a self-checkout lane never imports the travel journeys); another package
adds one with :func:`register_journey` before the lane is built
(``docs/journeys.md``). An unknown mode is a :class:`~kiosk.config.ConfigError`
that names it and the modes known.
"""

from __future__ import annotations

import importlib
import threading

from kiosk.app.journeys.spec import JourneySpec
from kiosk.config import ConfigError

_LOCK = threading.Lock()
_JOURNEYS: dict[str, JourneySpec] = {}
#: The lane's own journeys: mode -> (module, spec), imported on first use.
_BUILTIN: dict[str, tuple[str, str]] = {
    "self_checkout": ("kiosk.app.journeys.self_checkout", "SELF_CHECKOUT"),
    "airport_checkin": ("kiosk.app.journeys.airport", "AIRPORT_CHECKIN"),
    "hotel_checkin": ("kiosk.app.journeys.hotel", "HOTEL_CHECKIN"),
}


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
    """The registered modes and the built-in ones, sorted."""
    with _LOCK:
        return tuple(sorted(set(_JOURNEYS) | set(_BUILTIN)))


def journey_spec(mode: str) -> JourneySpec:
    """The journey ``lane.mode = mode`` picks.

    Raises:
        ConfigError: no journey is registered as ``mode`` (the message lists the known ones).
    """
    with _LOCK:
        spec = _JOURNEYS.get(mode)
    if spec is None:
        spec = _load_builtin(mode)
    if spec is None:
        known = ", ".join(known_journeys()) or "none"
        raise ConfigError("configuration", "lane.mode", mode, f"a registered journey ({known})")
    return spec


def _load_builtin(mode: str) -> JourneySpec | None:
    """Import and register the built-in journey ``mode`` (None: it is not one).

    The lane's own journeys are imported only when a lane asks for one, so a
    self-checkout lane never imports the airport's or the hotel's code at start.
    """
    where = _BUILTIN.get(mode)
    if where is None:
        return None
    module_name, name = where
    spec: JourneySpec = getattr(importlib.import_module(module_name), name)
    with _LOCK:
        return _JOURNEYS.setdefault(mode, spec)  # a journey registered meanwhile wins
