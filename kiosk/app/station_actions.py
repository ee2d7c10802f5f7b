"""Remote help from the store's station, applied at the lane as the person who asked.

Theory of operation. The station queues a command (:mod:`kiosk.station.board`); the
lane's link (:mod:`kiosk.app.station_link`) hands it here once. :class:`RemoteActions`
looks the member of staff up in the *lane's* staff store (a disabled or unknown account
is refused: the lane's copy of the store's accounts is the one that counts) and runs
the action through the lane's own :class:`~kiosk.app.attendant.AttendantService`, the
one the attendant screen uses, acting as that person on this thread only
(:class:`ActingAs`), so the role checks, the domain's rules, the lane audit and the
sale document's audit are exactly those of the same action at the lane; the screen
follows the controller and the lane flags, so the shopper sees the change at once.

Before acting it checks that the lane is still where the page saw it: a command names
the basket (and, for an alert, the alert's key); a command for a basket that has moved
on, or an alert that is no longer pending, is refused with a reason the station shows.
A command asked more than 10 minutes before the lane got it (it was away) is refused:
"ask again". What needs a person at the lane is refused too: a device fault always, an age check
unless ``[station] remote_age_check`` says the store allows it (and then only as "ID
seen"), payments in doubt.

Each command leaves one more lane audit row, ``remote_action``: the command id, the
kind, who, from where (the station and the phone's address), the outcome and the
seconds from the alert being raised to it being resolved. An intervention resolved
this way is ``how: "remote"`` in the service events (the recorder is told while the
action runs).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from kiosk.app.attendant.model import AttendantError
from kiosk.app.station_views import aside_alert, pending_key
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.staff import Action, PermissionRefused, Staff, require

log = logging.getLogger(__name__)

#: Alert kinds a station may resolve (the age check only when the store allows it).
REMOTE_KINDS = frozenset(
    {
        InterventionKind.HELP_REQUESTED,
        InterventionKind.IDLE_SUSPENDED,
        InterventionKind.UNKNOWN_BARCODE,
        InterventionKind.QUANTITY_LIMIT,
        InterventionKind.VOID_REQUEST,
        InterventionKind.PRICE_OVERRIDE,
        InterventionKind.EXPIRED_ITEM,  # a refused pack's page: "taken away" (pack_pages)
        InterventionKind.RECALLED_ITEM,
    }
)
AT_THE_LANE = {
    InterventionKind.DEVICE_FAULT: "a device fault needs a person at the lane",
    InterventionKind.AGE_RESTRICTED: "an age check needs a person at the lane (store policy)",
    InterventionKind.PAYMENT_UNKNOWN: "a payment in doubt needs a person at the lane",
    InterventionKind.PAYMENT_FAILURE: "a declined payment needs a person at the lane",
}


MAX_AGE_S = 600.0  # a remote command older than this (the lane was away) is refused


class Refused(Exception):
    """A command the lane will not apply; the message is shown on the station."""


class ActingAs:
    """The attendant service's sessions, with a member of staff acting remotely on one
    thread: :meth:`require` answers for them there (role checked as at the lane) and
    for the attendant screen's session everywhere else. Everything else is the
    screen's sessions unchanged."""

    def __init__(self, sessions: Any) -> None:
        self._sessions = sessions
        self._local = threading.local()

    @contextlib.contextmanager
    def acting(self, staff: Staff) -> Iterator[None]:
        self._local.staff = staff
        try:
            yield
        finally:
            self._local.staff = None

    def require(self, action: Action | None) -> Staff:
        staff: Staff | None = getattr(self._local, "staff", None)
        if staff is None:
            return self._sessions.require(action)  # type: ignore[no-any-return]
        if action is not None:
            try:
                require(staff, action)
            except PermissionRefused as error:
                raise AttendantError(str(error)) from None
        return staff

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sessions, name)


