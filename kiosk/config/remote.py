"""Configuration managed at HQ, on the lane's side: which keys HQ may set, the last good
copy HQ sent (kept next to the store), and the lane's effective configuration.

Theory of operation: HQ keeps overrides as dotted keys (``ui.idle_timeout_s = 90``) for
the fleet, a store or one lane and sends a lane its merged set with a version
(:mod:`kiosk.sync.config_pull` asks during sync rounds). The lane builds the local TOML
file with the overrides laid on top (environment variables still win: they are the
installer's last word) through the one loader (:func:`kiosk.config.loader.build`); only
a set that builds is written, atomically, to ``<store path>.hq-config.json``. At start
:func:`load_effective` loads the local file plus that copy; if the copy no longer builds
(the local file changed), the lane starts on its local file alone and says why. Keys
that must stay local are refused wherever they come from (:func:`refusal`): the lane's
identity, the store, sync and HQ sections (paths, tokens, where HQ is), log paths, the
device wiring and anything that names a secret. The new configuration takes effect at
the lane's next start; there is no live apply.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import tempfile
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.config.errors import ConfigError
from kiosk.config.loader import apply_env_overrides, build, load, read_toml
from kiosk.config.schema import KioskConfig

log = logging.getLogger(__name__)

COPY_SUFFIX = ".hq-config.json"
MAX_KEYS = 200
MAX_KEY = 128  # characters of a dotted key
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39}){0,5}$")
# Whole sections or keys that stay the lane's own (identity, paths, how HQ is reached).
LOCAL_ONLY = (
    ("lane.store_id", "the lane's identity"),
    ("lane.lane_id", "the lane's identity"),
    ("store", "the lane's store (paths) stays local"),
    ("sync", "how the lane reaches HQ (URL, token, certificates) stays local"),
    ("hq", "HQ's own settings are not a lane's"),
    ("logging.file", "log paths stay local"),
    ("devices", "the device wiring (ports, paths) stays local"),
)
#: "key": the station key, the payment terminal's shared key settings.
SECRET_WORDS = frozenset({"token", "password", "passphrase", "secret", "pin", "keyfile", "key"})
PATH_WORDS = frozenset({"file", "dir", "path"})


def is_secret(name: str) -> bool:
    """Whether a key's last part names a secret (a word of it is in SECRET_WORDS)."""
    return any(word in SECRET_WORDS for word in name.lower().split("_"))


def refusal(key: str) -> str | None:
    """Why HQ may not set ``key`` (a dotted config key), or None if it may."""
    if len(key) > MAX_KEY or not KEY_PATTERN.match(key):
        return "a dotted key of lower-case words (section.key)"
    for prefix, why in LOCAL_ONLY:
        if key == prefix or key.startswith(prefix + "."):
            return why
    last = key.rsplit(".", 1)[-1]
    if is_secret(last):
        return "secrets stay local"
    if last.split("_")[-1] in PATH_WORDS:
        return "paths stay local"
    return None


def check_overrides(overrides: Any, source: str) -> dict[str, Any]:
    """``overrides`` if it is a table of keys HQ may set.

    Raises:
        ConfigError: naming ``source``, the first refused key and why.
    """
    if not isinstance(overrides, Mapping):
        raise ConfigError(source, "(overrides)", overrides, "a table of dotted keys")
    if len(overrides) > MAX_KEYS:
        raise ConfigError(source, "(overrides)", len(overrides), f"at most {MAX_KEYS} keys")
    flat: dict[str, Any] = {}
    for key, value in overrides.items():
        for dotted, leaf in flatten(key, value) if isinstance(key, str) else [(key, value)]:
            why = refusal(dotted) if isinstance(dotted, str) else "a string key"
            if why is not None:
                raise ConfigError(source, str(dotted), leaf, f"a key HQ may set ({why})")
            flat[dotted] = leaf
    if len(flat) > MAX_KEYS:
        raise ConfigError(source, "(overrides)", len(flat), f"at most {MAX_KEYS} keys")
    return flat


def flatten(key: str, value: Any) -> list[tuple[str, Any]]:
    """``(key, value)``, or for a table value every dotted key inside it with its value:
    a table from HQ merges into the local one key by key (so ``lane = {store_id = ...}``
    is checked as ``lane.store_id`` and ``lane = {}`` changes nothing)."""
    if not isinstance(value, Mapping):
        return [(key, value)]
    return [
        pair
        for name, inner in value.items()
        for pair in flatten(f"{key}.{name}" if isinstance(name, str) else key, inner)
    ]


def lay_over(table: Mapping[str, Any], overrides: Mapping[str, Any], source: str) -> dict[str, Any]:
    """A copy of ``table`` with each dotted key of ``overrides`` set.

    Raises:
        ConfigError: if a key runs through a value that is not a table.
    """
    result = _copy(table)
    for key, value in overrides.items():
        parts = key.split(".")
        node = result
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(source, key, value, f"'{part}' to be a table")
            node = child
        node[parts[-1]] = value
    return result


def _copy(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _copy(v) if isinstance(v, Mapping) else v for k, v in table.items()}


