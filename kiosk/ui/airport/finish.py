"""The check-in's last steps: paying the fees, printing, done, and waiting for an agent.

``PaymentScreen``: the amount due, what it is for, "follow the instructions on the
card terminal"; a declined card says so with "Try again". ``PrintingScreen``: each
boarding pass and bag tag with its progress; when the printer has no paper, "an
agent is coming". ``DoneScreen``: "take your boarding passes and bag tags", the gate
and boarding time, a one-tap rating, Finish. ``AgentScreen``: "please wait for an
agent" with the reason in the traveller's words, for every intervention.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen
from kiosk.ui.airport.lists import flight_text
from kiosk.ui.airport.views import (
    AgentView,
    DoneView,
    PaymentStage,
    PaymentView,
    PrintingView,
    PrintKind,
    PrintStatus,
)
from kiosk.ui.format import format_money
from kiosk.ui.widgets.common import (
    card,
    discard,
    icon_label,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)

RATINGS = (1, 2, 3)


class PaymentScreen(AirportScreen):
    """The fees at the card terminal.

    Signals:
        payRequested(): "Pay" (or "Try again" after a declined card).
    """

    name = "airport_payment"
    payRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: PaymentView | None = None
        panel = card()
        column = self._column = QVBoxLayout(panel)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(16)
        self.amount_caption = text_label(role="heading", align=CENTRE)
        self.amount = text_label(role="amount", align=CENTRE)
        self.lines = text_label(role="label", wrap=True, align=CENTRE)
        column.addStretch(1)
        for widget in (self.amount_caption, self.amount, self.lines):
            column.addWidget(widget)
        column.addStretch(1)
        side_card = card()
        side = self._side = QVBoxLayout(side_card)
        side.setContentsMargins(40, 24, 40, 24)
        side.setSpacing(16)
        side.addStretch(1)
        side.addWidget(icon_label("card", "#0A6CFF", 120), 0, CENTRE)
        self.instruction = text_label(role="title", wrap=True, align=CENTRE)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        side.addWidget(self.instruction)
        side.addWidget(self.problem)
        side.addStretch(1)
        self.body.addWidget(panel, 1)
        self.body.addWidget(side_card, 1)
        self.primaryRequested.connect(self.payRequested)
        self.retranslate_ui()

    def set_model(self, view: PaymentView) -> None:
        changed = self._view is None or self._view.stage is not view.stage
        self._view = view
        self.primary_button.setVisible(view.stage in (PaymentStage.READY, PaymentStage.DECLINED))
        self.set_busy(False)
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_side"):
            margin = {16: 40, 10: 24}.get(gap, 12)
            for layout in (self._column, self._side):
                layout.setContentsMargins(margin, margin, margin, margin)
                layout.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view, language = self._view, self.language
        self.title.setText(self.tr("Payment"))
        self.subtitle.setText(self.tr("Pay the fees for your bags and extras by card."))
        self.amount_caption.setText(self.tr("Amount due"))
        self.amount.setText(format_money(view.amount, language) if view else "")
        words = {
            "extra_bag": self.tr("Extra bag"),
            "overweight": self.tr("Overweight bag"),
            "seat": self.tr("Seat"),
            "offer": self.tr("Extra"),
        }
        lines = [
            f"{words.get(line.text_key, line.text_key)} · {line.detail} · "
            f"{format_money(line.amount, language)}"
            for line in (view.lines if view else ())
        ]
        self.lines.setText("\n".join(lines))
        stage = view.stage if view else PaymentStage.PRESENT_CARD
        if stage is PaymentStage.READY:
            self.instruction.setText(self.tr("Touch Pay, then use the card terminal"))
        elif stage is PaymentStage.PROCESSING:
            self.instruction.setText(self.tr("Processing… please wait"))
        else:
            self.instruction.setText(self.tr("Follow the instructions on the card terminal"))
        declined = stage is PaymentStage.DECLINED
        self.problem.setText(
            self.tr("The payment was declined. No money was taken.") if declined else ""
        )
        self.problem.setVisible(declined)
        if declined:
            self.instruction.setText(self.tr("Try again, or use another card"))
        if declined:
            self.primary_button.setText(self.tr("Try again"))
        else:
            amount = format_money(view.amount, language) if view else ""
            self.primary_button.setText(self.tr("Pay %1").replace("%1", amount))
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        parts = (self.amount_caption.text(), self.amount.text(), self.instruction.text())
        return " ".join(p for p in (*parts, self.problem.text()) if p)


_PRINT_MARK = {
    PrintStatus.WAITING: "○",
    PrintStatus.PRINTING: "…",
    PrintStatus.PRINTED: "✓",
    PrintStatus.FAILED: "✗",
}


class PrintingScreen(AirportScreen):
    """Boarding passes and bag tags, each with its progress. No way out: printing. When
    the printer has no paper: "an agent is coming", and the agent's button.

    Signals:
        staffRequested(): the agent touched "Agent" (the attendant sign-in opens).
    """

    name = "airport_printing"
    idle_watch = False
    staffRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = PrintingView(())
        self.panel = card()
        column = self._column = QVBoxLayout(self.panel)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(12)
        self._rows: list[QLabel] = []
        self._row_role = "heading"
        column.addStretch(1)
        self.paper = text_label(role="error", wrap=True, align=CENTRE)
        column.addWidget(self.paper)
        self.printer_icon = icon_label("printer", "#0A6CFF", 160)
        self.body.addWidget(self.panel, 3)
        self.body.addWidget(self.printer_icon, 1, CENTRE)
        self.set_ways_out(back=False, cancel=False)
        self.staff_button = touch_button(role="secondary", icon="lock", icon_px=32)
        self.staff_button.clicked.connect(self.staffRequested)
        self.staff_button.hide()
        self._footer.addWidget(self.staff_button)
        self.retranslate_ui()

    def set_model(self, view: PrintingView) -> None:
        was_out = self._view.paper_out
        self._view = view
        if len(view.items) != len(self._rows):
            for label in self._rows:
                discard(label)
            self._rows = []
            for index, _item in enumerate(view.items):
                label = text_label(role=self._row_role, wrap=True)
                self._column.insertWidget(index, label)
                self._rows.append(label)
        self.retranslate_ui()
        self.fitter.later()
        if view.paper_out and not was_out:
            self.announce.emit(self.paper.text())

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            self._column.setSpacing(gap)
            roomy = gap > 6  # else the words take the picture's room, in a smaller size
            self.printer_icon.setVisible(roomy)
            self.body.setStretch(1, 1 if roomy else 0)
            self._row_role = "heading" if roomy else "label"
            for label in self._rows:
                set_style_property(label, "text-role", self._row_role)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        done = sum(1 for item in view.items if item.status is PrintStatus.PRINTED)
        self.title.setText(self.tr("Printing your documents"))
        self.subtitle.setText(
            self.tr("%1 of %2 printed").replace("%1", str(done)).replace("%2", str(len(view.items)))
        )
        kinds = {
            PrintKind.BOARDING_PASS: self.tr("Boarding pass"),
            PrintKind.BAG_TAG: self.tr("Bag tag"),
        }
        states = {
            PrintStatus.WAITING: self.tr("waiting"),
            PrintStatus.PRINTING: self.tr("printing…"),
            PrintStatus.PRINTED: self.tr("printed"),
            PrintStatus.FAILED: self.tr("not printed"),
        }
        for item, label in zip(view.items, self._rows, strict=False):
            label.setText(
                f"{_PRINT_MARK[item.status]}  {kinds[item.kind]} · {item.name}: "
                f"{states[item.status]}"
            )
        self.paper.setText(
            self.tr("The printer has run out of paper. An agent is coming to help you.")
            if view.paper_out
            else ""
        )
        self.paper.setVisible(view.paper_out)
        self.staff_button.setVisible(view.paper_out)
        self.staff_button.setText(self.tr("Agent"))
        keep_text_whole(self.staff_button)


class DoneScreen(AirportScreen):
    """Take your boarding passes and bag tags; a one-tap rating; Finish.

    Signals:
        ratingChosen(int): 1-3, once.
        doneRequested(): Finish (the presenter also leaves on a timer).
    """

    name = "airport_done"
    idle_watch = False
    ratingChosen = Signal(int)
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = DoneView(0, 0)
        self._rated: int | None = None
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addStretch(1)
        self.icon = icon_label("check", "#13844B", 140)
        column.addWidget(self.icon, 0, CENTRE)
        self.take = text_label(role="title", wrap=True, align=CENTRE)
        self.flight = text_label(role="heading", wrap=True, align=CENTRE)
        self.tags = text_label(role="label", wrap=True, align=CENTRE)
        for widget in (self.take, self.flight, self.tags):
            column.addWidget(widget)
        column.addStretch(1)
        side_card = card()
        side = self._side = QVBoxLayout(side_card)
        side.setContentsMargins(32, 24, 32, 24)
        side.setSpacing(16)
        self.question = text_label(role="heading", wrap=True, align=CENTRE)
        side.addWidget(self.question)
        faces = QHBoxLayout()
        faces.setSpacing(32)
        faces.addStretch(1)
        self.faces: dict[int, QPushButton] = {}
        for value in RATINGS:
            button = touch_button(role="rating", icon=f"face-{value}", icon_px=88)
            button.setCheckable(True)
            button.setFixedSize(128, 128)
            button.clicked.connect(lambda _=False, v=value: self._rate(v))
            self.faces[value] = button
            faces.addWidget(button)
        faces.addStretch(1)
        side.addLayout(faces)
        self.body.addLayout(column, 3)
        self.body.addWidget(side_card, 2)
        self.set_ways_out(back=False, cancel=False)
        self.primary_button.show()
        self.primaryRequested.connect(self.doneRequested)
        self.retranslate_ui()

    def set_model(self, view: DoneView) -> None:
        self._view = view
        self._rated = None
        for button in self.faces.values():
            button.setChecked(False)
            button.setEnabled(True)
        self.retranslate_ui()

    def _rate(self, value: int) -> None:
        if self._rated is not None:
            self.faces[value].setChecked(value == self._rated)
            return
        self._rated = value
        for other, button in self.faces.items():
            button.setChecked(other == value)
            button.setEnabled(other == value)
        self.retranslate_ui()
        self.ratingChosen.emit(value)

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_side"):
            self._side.setSpacing(gap)
            self.icon.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.title.setText(self.tr("You are checked in"))
        self.subtitle.setText("")
        self.subtitle.hide()
        if view.bag_tags:
            self.take.setText(self.tr("Please take your boarding passes and bag tags."))
            self.tags.setText(
                self.tr(
                    "Put a tag on each bag, then leave your bags at the bag drop. "
                    "Keep the small stub."
                )
            )
        else:
            self.take.setText(self.tr("Please take your boarding passes."))
            self.tags.setText("")
        self.tags.setVisible(bool(view.bag_tags))
        parts = []
        if view.flight is not None:
            parts.append(flight_text(view.flight))
        if view.gate:
            parts.append(self.tr("Gate %1").replace("%1", view.gate))
        if view.boarding is not None:
            parts.append(self.tr("Boarding %1").replace("%1", view.boarding.strftime("%H:%M")))
        self.flight.setText(" · ".join(parts))
        self.question.setText(
            self.tr("Thanks for your feedback!")
            if self._rated
            else self.tr("How was your check-in?")
        )
        names = {1: self.tr("Not good"), 2: self.tr("OK"), 3: self.tr("Great")}
        for value, button in self.faces.items():
            button.setAccessibleName(names[value])
        self.primary_button.setText(self.tr("Finish"))
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return f"{self.title.text()}. {self.take.text()} {self.flight.text()}"


class AgentScreen(AirportScreen):
    """Please wait for an agent, and why.

    Signals:
        staffRequested(): the agent touched "Agent" (the attendant sign-in opens).
    """

    name = "airport_agent"
    idle_watch = False
    staffRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = AgentView("agent_needed")
        column = self._column = QVBoxLayout()
        column.setSpacing(24)
        column.addStretch(1)
        self.icon = icon_label("hand", "#B25E00", 140)
        column.addWidget(self.icon, 0, CENTRE)
        self.reason = text_label(role="title", wrap=True, align=CENTRE)
        self.detail = text_label(role="heading", wrap=True, align=CENTRE)
        column.addWidget(self.reason)
        column.addWidget(self.detail)
        column.addStretch(1)
        self.body.addLayout(column, 1)
        self.staff_button = touch_button(role="secondary", icon="lock", icon_px=32)
        self.staff_button.clicked.connect(self.staffRequested)
        self.primary_button.hide()
        self._footer.addWidget(self.staff_button)
        self.set_ways_out(back=False, cancel=True)
        self.retranslate_ui()

    def set_model(self, view: AgentView, *, can_cancel: bool = True) -> None:
        changed = view != self._view
        self._view = view
        self.set_ways_out(back=False, cancel=can_cancel)
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def view(self) -> AgentView:
        return self._view

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            self._column.setSpacing(gap + 8)
            self.icon.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.title.setText(self.tr("Please wait for an agent"))
        self.subtitle.setText(self.tr("An agent has been called and is on the way."))
        name = view.name
        reasons = {
            "document_failed": self.tr("We could not read %1's passport."),
            "name_mismatch": self.tr("The name in the passport does not match %1's booking."),
            "document_expired": self.tr("%1's passport is not valid for this trip."),
            "agent_needed": self.tr(
                "%1's trip needs a check by an agent (for example a visa or travel permit)."
            ),
            "inhibited_passenger": self.tr("%1 needs to be checked in by an agent."),
            "bag_over_maximum": self.tr("A bag is heavier than the airline allows."),
            "dcs_unreachable": self.tr("We cannot reach the airline's system just now."),
            "printer_out": self.tr("The printer needs paper or has a problem."),
            "payment_failed": self.tr("The payment did not go through."),
            "safety_answer": self.tr("An agent needs to talk to you about your answer."),
            "reader_down": self.tr("The passport reader is not working just now."),
        }
        booking_reasons = {
            "document_failed": self.tr("We could not read the passport."),
            "name_mismatch": self.tr("The name in the passport does not match the booking."),
            "document_expired": self.tr("The passport is not valid for this trip."),
            "agent_needed": self.tr(
                "This trip needs a check by an agent (for example a visa or travel permit)."
            ),
            "inhibited_passenger": self.tr("This booking needs to be checked in by an agent."),
        }
        if name or view.reason not in booking_reasons:
            text = reasons.get(view.reason, self.tr("An agent needs to help with your check-in."))
            text = text.replace("%1", name)
        else:
            text = booking_reasons[view.reason]
        self.reason.setText(text)
        self.detail.setText(self.tr("Please stay at the kiosk. Your check-in is kept."))
        self.staff_button.setText(self.tr("Agent"))
        keep_text_whole(self.staff_button)
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return f"{self.title.text()}. {self.reason.text()} {self.subtitle.text()}"
