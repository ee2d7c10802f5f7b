"""HTTP calls to HQ's ``/api/v1`` (httpx). Every httpx error and every unusable reply
becomes :class:`HqUnreachable` (retry later: network, 5xx, 408/425/429, a malformed
200) or :class:`HqRefused` (any other 4xx, whether HQ's JSON or a front end's page),
with a message naming the call; a malformed reply never reaches the caller as data."""

from __future__ import annotations

import json
import ssl
from collections.abc import Sequence
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.sync.errors import HqRefused, HqUnreachable

if TYPE_CHECKING:
    import httpx  # imported on the first call (a fifth of a second the start does not pay)

RESULT_STATUSES = ("accepted", "duplicate", "rejected")
# 4xx that mean "not now" (request timeout, too early, too many requests): retried like 5xx.
TRANSIENT_4XX = frozenset({408, 425, 429})
# outbox kind -> (HQ endpoint, batch key), uploaded in this order
UPLOADS = {
    "sale": ("/sales/batch", "sales"),
    "audit": ("/audit/batch", "records"),
    "event": ("/events", "events"),  # service events (docs/service-events.md)
    "checkin": ("/checkins", "checkins"),  # airport / hotel check-ins (docs/airport.md)
}
# outbox kind -> the key of HQ's result that names the row (default "transaction_id");
# the outbox row's transaction_id column holds that value.
RESULT_IDS = {"event": "event_id"}


def result_id(kind: str) -> str:
    """The key of HQ's per-record result that names the record for ``kind``."""
    return RESULT_IDS.get(kind, "transaction_id")


