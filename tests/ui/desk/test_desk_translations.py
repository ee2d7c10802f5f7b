"""Every string of the desk has Spanish and French words (``desk_strings.json``, for the
lead to merge), with the same place markers, and the desk shows them."""

from __future__ import annotations

from typing import Any

import desk_translations
from desk_journey import ANNA_PASSPORT
from desk_rig import call_agent

from kiosk.domain.airport.interventions import AirportInterventionKind as Kind


def test_every_string_of_the_desk_has_spanish_and_french_words() -> None:
    words = desk_translations.strings()
    assert sorted(desk_translations.sources_in_code() - set(words)) == []
    assert sorted(set(words) - desk_translations.sources_in_code()) == []  # none left over
    for source, (es, fr) in words.items():
        assert es, source
        assert fr, source
        for marker in ("%1", "%2"):
            assert (marker in source) == (marker in es), source
            assert (marker in source) == (marker in fr), source


def test_the_desk_speaks_the_lanes_language(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.NAME_MISMATCH, "P1", "name differs", ANNA_PASSPORT)
    call_agent(qtbot, rig, "s-1", "1111")
    desk = rig.desk
    try:
        desk_translations.use_language("fr")
        qtbot.waitUntil(lambda: desk.title.text() == "Le nom ne correspond pas à la réservation")
        assert desk.staff.text() == "Agent : Ana Agent (agent)"
        assert desk.verdict_button("accept").text() == "Accepter le document"
        desk_translations.use_language("es")
        qtbot.waitUntil(lambda: desk.title.text() == "El nombre no coincide con la reserva")
        assert desk.verdict_button("refuse").text() == "Rechazar al pasajero"
    finally:
        desk_translations.use_language("en")
