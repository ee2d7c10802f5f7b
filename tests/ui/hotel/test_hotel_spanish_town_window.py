"""Guests who live in Spain pick their town by touch, and the report to SES.HOSPEDAJES
names it by its INE code (issue 13), in the real ``KioskWindow``.

The lane is built by ``build_lane`` from ``config/demo-hotel.toml`` with ``[hotel]
country = "ES"`` and opened through the real shell, on real parts: the Mews simulator
over HTTP, the encoder over TCP, the document reader on a pty, the terminal and
printer simulators, the SES simulator over HTTP and a real SQLite store
(``tests/app/hotel/hotel_lane_rig.py``). Every touch lands on the widget
``QApplication.widgetAt`` finds on top at its centre.

GIVEN booking 4701 at a hotel in Spain (Ana and Luis, Spanish passports) WHEN, on the
details screen, Ana types her street, postal code 28801 and "alca", touches
"Continue" before choosing (and is asked to touch her town), then touches "Alcalá de
Henares"; and Luis types postal code 02630 and "la ro" and touches "La Roda"; and the
check-in is finished (card signed, paid, keys) THEN the report queued with the
record and accepted by the SES simulator carries ``codigoMunicipio`` 28005 and 02069
(no ``nombreMunicipio``), and validates against our XSD.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import hotel_rig
from hotel_window_rig import open_hotel_lane

from kiosk.backoffice.ses import solicitud as ses_solicitud
from kiosk.domain.hotel.states import HotelState, Outcome
from kiosk.store import police_reports
from kiosk.store.db import connect

#: Each guest: what is typed in each field, then the town button touched.
HOMES = {
    "ana": ({"street": "calle mayor 1", "postal_code": "28801", "city": "alca",
             "contact": "ana@example.com"}, "Alcalá de Henares", "28005"),
    "luis": ({"street": "calle ancha 7", "postal_code": "02630", "city": "la ro",
              "contact": "luis@example.com"}, "La Roda", "02069"),
}  # fmt: skip
SCHEMA = Path(ses_solicitud.__file__).with_name("schema") / "altaParteHospedaje.xsd"


def on_top(widget: QWidget) -> bool:
    return QApplication.widgetAt(widget.mapToGlobal(widget.rect().center())) is widget


@pytest.mark.slow
def test_guests_living_in_spain_pick_their_town_and_the_report_carries_its_ine_code(
    qtbot: Any, tmp_path: Path
) -> None:
    with (
        hotel_rig(tmp_path, country="ES", ses_establishment="0000000042") as rig,
        open_hotel_lane(qtbot, rig) as w,
    ):
        s, runner = w.s, w.runner
        w.find_booking("4701")
        w.touch(s.stay.primary_button)

        picked: list[str] = []

        def fill_details(state: HotelState) -> None:
            guest = state.guest(state.details_for)
            typed, town, _code = HOMES[guest.given_names.split()[0].lower()]  # type: ignore[union-attr]
            for field, button in s.details.entry.fields.items():
                w.touch(button)
                w.type_keys(s.details, typed[field])
            towns = s.details.towns
            w.wait(towns.panel.isVisible)
            if not picked:  # Continue before choosing: asked to touch the town
                w.touch(s.details.primary_button)
                assert s.details.problem.text().startswith("Please touch your town")
                assert runner.state.details_for == guest.guest_id  # type: ignore[union-attr]
            button = _button(towns.buttons, town)
            w.wait(lambda: on_top(button))  # laid out under the fields
            w.touch(button)
            assert s.details.entry.text("city") == town.upper()
            assert not towns.panel.isVisible()  # known: the list gives way
            assert not s.details.problem.isVisible()
            picked.append(town)

        w.through_guests(fill_details)
        assert sorted(picked) == ["Alcalá de Henares", "La Roda"]

        w.sign_pay_and_take_keys(1)
        state = runner.state
        assert state.outcome is Outcome.COMPLETED
        # the report was queued with the record; the SES simulator accepts it
        conn = connect(rig.config.store.path, migrate=False)
        try:
            w.wait(lambda: _row(conn, state.checkin_id).state == "sent")
            payload = police_reports.load_payload(conn, state.checkin_id)
        finally:
            conn.close()
    assert payload is not None
    root = etree.fromstring(payload)
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(root)
    people = root.findall("solicitud/comunicacion/persona")
    by_name = {p.findtext("nombre"): p for p in people}
    assert by_name["ANA"].findtext("direccion/codigoMunicipio") == "28005"
    assert by_name["LUIS"].findtext("direccion/codigoMunicipio") == "02069"
    assert by_name["ANA"].findtext("direccion/codigoPostal") == "28801"
    assert root.find("solicitud/comunicacion/persona/direccion/nombreMunicipio") is None
    assert all(p.findtext("direccion/pais") == "ESP" for p in people)


def _button(buttons: list[QPushButton], text: str) -> QPushButton:
    found = [b for b in buttons if b.text() == text]
    assert found, [b.text() for b in buttons]
    return found[0]


def _row(conn: Any, report_id: str) -> police_reports.ReportRow:
    rows = [r for r in police_reports.list_reports(conn) if r.report_id == report_id]
    assert rows, "no report queued"
    return rows[0]