class RemoteActions:
    """Applies the station's commands through one lane's attendant service.

    Args:
        service: the lane's :class:`~kiosk.app.attendant.AttendantService`.
        clock: the lane's clock.
        allow_age: the store lets an age check be approved remotely ("ID seen").
        recorder: the lane's service-event recorder (``how: "remote"``), if any.
        on_notice: told ``(kind, args)`` of "on my way" (the shopper's screen).
    """

    def __init__(
        self,
        service: Any,
        clock: Callable[[], datetime],
        *,
        allow_age: bool = False,
        recorder: Any = None,
        on_notice: Callable[[str, dict[str, Any]], object] | None = None,
    ) -> None:
        self.service, self.clock, self.allow_age = service, clock, allow_age
        self.recorder, self.on_notice = recorder, on_notice
        if not isinstance(service.sessions, ActingAs):
            service.sessions = ActingAs(service.sessions)
        self.acting: ActingAs = service.sessions

    def remote_kinds(self) -> list[str]:
        """The alert kinds this lane takes from the station (for its report)."""
        kinds = set(REMOTE_KINDS)
        if self.allow_age:
            kinds.add(InterventionKind.AGE_RESTRICTED)
        return sorted(k.value for k in kinds)

    def __call__(self, command: dict[str, Any]) -> dict[str, Any]:
        """Apply ``command`` (``id``, ``kind``, ``args``, ``staff_id``); the result."""
        kind, args = str(command.get("kind")), dict(command.get("args") or {})
        if kind == "on_my_way":
            if self.on_notice is not None:
                self.on_notice(kind, args)
            return {"ok": True, "message": ""}
        staff_id = str(command.get("staff_id", ""))
        try:
            self._fresh(command)
            staff = self._staff(staff_id)
            with self.acting.acting(staff), self._remote(staff_id):
                message = self._apply(kind, args)
            result: dict[str, Any] = {"ok": True, "message": message}
        except (Refused, AttendantError) as error:
            result = {"ok": False, "message": str(error)}
        took = _took(args.get("raised_at"), self.clock())
        if took is not None:
            result["took_s"] = took
        self._audit(staff_id, command, kind, args, result)
        return result

    # -- what each command does --------------------------------------------------------

    def _apply(self, kind: str, args: dict[str, Any]) -> str:
        service = self.service
        checkout = service.checkout
        basket = str(checkout.basket.basket_id)
        pages = getattr(service.controller, "pack_pages", None)
        page = pages.find(str(args.get("alert"))) if pages is not None else None
        if kind == "resolve" and page is not None:  # a refused pack: outlives its basket
            service.clear_page(page.key, str(args.get("reason", "")), how="remote")
            return "pack taken away"
        if args.get("basket_id") and args["basket_id"] != basket and kind not in _LANE_WIDE:
            raise Refused("the basket has moved on since (a new basket is at the lane)")
        if kind in _BASKET and checkout.phase.value in ("idle", "finished"):
            raise Refused("the basket has moved on (it was finished or cancelled)")
        reason = str(args.get("reason", ""))
        if kind == "resolve":
            return self._resolve(checkout, args)
        if kind == "void_line":
            service.void_line(_int(args, "line_no"), reason)
            return f"line {args['line_no']} voided"
        if kind == "set_quantity":
            service.set_quantity(_int(args, "line_no"), _int(args, "quantity"), reason)
            return f"line {args['line_no']}: quantity {args['quantity']}"
        if kind == "override_price":
            service.override_price(_int(args, "line_no"), _int(args, "price_minor"), reason)
            return f"line {args['line_no']}: new price"
        if kind == "suspend":
            service.suspend(reason)
            return "basket suspended"
        if kind == "resume":
            service.resume()
            return "basket resumed"
        if kind in ("open_lane", "close_lane"):
            service.set_lane_open(kind == "open_lane", reason)
            return "lane open" if kind == "open_lane" else "lane closed"
        raise Refused(f"this lane does not know the command {kind!r}")

    def _resolve(self, checkout: Any, args: dict[str, Any]) -> str:
        entry = next(
            (e for e in checkout.aside if aside_alert(checkout, e).key == args.get("alert")), None
        )
        if entry is not None:  # an unknown item put aside while the shopper scans on
            return self._resolve_aside(entry, args)
        pending = checkout.pending
        if pending is None or pending_key(checkout) != args.get("alert"):
            raise Refused("the lane has moved on: that alert is no longer waiting")
        if pending.kind not in REMOTE_KINDS and not (
            pending.kind is InterventionKind.AGE_RESTRICTED and self.allow_age
        ):
            raise Refused(AT_THE_LANE.get(pending.kind, "this needs a person at the lane"))
        approved = bool(args.get("approved", True))
        note = str(args.get("reason", ""))
        if pending.kind is InterventionKind.AGE_RESTRICTED and approved:
            self.service.approve_age(id_seen=True)
            return "age check approved (ID seen)"
        if pending.kind is InterventionKind.UNKNOWN_BARCODE and approved:
            if not args.get("item_code"):
                raise Refused("pick the item (its code or PLU) to add it")
            before = self.service.checkout.basket
            after = self.service.resolve_pending(True, item_code=str(args["item_code"]), note=note)
            return self._added(before, after, str(args["item_code"]), args, note)
        self.service.resolve_pending(approved, note=note)
        return "approved" if approved else "refused"

    def _resolve_aside(self, entry: Any, args: dict[str, Any]) -> str:
        note = str(args.get("reason", ""))
        if not bool(args.get("approved", True)):
            self.service.resolve_aside(entry.raised_at, False, note=note)
            return "item put aside dismissed"
        if not args.get("item_code"):
            raise Refused("pick the item (its code or PLU) to add it")
        code = str(args["item_code"])
        before = self.service.checkout.basket
        after = self.service.resolve_aside(entry.raised_at, True, code, note)
        return self._added(before, after, code, args, note)

    def _added(self, before: Any, after: Any, code: str, args: dict[str, Any], note: str) -> str:
        """The answer to an unknown item added as ``code``; a keyed price re-prices the
        line the item went to: a new line, or (``[lane] merge_identical``) the earlier
        line of the same item it joined, which is not always the basket's last line."""
        if args.get("price_minor") is None:
            return f"item {code} added"
        line = _changed_line(before, after.basket)
        if line is None:  # it waits for its age check, or the shopper scanned meanwhile
            raise Refused(
                f"item {code}: the keyed price was not applied; set it on the item's line "
                "once it is in the basket"
            )
        try:
            self.service.override_price(
                line, _int(args, "price_minor"), note or "price keyed at the station"
            )
        except (Refused, AttendantError) as error:
            raise Refused(
                f"item {code} added at its catalog price; the keyed price was refused: {error}"
            ) from None
        return f"item {code} added at the keyed price"

    # -- helpers -----------------------------------------------------------------------

    def _fresh(self, command: dict[str, Any]) -> None:
        """A command asked long ago (the lane was away) is not applied now: the person
        who asked has moved on too."""
        asked = _took(command.get("created_at"), self.clock())
        if asked is not None and asked > MAX_AGE_S:
            minutes = int(asked // 60)
            raise Refused(f"asked {minutes} min ago, while the lane was away: ask again")

    def _staff(self, staff_id: str) -> Staff:
        staff: Staff | None = self.service.staff_repo.get(staff_id)
        if staff is None or staff.disabled:
            raise Refused(f"staff {staff_id!r} is unknown or disabled at this lane")
        return staff

    @contextlib.contextmanager
    def _remote(self, staff_id: str) -> Iterator[None]:
        remote = getattr(self.recorder, "remote", None)
        if remote is None:
            yield
            return
        with remote(staff_id):
            yield

    def _audit(
        self,
        staff_id: str,
        command: dict[str, Any],
        kind: str,
        args: dict[str, Any],
        result: dict[str, Any],
    ) -> None:
        details = {
            "command_id": command.get("id"),
            "kind": kind,
            "where": str(args.get("from", ""))[:80],
            "ok": result["ok"],
            "message": result["message"][:200],
            "took_s": result.get("took_s"),
            "basket_id": args.get("basket_id"),
        }
        try:
            self.service.audit.record(
                "remote_action", staff_id=staff_id or None, details=details, at=self.clock()
            )
        except Exception:  # the action stands (its own audit row is written); say so
            log.exception("the lane audit row of station command %s failed", command.get("id"))


def refuse_remote(journey: str, command: dict[str, Any]) -> dict[str, Any]:
    """The answer of a lane whose journey takes no remote help (only "I'm on my way"):
    the station does not offer it; a command that comes anyway is refused, said why."""
    kind = str(command.get("kind"))[:40]
    log.warning("station command %s (%s) refused: %s takes none", command.get("id"), kind, journey)
    return {"ok": False, "message": f"{journey} lanes take no remote {kind}: go to the lane"}


class StaffCopy:
    """Copies the store's accounts from the station into the lane's store
    (:mod:`kiosk.station.accounts`), and signs out an attendant whose account is now
    disabled (on the link's thread)."""

    def __init__(self, store_path: Any, service: Any, clock: Callable[[], datetime]) -> None:
        from kiosk.store.db import connect

        self._conn = connect(store_path, migrate=False)
        self._lock = threading.Lock()  # both of the link's threads may copy
        self.service, self.clock = service, clock

    def __call__(self, accounts: list[dict[str, Any]]) -> list[str]:
        from kiosk.station.accounts import AccountError, import_accounts

        now = self.clock().strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        try:
            with self._lock:
                changed = import_accounts(self._conn, accounts, now)
        except AccountError as error:
            raise ValueError(f"the station sent a bad staff account: {error}") from error
        session = self.service.current_session if self.service is not None else None
        if changed and session is not None and session.staff.staff_id in changed:
            current = self.service.staff_repo.get(session.staff.staff_id)
            if current is None or current.disabled:
                self.service.sign_out("account disabled for the store")
        if changed:
            log.info("staff accounts copied from the station: %s", ", ".join(changed))
        return changed


_LANE_WIDE = frozenset({"open_lane", "close_lane", "resume"})
_BASKET = frozenset({"void_line", "set_quantity", "override_price", "suspend"})


def _changed_line(before: Any, after: Any) -> int | None:
    """The number of the one line of basket ``after`` that is new or holds more than in
    ``before``; None if none did, or several did (the shopper scanned meanwhile): the
    station does not guess which line a keyed price is for."""
    old = {line.line_no: line.quantity for line in before.active_lines}
    changed = [
        line.line_no
        for line in after.active_lines
        if line.line_no not in old or line.quantity > old[line.line_no]
    ]
    return changed[0] if len(changed) == 1 else None


def _int(args: dict[str, Any], name: str) -> int:
    value = args.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(f"{name}: a whole number is needed")
    return value


def _took(raised_at: object, now: datetime) -> float | None:
    """Seconds from the alert being raised to now (None without an alert)."""
    if not isinstance(raised_at, str) or not raised_at:
        return None
    try:
        raised = datetime.fromisoformat(raised_at.replace("Z", "+00:00"))
        return round(max(0.0, (now - raised).total_seconds()), 3)
    except (TypeError, ValueError):
        return None
