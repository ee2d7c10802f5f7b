"""What the lane's start leaves for later, done once the first screen is up (no Qt here).

* Imports: a module that imports a heavy library on first use (httpx in the payment
  driver, python-escpos' printers and PIL in the receipt renderer) names it with
  :func:`defer`; the window calls :func:`warm_up` in idle time after its first
  paint, which imports them on a background thread, so the first payment or receipt
  does not wait for them either. Importing twice is a dictionary lookup, so a use
  that comes before the warm-up simply imports the module itself.
* The cyclic garbage collector: ``kiosk run`` may hold it from its first line
  (:func:`hold_collections`) until the window's first paint; a start allocates
  hundreds of thousands of long-lived objects, and the collector would otherwise
  run ~130 times during it (~50 ms on a lane PC) and find almost nothing.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading

from kiosk.threads import start_thread

log = logging.getLogger(__name__)
_deferred: list[str] = []
_lock = threading.Lock()
_held = False


def hold_collections() -> None:
    """Disable the cyclic collector until :func:`release_collections` (no-op if it is
    already disabled: whoever disabled it decides when it runs again)."""
    global _held
    with _lock:
        if gc.isenabled():
            gc.disable()
            _held = True


def release_collections() -> None:
    """Re-enable the collector if :func:`hold_collections` disabled it."""
    global _held
    with _lock:
        if _held:
            _held = False
            gc.enable()


def defer(*modules: str) -> None:
    """Name modules to import by :func:`warm_up` (their users import them when needed)."""
    with _lock:
        _deferred.extend(m for m in modules if m not in _deferred)


def deferred() -> tuple[str, ...]:
    """The modules named so far, in order."""
    with _lock:
        return tuple(_deferred)


def import_deferred() -> None:
    """Import every deferred module here and now; one that fails is logged, not raised
    (its user imports it again and reports the error where it matters)."""
    for name in deferred():
        try:
            importlib.import_module(name)
        except Exception:
            log.warning("warm-up: cannot import %s", name, exc_info=True)


def warm_up() -> threading.Thread:
    """Import the deferred modules on a background thread; returns the thread."""
    return start_thread("warm-up", import_deferred)
