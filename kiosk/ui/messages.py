"""The shopper's text for every ``ShowMessage`` key the checkout emits.

The domain says *what* happened as a message key (``ShowMessage(key, params)``,
see ``kiosk/domain/checkout``); this module owns the words, in the translation
files (context ``LaneMessages``). Params are technical (SKUs, exception text)
and never shown: a shopper gets a plain sentence. Keys whose news a screen
already shows (the pay screen, the thank-you, an intervention overlay) are
*silent*: no toast, the screen speaks for itself.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)
CONTEXT = "LaneMessages"


@dataclass(frozen=True, slots=True)
class MessageText:
    """The source text of a key and whether it is an error (red toast, error flash)."""

    text: str
    error: bool = False


#: key -> (source text, error). Every key the checkout can emit must be here
#: (tests/ui/test_lane_messages.py reads the domain's source to check).
MESSAGES: dict[str, MessageText] = {
    "lane.closed": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This lane is closed. Please use another till.")),
        error=True,
    ),
    "scan.card_not_accepted": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "Please pay by card on the card terminal, not at the scanner."
            )
        ),
        error=True,
    ),
    "store.failed": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Sorry, that did not work. Help is on the way.")),
        error=True,
    ),
    "scan.unreadable": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "That barcode could not be read. Please scan it again."
            )
        ),
        error=True,
    ),
    "scan.coupon_not_accepted": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "This lane does not take coupons or vouchers. Please ask a member of staff.",
            )
        ),
        error=True,
    ),
    "scan.not_a_product": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "That code is not a product barcode. Please scan the item's barcode.",
            )
        ),
        error=True,
    ),
    "scan.document_not_accepted": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "Identity documents cannot be read here. Please scan your items."
            )
        ),
        error=True,
    ),
    "item_refused": MessageText(
        str(
            QT_TRANSLATE_NOOP("LaneMessages", "This item cannot be sold here. Please put it aside.")
        ),
        error=True,
    ),
    "scan_not_now": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Please finish this step before scanning.")),
        error=True,
    ),
    "nothing_to_weigh": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "There is nothing to weigh.")), error=True
    ),
    "line_refused": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "That item cannot be changed.")), error=True
    ),
    "weighing_cancelled": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "The item was not added."))
    ),
    "age_refused": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "The age-restricted item was not added."))
    ),
    "item_set_aside": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "The item was not added. Please put it aside."))
    ),
    # the shopper keeps scanning (kiosk.domain.checkout.aside, .pending_age)
    "item_put_aside": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "Put this item aside and keep scanning. An attendant will come."
            )
        ),
        error=True,
    ),
    "aside_dismissed": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "The item put aside was not added."))
    ),
    "age_lines_voided": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "The age-restricted items were removed from your basket."
            )
        )
    ),
    "loyalty_card_accepted": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Loyalty card accepted: member prices apply."))
    ),
    "request_denied": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Your request was not approved."))
    ),
    "request_failed": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "That change could not be made.")), error=True
    ),
    "resume": MessageText(str(QT_TRANSLATE_NOOP("LaneMessages", "You can continue."))),
    "payment_not_taken": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "The payment was not taken. Please pay again."))
    ),
    "payment_partial": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "%1 was paid by card. Please pay the remaining %2."))
    ),
    "payment_cancelled": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Payment cancelled. Your card was not charged."))
    ),
    "request_withdrawn": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Your request was cancelled. You can continue."))
    ),
    "request_not_withdrawable": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "Only a member of staff can end this. Help is on the way."
            )
        ),
        error=True,
    ),
    "basket_empty": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Scan an item before paying.")), error=True
    ),
    "sale_cancelled": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Your purchase was cancelled. Nothing was charged."))
    ),
    "print_failed": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "The receipt could not be printed. A member of staff is coming."
            )
        ),
        error=True,
    ),
    "plu_unknown": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "No item has the code %1. Please check it.")),
        error=True,
    ),
    # packs refused or ignored at the scanner (kiosk.domain.checkout.sale_rules)
    "item_recalled": MessageText(
        str(
            QT_TRANSLATE_NOOP("LaneMessages", "This item cannot be sold. Please hand it to staff.")
        ),
        error=True,
    ),
    "item_expired": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "This item expired on %1 and cannot be sold. A member of staff is coming.",
            )
        ),
        error=True,
    ),
    "item_sale_hours": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "This item can only be sold on %1, %2. Please put it aside."
            )
        ),
        error=True,
    ),
    "already_scanned": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Already scanned: this pack counts once."))
    ),
    "already_scanned_reduced": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "Already scanned: this pack counts once, at its reduced price (close to its date).",
            )
        )
    ),
    # the bagging area (kiosk.domain.checkout.bagging)
    "bagging.settle_first": MessageText(
        str(
            QT_TRANSLATE_NOOP("LaneMessages", "Please place your items in the bagging area first.")
        ),
        error=True,
    ),
    "bagging.fix_first": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Please check the bagging area first.")),
        error=True,
    ),
    "bagging.fix": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Please put the bagging area right to continue."))
    ),
    "bagging.skip_refused": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This item needs to go in the bagging area.")),
        error=True,
    ),
    "bagging.skipped": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "OK, keep this item out of the bag."))
    ),
    "bagging.thanks": MessageText(str(QT_TRANSLATE_NOOP("LaneMessages", "Thank you. Carry on."))),
    # coupons (kiosk.domain.checkout.coupons): "coupon." + a CouponRefused reason
    "coupon.accepted": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Coupon accepted: you save %1."))
    ),
    "coupon.expired": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This coupon has expired.")), error=True
    ),
    "coupon.not_yet_valid": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This coupon is not valid yet.")), error=True
    ),
    "coupon.twice": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This coupon is already on your bill.")),
        error=True,
    ),
    "coupon.already_used": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This coupon has already been used.")),
        error=True,
    ),
    "coupon.requirement_not_met": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "This coupon needs items that are not on your bill. Scan them first.",
            )
        ),
        error=True,
    ),
    "coupon.unknown": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "This coupon is not known here. Please ask a member of staff."
            )
        ),
        error=True,
    ),
    "coupon.needs_staff": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "This coupon needs a member of staff.")),
        error=True,
    ),
    "coupon.withdrawn": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages", "A coupon no longer applies: the items it needs were removed."
            )
        ),
        error=True,
    ),
    "coupon.expired_removed": MessageText(
        str(
            QT_TRANSLATE_NOOP(
                "LaneMessages",
                "A coupon on your bill has expired (valid until %1) and was taken off.",
            )
        ),
        error=True,
    ),
    "coupon.scan_items_first": MessageText(
        str(QT_TRANSLATE_NOOP("LaneMessages", "Please scan your items first, then the coupon.")),
        error=True,
    ),
}

#: Keys whose params the shopper must see, in the order of ``%1``, ``%2``... (amounts).
SHOWN_PARAMS: dict[str, tuple[str, ...]] = {
    "payment_partial": ("paid", "due"),
    "item_expired": ("date",),
    "item_sale_hours": ("days", "hours"),
    "coupon.accepted": ("saving",),
    "coupon.expired_removed": ("valid_until",),
}

#: Keys a screen or overlay already shows; no toast for them.
SILENT = frozenset(
    {
        "welcome",
        "follow_terminal",
        "payment_declined",
        "payment_cancelled_on_terminal",
        "payment_timed_out",
        "thank_you",
        "place_on_scale",
    }
)
SILENT_PREFIXES = ("intervention.",)


#: Day names of the sale-hours rules ("mon-sat", kiosk.domain.checkout.sale_rules).
_DAYS = {
    "mon": QT_TRANSLATE_NOOP("LaneMessages", "Mon"),
    "tue": QT_TRANSLATE_NOOP("LaneMessages", "Tue"),
    "wed": QT_TRANSLATE_NOOP("LaneMessages", "Wed"),
    "thu": QT_TRANSLATE_NOOP("LaneMessages", "Thu"),
    "fri": QT_TRANSLATE_NOOP("LaneMessages", "Fri"),
    "sat": QT_TRANSLATE_NOOP("LaneMessages", "Sat"),
    "sun": QT_TRANSLATE_NOOP("LaneMessages", "Sun"),
}
_EVERY_DAY = QT_TRANSLATE_NOOP("LaneMessages", "every day")


def days_text(days: str) -> str:
    """Sale-hours days as configured ("mon-sat", "sat,sun", "*") in the shopper's
    language ("Mon-Sat"); anything else is left as it is."""
    parts = [part.strip() for part in days.split(",")]
    if "*" in parts:
        return QCoreApplication.translate(CONTEXT, _EVERY_DAY)

    def day(match: re.Match[str]) -> str:
        name = _DAYS.get(match.group(0).lower())
        return QCoreApplication.translate(CONTEXT, name) if name else match.group(0)

    return ", ".join(re.sub(r"[A-Za-z]{3}", day, part) for part in parts)


def is_silent(key: str) -> bool:
    """Whether ``key`` needs no toast (its screen or overlay says it)."""
    return key in SILENT or key.startswith(SILENT_PREFIXES)


def message_text(key: str, *args: str) -> tuple[str, bool] | None:
    """The translated text of ``key`` (``%1``.. filled from ``args``) and whether it is
    an error; None for a silent or unknown key (an unknown one is logged)."""
    if is_silent(key):
        return None
    entry = MESSAGES.get(key)
    if entry is None:
        log.warning("no shopper text for message key %r", key)
        return None
    text = QCoreApplication.translate(CONTEXT, entry.text)
    if key == "item_sale_hours" and args:  # the days in the shopper's language
        args = (days_text(args[0]), *args[1:])
    for number, value in enumerate(args, start=1):
        text = text.replace(f"%{number}", value)
    return text, entry.error
