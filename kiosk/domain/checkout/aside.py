"""Unknown items put aside: "put it aside, keep scanning" (``[lane] unknown_barcode``).

Theory of operation
-------------------
With the ``put_aside`` flow an unknown code (or an item without a tax rate) does not
pause the lane. The scan is refused with a message that tells the shopper to put the
item aside and keep scanning, and the attendant is paged without pausing
(``CallAttendant``). The code is kept on the checkout (``aside``) as the
``UNKNOWN_BARCODE`` :class:`~kiosk.domain.checkout.interventions.Intervention` it
raised, so the service measures count it with its own kind and the station shows it
as an alert from the moment it was scanned.

An attendant deals with one entry at a time, either while the shopper scans
(:class:`~kiosk.domain.checkout.events.AsideResolved`: add it as the item it is, or
dismiss it) or when the shopper touches Pay: payment waits while anything is put
aside, and the lane pauses for the oldest entry as the usual unknown-item
intervention (the same raised time, so it is the same intervention;
:mod:`.pay_gate`). Each outcome is a ``ResolvedIntervention`` of the sale.

What is outstanding (the list, and the entry Pay paused for) is journaled with the
open basket (``JournalAside``, before the screen shows the change: :func:`journaled`)
and put back on the basket restored after a restart (:func:`restored`), so the
attendant is still asked about every item put aside.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.checkout.effects import (
    AttendantCleared,
    Beep,
    CallAttendant,
    Effect,
    JournalAside,
    OpenBasket,
)
from kiosk.domain.checkout.events import AsideResolved
from kiosk.domain.checkout.interventions import (
    AddItem,
    Intervention,
    InterventionKind,
    ResolvedIntervention,
)
from kiosk.domain.checkout.states import Phase
from kiosk.domain.checkout.steps import Result, message, offer_item, pause, reject

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

KIND = InterventionKind.UNKNOWN_BARCODE


def put_aside(checkout: Checkout, code: str, detail: str, at: datetime) -> Result:
    """SHOPPING: refuse the scan, keep the code for the attendant, page without pausing."""
    entry = Intervention(KIND, at, detail)
    after = replace(checkout, aside=(*checkout.aside, entry))
    return after, [Beep(ok=False), CallAttendant(KIND, detail), message("item_put_aside")]


def code_of(entry: Intervention) -> str:
    """The scanned code of an entry (its detail may add ": no tax rate for ...")."""
    return entry.detail.split(":")[0]


def resolve_one(checkout: Checkout, event: AsideResolved) -> Result:
    """SHOPPING: the attendant adds the entry raised at ``event.raised_at`` as
    ``event.item`` (its checks still apply: age, at once or deferred, as for a scan: the
    attendant may be at the station, no ID seen; weight, quantity limit), or dismisses
    it. An entry that is not there is refused."""
    entry = next((e for e in checkout.aside if e.raised_at == event.raised_at), None)
    if entry is None:
        return reject(checkout, "request_failed", reason="nothing put aside at that time")
    adding = event.approved and event.item is not None
    record = ResolvedIntervention(
        KIND, entry.raised_at, event.at, event.staff_id,
        "approved" if adding else "denied", entry.detail,
    )  # fmt: skip
    rest = tuple(e for e in checkout.aside if e is not entry)
    cleared = replace(checkout, aside=rest, interventions=(*checkout.interventions, record))
    lamp: list[Effect] = [] if rest else [AttendantCleared(KIND)]
    if not adding or event.item is None:
        return cleared, [*lamp, message("aside_dismissed")]
    after, effects = offer_item(cleared, AddItem(event.item, code_of(entry)), event.at,
                                age_checked=False)  # fmt: skip
    return after, [*lamp, *effects]


def take_oldest(checkout: Checkout) -> Result | None:
    """Pause for the oldest entry as the unknown-item intervention (it leaves the list);
    None if nothing is put aside."""
    if not checkout.aside:
        return None
    first, rest = checkout.aside[0], checkout.aside[1:]
    return pause(replace(checkout, aside=rest), KIND, first.raised_at, first.detail,
                 resume=Phase.SHOPPING)  # fmt: skip


def outstanding(checkout: Checkout) -> tuple[Intervention, ...]:
    """The items put aside not yet dealt with: the one Pay paused for, then the list."""
    pending = checkout.pending
    paused = () if pending is None or not _is_entry(checkout, pending) else (pending,)
    return (*paused, *checkout.aside)


def _is_entry(checkout: Checkout, pending: Intervention) -> bool:
    return pending.kind is KIND and pending.action is None and checkout.settings.flow.puts_aside


def journaled(before: Checkout, after: Checkout, effects: list[Effect]) -> list[Effect]:
    """After any transition of the same basket: journal what is outstanding if it changed
    (after the basket is opened, before anything is shown)."""
    if before.basket.basket_id != after.basket.basket_id and not after.aside:
        return effects  # a new basket (Reset): nothing of the old one to keep
    now = outstanding(after)
    if now == outstanding(before):
        return effects
    opened = [n for n, effect in enumerate(effects) if isinstance(effect, OpenBasket)]
    at = opened[-1] + 1 if opened else 0
    entry = JournalAside(after.basket.basket_id, now)
    return [*effects[:at], entry, *effects[at:]]


def restored(checkout: Checkout, entries: tuple[tuple[datetime, str], ...]) -> Checkout:
    """A basket rebuilt after a restart with the items put aside that were outstanding
    (``(raised_at, detail)`` as journaled, oldest first)."""
    if not entries:
        return checkout
    aside = tuple(Intervention(KIND, at, detail) for at, detail in entries)
    return replace(checkout, aside=(*checkout.aside, *aside))


__all__ = [
    "code_of",
    "journaled",
    "outstanding",
    "put_aside",
    "resolve_one",
    "restored",
    "take_oldest",
]