def build_with(
    local_path: Path,
    overrides: Mapping[str, Any],
    version: str,
    environ: Mapping[str, str] | None = None,
) -> KioskConfig:
    """The configuration of the local file with HQ's ``overrides`` (version ``version``)
    laid on top, then the environment's, built by the one loader.

    Raises:
        ConfigError: naming the source (the file, HQ's version or the variable), the key
            and what was expected.
    """
    source = f"HQ configuration {version}"
    checked = check_overrides(overrides, source)
    local = read_toml(local_path)
    table = lay_over(local, checked, source)
    table, sources = apply_env_overrides(table, os.environ if environ is None else environ)
    for key, value in checked.items():
        parts = key.split(".")
        node: Any = local
        for depth, part in enumerate(parts[:-1], 1):  # tables only HQ's key made
            node = node.get(part) if isinstance(node, Mapping) else None
            if node is None:
                sources.setdefault(".".join(parts[:depth]), source)
        for dotted in _dotted_keys(key, value):
            sources.setdefault(dotted, source)
    return build(KioskConfig, table, str(local_path), sources=sources)


def _dotted_keys(key: str, value: Any) -> list[str]:
    """``key`` and, if ``value`` is a table, every dotted key inside it (errors name HQ)."""
    keys = [key]
    if isinstance(value, Mapping):
        for name, inner in value.items():
            keys += _dotted_keys(f"{key}.{name}", inner)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            keys += _dotted_keys(f"{key}[{index}]", inner)
    return keys


@dataclasses.dataclass(frozen=True)
class HqCopy:
    """The last good configuration HQ sent: its version and dotted-key overrides."""

    version: str
    overrides: dict[str, Any]
    received_at: str = ""


def copy_path(store_path: Path) -> Path:
    """Where the last good HQ copy of the lane with store ``store_path`` is kept."""
    return Path(f"{store_path}{COPY_SUFFIX}")


def read_copy(path: Path) -> HqCopy | None:
    """The copy at ``path``; None if there is none.

    Raises:
        ConfigError: if the file cannot be read or is not a copy this module wrote.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ConfigError(str(path), "(file)", str(error), "the JSON HQ copy") from None
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise ConfigError(str(path), "version", data, "the JSON HQ copy with a version")
    overrides = check_overrides(data.get("overrides"), str(path))
    return HqCopy(data["version"], overrides, str(data.get("received_at", "")))


def write_copy(path: Path, copy: HqCopy) -> None:
    """Replace the copy at ``path`` atomically (a crash leaves the old or the new one).

    Raises:
        OSError: if the directory cannot be written.
    """
    text = json.dumps(dataclasses.asdict(copy), sort_keys=True, indent=1)
    fd, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@dataclasses.dataclass(frozen=True)
class LocalSource:
    """Where a loaded configuration came from, for the puller's validation."""

    path: Path
    environ: Mapping[str, str] | None
    hq_version: str | None
    hq_problem: str | None


# id(config) -> (a weak reference to it, its source). KioskConfig is not hashable (it
# holds dicts), so a WeakKeyDictionary cannot hold it.
_SOURCES: dict[int, tuple[weakref.ref[KioskConfig], LocalSource]] = {}


def _remember(config: KioskConfig, source: LocalSource) -> None:
    key = id(config)

    def forget(dead: weakref.ref[KioskConfig]) -> None:
        if _SOURCES.get(key, (None,))[0] is dead:
            del _SOURCES[key]

    _SOURCES[key] = (weakref.ref(config, forget), source)


def source_of(config: KioskConfig) -> LocalSource | None:
    """The local file (and HQ copy) ``config`` was loaded from by :func:`load_effective`."""
    entry = _SOURCES.get(id(config))
    return entry[1] if entry is not None and entry[0]() is config else None


def load_effective(path: Path, environ: Mapping[str, str] | None = None) -> KioskConfig:
    """The local file plus the last good HQ copy next to its store, if any.

    A copy that cannot be read or no longer builds with the local file is logged and
    left out (the lane starts on its local file).

    Raises:
        ConfigError: if the local file (with the environment) does not build.
    """
    local = load(KioskConfig, path, environ)
    copy_file = copy_path(local.store.path)
    problem: str | None = None
    config, version = local, None
    try:
        copy = read_copy(copy_file)
        if copy is not None:
            config, version = build_with(path, copy.overrides, copy.version, environ), copy.version
    except ConfigError as error:
        problem = f"HQ configuration left out: {error}"
        log.warning("%s", problem)
    _remember(config, LocalSource(path, environ, version, problem))
    return config


def config_version(config: KioskConfig) -> str:
    """A short hash of ``config`` with every secret left out (see :data:`SECRET_WORDS`)."""
    plain = _without_secrets(dataclasses.asdict(config))
    text = json.dumps(plain, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_secrets(v)
            for k, v in value.items()
            if not (isinstance(k, str) and is_secret(k))
        }
    if isinstance(value, list | tuple):
        return [_without_secrets(v) for v in value]
    return value
