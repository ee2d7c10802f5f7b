"""Protection of local Terminal API messages with the shared key (Adyen crypto version 1).

The passphrase configured on the terminal (its "encryption key") is stretched by
PBKDF2-HMAC-SHA1 (salt ``AdyenNexoV1Salt``, 4000 rounds) into 80 bytes: a 32-byte
HMAC key, a 32-byte AES key and a 16-byte IV. A message is encrypted whole with
AES-256-CBC (PKCS#7) under IV xor a random 16-byte nonce, and authenticated by
HMAC-SHA256 over the plain text. On the wire the MessageHeader stays readable
beside ``NexoBlob`` (the cipher text) and ``SecurityTrailer`` (Hmac, KeyIdentifier,
KeyVersion, AdyenCryptoVersion, Nonce), all binary fields base64.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from typing import Any

from kiosk import warmup
from kiosk.payment.errors import SecurityError
from kiosk.payment.nexo.codec import dumps, loads, obj

_SALT = b"AdyenNexoV1Salt"
warmup.defer("cryptography.hazmat.primitives.ciphers", "cryptography.hazmat.primitives.padding")
_ROUNDS = 4000


@dataclass(frozen=True)
class SharedKey:
    """The shared key: its identifier, version and passphrase (never logged)."""

    identifier: str
    version: int
    passphrase: str = field(repr=False)

    def __post_init__(self) -> None:
        material = hashlib.pbkdf2_hmac("sha1", self.passphrase.encode(), _SALT, _ROUNDS, 80)
        object.__setattr__(self, "_material", material)

    def _keys(self) -> tuple[bytes, bytes, bytes]:
        material: bytes = object.__getattribute__(self, "_material")
        return material[:32], material[32:64], material[64:]


def _crypt(key: SharedKey, data: bytes, nonce: bytes, encrypt: bool) -> bytes:
    # cryptography's Rust bindings: ~10 ms of the lane's start; imported by the first
    # protected message, or ahead after the first paint (kiosk.warmup, deferred below)
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    _, cipher_key, iv = key._keys()
    actual_iv = bytes(a ^ b for a, b in zip(iv, nonce, strict=True))
    cipher = Cipher(algorithms.AES(cipher_key), modes.CBC(actual_iv))
    if encrypt:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        encryptor = cipher.encryptor()
        return encryptor.update(padded) + encryptor.finalize()
    decryptor = cipher.decryptor()
    padded = decryptor.update(data) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def protect(message: dict[str, Any], key: SharedKey, nonce: bytes | None = None) -> bytes:
    """Encrypt a ``SaleToPOIRequest`` / ``SaleToPOIResponse`` object for the wire."""
    ((outer_name, inner),) = message.items()
    plain = dumps(message)
    nonce = os.urandom(16) if nonce is None else nonce
    hmac_key = key._keys()[0]
    envelope = {
        outer_name: {
            "MessageHeader": inner["MessageHeader"],
            "NexoBlob": base64.b64encode(_crypt(key, plain, nonce, True)).decode(),
            "SecurityTrailer": {
                "Hmac": base64.b64encode(
                    hmac.new(hmac_key, plain, hashlib.sha256).digest()
                ).decode(),
                "KeyIdentifier": key.identifier,
                "KeyVersion": key.version,
                "AdyenCryptoVersion": 1,
                "Nonce": base64.b64encode(nonce).decode(),
            },
        }
    }
    return dumps(envelope)


def unprotect(body: bytes, key: SharedKey) -> dict[str, Any]:
    """Decrypt and verify a protected message; return the inner JSON object.

    Raises:
        SecurityError: wrong key id/version, bad base64, bad padding or HMAC mismatch.
        TerminalProtocolError: if the envelope is not JSON of the expected shape.
    """
    envelope = loads(body)
    names = [n for n in ("SaleToPOIRequest", "SaleToPOIResponse") if n in envelope]
    if len(names) != 1:
        raise SecurityError("protected message: no SaleToPOIRequest/Response")
    outer = obj(envelope, "", names[0])
    trailer = obj(outer, names[0], "SecurityTrailer")
    if trailer.get("AdyenCryptoVersion") != 1:
        raise SecurityError("SecurityTrailer.AdyenCryptoVersion: only version 1 is supported")
    if trailer.get("KeyIdentifier") != key.identifier or trailer.get("KeyVersion") != key.version:
        raise SecurityError(
            "SecurityTrailer: message protected with another key "
            f"({trailer.get('KeyIdentifier')!r} v{trailer.get('KeyVersion')!r})"
        )
    try:
        blob = base64.b64decode(str(outer.get("NexoBlob", "")), validate=True)
        nonce = base64.b64decode(str(trailer.get("Nonce", "")), validate=True)
        mac = base64.b64decode(str(trailer.get("Hmac", "")), validate=True)
        if len(nonce) != 16 or not blob or len(blob) % 16:
            raise SecurityError("NexoBlob/Nonce: wrong length")
        plain = _crypt(key, blob, nonce, False)
    except (binascii.Error, ValueError) as error:
        raise SecurityError(f"protected message cannot be decrypted: {error}") from None
    expected = hmac.new(key._keys()[0], plain, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, expected):
        raise SecurityError("SecurityTrailer.Hmac: message was altered or the key is wrong")
    inner = loads(plain)
    if names[0] not in inner:
        raise SecurityError("decrypted message is of another kind than its envelope")
    return inner


def is_protected(message: dict[str, Any]) -> bool:
    """True if a parsed body carries a NexoBlob (rather than plain content)."""
    return any(isinstance(v, dict) and "NexoBlob" in v for v in message.values())
