"""The hotel journey end to end on real parts: the lane built as ``kiosk run`` builds it,
the Mews simulator over HTTP, the Salto encoder simulator over TCP, the document reader
on a pty, the receipt printer and card terminal simulators, a real SQLite store.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hotel_lane_rig import NOW, check_in_to_keys, hotel_rig, outbox, running_lane, wait_for

from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import DepositState, Outcome, Step


def test_the_couple_arriving_today_checks_in_with_two_keys(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        state = check_in_to_keys(rig, lane)
        assert state.checked_in
        assert state.room is not None
        assert state.room.number == "204"
        assert state.deposit_state is DepositState.AUTHORISED
        lane.controller.send(ev.KeyCountChosen(2, NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert state.outcome is Outcome.COMPLETED
        assert state.keys_encoded() == 2
    keys = rig.demo.salto.keys
    assert [(k.room, k.copy) for k in keys] == [("204", False), ("204", True)]
    [document] = outbox(tmp_path / "lane.sqlite3", "checkin")
    assert document["journey"] == "hotel_checkin"
    assert document["item_count"] == 2
