"""``FeedbackScreen``: "How likely are you to recommend us?" after the thank-you.

Asked after one completed sale in ``[feedback] nps_sample_every`` (:meth:`wants_answer`
counts them). The shopper touches a score 0-10, may touch reason chips ("Had to wait
for help", "Item not found"...) and may write a short comment on the on-screen
keyboard (one step after the other, so each fits a 1366x768 screen); "Send"
answers, "Skip" leaves at any time, and the screen leaves by itself
after a while without a touch (the next customer's attract screen comes back). A
comment holding a card number or text from a passport or ID card is refused with a
message saying so and wiped from the screen: such text is never kept (DESIGN.md
invariant 6; the rules are HQ's, ``kiosk.domain.feedback.text_problem``, built on
``kiosk.domain.cardlike`` and ``kiosk.domain.mrzlike``).

:func:`attach_feedback` puts the screen on a lane's window and connects the faces of
the thank-you screen and the answers to the lane's service-event recorder.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.feedback import (
    CARD_NUMBER,
    MAX_COMMENT,
    NPS_REASONS,
    TRAVEL_DOCUMENT,
    text_problem,
)
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import (
    card,
    keep_text_whole,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.keyboard import OnScreenKeyboard

log = logging.getLogger(__name__)
_CENTRE = Qt.AlignmentFlag.AlignCenter
SCORES = tuple(range(11))
#: The chips shown (the contract's reasons but "other", which a comment says better).
CHIPS = tuple(reason for reason in NPS_REASONS if reason != "other")


class CommentKeyboard(OnScreenKeyboard):
    """The shopper's keyboard with a row of digits (a comment may say "waited 10
    minutes"), limited to the comment's length."""

    def __init__(self, key_px: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(key_px=key_px, max_length=MAX_COMMENT, parent=parent)
        row = QHBoxLayout()
        row.setSpacing(10)
        for key in "1234567890":
            row.addWidget(self._key(key))
        self._rows.insertLayout(0, row)


class NpsSampler:
    """One completed sale in ``every`` is asked (0: none); counts the sales it is shown."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.sales = 0

    def next_sale(self) -> bool:
        """Count one more completed sale; True if it is to be asked."""
        self.sales += 1
        return self.every > 0 and self.sales % self.every == 0


class FeedbackScreen(Screen):
    """The sampled "would you recommend us" question with reasons and a comment.

    Signals:
        answered(int, list, str): the score, the reasons chosen (contract names) and the
            comment, when "Send" is touched (with a comment that may be kept).
        done(): the shopper is finished here (answered, skipped, or no touch for a while).
    """

    name = "feedback"
    idle_watch = False  # its own timer: the checkout is finished, nobody is to be paged
    answered = Signal(int, list, str)
    done = Signal()

    def __init__(
        self,
        sampler: NpsSampler | None = None,
        *,
        quiet_ms: int = 45_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sampler = sampler or NpsSampler(0)
        self._score: int | None = None
        self._commenting = False
        self._problem: str | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self._finish)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 16, 48, 16)
        panel = card()
        outer.addWidget(panel)
        self._column = QVBoxLayout(panel)
        self._column.setContentsMargins(32, 16, 32, 16)
        self._column.setSpacing(12)
        self._build_question()
        self._build_reasons()
        self._build_comment()
        self._column.addStretch(1)
        self._build_buttons()
        self.retranslate_ui()
        self.reset()

    # -- building: one card, three steps (the score; reasons; a comment) ---------------

    def _build_question(self) -> None:
        self._title = text_label(role="title", wrap=True, align=_CENTRE)
        self._column.addWidget(self._title)
        self._scores = QGridLayout()
        self._scores.setSpacing(12)
        self._score_buttons: dict[int, QPushButton] = {}
        for score in SCORES:
            button = touch_button(str(score), role="key")
            button.setMinimumSize(88, 88)
            button.clicked.connect(lambda _=False, s=score: self._choose(s))
            self._score_buttons[score] = button
        self._lay_out_scores(portrait=False)
        self._column.addLayout(self._scores)
        self._ends = QWidget()
        ends = QHBoxLayout(self._ends)
        ends.setContentsMargins(0, 0, 0, 0)
        self._low = text_label(role="muted")
        self._high = text_label(role="muted", align=Qt.AlignmentFlag.AlignRight)
        ends.addWidget(self._low)
        ends.addStretch(1)
        ends.addWidget(self._high)
        self._column.addWidget(self._ends)

    def _build_reasons(self) -> None:
        self._reasons = QWidget()
        column = QVBoxLayout(self._reasons)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self._chosen = text_label(role="muted")
        column.addWidget(self._chosen)
        self._why = text_label(role="heading", wrap=True)
        column.addWidget(self._why)
        chips = QGridLayout()
        chips.setSpacing(12)
        self._chips: dict[str, QPushButton] = {}
        for n, reason in enumerate(CHIPS):
            chip = touch_button(role="secondary")
            chip.setCheckable(True)
            chip.toggled.connect(lambda _on=False: self._chip_toggled())
            self._chips[reason] = chip
            chips.addWidget(chip, n // 2, n % 2)
        column.addLayout(chips)
        self._column.addWidget(self._reasons)

    def _build_comment(self) -> None:
        self._comment = QWidget()
        column = QVBoxLayout(self._comment)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.comment_field = QLineEdit()
        self.comment_field.setReadOnly(True)  # typed only on the on-screen keyboard
        self.comment_field.setMaxLength(MAX_COMMENT)
        column.addWidget(self.comment_field)
        self.problem_label = text_label(role="heading", wrap=True)
        self.problem_label.setProperty("tone", "danger")
        column.addWidget(self.problem_label)
        self.keyboard = CommentKeyboard(key_px=60)
        self.keyboard.textChanged.connect(self._typed)
        column.addWidget(self.keyboard)
        self._column.addWidget(self._comment)

    def _build_buttons(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.skip_button = touch_button(role="secondary")
        self.skip_button.clicked.connect(self._finish)
        self.comment_button = touch_button(role="secondary")
        self.comment_button.clicked.connect(self._open_comment)
        self.send_button = touch_button(role="primary")
        self.send_button.clicked.connect(self._send)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.comment_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        self._column.addLayout(buttons)

    def _lay_out_scores(self, portrait: bool) -> None:
        per_row = 6 if portrait else 11  # one row across a landscape screen
        for score, button in self._score_buttons.items():
            self._scores.removeWidget(button)
            self._scores.addWidget(button, score // per_row, score % per_row)

    def _show_step(self) -> None:
        """The score first; then the reasons (and the comment button); then the keyboard
        in place of the reasons. Only one step's widgets take the screen's height."""
        scored, commenting = self._score is not None, self._commenting
        for widget in (self._title, self._ends, *self._score_buttons.values()):
            widget.setVisible(not scored)
        self._reasons.setVisible(scored and not commenting)
        self._comment.setVisible(scored and commenting)
        self.comment_button.setVisible(scored and not commenting)
        self.send_button.setVisible(scored)

    # -- the screen's life --------------------------------------------------------------

    def wants_answer(self) -> bool:
        """Count one more completed sale; True if this one is to be asked."""
        return self.sampler.next_sale()

    def reset(self) -> None:
        """A fresh question: no score, no reason, no comment, the keyboard closed."""
        self._score, self._problem, self._commenting = None, None, False
        for chip in self._chips.values():
            chip.setChecked(False)
        self.keyboard.clear()
        self.comment_field.clear()
        self._refresh()

    def start(self) -> None:
        """Ask again (fresh) and start counting the quiet time."""
        self.reset()
        self._quiet.start()

    def score_button(self, score: int) -> QPushButton:
        """The button of score ``score`` (0-10)."""
        return self._score_buttons[score]

    def chip(self, reason: str) -> QPushButton:
        """The chip of ``reason`` (a contract name, e.g. ``too_slow``)."""
        return self._chips[reason]

    def score(self) -> int | None:
        """The score touched, if any."""
        return self._score

    def reasons(self) -> list[str]:
        """The reasons chosen, in the chips' order."""
        return [reason for reason, chip in self._chips.items() if chip.isChecked()]

    def _touched(self) -> None:
        self._quiet.start()

    def _choose(self, score: int) -> None:
        self._touched()
        self._score = score
        self._refresh()

    def _chip_toggled(self) -> None:
        self._touched()
        self.retranslate_ui()

    def _open_comment(self) -> None:
        self._touched()
        self._commenting = True
        self._refresh()

    def _typed(self, text: str) -> None:
        self._touched()
        self.comment_field.setText(text)
        if self._problem is not None:
            self._problem = None
            self._refresh()

    def _send(self) -> None:
        if self._score is None:
            return
        comment = " ".join(self.keyboard.text().split())
        problem = text_problem(comment)
        if problem is not None:
            # Never keep it, not even on the screen.
            self.keyboard.clear()
            self._problem = problem
            self._refresh()
            self.announce.emit(self.problem_label.text())
            self._touched()
            return
        self.answered.emit(self._score, self.reasons(), comment)
        self._finish()

    def _finish(self) -> None:
        self._quiet.stop()
        self.done.emit()

    def _refresh(self) -> None:
        self.send_button.setEnabled(self._score is not None)
        self._show_step()
        self.retranslate_ui()

    # -- text ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("How likely are you to recommend us to a friend?"))
        self._low.setText(self.tr("0 = not at all likely"))
        self._high.setText(self.tr("10 = extremely likely"))
        self._why.setText(self.tr("What could we do better? (optional)"))
        if self._score is not None:
            self._chosen.setText(self.tr("Your score: %1 of 10").replace("%1", str(self._score)))
        texts = {
            "had_to_wait_for_help": self.tr("Had to wait for help"),
            "item_not_found": self.tr("Item not found"),
            "too_slow": self.tr("Too slow"),
            "prices": self.tr("Prices"),
            "hard_to_use": self.tr("Hard to use"),
            "device_problem": self.tr("A machine did not work"),
        }
        for reason, chip in self._chips.items():
            chip.setText(("✓ " if chip.isChecked() else "") + texts[reason])
            chip.setAccessibleName(texts[reason])
        for score, button in self._score_buttons.items():
            button.setAccessibleName(self.tr("Score %1 of 10").replace("%1", str(score)))
        self.comment_button.setText(self.tr("Add a short comment"))
        self.comment_field.setPlaceholderText(self.tr("Your comment"))
        self.skip_button.setText(self.tr("Skip"))
        self.send_button.setText(self.tr("Send"))
        if self._problem == CARD_NUMBER:
            problem = self.tr("Please leave out card numbers: we never keep them.")
        elif self._problem == TRAVEL_DOCUMENT:
            problem = self.tr("Please leave out text from a passport or ID card: we never keep it.")
        elif self._problem is not None:
            problem = self.tr("This comment cannot be kept. Please write it differently.")
        else:
            problem = ""
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        keep_text_whole(
            self.skip_button, self.comment_button, self.send_button, *self._chips.values()
        )

    def apply_orientation(self, portrait: bool) -> None:
        self._lay_out_scores(portrait)

    def spoken_text(self) -> str:
        return f"{self._title.text()} {self._low.text()}, {self._high.text()}"


def attach_feedback(
    window: Any, presenter: Any, recorder: Any, nps_sample_every: int = 0
) -> FeedbackScreen | None:
    """Send the thank-you faces and the sampled NPS answers of ``window``'s journey to the
    lane's service-event ``recorder`` (a ``ServiceEventRecorder``); add the NPS screen to
    the window when ``nps_sample_every`` is above 0. Returns that screen (or None).

    The journey's sale ending shows the screen after the thank-you when its
    :meth:`FeedbackScreen.wants_answer` says so (``kiosk.ui.sale_ending``).
    """
    if recorder is None:
        return None
    rating = getattr(presenter, "ratingGiven", None)
    if rating is not None:
        rating.connect(recorder.rating)
    window.languageChanged.connect(recorder.language_changed)
    window.accessibilityChanged.connect(recorder.accessibility_changed)
    if nps_sample_every <= 0:
        return None
    screen = FeedbackScreen(NpsSampler(nps_sample_every))

    def answered(score: int, reasons: list[str], comment: str) -> None:
        try:
            recorder.nps(score, reasons, comment)
        except ValueError as error:  # FeedbackRefused: the screen checked it already
            log.warning("NPS answer not recorded: %s", error)

    screen.answered.connect(answered)
    window.add_screen(screen)
    return screen
