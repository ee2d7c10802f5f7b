"""Lane configuration managed at HQ: overrides for the fleet, a store or one lane.

An override is a dotted config key (``ui.idle_timeout_s``) and a JSON value, stored in
``lane_config_override`` with ``store_id`` = ``lane_id`` = "" for every lane and
``lane_id`` = "" for every lane of a store. A lane's set is the fleet's, then its
store's, then its own (the narrower wins); its version is a short hash of that set, so
the same set is the same version on every HQ worker. HQ refuses keys that stay on the
lane (:func:`kiosk.config.remote.refusal`: identity, secrets, paths); the lane checks the
values with its own loader and keeps its last good copy if they do not build.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from kiosk.config.remote import flatten, refusal
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.errors import HqError
from kiosk.hq.tables import lane_config_override

MAX_VALUE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Override:
    store_id: str  # "": every store
    lane_id: str  # "": every lane of the store
    key: str
    value: Any
    updated_at: str

    @property
    def scope(self) -> str:
        """ "fleet", "store S" or "lane S/L"."""
        if not self.store_id:
            return "fleet"
        return (
            f"store {self.store_id}" if not self.lane_id else f"lane {self.store_id}/{self.lane_id}"
        )


def parse_assignment(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` with VALUE read as a TOML value (``90``, ``true``, ``"x"``, ``[1, 2]``)
    or else as a string, like ``KIOSK__SECTION__KEY`` variables on the lane.

    Raises:
        HqError: without ``=``, or for a key HQ may not set (naming why).
    """
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep:
        raise HqError(f"{text!r}: expected KEY=VALUE")
    why = refusal(key)
    if why is not None:
        raise HqError(f"{key}: HQ may not set it ({why})")
    try:
        value: Any = tomllib.loads(f"v = {raw.strip()}")["v"]
    except (ValueError, RecursionError):  # TOMLDecodeError, or an int of 4,300+ digits
        value = raw.strip()
    for dotted, _ in flatten(key, value):  # an inline table's keys, each checked
        if (why := refusal(dotted)) is not None:
            raise HqError(f"{dotted}: HQ may not set it ({why})")
    return key, _plain(key, value)


def _plain(key: str, value: Any) -> Any:
    """``value`` as JSON data (TOML dates become their ISO text).

    Raises:
        HqError: for NaN or infinity (not JSON) or a value too long.
    """
    try:
        text = json.dumps(value, default=str, allow_nan=False)
    except ValueError:
        raise HqError(f"{key}: nan and inf are not configuration values") from None
    if len(text) > MAX_VALUE_CHARS:
        raise HqError(f"{key}: the value is longer than {MAX_VALUE_CHARS} characters")
    return json.loads(text)


def set_values(engine: sa.Engine, store_id: str, lane_id: str, values: dict[str, Any]) -> None:
    """Set ``values`` (checked keys, JSON values) for a scope: ``store_id`` "" is the
    fleet (then ``lane_id`` must be ""), ``lane_id`` "" a whole store.

    Raises:
        HqError: for a lane without a store or a key HQ may not set.
    """
    if lane_id and not store_id:
        raise HqError("a lane needs its store (--store)")
    for key, value in values.items():
        for dotted, _ in flatten(key, value):  # a table's keys, each checked
            if (why := refusal(dotted)) is not None:
                raise HqError(f"{dotted}: HQ may not set it ({why})")
        _plain(key, value)
    now = utc_now()
    table = lane_config_override
    with write_transaction(engine) as conn:
        for key, value in values.items():
            where = (table.c.store_id == store_id, table.c.lane_id == lane_id, table.c.key == key)
            conn.execute(sa.delete(table).where(*where))
            conn.execute(
                sa.insert(table).values(
                    store_id=store_id,
                    lane_id=lane_id,
                    key=key,
                    value=json.dumps(value, allow_nan=False),
                    updated_at=now,
                )
            )


def unset(engine: sa.Engine, store_id: str, lane_id: str, keys: list[str]) -> int:
    """Remove ``keys`` from a scope; how many rows were removed."""
    table = lane_config_override
    with write_transaction(engine) as conn:
        result = conn.execute(
            sa.delete(table).where(
                table.c.store_id == store_id, table.c.lane_id == lane_id, table.c.key.in_(keys)
            )
        )
    return int(result.rowcount or 0)


def overrides(engine: sa.Engine) -> list[Override]:
    """Every override: the fleet's first, then by store, lane and key."""
    table = lane_config_override
    query = sa.select(table).order_by(table.c.store_id, table.c.lane_id, table.c.key)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [Override(r.store_id, r.lane_id, r.key, _decode(r.value), r.updated_at) for r in rows]


def for_lane(engine: sa.Engine, store_id: str, lane_id: str) -> tuple[str, dict[str, Any]]:
    """The lane's version and merged overrides (fleet, then store, then lane)."""
    table = lane_config_override
    query = sa.select(table.c.store_id, table.c.lane_id, table.c.key, table.c.value).where(
        sa.or_(
            sa.and_(table.c.store_id == "", table.c.lane_id == ""),
            sa.and_(table.c.store_id == store_id, table.c.lane_id == ""),
            sa.and_(table.c.store_id == store_id, table.c.lane_id == lane_id),
        )
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query).all())
    # Narrower scopes last, so they win: fleet ("", ""), store (S, ""), lane (S, L).
    rows.sort(key=lambda r: (bool(r.store_id), bool(r.lane_id)))
    merged = {r.key: _decode(r.value) for r in rows}
    return version_of(merged), merged


def version_of(merged: dict[str, Any]) -> str:
    """The version of a merged set: a short hash of its canonical JSON."""
    text = json.dumps(merged, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _decode(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text