class HqClient:
    """One lane's connection to HQ; thread-confined (use it from one thread)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float = 15.0,
        ca_file: Path | None = None,
        client_cert: tuple[Path, Path] | None = None,
    ) -> None:
        verify: ssl.SSLContext | bool = True
        if ca_file is not None or client_cert is not None:
            context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
            if client_cert is not None:
                context.load_cert_chain(str(client_cert[0]), str(client_cert[1]))
            verify = context
        self._options: dict[str, Any] = {
            "base_url": base_url.rstrip("/") + "/api/v1",
            "timeout": timeout_s,
            "verify": verify,
            "headers": {"Authorization": f"Bearer {token}", "User-Agent": "kiosk-lane"},
        }
        self._client: httpx.Client | None = None

    @property
    def _http(self) -> httpx.Client:
        """The HTTP client, made (and httpx imported) on the first call."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(**self._options)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def upload_sales(self, payloads: Sequence[str]) -> list[dict[str, Any]]:
        """Send outbox payloads (sale documents as JSON text) as one batch; return HQ's
        results, one per payload in the same order.

        Raises:
            HqUnreachable: network trouble, 5xx, 408/425/429, or a reply that is not one
                result per sale.
            HqRefused: HQ (or a front end) refused the batch as a whole (401, 403, 413,
                422...).
        """
        return self.upload("sale", payloads)

    def upload(self, kind: str, payloads: Sequence[str]) -> list[dict[str, Any]]:
        """Send outbox payloads of ``kind`` (a key of :data:`UPLOADS`) as one batch; see
        :meth:`upload_sales`.

        Raises:
            HqUnreachable / HqRefused: as for :meth:`upload_sales`.
        """
        path, key = UPLOADS[kind]
        id_key = result_id(kind)
        body = (f'{{"{key}":[' + ",".join(payloads) + "]}").encode()
        reply = self._call("POST", path, content=body)
        results = reply.get("results") if isinstance(reply, dict) else None
        if (
            not isinstance(results, list)
            or len(results) != len(payloads)
            or not all(
                isinstance(r, dict)
                and r.get("status") in RESULT_STATUSES
                and isinstance(r.get(id_key), str)
                for r in results
            )
        ):
            raise HqUnreachable(f"HQ {path}: malformed reply ({_excerpt(reply)})")
        return results

    def catalog_changes(self, cursor: int, limit: int) -> dict[str, Any]:
        """One page of catalog changes after ``cursor``: {"items", "cursor", "more"}.

        Raises:
            HqUnreachable / HqRefused: as for :meth:`upload_sales`.
        """
        reply = self._call("GET", "/catalog/changes", params={"cursor": cursor, "limit": limit})
        if not (
            isinstance(reply, dict)
            and isinstance(reply.get("items"), list)
            and isinstance(reply.get("cursor"), int)
            and isinstance(reply.get("more"), bool)
        ):
            raise HqUnreachable(f"HQ catalog changes: malformed reply ({_excerpt(reply)})")
        return reply

    def catalog_changes_text(self, cursor: int, limit: int) -> tuple[str, int, bool]:
        """One page as HQ's JSON text, with the cursor and "more" flag from its headers (the
        lane's SQLite applies the text itself; see kiosk.store.catalog_bulk).

        Raises:
            HqUnreachable / HqRefused: as for :meth:`upload_sales`, or headers missing.
        """
        params = {"cursor": cursor, "limit": limit}
        http = self._http
        import httpx  # loaded by self._http: a dictionary lookup

        try:
            response = http.get("/catalog/changes", params=params)
        except httpx.HTTPError as error:
            raise HqUnreachable(f"HQ /catalog/changes: {type(error).__name__}: {error}") from error
        if response.status_code != 200:
            self._call("GET", "/catalog/changes", params=params)  # raises the right error
            raise HqUnreachable(f"HQ /catalog/changes: HTTP {response.status_code}")
        try:
            return (
                response.text,
                int(response.headers["X-Catalog-Cursor"]),
                response.headers["X-Catalog-More"] == "1",
            )
        except (KeyError, ValueError):
            raise HqUnreachable(
                "HQ /catalog/changes: reply without X-Catalog-Cursor/More headers"
            ) from None

    def heartbeat(self, beat: dict[str, Any]) -> None:
        """Report the lane's state.

        Raises:
            HqUnreachable / HqRefused: as for :meth:`upload_sales`.
        """
        self._call("POST", "/lanes/heartbeat", content=json.dumps(beat).encode())

    def lane_config(self, known: str | None = None) -> dict[str, Any]:
        """The configuration HQ manages for this lane (kiosk.sync.config_pull): ``version``
        and ``overrides``, or ``unchanged`` if ``known`` is HQ's version.

        Raises:
            HqUnreachable / HqRefused: as for :meth:`upload_sales`.
        """
        reply = self._call("GET", "/lanes/config", params={"known": known} if known else {})
        return reply if isinstance(reply, dict) else {"version": None}

    def server_time(self) -> datetime:
        """Ask HQ's health endpoint and return the time in its ``Date`` header (UTC).

        Raises:
            HqUnreachable: if HQ does not answer 200 with a Date header.
        """
        import httpx

        try:
            response = self._http.get("/health")
        except httpx.HTTPError as error:
            raise HqUnreachable(f"HQ /health: {type(error).__name__}: {error}") from error
        if response.status_code != 200 or "date" not in response.headers:
            raise HqUnreachable(f"HQ /health: HTTP {response.status_code} without a Date header")
        return parsedate_to_datetime(response.headers["date"])

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Content-Type": "application/json"} if "content" in kwargs else {}
        http = self._http
        import httpx  # loaded by self._http: a dictionary lookup

        try:
            response = http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as error:
            raise HqUnreachable(f"HQ {path}: {type(error).__name__}: {error}") from error
        status = response.status_code
        if status >= 500 or status in TRANSIENT_4XX:
            raise HqUnreachable(f"HQ {path}: HTTP {status} {_excerpt(response.text)}")
        try:
            reply = response.json()
        except ValueError:
            if status >= 400:
                # A front end (nginx's body limit, a firewall) refused it with its own page:
                # still a refusal of this request, not a reason to retry it unchanged.
                raise HqRefused(
                    f"HQ {path}: HTTP {status} from a front end ({_excerpt(response.text)})",
                    status,
                ) from None
            raise HqUnreachable(
                f"HQ {path}: HTTP {status} with a body that is not JSON ({_excerpt(response.text)})"
            ) from None
        if response.status_code >= 400:
            message = reply.get("message") if isinstance(reply, dict) else None
            raise HqRefused(
                f"HQ {path}: HTTP {response.status_code}: {message or _excerpt(reply)}",
                response.status_code,
            )
        return reply


def _excerpt(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 200 else text[:200] + "..."
