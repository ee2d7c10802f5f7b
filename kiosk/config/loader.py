"""Load TOML configuration into typed, frozen dataclasses.

Theory of operation: a file is parsed with ``tomllib``; environment variables
``KIOSK__SECTION__KEY=value`` then override single keys (the value is read as
a TOML value when it parses as one, else as a string); the resulting table is
built into the dataclass tree by :func:`build`, which walks the dataclass
fields and their type hints. Any unknown key, missing required key, wrong type
or value refused by a field's ``check`` raises one :class:`ConfigError` naming
the source (file or environment variable), the dotted key, the value and what
was expected. Nothing here knows the sections: they are plain dataclasses.

A field's ``metadata`` may hold:
    ``check``: ``value -> str | None``; a returned string is what was expected.
    ``doc``: one line of documentation (``config/example.toml`` repeats it).
"""

from __future__ import annotations

import dataclasses
import enum
import os
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from kiosk.config.errors import MISSING, ConfigError

T = TypeVar("T")
ENV_PREFIX = "KIOSK__"

Check = Callable[[Any], "str | None"]


def setting(
    default: Any = dataclasses.MISSING,
    *,
    doc: str,
    check: Check | None = None,
    default_factory: Any = dataclasses.MISSING,
    example: Any = None,
) -> Any:
    """Declare a config field with its documentation, an optional value check and,
    for required fields, an example value for ``config/example.toml``."""
    metadata = {"doc": doc, "check": check, "example": example}
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file.

    Raises:
        ConfigError: if the file is missing, unreadable, not UTF-8 text (naming the
            byte offset and line of the first bad byte) or not valid TOML.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(path), "(file)", MISSING, "a TOML configuration file") from None
    except OSError as error:
        raise ConfigError(str(path), "(file)", str(error), "a readable file") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(str(path), "(file)", _bad_byte(data, error), "UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), "(file)", str(error), "valid TOML") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(
            str(path), "(file)", "arrays or tables nested too deeply", "valid TOML"
        ) from None


def _bad_byte(data: bytes, error: UnicodeDecodeError) -> str:
    """Where the first byte that is not UTF-8 is: offset, line and the byte itself."""
    line = data.count(b"\n", 0, error.start) + 1
    return f"not UTF-8: byte {error.start} (line {line}) is 0x{data[error.start]:02x}"


