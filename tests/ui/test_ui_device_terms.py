"""Device states reach the staff screens in the lane's language, the driver's detail as is."""

from __future__ import annotations

import pytest

from kiosk.devices.status import Condition, DeviceStatus, Health
from kiosk.ui.i18n import switch_language
from kiosk.ui.i18n.device_terms import (
    CONDITIONS,
    HEALTH,
    device_name,
    device_state,
    device_status_text,
)


def test_every_health_and_condition_the_devices_report_has_words() -> None:
    assert set(HEALTH) == {h.value for h in Health}
    assert set(CONDITIONS) == {c.value for c in Condition}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "error, paper out (head jammed)"),
        ("es", "error, sin papel (head jammed)"),
        ("fr", "erreur, plus de papier (head jammed)"),
    ],
)
def test_a_stored_status_is_shown_in_the_language_in_force(language: str, expected: str) -> None:
    switch_language(language)
    status = DeviceStatus(Health.ERROR, frozenset({Condition.PAPER_OUT}), "head jammed")
    assert device_status_text(status) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (DeviceStatus(Health.READY), "prêt"),
        (DeviceStatus(Health.OFFLINE, detail="not claimed"), "hors ligne (not claimed)"),
        (
            DeviceStatus(Health.ERROR, detail="OSError: [Errno 5] (I/O)"),
            "erreur (OSError: [Errno 5] (I/O))",
        ),
        (
            DeviceStatus(Health.BUSY, frozenset({Condition.IN_MOTION, Condition.PAPER_LOW})),
            "occupé, en mouvement, papier bientôt épuisé",
        ),
        (
            DeviceStatus(Health.BUSY, frozenset({"warming_up", "lamp_dim"})),
            "occupé, lamp dim, warming up",
        ),
    ],
)
def test_french_status_texts(status: DeviceStatus, expected: str) -> None:
    switch_language("fr")
    assert device_status_text(status) == expected


def test_device_types_are_translated_and_own_names_kept() -> None:
    switch_language("es")
    assert device_name("printer") == "impresora"
    assert device_name("terminal") == "terminal de pago"
    assert device_name("scanner_2") == "scanner_2"
    assert device_state("offline", (), "") == "desconectado"
