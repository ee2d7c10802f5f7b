"""The KeyEncoder device against the Salto simulator over a real TCP socket (and a pty)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from keyencoder_rig import ARRIVAL, DEPARTURE, Rig, wait_until

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.errors import DeviceStateError
from kiosk.devices.keyencoder.driver import KeyEncoder, KeyEncoderError, KeyInfo
from kiosk.devices.keyencoder.serve import TcpServer
from kiosk.devices.keyencoder.sim import SaltoSimulator
from kiosk.devices.registry import build_device
from kiosk.devices.status import Health


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    rig = Rig(tmp_path)
    yield rig
    rig.close()


def _encode(rig: Rig, room: str = "101", count: int = 1, **kwargs: bool) -> list[object]:
    return list(rig.device.encode_keys(room, count, ARRIVAL, DEPARTURE, "ERIKSSON/ANNA", **kwargs))


def test_two_keys_for_room_101_are_confirmed_one_by_one_and_read_back(rig: Rig) -> None:
    keys = rig.device.encode_keys("101", 2, ARRIVAL, DEPARTURE, "ERIKSSON/ANNA")
    assert [(k.room, k.number, k.count, k.copy) for k in keys] == [
        ("101", 1, 2, False),
        ("101", 2, 2, True),
    ]
    assert keys[0].guest == "ERIKSSON/ANNA"
    assert [(k.room, k.copy, k.valid_from, k.valid_to) for k in rig.sim.keys] == [
        ("101", False, ARRIVAL, DEPARTURE),
        ("101", True, ARRIVAL, DEPARTURE),
    ]
    assert all(rig.sim.works(k) for k in rig.sim.keys)
    assert rig.sim.keys[0].operator == "KIOSK"
    rig.sim.command("present 1")
    assert rig.device.read_key() == KeyInfo("101", ("101",), ARRIVAL, DEPARTURE)
    assert rig.device.status.health is Health.READY
    assert rig.device.keys_encoded == 2


def test_a_new_check_in_voids_the_room_s_old_keys_but_a_re_encode_keeps_them(rig: Rig) -> None:
    _encode(rig, count=2)
    _encode(rig, count=1, replace_existing=False)  # "my key does not work": a copy
    assert [rig.sim.works(k) for k in rig.sim.keys] == [True, True, True]
    _encode(rig, count=1)  # the next guest's check-in
    assert [rig.sim.works(k) for k in rig.sim.keys] == [False, False, False, True]


def test_no_card_on_the_encoder_is_named(rig: Rig) -> None:
    rig.sim.command("nocard")
    with pytest.raises(KeyEncoderError, match="no card was put on the encoder") as caught:
        _encode(rig)
    assert (caught.value.reason, caught.value.code, caught.value.encoded) == ("no_card", "ED", [])
    assert caught.value.device == "keys"
    assert rig.sim.keys == []
    assert rig.device.status.health is Health.READY  # the server answered: it works
    rig.sim.command("card")
    assert len(_encode(rig)) == 1


def test_a_card_pulled_during_key_2_fails_naming_key_2_and_keeps_key_1(rig: Rig) -> None:
    rig.sim.command("remove after 1")
    with pytest.raises(KeyEncoderError, match=r"key 2 of 2 for room 101 not encoded") as caught:
        _encode(rig, count=2)
    error = caught.value
    assert (error.reason, error.code) == ("no_card", "EP")
    assert "1 encoded before" in error.message
    assert [(k.number, k.copy) for k in error.encoded] == [(1, False)]
    assert len(rig.sim.keys) == 1


@pytest.mark.parametrize(
    ("code", "reason", "words"),
    [
        ("OV", "busy", "still busy"),
        ("NC", "encoder_unreachable", "no communication with the encoder"),
        ("EF", "card_error", "encoded by another system"),
        ("OS", "out_of_service", "out of service"),
        ("EG", "refused", "general error (Salto EG): lock server restarting"),
    ],
)
def test_an_error_answer_is_raised_with_its_code_and_meaning(
    rig: Rig, code: str, reason: str, words: str
) -> None:
    rig.sim.command(f"error {code} lock server restarting")
    with pytest.raises(KeyEncoderError, match=re.escape(words)) as caught:
        _encode(rig)
    assert (caught.value.reason, caught.value.code) == (reason, code)
    assert rig.sim.keys == []


def test_an_unknown_room_is_td(rig: Rig) -> None:
    with pytest.raises(KeyEncoderError, match="unknown room") as caught:
        _encode(rig, room="999")
    assert (caught.value.reason, caught.value.code) == ("unknown_room", "TD")


def test_a_nak_to_the_message_is_refused(rig: Rig) -> None:
    rig.sim.command("nak")
    with pytest.raises(KeyEncoderError, match=r"refused the CN message \(NAK\)") as caught:
        _encode(rig)
    assert (caught.value.reason, caught.value.code) == ("refused", "")


def test_a_silent_server_makes_the_device_offline_and_it_recovers(rig: Rig) -> None:
    rig.sim.command("silent")
    wait_until(lambda: rig.device.status.health is Health.OFFLINE)
    assert "does not answer ENQ" in rig.device.status.detail
    with pytest.raises(KeyEncoderError, match="does not answer") as caught:
        _encode(rig)
    assert caught.value.reason == "offline"
    assert rig.sim.keys == []
    rig.sim.command("answer")
    wait_until(lambda: rig.device.status.health is Health.READY)
    assert len(_encode(rig)) == 1


def test_check_out_voids_the_keys_and_a_copy_after_it_is_refused(rig: Rig) -> None:
    _encode(rig, count=2)
    rig.device.check_out("101")
    assert not any(rig.sim.works(k) for k in rig.sim.keys)
    with pytest.raises(KeyEncoderError, match="checked out") as caught:
        _encode(rig, replace_existing=False)
    assert (caught.value.reason, caught.value.code) == ("room_checked_out", "EA")


def test_reading_a_blank_card_or_no_card_is_named(rig: Rig) -> None:
    with pytest.raises(KeyEncoderError, match="holds no guest key") as caught:
        rig.device.read_key()
    assert caught.value.reason == "blank_card"
    rig.sim.command("nocard")
    with pytest.raises(KeyEncoderError, match="no card in the encoder") as caught:
        rig.device.read_key()
    assert (caught.value.reason, caught.value.code) == ("no_card", "EP")


def test_a_restarted_salto_server_is_reconnected_to(rig: Rig) -> None:
    assert rig.server is not None
    _encode(rig)
    rig.server.stop()
    wait_until(lambda: rig.device.status.health is Health.OFFLINE)
    with pytest.raises(KeyEncoderError) as caught:
        _encode(rig)
    assert caught.value.reason == "offline"
    rig.server.start()  # same port
    wait_until(lambda: rig.device.status.health is Health.READY)
    assert rig.device.connections >= 2
    assert len(_encode(rig, room="102")) == 1
    assert [k.room for k in rig.sim.keys] == ["101", "102"]


def test_the_serial_driver_encodes_over_a_pty(tmp_path: Path) -> None:
    rig = Rig(tmp_path, transport="serial")
    try:
        keys = rig.device.encode_keys("205", 2, ARRIVAL, DEPARTURE, "ERIKSSON/LARS")
        assert [k.number for k in keys] == [1, 2]
        assert rig.device.read_key().room == "205"
    finally:
        rig.close()


def test_bad_calls_fail_at_once(rig: Rig) -> None:
    with pytest.raises(ValueError, match="count 5 is not 1 to 4"):
        _encode(rig, count=5)
    with pytest.raises(ValueError, match="is not after valid_from"):
        rig.device.encode_keys("101", 1, DEPARTURE, ARRIVAL, "X")
    with pytest.raises(ValueError, match="room is empty"):
        rig.device.check_out("")
    with pytest.raises(ValueError, match="field 2 has byte 0xb3 at position 2"):
        rig.device.encode_keys("10\xb3", 1, ARRIVAL, DEPARTURE, "X")
    assert rig.sim.received == []
    assert len(_encode(rig)) == 1  # nothing was queued or stuck
    idle = KeyEncoder("idle", lambda: (_ for _ in ()).throw(AssertionError("no I/O")))
    with pytest.raises(DeviceStateError, match="while closed"):
        idle.encode_keys("101", 1, ARRIVAL, DEPARTURE, "X")


def test_nobody_listening_is_offline_not_a_crash(tmp_path: Path) -> None:
    server = TcpServer(SaltoSimulator())
    server.start()
    address = server.address
    server.stop()  # a free port nobody listens on
    device = build_device(
        DeviceConfig(
            name="keys",
            type="keyencoder",
            driver="tcp",
            port=address,
            options={"ack_timeout_s": 0.2, "reconnect_initial_s": 0.05, "reconnect_max_s": 0.1},
        )
    )
    assert isinstance(device, KeyEncoder)
    device.start()
    try:
        wait_until(lambda: device.status.health is Health.OFFLINE)
        with pytest.raises(KeyEncoderError, match="unavailable") as caught:
            device.encode_keys("101", 1, ARRIVAL, DEPARTURE, "X")
        assert caught.value.reason == "offline"
    finally:
        device.shutdown()


@pytest.mark.parametrize(
    ("driver", "port", "options", "key"),
    [
        ("tcp", "127.0.0.1:8090", {"encode_timeout_s": "long"}, "options.encode_timeout_s"),
        ("tcp", "127.0.0.1:8090", {"baudrate": 9600}, "options.baudrate"),
        ("tcp", "", {}, "port"),
        ("serial", "/dev/ttyS0", {"parity": "X"}, "options.parity"),
        ("tcp", "127.0.0.1:8090", {"operator": "x" * 25}, "options.operator"),
        ("usb", "", {}, "driver"),
    ],
)
def test_a_bad_setting_fails_at_start_naming_it(
    driver: str, port: str, options: dict[str, object], key: str
) -> None:
    config = DeviceConfig(name="keys", type="keyencoder", driver=driver, port=port, options=options)
    with pytest.raises(ConfigError, match=f"devices.keys.{key}"):
        build_device(config)


def test_validity_is_sent_as_the_wall_clock_it_was_given(rig: Rig) -> None:
    late = datetime(2027, 1, 2, 23, 59)
    rig.device.encode_keys("310", 1, ARRIVAL, late, "X")
    assert rig.sim.keys[-1].valid_to == late


def test_line_noise_and_a_bad_lrc_are_error_events_and_the_key_still_encodes(rig: Rig) -> None:
    rig.sim.command("noise")
    assert len(_encode(rig)) == 1
    reasons = [e.error.message for e in rig.errors]
    assert any("stray byte(s)" in r for r in reasons), reasons
    assert any("bad LRC" in r for r in reasons), reasons
    assert all(e.error.device == "keys" for e in rig.errors)
