"""The ATB and BTP devices over a real pty against the simulator: print, read the PNG back."""

from __future__ import annotations

from datetime import date

import pytest
import zxingcpp
from aea_rig import Rig, wait_until
from aea_samples import bag_tag, boarding_pass
from PIL import Image

from kiosk.devices.aea.driver import MEDIA_EMPTY, MEDIA_JAMMED, MEDIA_LOW, PrintFailed
from kiosk.devices.errors import DeviceError, DeviceStateError
from kiosk.devices.status import Health
from kiosk.domain.travel import parse_bcbp


def _codes(rig: Rig, index: int) -> list[zxingcpp.Barcode]:
    path = rig.out / f"{rig.sim.prefix}-{index:04d}.png"
    return list(zxingcpp.read_barcodes(Image.open(path)))


def test_boarding_pass_prints_and_its_pdf417_reads_back_as_the_bcbp(atb: Rig) -> None:
    data = boarding_pass()
    atb.device.print_boarding_pass(data)
    assert len(atb.sim.documents) == 1
    codes = _codes(atb, 1)
    assert [c.format for c in codes] == [zxingcpp.BarcodeFormat.PDF417]
    assert codes[0].text == data.bcbp
    parsed = parse_bcbp(codes[0].text, date(2026, 12, 5))
    assert parsed.passenger_name == "ERIKSSON/ANNA MARIA"
    assert parsed.legs[0].destination == "CDG"
    assert atb.sim.fields[0]["05"] == "ERIKSSON/ANNA MARIA"
    assert atb.sim.fields[0]["13"] == "12A"
    assert list(atb.sim.pectabs) == ["K1A"]  # uploaded once, on first use


def test_bag_tag_prints_and_its_itf_reads_back_as_the_licence_plate(btp: Rig) -> None:
    tag = bag_tag(routing=("LIS", "FRA", "JFK"), destination="JFK")
    btp.device.print_bag_tag(tag, "ERIKSSON/LARS")
    codes = _codes(btp, 1)
    assert {c.format for c in codes} == {zxingcpp.BarcodeFormat.ITF}
    assert {c.text for c in codes} == {"0125123456"}
    assert btp.sim.fields[0]["02"] == "JFK"
    assert btp.sim.fields[0]["03"] == "LIS > FRA > JFK"
    assert list(btp.sim.pectabs) == ["K101"]


def test_paper_out_raises_naming_it_and_the_status_says_media_empty(atb: Rig) -> None:
    atb.sim.command("paper out")
    with pytest.raises(PrintFailed, match="paper out") as caught:
        atb.device.print_boarding_pass(boarding_pass())
    assert caught.value.reason == "paper_out"
    assert atb.sim.documents == []
    # the status is asked before the caller hears back, so it is current already
    assert MEDIA_EMPTY in atb.device.status.conditions
    assert atb.device.status.health is Health.ERROR
    assert not atb.device.status.usable


def test_a_jam_during_the_print_loses_the_tag_and_recover_lets_the_reprint_through(
    btp: Rig,
) -> None:
    btp.sim.command("jam next")
    with pytest.raises(PrintFailed, match="jammed") as caught:
        btp.device.print_bag_tag(bag_tag(), "ERIKSSON/ANNA MARIA")
    assert caught.value.reason == "jammed"
    assert btp.sim.lost == 1
    assert btp.sim.documents == []
    wait_until(lambda: MEDIA_JAMMED in btp.device.status.conditions)
    with pytest.raises(PrintFailed, match="jammed"):
        btp.device.print_bag_tag(bag_tag(), "ERIKSSON/ANNA MARIA")
    btp.sim.command("recover")
    wait_until(lambda: btp.device.status.health is Health.READY)
    btp.device.print_bag_tag(bag_tag(), "ERIKSSON/ANNA MARIA")
    assert len(btp.sim.documents) == 1


def test_paper_low_is_a_condition_of_a_ready_printer_then_empty(atb: Rig) -> None:
    atb.sim.command("paper 6")
    atb.device.print_boarding_pass(boarding_pass())
    wait_until(lambda: MEDIA_LOW in atb.device.status.conditions)
    assert atb.device.status.usable
    atb.sim.command("paper 1")
    atb.device.print_boarding_pass(boarding_pass())
    wait_until(lambda: MEDIA_EMPTY in atb.device.status.conditions)
    with pytest.raises(PrintFailed, match="paper out"):
        atb.device.print_boarding_pass(boarding_pass())
    assert len(atb.sim.documents) == 2


def test_a_printer_that_lost_its_pectabs_gets_them_again(atb: Rig) -> None:
    atb.device.print_boarding_pass(boarding_pass())
    atb.sim.command("status")
    atb.sim.pectabs.clear()  # the printer was power-cycled
    atb.device.print_boarding_pass(boarding_pass(seat="14C"))
    assert len(atb.sim.documents) == 2
    assert atb.sim.fields[1]["13"] == "14C"


def test_a_silent_printer_is_offline_and_a_print_fails_naming_it(atb: Rig) -> None:
    atb.sim.command("offline")
    wait_until(lambda: atb.device.status.health is Health.OFFLINE)
    with pytest.raises(PrintFailed, match="offline") as caught:
        atb.device.print_boarding_pass(boarding_pass())
    assert caught.value.reason == "offline"
    atb.sim.command("online")
    wait_until(lambda: atb.device.status.health is Health.READY)
    atb.device.print_boarding_pass(boarding_pass())
    assert len(atb.sim.documents) == 1  # the failed pass was never printed late


def test_each_printer_prints_only_its_own_documents(atb: Rig, btp: Rig) -> None:
    with pytest.raises(DeviceStateError, match="bag tags"):
        atb.device.print_bag_tag(bag_tag(), "X")
    with pytest.raises(DeviceStateError, match="boarding passes"):
        btp.device.print_boarding_pass(boarding_pass())


def test_a_bad_value_fails_before_anything_is_sent(atb: Rig) -> None:
    with pytest.raises(DeviceError, match="element 1B"):
        atb.device.print_boarding_pass(boarding_pass(bcbp="M1A#B"))
    assert atb.sim.documents == []


def test_a_pulled_cable_makes_the_printer_offline_and_it_comes_back(atb: Rig) -> None:
    atb.port.unplug()
    wait_until(lambda: atb.device.status.health is Health.OFFLINE)
    with pytest.raises(PrintFailed, match="unavailable") as caught:
        atb.device.print_boarding_pass(boarding_pass())
    assert caught.value.reason == "offline"
    atb.replug()
    wait_until(lambda: atb.device.status.health is Health.READY)
    atb.device.print_boarding_pass(boarding_pass())
    assert len(atb.sim.documents) == 1
