"""Build the configured terminal driver from the [payment] config section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.config.payment import PaymentConfig
from kiosk.payment.errors import PaymentError
from kiosk.payment.nexo.crypto import SharedKey
from kiosk.payment.nexo.driver import NexoTerminal

if TYPE_CHECKING:
    from ssl import SSLContext


def terminal_from_config(config: PaymentConfig, lane_id: str) -> NexoTerminal:
    """The nexo driver for ``config`` (the ``simulator`` driver is the same protocol
    pointed at ``kiosk sim terminal``); ``lane_id`` is the SaleID unless one is set.

    Raises:
        PaymentError: if the CA file cannot be read.
    """
    key = None
    if config.key_identifier:
        key = SharedKey(config.key_identifier, config.key_version, config.key_passphrase)
    verify: bool | SSLContext = config.tls_verify
    if config.tls_verify and config.tls_ca_file:
        import ssl  # ~7 ms: only for a CA file of its own (httpx imports it off the start)

        try:
            verify = ssl.create_default_context(cafile=config.tls_ca_file)
        except (OSError, ssl.SSLError) as error:
            raise PaymentError(f"payment.tls_ca_file {config.tls_ca_file}: {error}") from None
    return NexoTerminal(
        config.terminal_url,
        config.sale_id or lane_id,
        config.poi_id,
        key,
        verify=verify,
        payment_timeout=config.payment_timeout_s,
        short_timeout=config.request_timeout_s,
    )
