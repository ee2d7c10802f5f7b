"""Skip PySide's source scan of every module imported after it (issue 16: the lane's start).

Theory of operation: PySide6 replaces ``builtins.__import__`` to support its optional
``from __feature__ import snake_case, true_property``. After every import of a module
it has not seen, its hook (``shibokensupport.feature.feature_imported``) reads that
module's whole source with ``inspect.getsource`` to see whether the text names
"PySide6", and files the module as a PySide user (feature set 0, "no feature") or
not (-1, "ignore this module": the last feature set selected stays). A lane start
imports ~350 modules after PySide, so the scan read and tokenized ~350 source files:
~25-30 ms of the start's ~0.4 s of CPU (``benchmarks/bench_lane_start.py``).

The lane never selects a feature (nothing imports ``__feature__``), so every module
runs with feature set 0 whichever way it is filed. :func:`skip_feature_scan` files
every new module as a PySide user without reading its source: the same set 0 it
already ran with (a module filed "ignore" ran with the last set selected, which was
always 0), and a module that did select a feature would still get it, the hook
itself being untouched. If PySide's internals change (the hook or the function is
not found), nothing is done.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)
_FEATURE = "shibokensupport.feature"


def skip_feature_scan() -> bool:
    """File modules imported from now on as PySide users without reading their source
    (see the module docstring); True if PySide's hook was found and told so."""
    import PySide6  # noqa: F401  (loads shiboken's import hook and its feature module)

    feature = sys.modules.get(_FEATURE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's feature module not found: its import scan stays on")
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True


def _uses_pyside(module: object) -> bool:
    """Every module: PySide's "no feature" set, what the lane runs everywhere."""
    del module
    return True
