"""The Adyen Terminal API (local) driver: :class:`NexoTerminal` implements PaymentTerminal.

Thin transport around the sans-IO codecs: it builds a request, protects it with the
shared key (when one is configured), POSTs it with httpx to the terminal's
``/nexo`` endpoint over HTTPS and reads the answer. httpx, ssl and JSON errors are
mapped to :mod:`kiosk.payment.errors` here (see that module for what each means).

httpx (and with it ssl, h11 and friends: a fifth of a second) is imported when the
first request is sent, not when the lane starts: the attract screen needs none of it.
"""

from __future__ import annotations

import logging
import secrets
import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk import clock as kiosk_clock
from kiosk import warmup
from kiosk.domain.money import Money
from kiosk.payment.errors import (
    ConnectionLostError,
    PaymentError,
    TerminalProtocolError,
    TerminalRejectedError,
    TerminalTimeoutError,
    TerminalUnreachableError,
)
from kiosk.payment.nexo import crypto
from kiosk.payment.nexo.codec import Header, dumps, loads, rejection, service_id_for
from kiosk.payment.nexo.requests import (
    AbortRequest,
    PaymentRequest,
    Request,
    ReversalRequest,
    StatusRequest,
    encode_request,
)
from kiosk.payment.nexo.responses import (
    StatusResponse,
    TransactionResponse,
    decode_response,
)
from kiosk.payment.types import InquiryState, Outcome, PaymentKind, PaymentResult, StatusInquiry

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
warmup.defer("httpx")  # imported by the first request, or ahead after the first paint
_CANCELLED_CONDITIONS = frozenset({"Cancel", "Aborted"})


def utc_timestamp() -> str:
    """Now in UTC, ISO 8601 with milliseconds and ``Z`` (the nexo TimeStamp form)."""
    return kiosk_clock.utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_result(tx: TransactionResponse, reference: str) -> PaymentResult:
    """A terminal's transaction answer as a protocol-independent PaymentResult."""
    if tx.result in ("Success", "Partial"):
        outcome = Outcome.APPROVED
    elif tx.error_condition in _CANCELLED_CONDITIONS:
        outcome = Outcome.CANCELLED
    else:
        outcome = Outcome.DECLINED
    poi = tx.poi_transaction or (None, None)
    return PaymentResult(
        reference=reference,
        outcome=outcome,
        amount=tx.amount,
        auth_code=tx.auth_code or None,
        masked_pan=tx.masked_pan,
        brand=tx.brand or None,
        terminal_transaction_id=poi[0],
        terminal_timestamp=poi[1] or None,
        receipt_text="\n".join(tx.receipt_lines) or None,
        error_condition=tx.error_condition or None,
        message=tx.additional or None,
    )


