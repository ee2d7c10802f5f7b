"""The hotel demo's terminal commands drive the rig's simulators, and the lane built from
``config/demo-hotel.toml`` answers: a passport on the reader finds the stay arriving today
by the guest's name (``kiosk demo --journey hotel`` runs the same console beside the
window; the window's own test belongs to the hotel screens)."""

from __future__ import annotations

from pathlib import Path

from hotel_lane_rig import at, hotel_rig, running_lane, wait_for

from kiosk.app.demo_hotel import DEMO_STAY, HotelDemoConsole
from kiosk.backoffice.pms.sim import guid
from kiosk.domain.hotel.states import Step


def test_a_passport_on_the_demo_reader_finds_the_stay(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        said: list[str] = []
        console = HotelDemoConsole(rig.demo, lane, out=said.append)
        assert DEMO_STAY[0] in console.help()
        console.run(["doc ana", "wait stay 30", "state", "doc nobody", "quit", "state"])
        state = wait_for(lane, at(Step.STAY))
        assert state.identified_by == "document"
        assert state.stay is not None
        assert state.stay.confirmation_number == DEMO_STAY[0]
    assert said[:3] == ["ana's passport on the reader", "at stay", "stay"]
    assert said[3].startswith("doc: no document 'nobody'")
    assert len(said) == 4  # nothing after quit


def test_the_console_spoils_and_mends_the_simulators(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig:
        console = HotelDemoConsole(rig.demo)
        assert "503" in console.command("pms down")
        assert console.command("pms up") == "the PMS answers again"
        assert rig.demo.pms.faults.next() is None
        assert console.command("room 112 clean") == "room 112 is clean"
        assert rig.demo.pms.hotel.resources[guid("room-112")]["State"] == "Clean"
        assert console.command("encoder fail") == "the next message gets EP"
        assert console.command("encoder ok") == "answering"
        assert rig.demo.salto.next_error is None
        assert console.command("card none") == "no card on the encoder"
        assert console.command("card blank") == "a blank card is on the encoder"
        assert console.command("frobnicate").startswith("unknown command")
