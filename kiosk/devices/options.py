"""Typed access to a device's free-form ``options`` table, with errors that name the key.

``DeviceConfig.options`` is checked by the driver that reads it, not by the
config loader, because each driver has its own options. :class:`Options`
reads them one by one and :meth:`Options.finish` refuses any key nobody read,
so a typo such as ``baud_rate`` fails at start instead of being ignored.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any

from kiosk.config import ConfigError


class Options:
    """Read ``options`` of the device called ``device``.

    Every getter raises :class:`ConfigError` (``devices.<name>.options.<key>``)
    when the value has the wrong type or is not allowed.
    """

    def __init__(
        self,
        device: builtins.str,
        options: Mapping[builtins.str, Any],
        source: builtins.str = "[[devices]]",
    ) -> None:
        self.device = device
        self._options = dict(options)
        self._read: set[str] = set()
        self._source = source

    def _fail(self, key: builtins.str, expected: builtins.str) -> ConfigError:
        return ConfigError(
            self._source, f"devices.{self.device}.options.{key}", self._options.get(key), expected
        )

    def _get(self, key: builtins.str, default: Any) -> Any:
        self._read.add(key)
        return self._options.get(key, default)

    def int(
        self,
        key: builtins.str,
        default: builtins.int,
        low: builtins.int | None = None,
        high: builtins.int | None = None,
    ) -> builtins.int:
        value = self._get(key, default)
        if isinstance(value, builtins.bool) or not isinstance(value, builtins.int):
            raise self._fail(key, "a whole number")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self._fail(key, f"a whole number from {low} to {high}")
        return value

    def float(
        self,
        key: builtins.str,
        default: builtins.float,
        low: builtins.float | None = None,
        high: builtins.float | None = None,
    ) -> builtins.float:
        value = self._get(key, default)
        if isinstance(value, builtins.bool) or not isinstance(value, builtins.int | builtins.float):
            raise self._fail(key, "a number")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self._fail(key, f"a number from {low} to {high}")
        return float(value)

    def bool(self, key: builtins.str, default: builtins.bool) -> builtins.bool:
        value = self._get(key, default)
        if not isinstance(value, builtins.bool):
            raise self._fail(key, "true or false")
        return value

    def str(self, key: builtins.str, default: builtins.str) -> builtins.str:
        value = self._get(key, default)
        if not isinstance(value, builtins.str):
            raise self._fail(key, "a string")
        return value

    def choice(
        self, key: builtins.str, default: builtins.str, choices: Iterable[builtins.str]
    ) -> builtins.str:
        allowed = list(choices)
        value = self.str(key, default)
        if value not in allowed:
            raise self._fail(key, "one of " + ", ".join(repr(c) for c in allowed))
        return value

    def str_list(
        self, key: builtins.str, default: Iterable[builtins.str]
    ) -> tuple[builtins.str, ...]:
        value = self._get(key, list(default))
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, builtins.str) for v in value
        ):
            raise self._fail(key, "a list of strings")
        return tuple(value)

    def int_list(
        self, key: builtins.str, default: Iterable[builtins.int]
    ) -> tuple[builtins.int, ...]:
        value = self._get(key, list(default))
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, builtins.int) and not isinstance(v, builtins.bool) for v in value
        ):
            raise self._fail(key, "a list of whole numbers")
        return tuple(value)

    def float_list(
        self, key: builtins.str, default: Iterable[builtins.float]
    ) -> tuple[builtins.float, ...]:
        value = self._get(key, list(default))
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, builtins.int | builtins.float) and not isinstance(v, builtins.bool)
            for v in value
        ):
            raise self._fail(key, "a list of numbers")
        return tuple(float(v) for v in value)

    def finish(self) -> None:
        """Raise ConfigError for the first option that no getter asked for (a typo)."""
        unknown = sorted(set(self._options) - self._read)
        if unknown:
            known = ", ".join(sorted(self._read)) or "none"
            raise self._fail(unknown[0], f"one of the known options: {known}")
