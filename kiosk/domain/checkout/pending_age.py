"""Age checks before payment: restricted items added with their check pending
(``[lane] age_check = "before_payment"``).

Theory of operation
-------------------
With the deferred flow :func:`~kiosk.domain.checkout.steps.offer_item` does not pause
for an age-restricted item; the item is added like any other and its line is marked
pending (``Checkout.age_pending``, shown on the cart as "age check needed"). The mark
is made in one place, :func:`follow`, which ``Checkout.handle`` calls after every
transition: every journaled line (``JournalLine``, the only way a line comes or
changes, invariant 2) that counts, has an age limit and is not covered by the age
approval already given for the basket (``AgeApproval.covers``) is pending; a voided
line, or one the approval covers, is not. So a line reaches the basket by any path
(a scan, a weighing, an approved quantity limit, an item keyed by staff) and is still
checked.

At Pay the lane pauses for one ``AGE_RESTRICTED`` intervention whose action is
:class:`~kiosk.domain.checkout.interventions.CheckAge` (the pending lines and their
highest limit) unless none is pending (:mod:`.pay_gate`). The attendant approves with
a date of birth or "ID seen" as for an item checked at once; :func:`resolved` then
clears every pending line the approval covers and voids the others (all of them when
the check is refused), each void an ``AuditEntry`` and a journaled line. The approval
stays on the basket and covers later items with the same or a lower limit.

After a restart the basket comes back from the journal, which keeps lines but no
approval: every counting restricted line is pending again (:func:`recovered`), so the
check is asked once more rather than skipped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kiosk.domain.basket import BasketLine
from kiosk.domain.checkout.effects import Effect, JournalLine
from kiosk.domain.checkout.events import InterventionResolved
from kiosk.domain.checkout.interventions import AuditEntry, CheckAge
from kiosk.domain.checkout.steps import Result, message

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout


def defers(checkout: Checkout) -> bool:
    """True if the store checks age before payment instead of at once."""
    return checkout.settings.flow.defers_age


def needs_check(checkout: Checkout, line: BasketLine, today: date) -> bool:
    """True if ``line`` counts, has an age limit and the basket's approval does not cover it."""
    limit = line.item.age_limit
    if limit is None or not line.counts:
        return False
    return checkout.age is None or not checkout.age.covers(limit, today)


def follow(after: Checkout, event: object, effects: list[Effect]) -> Checkout:
    """After any transition: mark or unmark the journaled lines (see the module docstring)."""
    at = getattr(event, "at", None)
    if at is None or not (defers(after) or after.age_pending):
        return after
    pending = list(after.age_pending)
    today = at.date()
    for effect in effects:
        if not isinstance(effect, JournalLine):
            continue
        line = effect.line
        marked = line.line_no in pending
        if needs_check(after, line, today) and defers(after) and not marked:
            pending.append(line.line_no)
        elif marked and not needs_check(after, line, today):
            pending.remove(line.line_no)
    if pending == list(after.age_pending):
        return after
    return replace(after, age_pending=tuple(pending))


def check_due(checkout: Checkout, today: date) -> CheckAge | None:
    """The age check Pay must wait for: the pending lines still needing it, or None."""
    lines = [checkout.basket.line(n) for n in checkout.age_pending]
    due = [line for line in lines if needs_check(checkout, line, today)]
    if not due:
        return None
    limit = max(line.item.age_limit or 0 for line in due)
    return CheckAge(tuple(line.line_no for line in due), limit)


def resolved(checkout: Checkout, action: CheckAge, event: InterventionResolved) -> Result:
    """The attendant's verdict on the pending lines: those the approval covers stay,
    the others are voided (audited, journaled)."""
    today = event.at.date()
    basket = checkout.basket
    effects: list[Effect] = []
    audit: list[AuditEntry] = []
    for line_no in checkout.age_pending:
        line = basket.line(line_no)
        if not line.counts or (event.approved and not needs_check(checkout, line, today)):
            continue
        basket, voided = basket.void_line(line_no)
        effects.append(JournalLine(basket.basket_id, voided))
        details = (("line_no", str(line_no)), ("age_limit", str(line.item.age_limit)))
        audit.append(AuditEntry(event.at, event.staff_id, "void_line", "age check refused",
                                details))  # fmt: skip
    after = replace(checkout, basket=basket, age_pending=(),
                    audit=(*checkout.audit, *audit))  # fmt: skip
    return after, [*effects, message("age_lines_voided" if audit else "resume")]


def recovered(checkout: Checkout) -> Checkout:
    """A basket rebuilt from the journal: every counting restricted line is pending."""
    if not defers(checkout):
        return checkout
    lines = checkout.basket.lines
    pending = tuple(ln.line_no for ln in lines if ln.counts and ln.item.age_limit is not None)
    return replace(checkout, age_pending=pending)


__all__ = ["check_due", "defers", "follow", "needs_check", "recovered", "resolved"]
