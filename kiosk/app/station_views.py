"""What a lane tells the store's station: one small *station view* per journey.

Theory of operation. A lane's report (``POST /api/lanes/LANE/report``, built here and
sent by :mod:`kiosk.app.station_link`) has two parts:

- the **journey's** part: its step, a short summary, the money and the open
  interventions as alerts. A *station view* is one function per journey mode that
  reads the runner's public shape (``state`` / ``checkout``, ``state_name()``) and
  answers a :class:`JourneyView`; :func:`view_for` picks it by ``lane.mode``
  (:data:`STATION_VIEWS`). Adding a journey is one function and one line there
  (:func:`register_station_view` for a journey of another package);
- the **shell's** part (:func:`lane_report`): open / closed / paused / out of service,
  the devices, their consumables (paper or AEA media low / out / jammed, from each
  device's ``DeviceStatus.conditions``), an alert for each device that cannot work,
  seconds since the last touch and the alert kinds the lane takes remotely.

What never leaves the lane: card data, travellers' and guests' names, document data.
The self-checkout reports items, total and its basket's lines (for remote voids and
prices); the airport check-in its booking reference, the passengers travelling, the bags
and the fees; the hotel its confirmation number, the room, the guests and what is to
pay. Any text that could pass for card data or an MRZ, or holds control characters, is
dropped before it is sent (the station would refuse the whole report with 422).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain.cardlike import looks_like_card_data
from kiosk.domain.money import currency_exponent
from kiosk.domain.mrzlike import looks_like_mrz

Report = dict[str, Any]


@dataclass(frozen=True, slots=True)
class OpenAlert:
    """An open alert: ``key`` stays the same while it is open (the station's handle)."""

    key: str
    kind: str
    detail: str
    raised_at: datetime


@dataclass(frozen=True, slots=True)
class JourneyView:
    """The journey's part of a lane's report (see the module docstring).

    ``items`` counts what the journey is about (articles, passengers, guests);
    ``total_minor`` is in minor units of ``currency`` (the basket, the fees, what is
    to pay); ``summary`` holds short facts the page words (``booking``, ``room``...);
    ``basket_id`` and ``lines`` are the self-checkout's, for remote help.
    """

    step: str
    currency: str
    items: int = 0
    total_minor: int = 0
    summary: tuple[tuple[str, str], ...] = ()
    alerts: tuple[OpenAlert, ...] = ()
    basket_id: str | None = None
    lines: tuple[dict[str, Any], ...] = field(default=())
    coupons: tuple[dict[str, Any], ...] = ()


StationView = Callable[[Any], JourneyView]


# --------------------------------------------------------------------- the journeys


def checkout_view(controller: Any) -> JourneyView:
    """The self-checkout (``controller.checkout``): items, total, the basket's lines and
    coupons, the pending intervention, the items put aside and the refused packs' pages
    still open (``controller.pack_alerts``)."""
    checkout = controller.checkout
    totals = checkout.totals()
    places = currency_exponent(totals.total.currency)
    alerts: tuple[OpenAlert, ...] = ()
    pending = checkout.pending
    if pending is not None:
        key = pending_key(checkout) or ""
        alerts = (OpenAlert(key, pending.kind.value, str(pending.detail), pending.raised_at),)
    alerts += tuple(aside_alert(checkout, entry) for entry in getattr(checkout, "aside", ()))
    alerts += tuple(getattr(controller, "pack_alerts", tuple)())  # kiosk.app.pack_pages
    lines = tuple(
        {
            "no": line.line_no,
            "name": _item_name(line.item)[:200],
            "quantity": int(line.quantity),
            "price": amount_text(line.unit_price.minor, places),
        }
        for line in checkout.basket.active_lines[-500:]
    )
    return JourneyView(
        step=checkout.phase.name.lower(),
        currency=totals.total.currency,
        items=int(totals.item_count),
        total_minor=totals.total.minor,
        alerts=alerts,
        basket_id=str(checkout.basket.basket_id)[:64],
        lines=lines,
        coupons=coupon_lines(checkout, totals, places),
    )


def coupon_lines(checkout: Any, totals: Any, places: int) -> tuple[dict[str, Any], ...]:
    """The coupons on the basket, in scan order: ``name``, what it saves now
    (``saving``) and whether the basket meets its purchase requirement (``met``)."""
    state = checkout.basket.coupons
    if state is None or not state.coupons:
        return ()
    saved = {s.offer_id: s.amount for s in getattr(totals.offers, "coupon_savings", ())}
    return tuple(
        {
            "name": _safe(coupon.name, 200) or coupon.coupon_id[:200],
            "saving": amount_text(saved.get(coupon.offer_id, 0), places),
            "met": bool(state.met(coupon.coupon_id)),
        }
        for coupon in state.coupons[-32:]
    )


def airport_view(runner: Any) -> JourneyView:
    """The airport check-in (``runner.state``: a ``CheckinState``): the booking reference,
    the passengers travelling, the bags, the fees; the open intervention (``kind``, the
    passenger's place in the booking and the machine's detail: never a name)."""
    state = runner.state
    summary: list[tuple[str, str]] = []
    travelling = 0
    if state.booking is not None:
        travelling = len(state.travelling())
        summary += [("booking", state.booking.record_locator), ("passengers", str(travelling))]
    fees = state.total_fees()
    if state.bags:
        summary.append(("bags", str(len(state.bags))))
    if fees.minor:
        summary.append(("fees", money_text(fees.minor, fees.currency)))
    alerts: tuple[OpenAlert, ...] = ()
    intervention = state.intervention
    if intervention is not None:
        ids = [p.passenger_id for p in state.passengers]
        who = intervention.passenger_id
        detail = str(intervention.detail)
        if who in ids:
            detail = f"passenger {ids.index(who) + 1}: {detail}"
        alerts = (_intervention(state.checkin_id, intervention.kind.value, detail, intervention),)
    return JourneyView(
        step=str(runner.state_name()),
        currency=state.settings.currency,
        items=travelling,
        total_minor=fees.minor,
        summary=tuple(summary),
        alerts=alerts,
    )


def hotel_view(runner: Any) -> JourneyView:
    """The hotel (``runner.state``: a ``HotelState``): check-in, check-out or a new key;
    the confirmation number, the room, the guests and what is to pay; the open
    intervention (``kind``, the guest's place in the stay and the machine's detail)."""
    state = runner.state
    summary: list[tuple[str, str]] = []
    stay = state.stay
    if state.started_at is not None:
        summary.append(("visit", state.purpose.value))
    if stay is not None:
        summary.append(("confirmation", stay.confirmation_number))
    room = state.room or (stay.room if stay is not None else None)
    if room is not None and room.number:
        summary.append(("room", room.number))
    guests = 0 if stay is None else int(stay.adults) + int(stay.children)
    if guests:
        summary.append(("guests", str(guests)))
    due = state.balance_due() if (stay is not None or state.folio is not None) else None
    if due is not None and due.minor:
        summary.append(("due", money_text(due.minor, due.currency)))
    alerts: tuple[OpenAlert, ...] = ()
    intervention = state.intervention
    if intervention is not None:
        ids = [g.guest_id for g in state.guests]
        detail = str(intervention.detail)
        if intervention.guest_id in ids:
            detail = f"guest {ids.index(intervention.guest_id) + 1}: {detail}"
        alerts = (_intervention(state.checkin_id, intervention.kind.value, detail, intervention),)
    alerts += tuple(_front_desk_alert(a) for a in getattr(runner, "front_desk_alerts", list)())
    return JourneyView(
        step=str(runner.state_name()),
        currency=state.settings.currency,
        items=guests,
        total_minor=0 if due is None else due.minor,
        summary=tuple(summary),
        alerts=alerts,
    )


def _front_desk_alert(alert: Any) -> OpenAlert:
    """A hotel deposit declined after the guest left, or whose outcome the terminal cannot
    say (``DepositAlert``, ``kind``): open until the terminal answers or the front desk
    settles it at the lane's desk, naming the stay and the amount."""
    money = money_text(alert.amount.minor, alert.amount.currency)
    kind = str(getattr(alert, "kind", "deposit_capture_declined"))
    what = f"{alert.action} of {money} declined ({alert.why}); charge the guest at the front desk"
    if kind == "deposit_capture_unknown":
        what = f"{alert.action} of {money} unknown (the terminal cannot say; asked again)"
    elif kind == "deposit_taken_after_desk":
        what = f"{alert.action} of {money} taken after all: give back what the desk charged"
    detail = _safe(f"stay {alert.stay_id or '?'}: {what}", 200)
    return OpenAlert(alert_key("deposit", alert.preauth_ref), kind, detail, alert.at)


def _intervention(visit_id: str, kind: str, detail: str, intervention: Any) -> OpenAlert:
    raised: datetime = intervention.raised_at
    return OpenAlert(alert_key(visit_id, kind, raised.isoformat()), kind, detail, raised)


#: ``lane.mode`` -> its station view.
STATION_VIEWS: dict[str, StationView] = {
    "self_checkout": checkout_view,
    "airport_checkin": airport_view,
    "hotel_checkin": hotel_view,
}


def register_station_view(mode: str, view: StationView) -> None:
    """Report the journey ``mode`` to the station through ``view``."""
    STATION_VIEWS[mode] = view


def view_for(mode: str, runner: Any = None) -> StationView | None:
    """The station view of ``lane.mode = mode`` (None: this journey does not report).
    A lane whose runner has a ``checkout`` is a self-checkout whatever its mode says."""
    view = STATION_VIEWS.get(mode)
    if view is None and runner is not None and hasattr(runner, "checkout"):
        return checkout_view
    return view


# --------------------------------------------------------------------- the shell


def lane_report(
    view: JourneyView,
    *,
    journey: str,
    closed: bool,
    paused: bool,
    devices: Iterable[Any],
    fault_since: dict[str, datetime],
    last_touch_s: float,
    remote: list[str] | None = None,
    printers: Iterable[str] = (),
) -> Report:
    """The whole report: ``view`` and the shell's part (see the module docstring).

    ``devices`` are ``DeviceLine``-like (``name``, ``status``: a ``DeviceStatus``,
    ``usable``); ``fault_since`` says when each faulty device stopped; ``printers``
    names the devices whose media are listed even when nothing is wrong with them.
    """
    devices = list(devices)
    places = currency_exponent(view.currency)
    faulty = [d for d in devices if not d.usable]
    state = "closed" if closed else "paused" if paused else "open"
    if faulty and state == "open":
        state = "out_of_service"
    alerts = [_alert_line(a) for a in view.alerts]
    for device in faulty:
        if device.name in fault_since:
            alerts.append(
                _alert_line(
                    OpenAlert(
                        f"device:{device.name}",
                        "device_fault",
                        f"{device.name}: {device.status}",
                        fault_since[device.name],
                    )
                )
            )
    report: Report = {
        "state": state,
        "journey": journey,
        "step": view.step[:40],
        "items": max(0, int(view.items)),
        "total": amount_text(view.total_minor, places),
        "currency": view.currency,
        "last_touch_s": round(max(0.0, last_touch_s), 1),
        "devices": [
            {"name": d.name[:40], "status": _safe(str(d.status), 200), "ok": bool(d.usable)}
            for d in devices
        ],
        "consumables": consumables(devices, printers),
        "alerts": alerts,
        "summary": {k[:40]: v for k, v in ((k, _safe(v, 40)) for k, v in view.summary) if v},
        "lines": list(view.lines),
        "remote": sorted(remote or []),
    }
    if view.basket_id is not None:
        report["basket_id"] = view.basket_id
    if view.coupons:  # only when there are some: a station older than coupons takes the rest
        report["coupons"] = list(view.coupons)
    return report


#: A device's conditions that say how its paper / media stands, worst first.
_MEDIA = (
    ("out", frozenset({"paper_out", "media_empty"})),
    ("jammed", frozenset({"media_jammed"})),
    ("low", frozenset({"paper_low", "media_low"})),
)


def media_level(status: Any) -> str | None:
    """``"out"``, ``"jammed"``, ``"low"`` from a ``DeviceStatus``'s conditions, ``"ok"``
    when none of them is set, None when ``status`` has no conditions at all (not a
    ``DeviceStatus``)."""
    conditions = getattr(status, "conditions", None)
    if conditions is None:
        return None
    return next((level for level, names in _MEDIA if names & set(conditions)), "ok")


def consumables(devices: Iterable[Any], printers: Iterable[str] = ()) -> dict[str, str]:
    """Each printer's media as the station shows it (device name -> ok / low / out /
    jammed): the ``printers`` always, any other device once a media condition is set."""
    always = set(printers)
    found: dict[str, str] = {}
    for device in devices:
        level = media_level(device.status)
        if level is not None and (device.name in always or level != "ok"):
            found[device.name[:40]] = level
    return dict(sorted(found.items())[:16])


def _alert_line(alert: OpenAlert) -> dict[str, Any]:
    return {
        "key": alert.key,
        "kind": alert.kind[:40],
        "detail": _safe(alert.detail, 200),
        "raised_at": alert.raised_at.isoformat(),
    }


# --------------------------------------------------------------------- helpers


def pending_key(checkout: Any) -> str | None:
    """The station's key of the checkout's pending intervention (None: nothing pending)."""
    pending = checkout.pending
    if pending is None:
        return None
    raised = pending.raised_at.isoformat()
    return alert_key(str(checkout.basket.basket_id), pending.kind.value, raised)


def aside_alert(checkout: Any, entry: Any) -> OpenAlert:
    """The alert of an unknown item put aside (kiosk.domain.checkout.aside): keyed as the
    pending intervention it becomes at Pay (same kind and time), so it is one alert."""
    basket = str(checkout.basket.basket_id)
    key = alert_key(basket, entry.kind.value, entry.raised_at.isoformat())
    return OpenAlert(key, entry.kind.value, str(entry.detail), entry.raised_at)


def alert_key(*parts: str) -> str:
    """A short key, stable while the alert is open (the station keeps keys short):
    ``(owner, kind, raised_at)`` -> ``kind-hash``."""
    return f"{parts[1][:20]}-{hashlib.sha256(':'.join(parts).encode()).hexdigest()[:16]}"


def amount_text(minor: int, places: int) -> str:
    return f"{minor / 10**places:.{places}f}" if places else str(minor)


def money_text(minor: int, currency: str) -> str:
    return f"{amount_text(minor, currency_exponent(currency))} {currency}"


def _safe(text: str, limit: int) -> str:
    """``text`` cut to ``limit``, or ``""`` if it could pass for card data or an MRZ or
    holds control characters (the station refuses those)."""
    text = str(text)[:limit]
    if looks_like_card_data(text) or looks_like_mrz(text) or any(ord(c) < 32 for c in text):
        return ""
    return text


def _item_name(item: Any) -> str:
    """The item's name for the station (its sku if the name could pass for card data or
    document text, which the station refuses)."""
    names = dict(getattr(item, "names", ()) or ())
    name = str(names.get("en") or next(iter(names.values()), None) or item.sku)
    return item.sku if looks_like_card_data(name) or looks_like_mrz(name) else name
