"""The check-in screens on their own, in the shell's window: what a touch does at once
(before the machine answers), and what each screen asks for. Touches land where
``QApplication.widgetAt`` finds the widget on top."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.airport import samples
from kiosk.ui.airport import views as v


def touch(qtbot: Any, widget: QWidget) -> None:
    centre = widget.rect().center()
    assert QApplication.widgetAt(widget.mapToGlobal(centre)) is widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)


def test_typing_the_booking_reference_moves_on_to_the_surname(
    qtbot: Any, airport_window: Any
) -> None:
    window, s = airport_window()
    s.identify.set_model(v.IdentifyView())
    window.show_screen("airport_identify")
    looked_up: list[tuple[str, str]] = []
    s.identify.lookupRequested.connect(lambda loc, name: looked_up.append((loc, name)))
    assert not s.identify.keyboard.isVisible()
    touch(qtbot, s.identify.type_button)
    assert s.identify.keyboard.isVisible()
    assert s.identify.locator_field.isChecked()
    for key in "kx7q2mz":  # the seventh letter goes to the surname
        touch(qtbot, s.identify.keyboard.button(key))
    assert s.identify.typed() == ("KX7Q2M", "Z")
    assert s.identify.surname_field.isChecked()
    touch(qtbot, s.identify.keyboard.button("⌫"))
    assert not s.identify.primary_button.isEnabled()  # no surname yet
    for key in "eriksson":
        touch(qtbot, s.identify.keyboard.button(key))
    touch(qtbot, s.identify.locator_field)  # back to the reference: it keeps its text
    touch(qtbot, s.identify.keyboard.button("q"))  # full: nothing more is taken
    assert s.identify.typed() == ("KX7Q2M", "ERIKSSON")
    touch(qtbot, s.identify.primary_button)
    assert looked_up == [("KX7Q2M", "ERIKSSON")]
    assert s.identify.busy()  # "one moment" until the airline answers
    assert s.identify.wait_label.isVisible()
    assert not s.identify.keyboard.isEnabled()


def test_a_passenger_toggle_shows_its_new_state_at_once(qtbot: Any, airport_window: Any) -> None:
    window, s = airport_window()
    s.passengers.set_model(samples.sample_passengers())
    window.show_screen("airport_passengers")
    changes: list[tuple[str, bool]] = []
    s.passengers.travellingChanged.connect(lambda pid, on: changes.append((pid, on)))
    lars = s.passengers.button("P2")
    assert "Not travelling today" in lars.text()
    touch(qtbot, lars)
    assert changes == [("P2", True)]
    assert "Travelling" in lars.text().split("\n")[1]
    # the machine's answer keeps the same buttons (a touch in progress is not lost)
    s.passengers.set_model(
        v.PassengersView(samples.sample_passengers().flights,
                         (v.PassengerRow("P1", samples.ANNA, travelling=False),
                          v.PassengerRow("P2", samples.LARS)))
    )  # fmt: skip
    assert s.passengers.button("P2") is lars
    assert s.passengers.chosen() == ["P2"]
    assert changes == [("P2", True)]  # following the view is not a touch


def test_bag_counts_go_from_none_to_the_most_allowed(qtbot: Any, airport_window: Any) -> None:
    window, s = airport_window()
    s.bags.set_model(
        v.BagCountView((v.BagCount("P1", samples.ANNA, 0, most=2, extra_fee=samples.eur("60")),))
    )
    window.show_screen("airport_bags")
    counts: list[int] = []
    s.bags.countChanged.connect(lambda pid, n: counts.append(n))
    assert not s.bags.minus["P1"].isEnabled()
    assert s.bags.primary_button.text() == "No bags, continue"
    touch(qtbot, s.bags.plus["P1"])
    touch(qtbot, s.bags.plus["P1"])
    assert counts == [1, 2]
    assert not s.bags.plus["P1"].isEnabled()
    assert "extra bag €60.00" in s.bags.note("P1")
    touch(qtbot, s.bags.minus["P1"])
    assert counts == [1, 2, 1]
    assert s.bags.primary_button.text() == "Continue"


def test_a_safety_answer_is_sent_with_its_question(qtbot: Any, airport_window: Any) -> None:
    window, s = airport_window()
    s.questions.set_model(v.QuestionView("dangerous_goods", 1, 2))
    window.show_screen("airport_questions")
    answers: list[tuple[str, bool]] = []
    s.questions.answered.connect(lambda key, yes: answers.append((key, yes)))
    assert s.questions.question.text() == "Are you carrying any dangerous goods?"
    touch(qtbot, s.questions.no_button)
    assert answers == [("dangerous_goods", False)]
    assert not s.questions.yes_button.isEnabled()  # one answer per question
    s.questions.set_model(v.QuestionView("packed_yourself", 2, 2))
    assert s.questions.subtitle.text() == "Question 2 of 2"
    touch(qtbot, s.questions.yes_button)
    assert answers[-1] == ("packed_yourself", True)


def test_every_intervention_is_said_in_the_travellers_words(airport_window: Any) -> None:
    window, s = airport_window()
    window.show_screen("airport_agent")
    texts = set()
    for reason in samples.AGENT_REASONS:
        s.agent.set_model(v.AgentView(reason, "LARS ERIKSSON"))
        text = s.agent.reason.text()
        assert text
        assert reason not in text  # words, not the machine's key
        texts.add(text)
    assert len(texts) == len(samples.AGENT_REASONS)


def test_bag_weights_show_kilograms_with_one_decimal_in_the_travellers_language(
    airport_window: Any,
) -> None:
    from airport_translations import use_language

    window, s = airport_window()
    s.weigh.set_model(samples.sample_weigh(24_650))  # 18 250 g accepted before
    window.show_screen("airport_weigh")
    assert s.weigh.weight.text() == "24.7\u00a0kg"
    assert "18.3\u00a0kg" in s.weigh.accepted.text()
    assert "23\u00a0kg" in s.weigh.allowance.text()  # a whole-kilogram limit stays whole
    for language in ("es", "fr"):
        use_language(language)
        assert s.weigh.weight.text() == "24,7\u00a0kg"
        assert "18,3\u00a0kg" in s.weigh.accepted.text()
    s.weigh.set_model(samples.sample_weigh(24_000))
    assert s.weigh.weight.text() == "24,0\u00a0kg"  # a weighed bag: always one decimal