class NexoTerminal:
    """A terminal reached over the local Terminal API.

    Args:
        url: the terminal's endpoint, e.g. ``https://192.168.1.20:8443/nexo``.
        sale_id: this lane's SaleID; poi_id: the terminal's POIID (``MODEL-SERIAL``).
        key: the shared key protecting messages, or None to send them plain.
        verify: httpx ``verify`` (a CA bundle path, an SSLContext, or False in tests).
        payment_timeout: seconds to wait for a payment (the shopper is at the terminal).
        short_timeout: seconds for status, abort and reversal requests.
        timestamp: the clock giving nexo TimeStamps.
    """

    def __init__(
        self,
        url: str,
        sale_id: str,
        poi_id: str,
        key: crypto.SharedKey | None,
        *,
        verify: Any = True,
        payment_timeout: float = 150.0,
        short_timeout: float = 10.0,
        connect_timeout: float = 3.0,
        timestamp: Callable[[], str] = utc_timestamp,
    ) -> None:
        self.url, self.sale_id, self.poi_id, self.key = url, sale_id, poi_id, key
        self.payment_timeout, self.short_timeout = payment_timeout, short_timeout
        self.connect_timeout = connect_timeout
        self.timestamp = timestamp
        self._verify = verify
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    def close(self) -> None:
        """Close the HTTP connections."""
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def _http(self) -> httpx.Client:
        """The HTTP client, made (and httpx imported) on the first request."""
        with self._client_lock:
            if self._client is None:
                import httpx

                # TCP_NODELAY: a request is two writes (headers, body); Nagle would hold
                # the second.
                transport = httpx.HTTPTransport(
                    verify=self._verify,
                    socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
                )
                self._client = httpx.Client(
                    transport=transport, headers={"Content-Type": "application/json"}
                )
            return self._client

    # -- PaymentTerminal ---------------------------------------------------------------
    def purchase(self, amount: Money, reference: str) -> PaymentResult:
        """PaymentRequest (Normal) for ``amount``; see :class:`PaymentTerminal`."""
        return self._pay(amount, reference, "Normal")

    def refund(self, amount: Money, reference: str) -> PaymentResult:
        """PaymentRequest (Refund) for ``amount``."""
        return self._pay(amount, reference, "Refund")

    def preauthorise(self, amount: Money, reference: str) -> PaymentResult:
        """PaymentRequest with ``authorisationType=PreAuth`` in SaleToAcquirerData."""
        return self._pay(amount, reference, "Normal", acquirer="authorisationType=PreAuth")

    def complete(self, original: PaymentResult, amount: Money, reference: str) -> PaymentResult:
        """PaymentRequest (Completion) naming the pre-authorisation's POI transaction."""
        return self._pay(amount, reference, "Completion", original=_poi(original))

    def adjust_preauthorisation(
        self, original: PaymentResult, amount: Money, reference: str
    ) -> PaymentResult:
        """PaymentRequest (UpdateReservation: nexo's "update of a reservation") naming the
        pre-authorisation's POI transaction; ``amount`` is what it holds from now on."""
        return self._pay(amount, reference, "UpdateReservation", original=_poi(original))

    def cancel_preauthorisation(self, original: PaymentResult, reference: str) -> PaymentResult:
        """ReversalRequest of the pre-authorisation."""
        return self.reverse(original, reference)

    def reverse(self, original: PaymentResult, reference: str) -> PaymentResult:
        """ReversalRequest (MerchantCancel) of ``original``'s POI transaction."""
        header = self._header("Reversal", service_id_for(reference))
        request = ReversalRequest(header, reference, self.timestamp(), _poi(original))
        tx = self._transaction(request, self.short_timeout)
        return to_result(tx, reference)

    def status(self, reference: str, kind: PaymentKind = PaymentKind.PURCHASE) -> StatusInquiry:
        """TransactionStatusRequest naming the request that carried ``reference``.

        Raises:
            PaymentError: if the terminal cannot be asked or answers nonsense.
        """
        category = (
            "Reversal" if kind in (PaymentKind.REVERSAL, PaymentKind.PREAUTH_CANCEL) else "Payment"
        )
        request = StatusRequest(
            self._header("TransactionStatus", _new_service_id()),
            category,
            self.sale_id,
            service_id_for(reference),
        )
        body = self._exchange(request, self.short_timeout)
        if not isinstance(body, StatusResponse):
            raise TerminalProtocolError("expected a TransactionStatusResponse")
        if body.result == "Success" and body.repeated is not None:
            if body.repeated.reference and body.repeated.reference != reference:
                raise TerminalProtocolError("status answer is about another transaction")
            return StatusInquiry(
                reference, InquiryState.FINISHED, to_result(body.repeated, reference)
            )
        if body.error_condition == "NotFound":
            return StatusInquiry(reference, InquiryState.NOT_FOUND)
        return StatusInquiry(reference, InquiryState.IN_PROGRESS)

    def abort(self, reference: str, kind: PaymentKind = PaymentKind.PURCHASE) -> None:
        """AbortRequest (MerchantAbort) for the request that carried ``reference``."""
        request = AbortRequest(
            self._header("Abort", _new_service_id()),
            "Payment",
            self.sale_id,
            service_id_for(reference),
        )
        self._post(self._encode(request), self.short_timeout)

    # -- plumbing ------------------------------------------------------------------------
    def _pay(
        self,
        amount: Money,
        reference: str,
        payment_type: str,
        *,
        original: tuple[str, str] | None = None,
        acquirer: str = "",
    ) -> PaymentResult:
        header = self._header("Payment", service_id_for(reference))
        request = PaymentRequest(
            header, reference, self.timestamp(), amount, payment_type, original, acquirer
        )
        tx = self._transaction(request, self.payment_timeout)
        if tx.reference and tx.reference != reference:
            raise TerminalProtocolError("payment answer is about another transaction")
        return to_result(tx, reference)

    def _header(self, category: str, service_id: str) -> Header:
        return Header(category, "Request", self.sale_id, service_id, self.poi_id)

    def _transaction(self, request: Request, timeout: float) -> TransactionResponse:
        body = self._exchange(request, timeout)
        if not isinstance(body, TransactionResponse):
            raise TerminalProtocolError("expected a payment or reversal response")
        return body

    def _exchange(self, request: Request, timeout: float) -> TransactionResponse | StatusResponse:
        raw = self._post(self._encode(request), timeout)
        message = loads(raw)
        refused = rejection(message)
        if refused is not None:
            raise TerminalRejectedError(f"terminal refused the message: {refused}")
        if self.key is not None:
            if not crypto.is_protected(message):
                raise TerminalProtocolError("terminal answered without message protection")
            message = crypto.unprotect(raw, self.key)
        response = decode_response(message)
        if (
            response.header.service_id != request.header.service_id
            or response.header.category != request.header.category
        ):
            raise TerminalProtocolError(
                f"answer to {response.header.category}/{response.header.service_id}, expected "
                f"{request.header.category}/{request.header.service_id}"
            )
        return response.body

    def _encode(self, request: Request) -> bytes:
        message = encode_request(request)
        return crypto.protect(message, self.key) if self.key else dumps(message)

    def _post(self, body: bytes, timeout: float) -> bytes:
        client = self._http()
        import httpx  # already imported by _http: a dictionary lookup

        limits = httpx.Timeout(timeout, connect=self.connect_timeout)
        try:
            response = client.post(self.url, content=body, timeout=limits)
        except (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.UnsupportedProtocol,
            httpx.PoolTimeout,
        ) as error:
            raise TerminalUnreachableError(
                f"terminal {self.url} unreachable: {error}", sent=False
            ) from None
        except httpx.TimeoutException as error:
            raise TerminalTimeoutError(
                f"terminal {self.url} did not answer in {timeout:g} s"
            ) from error
        except (httpx.HTTPError, OSError) as error:
            raise ConnectionLostError(
                f"connection to terminal {self.url} lost: {type(error).__name__}"
            ) from None
        if response.status_code != 200:
            raise TerminalProtocolError(f"terminal answered HTTP {response.status_code}")
        return response.content


def _poi(original: PaymentResult) -> tuple[str, str]:
    if not original.terminal_transaction_id:
        raise PaymentError(f"payment {original.reference} has no terminal transaction id")
    return original.terminal_transaction_id, original.terminal_timestamp or ""


def _new_service_id() -> str:
    return secrets.token_hex(5)
