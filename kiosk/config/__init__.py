"""Configuration: TOML files in ``config/`` plus ``KIOSK__SECTION__KEY`` overrides, and
the last good configuration HQ sent (:mod:`kiosk.config.remote`).

``load_config(path)`` is the one loader; everything else receives the frozen
``KioskConfig`` it returns.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.config.errors import ConfigError
from kiosk.config.remote import load_effective
from kiosk.config.schema import KioskConfig

DEFAULT_PATH = Path("/etc/kiosk/lane.toml")


def config_path(explicit: str | Path | None = None) -> Path:
    """The file to read: ``explicit``, else ``$KIOSK_CONFIG``, else /etc/kiosk/lane.toml."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("KIOSK_CONFIG", DEFAULT_PATH))


def load_config(
    path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> KioskConfig:
    """Load the lane configuration: the file, the last good HQ copy next to its store
    (left out with a warning if it no longer builds) and the environment's overrides.

    Raises:
        ConfigError: naming the file, key, value and what was expected.
    """
    return load_effective(config_path(path), environ)


__all__ = ["ConfigError", "KioskConfig", "config_path", "load_config"]
