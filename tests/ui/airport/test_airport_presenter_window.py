"""The check-in's presenter in the real window on real parts: what a traveller sees when
something is not plain sailing, and the touches that are not on the main path (a seat
changed, an exit-row seat, a paid extra bag, cancel, a booking not found). Each touch
lands where ``QApplication.widgetAt`` finds the widget on top."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from airport_window_rig import checkin_window, stored_events

from kiosk.devices.docreader.samples import GARBLED
from kiosk.domain.airport.events import AgentVerdict
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.airport.states import Outcome, Step
from kiosk.domain.money import Money
from kiosk.domain.travel import encode_bcbp
from kiosk.domain.travel.bcbp import BoardingPass, Leg
from kiosk.ui.airport.views import SeatKind

NOW = datetime(2026, 1, 1, tzinfo=UTC)  # any time: the runner stamps events with its clock


def test_a_booking_not_found_is_said_on_the_welcome_screen(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        w.find_booking("ZZ9ZZ9", "NOBODY")
        w.wait(w.s.identify.problem.isVisible)
        assert "could not find that booking" in w.s.identify.problem.text()
        assert w.window.current_screen() is w.s.identify
        assert w.s.identify.primary_button.isEnabled()  # the traveller may try again


def test_cancel_on_the_documents_step_starts_again(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        first = w.state.checkin_id
        w.to_documents()
        w.touch(w.s.documents.cancel_button)
        w.wait(lambda: w.state.step is Step.WELCOME and w.state.checkin_id != first)
        w.shown(w.s.identify)
        assert w.s.identify.typed() == ("", "")
        assert not w.s.identify.keyboard.isVisible()  # back to "scan your pass"


def test_back_from_the_passengers_goes_to_the_welcome_screen(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        w.find_booking()
        w.shown(w.s.passengers)
        assert not w.s.documents.back_button.isVisibleTo(w.s.documents)  # no way back there
        w.touch(w.s.passengers.back_button)
        w.wait(lambda: w.state.step is Step.WELCOME and w.state.booking is None)
        w.shown(w.s.identify)


def test_an_unreadable_passport_says_so_and_the_next_read_is_taken(
    qtbot: Any, tmp_path: Path
) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, lars = w.to_documents()
        w.wait(lambda: w.s.documents.view().current == anna)
        w.rig.docreader.present(GARBLED)
        w.wait(w.s.documents.problem.isVisible)
        assert "could not be read" in w.s.documents.problem.text()
        w.touch(w.s.documents.retry_button)
        assert not w.s.documents.problem.isVisible()
        w.rig.docreader.present("anna")
        w.wait(lambda: w.s.documents.view().current == lars)
        assert "1 of 2 documents checked" in w.s.documents.progress.text()


def test_a_strangers_passport_calls_an_agent_in_the_travellers_words(
    qtbot: Any, tmp_path: Path
) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, _lars = w.to_documents()
        w.wait(lambda: w.s.documents.view().current == anna)
        w.rig.docreader.present("stranger")
        w.shown(w.s.agent, ready=False)
        assert w.state.intervention is not None
        assert w.s.agent.view().reason == w.state.intervention.kind.value == "name_mismatch"
        assert w.s.agent.reason.text() == (
            "The name in the passport does not match ANNA MARIA ERIKSSON's booking."
        )
        assert w.s.agent.cancel_button.isVisible()  # nothing printed: the traveller may leave
        assert w.s.agent.staff_button.isVisible()


def test_a_seat_and_an_exit_row_seat_are_changed_by_touch(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, _lars = w.to_seats()
        seats = w.s.seats
        view = seats.view()
        assert seats.current() == anna
        free = next(
            c.number
            for r in view.rows
            if r.row > 12
            for c in r.seats
            if c is not None and c.kind is SeatKind.AVAILABLE and not c.holder
        )
        exit_seat = next(
            c.number
            for r in view.rows
            if r.exit_row
            for c in r.seats
            if c is not None and c.kind is SeatKind.AVAILABLE
        )
        segment = w.state.seat_segment

        def seat_of_anna() -> str:
            return w.state.passenger(anna).passenger.seat_on(segment)

        for seat, exit_row in ((free, False), (exit_seat, True)):
            rect = seats.map.seat_rect(seat)
            seats.map_area.ensureVisible(rect.center().x(), rect.center().y(), 10, rect.height())
            w.wait(lambda r=rect: seats.map.visibleRegion().contains(r.center()))
            w.touch(seats.map, rect.center())
            if exit_row:
                assert seats.exit_panel.isVisible()
                w.touch(seats.exit_yes)
            w.wait(lambda s=seat: seat_of_anna() == s and w.state.waiting is None)
            w.wait(lambda s=seat: seats.view().cell(s).holder == "1")
        assert w.state.passenger(anna).exit_row_ok


def test_an_extra_bag_is_paid_on_the_card_terminal(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, lars = w.to_bags()
        w.touch(w.s.bags.plus[anna])
        w.touch(w.s.bags.plus[anna])
        w.touch(w.s.bags.plus[lars])
        assert "60.00" in w.s.bags.note(anna)  # the extra bag's price, shown
        w.wait(lambda: dict(w.state.bag_counts) == {anna: 2, lars: 1})
        w.touch(w.s.bags.primary_button)
        w.shown(w.s.weigh)
        w.weigh(17_000, 18_000, 19_000)
        w.wait(w.s.weigh.primary_button.isVisible)
        w.touch(w.s.weigh.primary_button)
        w.shown(w.s.payment)
        payment = w.s.payment
        w.wait(payment.primary_button.isVisible)
        assert payment.amount.text() == "€60.00"
        assert w.state.amount_due() == Money(6000, "EUR")
        spoken: list[str] = []
        payment.announce.connect(spoken.append)
        assert payment.primary_button.text() == "Pay €60.00"
        w.touch(payment.primary_button)
        w.wait(lambda: w.window.current_screen() is w.s.done, timeout=60_000)
        assert w.state.outcome is Outcome.COMPLETED
        assert w.state.paid() == Money(6000, "EUR")
        assert len(w.rig.btp.documents) == 3
        assert any("Follow the instructions on the card terminal" in t for t in spoken)


def test_nobody_there_abandons_the_check_in(qtbot: Any, tmp_path: Path) -> None:
    """Quiet on a step: "Are you still there?", then, unanswered, the next traveller."""
    quick = {"idle_timeout_ms": 300, "idle_countdown_s": 2, "countdown_tick_ms": 20}
    with checkin_window(qtbot, tmp_path, quick) as w:
        first = w.state.checkin_id
        w.find_booking()
        w.shown(w.s.passengers)
        w.wait(w.window.still_there.is_open)
        w.wait(lambda: w.state.step is Step.WELCOME and w.state.checkin_id != first)
        w.shown(w.s.identify)
        assert not w.window.still_there.is_open()


def test_a_closed_lane_shows_the_closed_screen_and_comes_back(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        w.shown(w.s.identify)
        w.presenter.set_lane_flags(True, False)
        assert w.window.current_screen() is w.s.closed
        assert w.s.closed.title_text() == "This lane is closed"
        w.presenter.set_lane_flags(False, False)
        assert w.window.current_screen() is w.s.identify


def test_paper_out_shows_the_progress_and_an_agent_coming(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        w.to_bags()
        w.rig.atb.command("paper 1")  # one boarding pass left
        w.touch(w.s.bags.primary_button)  # no bags, continue: print now
        w.wait(lambda: w.state.step is Step.INTERVENTION, timeout=60_000)
        printing = w.s.printing
        w.wait(lambda: w.window.current_screen() is printing and printing.paper.isVisible())
        assert "An agent is coming" in printing.paper.text()
        assert printing.subtitle.text() == "1 of 2 printed"
        assert printing.staff_button.isVisible()
        assert not printing.cancel_button.isVisible()  # something is printed: no way out
        w.rig.atb.command("recover")
        kind = w.state.intervention.kind
        w.lane.controller.agent_verdict(AgentVerdict(kind, Verdict.FIXED, "tech", NOW), "tech")
        w.wait(lambda: w.window.current_screen() is w.s.done, timeout=60_000)
        assert len(w.rig.atb.documents) == 2
        assert not printing.paper.isVisible()


def test_the_agents_retry_brings_the_documents_step_back(qtbot: Any, tmp_path: Path) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, _lars = w.to_documents()
        w.wait(lambda: w.s.documents.view().current == anna)
        w.rig.docreader.present("stranger")
        w.shown(w.s.agent, ready=False)
        kind = w.state.intervention.kind
        w.lane.controller.agent_verdict(AgentVerdict(kind, Verdict.RETRY, "s-1", NOW), "s-1")
        w.shown(w.s.documents)
        assert w.s.documents.view().current == anna
        w.rig.docreader.present("anna")
        w.wait(lambda: w.s.documents.view().current != anna)


def test_a_boarding_pass_scanned_on_the_welcome_screen_finds_the_booking(
    qtbot: Any, tmp_path: Path
) -> None:
    leg = Leg("KX7Q2M", "LIS", "CDG", "KX", "0123", 339, "Y", "016B", "0001", "0")
    code = encode_bcbp(BoardingPass("ERIKSSON/ANNA MARIA", (leg,)))
    with checkin_window(qtbot, tmp_path) as w:
        w.shown(w.s.identify)
        w.rig.demo.scanner.scan(code)
        w.shown(w.s.passengers)
        assert w.state.identified_by == "boarding_pass"
        assert [row.name for row in w.s.passengers.view().passengers] == [
            "ANNA MARIA ERIKSSON",
            "LARS ERIKSSON",
        ]


def test_after_the_done_screen_the_sampled_feedback_question_then_the_next_traveller(
    qtbot: Any, tmp_path: Path
) -> None:
    def every_checkin_asked(config: Any) -> Any:
        return dataclasses.replace(
            config, feedback=dataclasses.replace(config.feedback, nps_sample_every=1)
        )

    with checkin_window(qtbot, tmp_path, configure=every_checkin_asked) as w:
        w.to_bags()
        w.touch(w.s.bags.primary_button)  # no bags, continue
        w.wait(lambda: w.window.current_screen() is w.s.done, timeout=60_000)
        checkin_id = w.state.checkin_id
        w.touch(w.s.done.faces[3])
        w.touch(w.s.done.primary_button)
        feedback = w.window.navigator.get("feedback")
        w.wait(lambda: w.window.current_screen() is feedback)
        assert w.state.step is Step.DONE  # the next traveller waits for the answer
        w.presenter.refresh()  # drawn again meanwhile (as when the staff layer closes)
        assert w.window.current_screen() is feedback  # the question stays up
        w.touch(feedback.skip_button)
        w.wait(lambda: w.state.step is Step.WELCOME)
        w.shown(w.s.identify)
        store = w.lane.config.store.path

        def ratings() -> list[dict[str, Any]]:
            events = stored_events(store)
            return [e for e in events if e["type"] == "feedback.rating"]

        w.wait(lambda: len(ratings()) == 1)  # the face went to the shell's service events
        assert ratings()[0]["transaction_id"] == checkin_id


def test_a_half_typed_booking_is_wiped_when_nobody_is_there(qtbot: Any, tmp_path: Path) -> None:
    quick = {"idle_timeout_ms": 300, "idle_countdown_s": 2, "countdown_tick_ms": 20}
    with checkin_window(qtbot, tmp_path, quick) as w:
        w.shown(w.s.identify)
        w.touch(w.s.identify.type_button)
        for key in "kx7":
            w.touch(w.s.identify.keyboard.button(key))
        w.wait(w.window.still_there.is_open)
        w.wait(lambda: not w.s.identify.keyboard.isVisible())
        assert w.s.identify.typed() == ("", "")
        assert w.window.current_screen() is w.s.identify
        assert w.state.step is Step.WELCOME


def test_back_while_weighing_shows_the_counts_again_and_the_bags_are_weighed_anew(
    qtbot: Any, tmp_path: Path
) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        anna, lars = w.to_bags()
        assert w.s.bags.back_button.isVisible()  # back to the offers
        assert not w.s.seats.back_button.isVisible()  # never back past the check-in
        w.touch(w.s.bags.plus[anna])
        w.touch(w.s.bags.plus[lars])
        w.wait(lambda: dict(w.state.bag_counts) == {anna: 1, lars: 1})
        w.touch(w.s.bags.primary_button)
        w.shown(w.s.weigh)
        w.weigh(17_000)
        assert w.s.weigh.back_button.isVisible()
        w.touch(w.s.weigh.back_button)
        w.shown(w.s.bags)
        assert w.state.step is Step.BAGS
        assert not w.state.weighing
        assert w.state.bags == ()
        assert (w.s.bags.count(anna), w.s.bags.count(lars)) == (1, 1)  # the counts are kept
        w.touch(w.s.bags.minus[lars])
        w.wait(lambda: dict(w.state.bag_counts) == {anna: 1, lars: 0})
        w.touch(w.s.bags.primary_button)
        w.shown(w.s.weigh)
        w.weigh(16_000)
        w.wait(w.s.weigh.primary_button.isVisible)
        assert [b.weight_g for b in w.state.bags] == [16_000]
        w.touch(w.s.weigh.primary_button)
        w.wait(lambda: w.window.current_screen() is w.s.done, timeout=60_000)
        assert len(w.rig.btp.documents) == 1


def test_the_passport_reader_unplugged_is_said_on_the_welcome_screen_and_the_agent_screen(
    qtbot: Any, tmp_path: Path
) -> None:
    with checkin_window(qtbot, tmp_path) as w:
        w.shown(w.s.identify)
        w.rig.docreader.port.unplug()
        w.wait(w.s.identify.problem.isVisible)
        assert w.s.identify.problem.text().startswith("The passport reader is not working")
        w.find_booking()  # typing still works
        w.shown(w.s.passengers)
        w.touch(w.s.passengers.primary_button)
        w.shown(w.s.agent)
        assert w.s.agent.reason.text() == "The passport reader is not working just now."
        w.rig.docreader.port.plug()
        w.shown(w.s.documents)  # back by itself: the passport is asked for
        assert w.state.devices_down == ()
