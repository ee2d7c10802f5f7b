"""The lane's devices as the check-in runners' ports see them (airport and hotel alike).

:func:`first_of` finds a device by its configured type; :func:`follow_document_readers`
hands every document a ``docreader`` device reads to the journey (the MRZ lines stay
in memory and are never logged: invariant 6) and, where the journey asks, every
change of health of the devices it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any


def first_of(devices: Mapping[str, Any], types: Mapping[str, str], kind: str) -> Any:
    """The first device whose configured type is ``kind``, or None."""
    return next((d for n, d in devices.items() if types.get(n) == kind), None)


def follow_document_readers(
    devices: Mapping[str, Any],
    types: Mapping[str, str],
    read: Callable[[tuple[str, ...]], None],
    *,
    status: Callable[[Any], None] | None = None,
    watched: Collection[str] = (),
) -> list[str]:
    """Call ``read(lines)`` for each document a ``docreader`` device reads and, when
    ``status`` is given, ``status(event)`` for each ``StatusEvent`` of a reader or of a
    device whose type is in ``watched``; returns the readers' names."""
    from kiosk.devices.docreader.events import DocumentRead
    from kiosk.devices.status import DataEvent, StatusEvent

    names = [name for name in devices if types.get(name) == "docreader"]

    def listener(event: object) -> None:
        if isinstance(event, DataEvent) and isinstance(event.data, DocumentRead):
            read(tuple(event.data.lines))
        elif status is not None and isinstance(event, StatusEvent):
            status(event)

    for name in names:
        devices[name].add_listener(listener)
    if status is not None:
        for name, device in devices.items():
            if types.get(name) in watched and name not in names:
                device.add_listener(listener)
    return names
