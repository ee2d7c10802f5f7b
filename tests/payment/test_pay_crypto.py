"""Local message protection (AES-256-CBC + HMAC-SHA256, keys by PBKDF2)."""

from __future__ import annotations

import base64
import json

import pytest

from kiosk.payment.errors import SecurityError
from kiosk.payment.nexo.codec import dumps, loads
from kiosk.payment.nexo.crypto import SharedKey, is_protected, protect, unprotect

KEY = SharedKey("lane-key", 1, "correct horse battery staple")
MESSAGE = {
    "SaleToPOIRequest": {
        "MessageHeader": {"ServiceID": "abc", "MessageCategory": "Payment"},
        "PaymentRequest": {"x": 1},
    }
}


def test_round_trip_keeps_the_header_readable_and_hides_the_body() -> None:
    wire = protect(MESSAGE, KEY)
    outer = json.loads(wire)["SaleToPOIRequest"]
    assert outer["MessageHeader"]["ServiceID"] == "abc"
    assert "PaymentRequest" not in outer
    trailer = outer["SecurityTrailer"]
    assert trailer["AdyenCryptoVersion"] == 1
    assert trailer["KeyIdentifier"] == "lane-key"
    assert trailer["KeyVersion"] == 1
    assert len(base64.b64decode(trailer["Nonce"])) == 16
    assert is_protected(loads(wire))
    assert unprotect(wire, KEY) == loads(dumps(MESSAGE))


def test_the_nonce_makes_each_message_different() -> None:
    assert protect(MESSAGE, KEY) != protect(MESSAGE, KEY)


def test_a_changed_blob_fails_the_mac() -> None:
    envelope = json.loads(protect(MESSAGE, KEY))
    blob = bytearray(base64.b64decode(envelope["SaleToPOIRequest"]["NexoBlob"]))
    blob[-17] ^= 1  # flip a bit in the second-to-last block: padding survives, text changes
    envelope["SaleToPOIRequest"]["NexoBlob"] = base64.b64encode(bytes(blob)).decode()
    with pytest.raises(SecurityError):
        unprotect(json.dumps(envelope).encode(), KEY)


@pytest.mark.parametrize(
    "other",
    [
        SharedKey("lane-key", 1, "another passphrase"),
        SharedKey("lane-key", 2, "correct horse battery staple"),
        SharedKey("other", 1, "correct horse battery staple"),
    ],
)
def test_another_key_is_refused(other: SharedKey) -> None:
    with pytest.raises(SecurityError):
        unprotect(protect(MESSAGE, KEY), other)


def test_the_passphrase_is_not_in_the_repr() -> None:
    assert "horse" not in repr(KEY)
