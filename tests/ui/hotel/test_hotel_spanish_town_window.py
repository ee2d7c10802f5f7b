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
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import hotel_rig, present

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.backoffice.ses import solicitud as ses_solicitud
from kiosk.domain.hotel.states import Outcome, Step
from kiosk.store import police_reports
from kiosk.store.db import connect

WAIT_MS = 30_000
#: Each guest: what is typed in each field, then the town button touched.
HOMES = {
    "ana": ({"street": "calle mayor 1", "postal_code": "28801", "city": "alca",
             "contact": "ana@example.com"}, "Alcalá de Henares", "28005"),
    "luis": ({"street": "calle ancha 7", "postal_code": "02630", "city": "la ro",
              "contact": "luis@example.com"}, "La Roda", "02069"),
}  # fmt: skip
SCHEMA = Path(ses_solicitud.__file__).with_name("schema") / "altaParteHospedaje.xsd"


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch ``widget`` at its centre, after checking it is the one on top there."""
    centre = widget.rect().center()
    hit = QApplication.widgetAt(widget.mapToGlobal(centre))
    assert hit is widget, f"{hit!r} is on top of {widget!r} ({widget.text()!r})"  # type: ignore[attr-defined]
    assert widget.isEnabled(), widget.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


def on_top(widget: QWidget) -> bool:
    return QApplication.widgetAt(widget.mapToGlobal(widget.rect().center())) is widget


def type_keys(qtbot: Any, screen: Any, text: str) -> None:
    for char in text:
        touch(qtbot, screen.keyboard.button(char))


@pytest.mark.slow
def test_guests_living_in_spain_pick_their_town_and_the_report_carries_its_ine_code(
    qtbot: Any, tmp_path: Path
) -> None:
    with hotel_rig(tmp_path, country="ES", ses_establishment="0000000042") as rig:
        lane = build_lane(rig.config, clock=rig.clock, with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        try:
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            s = presenter.screens
            runner = lane.controller

            def shown(screen: QWidget) -> None:
                qtbot.waitUntil(
                    lambda: window.current_screen() is screen and not screen.busy(),  # type: ignore[attr-defined]
                    timeout=WAIT_MS,
                )

            shown(s.welcome)
            touch(qtbot, s.welcome.check_in_button)
            shown(s.find)
            type_keys(qtbot, s.find, "4701")
            touch(qtbot, s.find.primary_button)
            shown(s.stay)
            touch(qtbot, s.stay.primary_button)

            screen_of = {Step.GUESTS: s.guests, Step.DETAILS: s.details}
            screen_of[Step.REGISTRATION] = s.registration
            picked: list[str] = []
            for _ in range(6):
                qtbot.waitUntil(
                    lambda: (
                        runner.state.waiting is None
                        and runner.state.step in screen_of
                        and (runner.state.step is not Step.GUESTS or runner.state.document_for)
                        and window.current_screen() is screen_of[runner.state.step]
                    ),
                    timeout=WAIT_MS,
                )
                state = runner.state
                if state.step is Step.REGISTRATION:
                    break
                if state.step is Step.GUESTS:
                    asked = state.document_for
                    name = state.guest(asked).given_names.split()[0]  # type: ignore[union-attr]
                    present(rig, lane, name.lower())
                    qtbot.waitUntil(
                        lambda a=asked: (
                            runner.state.document_for != a or runner.state.step is not Step.GUESTS
                        ),
                        timeout=WAIT_MS,
                    )
                    continue
                shown(s.details)
                guest = state.guest(state.details_for)
                typed, town, _code = HOMES[guest.given_names.split()[0].lower()]  # type: ignore[union-attr]
                for field, button in s.details.entry.fields.items():
                    touch(qtbot, button)
                    type_keys(qtbot, s.details, typed[field])
                towns = s.details.towns
                qtbot.waitUntil(towns.panel.isVisible)
                if not picked:  # Continue before choosing: asked to touch the town
                    touch(qtbot, s.details.primary_button)
                    assert s.details.problem.text().startswith("Please touch your town")
                    assert runner.state.details_for == guest.guest_id  # type: ignore[union-attr]
                button = _button(towns.buttons, town)
                qtbot.waitUntil(lambda b=button: on_top(b))  # laid out under the fields
                touch(qtbot, button)
                assert s.details.entry.text("city") == town.upper()
                assert not towns.panel.isVisible()  # known: the list gives way
                assert not s.details.problem.isVisible()
                picked.append(town)
                asked = state.details_for
                touch(qtbot, s.details.primary_button)
                qtbot.waitUntil(
                    lambda a=asked: (
                        runner.state.details_for != a or runner.state.step is not Step.DETAILS
                    ),
                    timeout=WAIT_MS,
                )
            assert sorted(picked) == ["Alcalá de Henares", "La Roda"]

            shown(s.registration)
            pad = s.registration.pad
            QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
            for x in range(60, 300, 20):
                QTest.mouseMove(pad, QPoint(x, 60 + (x % 80)))
            QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))
            touch(qtbot, s.registration.primary_button)
            qtbot.waitUntil(s.registration.print_button.isVisible, timeout=WAIT_MS)
            touch(qtbot, s.registration.print_button)
            shown(s.payment)  # the balance, then the deposit, at the card terminal
            assert s.payment.view().purpose == "balance"  # type: ignore[union-attr]
            touch(qtbot, s.payment.primary_button)
            qtbot.waitUntil(
                lambda: (
                    runner.state.step is Step.PAYING
                    and runner.state.waiting is None
                    and runner.state.paying is None
                    and runner.state.balance_due().minor == 0
                ),
                timeout=WAIT_MS,
            )
            qtbot.waitUntil(
                lambda: (
                    s.payment.view().purpose == "deposit"  # type: ignore[union-attr]
                    and s.payment.primary_button.isEnabled()
                ),
                timeout=WAIT_MS,
            )
            shown(s.payment)
            touch(qtbot, s.payment.primary_button)
            qtbot.waitUntil(s.keys.count_panel.isVisible, timeout=WAIT_MS)
            shown(s.keys)
            touch(qtbot, s.keys.count_buttons[1])
            qtbot.waitUntil(lambda: window.current_screen() is s.done, timeout=60_000)
            state = runner.state
            assert state.outcome is Outcome.COMPLETED
            # the report was queued with the record; the SES simulator accepts it
            conn = connect(rig.config.store.path, migrate=False)
            try:
                qtbot.waitUntil(
                    lambda: _row(conn, state.checkin_id).state == "sent", timeout=WAIT_MS
                )
                payload = police_reports.load_payload(conn, state.checkin_id)
            finally:
                conn.close()
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
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
