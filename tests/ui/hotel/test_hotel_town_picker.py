"""The town of an address in Spain on the details screen (kiosk/ui/hotel/towns.py), by
touch on real widgets in the shell's window at 1366x768.

GIVEN the details screen for an address in Spain WHEN the guest types a postal code
and the start of a town THEN the matching towns of that province are offered; a town
typed out in full needs no touch; a postal code that is not Spanish or an unpicked
town among several keeps "Continue" from sending and says why; a town the table lacks
goes on by name without a code, and so does one the guest insists on ("Continue"
touched again with nothing changed: the front desk adds the code); an address abroad
is asked as before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.hotel import views as v

FIELDS = ("address", "contact")


def touch(qtbot: Any, widget: QWidget) -> None:
    centre = widget.rect().center()
    qtbot.waitUntil(lambda: QApplication.widgetAt(widget.mapToGlobal(centre)) is widget)
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


def details(hotel_window: Any, country: str) -> tuple[Any, list[tuple[str, dict[str, str]]]]:
    window, s = hotel_window(1366, 768)
    s.details.set_model(v.DetailsView("g1", "ANA GARCIA", FIELDS, address_country=country))
    window.show_screen(s.details.name)
    sent: list[tuple[str, dict[str, str]]] = []
    s.details.detailsEntered.connect(lambda gid, values: sent.append((gid, values)))
    return s.details, sent


def fill(screen: Any, postal_code: str, town: str) -> None:
    screen.entry.type_into("street", "calle mayor 1")
    screen.entry.type_into("postal_code", postal_code)
    screen.entry.type_into("contact", "ana@example.es")
    screen.entry.type_into("city", town)


def test_the_towns_of_the_postal_codes_province_are_offered_and_one_is_touched(
    hotel_window: Any, qtbot: Any
) -> None:
    screen, sent = details(hotel_window, "ES")
    fill(screen, "03001", "alac")
    offered = [b.text() for b in screen.towns.buttons if b.isVisible()]
    assert offered[0] == "Alicante/Alacant"
    assert all(b.text() != "Alcalá de Henares" for b in screen.towns.buttons)  # Madrid's
    touch(qtbot, screen.primary_button)  # not yet picked: asked to
    assert sent == []
    assert screen.problem.text() == (
        "Please touch your town in the list. Not there? Touch Continue again."
    )
    touch(qtbot, screen.towns.buttons[0])
    assert not screen.problem.isVisible()  # put right
    touch(qtbot, screen.primary_button)
    ((gid, values),) = sent
    assert (gid, values["municipality_code"], values["city"]) == ("g1", "03014", "ALICANTE/ALACANT")


def test_a_town_typed_in_full_needs_no_touch(hotel_window: Any, qtbot: Any) -> None:
    screen, sent = details(hotel_window, "ES")
    fill(screen, "41001", "sevilla")
    assert not screen.towns.panel.isVisible()
    touch(qtbot, screen.primary_button)
    assert sent[0][1]["municipality_code"] == "41091"


def test_a_postal_code_that_is_not_spanish_is_asked_again(hotel_window: Any, qtbot: Any) -> None:
    screen, sent = details(hotel_window, "ES")
    fill(screen, "2801", "madrid")
    touch(qtbot, screen.primary_button)
    assert sent == []
    assert screen.problem.text().startswith("Please check the postal code (5 digits).")
    screen.entry.type_into("postal_code", "3")  # 28013
    assert not screen.problem.isVisible()
    touch(qtbot, screen.primary_button)
    assert sent[0][1]["municipality_code"] == "28079"


def test_a_town_the_table_lacks_goes_on_by_name_for_the_front_desk(
    hotel_window: Any, qtbot: Any
) -> None:
    screen, sent = details(hotel_window, "ES")
    fill(screen, "28013", "zzz")
    assert screen.towns.caption.text() == (
        "No town of this postal code's province starts like that."
    )
    touch(qtbot, screen.primary_button)
    ((_gid, values),) = sent
    assert values["city"] == "ZZZ"
    assert "municipality_code" not in values


def test_an_address_abroad_is_asked_as_before(hotel_window: Any, qtbot: Any) -> None:
    screen, sent = details(hotel_window, "PT")
    fill(screen, "1100-048", "lisboa")
    assert not screen.towns.panel.isVisible()
    touch(qtbot, screen.primary_button)
    ((_gid, values),) = sent
    assert values["postal_code"] == "1100-048"
    assert "municipality_code" not in values


def test_continue_touched_again_unchanged_goes_on_without_a_code(
    hotel_window: Any, qtbot: Any
) -> None:
    screen, sent = details(hotel_window, "ES")  # a Spaniard living abroad, say
    fill(screen, "1100-048", "lisboa")
    touch(qtbot, screen.primary_button)
    assert sent == []
    assert screen.problem.isVisible()
    touch(qtbot, screen.primary_button)  # again, nothing changed: it goes on
    ((_gid, values),) = sent
    assert values["postal_code"] == "1100-048"
    assert "municipality_code" not in values


def test_a_change_after_the_warning_is_checked_again(hotel_window: Any, qtbot: Any) -> None:
    screen, sent = details(hotel_window, "ES")
    fill(screen, "28013", "alc")
    touch(qtbot, screen.primary_button)
    screen.entry.type_into("city", "o")  # "alco": still several towns, not one picked
    touch(qtbot, screen.primary_button)
    assert sent == []
    assert screen.problem.text().startswith("Please touch your town")