def apply_env_overrides(
    table: dict[str, Any], environ: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return a copy of ``table`` with ``KIOSK__A__B=v`` variables applied as ``a.b = v``.

    Also returns a map from dotted key to the variable name that set it, so errors
    name the variable rather than the file.
    """
    result = _deep_copy(table)
    sources: dict[str, str] = {}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX):
            continue
        parts = [p.lower() for p in name[len(ENV_PREFIX) :].split("__") if p]
        if not parts:
            continue
        node = result
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(name, ".".join(parts), raw, f"'{part}' to be a table")
            node = child
        node[parts[-1]] = _parse_env_value(raw)
        sources[".".join(parts)] = f"environment variable {name}"
    return result, sources


def _parse_env_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        # ValueError: e.g. an integer of 4,300+ digits (Python's int limit): taken as text,
        # which the setting's type check then names
        return raw


def _deep_copy(table: dict[str, Any]) -> dict[str, Any]:
    return {k: _deep_copy(v) if isinstance(v, dict) else v for k, v in table.items()}


def build(
    cls: type[T],
    table: Mapping[str, Any],
    source: str,
    prefix: str = "",
    sources: Mapping[str, str] | None = None,
) -> T:
    """Build dataclass ``cls`` from ``table``; see the module docstring for the rules.

    Raises:
        ConfigError: naming the first mistake found.
    """
    return _Builder(source, sources or {}).dataclass(cls, table, prefix)


class _Builder:
    def __init__(self, source: str, sources: Mapping[str, str]) -> None:
        self.source = source
        self.sources = sources

    def error(self, key: str, value: object, expected: str) -> ConfigError:
        source = self.sources.get(key, self.source)
        return ConfigError(source, key or "(top level)", value, expected)

    def dataclass(self, cls: type[T], table: Any, prefix: str) -> T:
        if not isinstance(table, Mapping):
            raise self.error(prefix, table, f"a table of {cls.__name__} settings")
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for key in table:
            if key not in fields:
                known = ", ".join(sorted(fields))
                raise self.error(_join(prefix, key), table[key], f"one of the known keys: {known}")
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            key = _join(prefix, name)
            if name not in table:
                if (
                    spec.default is dataclasses.MISSING
                    and spec.default_factory is dataclasses.MISSING
                ):
                    expected = f"a value ({_describe(hints[name])}) - it is required"
                    raise self.error(key, MISSING, expected)
                continue
            value = self.value(hints[name], table[name], key)
            check = spec.metadata.get("check")
            if check is not None and (problem := check(value)):
                raise self.error(key, table[name], problem)
            values[name] = value
        return cls(**values)

    def value(self, hint: Any, raw: Any, key: str) -> Any:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            if raw is None and type(None) in args:
                return None
            options = [a for a in args if a is not type(None)]
            if len(options) == 1:
                return self.value(options[0], raw, key)
            return self._first_fit(options, raw, key, hint)
        if origin is typing.Literal:
            if raw not in args:
                raise self.error(key, raw, "one of " + ", ".join(repr(a) for a in args))
            return raw
        if origin is tuple:
            if not isinstance(raw, list):
                raise self.error(key, raw, f"a list ({_describe(hint)})")
            item = args[0]
            return tuple(self.value(item, v, f"{key}[{i}]") for i, v in enumerate(raw))
        if origin is dict or hint is dict:
            return self._mapping(args, raw, key)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            choices = [m.value for m in hint]
            if raw not in choices:
                raise self.error(key, raw, "one of " + ", ".join(repr(c) for c in choices))
            return hint(raw)
        if dataclasses.is_dataclass(hint):
            return self.dataclass(hint, raw, key)  # type: ignore[arg-type]
        return self._scalar(hint, raw, key)

    def _first_fit(self, options: list[Any], raw: Any, key: str, hint: Any) -> Any:
        for option in options:
            try:
                return self.value(option, raw, key)
            except ConfigError:
                continue
        raise self.error(key, raw, _describe(hint))

    def _mapping(self, args: tuple[Any, ...], raw: Any, key: str) -> dict[str, Any]:
        if not isinstance(raw, Mapping):
            raise self.error(key, raw, "a table")
        value_hint = args[1] if args else Any
        if value_hint is Any:
            return dict(raw)
        return {k: self.value(value_hint, v, _join(key, k)) for k, v in raw.items()}

    def _scalar(self, hint: Any, raw: Any, key: str) -> Any:
        if hint is Any:
            return raw
        if hint is Path:
            if not isinstance(raw, str) or not raw:
                raise self.error(key, raw, "a path (a non-empty string)")
            return Path(raw)
        if hint is float:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise self.error(key, raw, "a number")
            return float(raw)
        if hint is bool:
            if not isinstance(raw, bool):
                raise self.error(key, raw, "true or false")
            return raw
        if hint is int:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise self.error(key, raw, "a whole number")
            return raw
        if hint is str:
            if not isinstance(raw, str):
                raise self.error(key, raw, "a string")
            return raw
        raise self.error(key, raw, _describe(hint))


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _describe(hint: Any) -> str:
    names = {
        int: "a whole number",
        str: "a string",
        bool: "true or false",
        float: "a number",
        Path: "a path",
    }
    if hint in names:
        return names[hint]
    origin = typing.get_origin(hint)
    if origin is tuple:
        return f"a list of {_describe(typing.get_args(hint)[0])}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(hint) if a is not type(None))
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(hint))
    return getattr(hint, "__name__", str(hint))


def load(cls: type[T], path: Path, environ: Mapping[str, str] | None = None) -> T:
    """Read ``path``, apply environment overrides and build ``cls``.

    Raises:
        ConfigError: for a missing/invalid file or any bad key or value.
    """
    table = read_toml(path)
    table, sources = apply_env_overrides(table, os.environ if environ is None else environ)
    return build(cls, table, str(path), sources=sources)
