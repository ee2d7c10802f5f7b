"""Promotions in the pure domain: offers, loyalty cards and the incremental engine.

Modules: :mod:`.model` (what an offer is), :mod:`.rules` (one offer's best use of its
units), :mod:`.solver` (the best share-out among overlapping offers), :mod:`.book`
(offers valid for a basket, indexed), :mod:`.engine` (incremental state of a basket),
:mod:`.cards` (loyalty card numbers), :mod:`.records` (offers as JSON records).
Amounts are integer minor units; percentages round half up once per offer.
"""

from kiosk.domain.offers.book import EMPTY_BOOK, NO_OFFERS, OfferBook, OfferCatalog
from kiosk.domain.offers.engine import OfferState, OfferSummary, lines_used
from kiosk.domain.offers.model import Offer, OfferError, OfferKind, Saving

__all__ = [
    "EMPTY_BOOK",
    "NO_OFFERS",
    "Offer",
    "OfferBook",
    "OfferCatalog",
    "OfferError",
    "OfferKind",
    "OfferState",
    "OfferSummary",
    "Saving",
    "lines_used",
]
