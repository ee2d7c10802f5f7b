"""The words for device states on the staff screens, in the language in force.

Devices report their state as codes (``kiosk.devices.status``: a health such as
``offline``, conditions such as ``paper_out``) and a technician's detail text. The
attendant reads the health and conditions in the lane's language (context
``DeviceStatus`` of the translation files); the detail stays as the driver wrote it,
in parentheses, for the technician. Device names are the lane's own (config); the
names that are device types ("printer", "scale"...) are translated too.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.devices.status import DeviceStatus

CONTEXT = "DeviceStatus"

# health code -> source text (``kiosk.devices.status.Health`` values)
HEALTH: dict[str, str] = {
    "ready": str(QT_TRANSLATE_NOOP("DeviceStatus", "ready")),
    "busy": str(QT_TRANSLATE_NOOP("DeviceStatus", "busy")),
    "offline": str(QT_TRANSLATE_NOOP("DeviceStatus", "offline")),
    "error": str(QT_TRANSLATE_NOOP("DeviceStatus", "error")),
}
# condition code -> source text (``kiosk.devices.status.Condition`` values)
CONDITIONS: dict[str, str] = {
    "paper_low": str(QT_TRANSLATE_NOOP("DeviceStatus", "paper low")),
    "paper_out": str(QT_TRANSLATE_NOOP("DeviceStatus", "paper out")),
    "cover_open": str(QT_TRANSLATE_NOOP("DeviceStatus", "cover open")),
    "drawer_open": str(QT_TRANSLATE_NOOP("DeviceStatus", "drawer open")),
    "in_motion": str(QT_TRANSLATE_NOOP("DeviceStatus", "in motion")),
    "overload": str(QT_TRANSLATE_NOOP("DeviceStatus", "overload")),
    "under_zero": str(QT_TRANSLATE_NOOP("DeviceStatus", "under zero")),
    "not_claimed": str(QT_TRANSLATE_NOOP("DeviceStatus", "not claimed")),
    "media_low": str(QT_TRANSLATE_NOOP("DeviceStatus", "media low")),
    "media_empty": str(QT_TRANSLATE_NOOP("DeviceStatus", "media empty")),
    "media_jammed": str(QT_TRANSLATE_NOOP("DeviceStatus", "media jammed")),
}
# device type (config ``devices.type``, and the card terminal) -> source text
DEVICE_TYPES: dict[str, str] = {
    "scanner": str(QT_TRANSLATE_NOOP("DeviceStatus", "scanner")),
    "printer": str(QT_TRANSLATE_NOOP("DeviceStatus", "printer")),
    "scale": str(QT_TRANSLATE_NOOP("DeviceStatus", "scale")),
    "camera": str(QT_TRANSLATE_NOOP("DeviceStatus", "camera")),
    "terminal": str(QT_TRANSLATE_NOOP("DeviceStatus", "card terminal")),
    "docreader": str(QT_TRANSLATE_NOOP("DeviceStatus", "document reader")),
    "atb_printer": str(QT_TRANSLATE_NOOP("DeviceStatus", "boarding pass printer")),
    "btp_printer": str(QT_TRANSLATE_NOOP("DeviceStatus", "bag tag printer")),
    "keyencoder": str(QT_TRANSLATE_NOOP("DeviceStatus", "key card encoder")),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def device_name(name: str) -> str:
    """``name`` in the language in force when it is a device type, else as configured."""
    source = DEVICE_TYPES.get(name)
    return _tr(source) if source is not None else name


def device_state(health: str, conditions: Iterable[str] = (), detail: str = "") -> str:
    """``"offline, paper out (detail)"`` in the language in force.

    Unknown codes (a driver's own condition) are shown as they are, underscores as spaces.
    """
    words = [_tr(HEALTH[health]) if health in HEALTH else health.replace("_", " ")]
    for code in sorted(conditions):
        words.append(_tr(CONDITIONS[code]) if code in CONDITIONS else code.replace("_", " "))
    text = ", ".join(words)
    return f"{text} ({detail})" if detail else text


def device_status_text(status: DeviceStatus) -> str:
    """A device's typed status (health, conditions, the driver's detail) in the language
    in force, e.g. ``"error, paper out (head jammed)"``."""
    return device_state(status.health.value, status.conditions, status.detail)
