"""The one error a bad configuration raises."""

from __future__ import annotations


class ConfigError(Exception):
    """A configuration mistake, named precisely: the file, the key, the value, what was expected.

    The message is meant to be printed to an installer as it is, so it reads as
    one sentence: ``config/lane.toml: lane.currency = 'EURO': expected an ISO
    4217 currency code such as 'EUR'``.
    """

    def __init__(self, source: str, key: str, value: object, expected: str) -> None:
        self.source = source
        self.key = key
        self.value = value
        self.expected = expected
        shown = "(missing)" if value is _MISSING else repr(value)
        super().__init__(f"{source}: {key} = {shown}: expected {expected}")


class _Missing:
    def __repr__(self) -> str:
        return "(missing)"


_MISSING = _Missing()
MISSING: object = _MISSING
