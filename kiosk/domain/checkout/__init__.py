"""The self-checkout state machine (see :mod:`kiosk.domain.checkout.machine`).

Import from here: ``Checkout``, ``CheckoutSettings``, ``Phase``, ``IllegalTransition``;
events live in ``.events``, effects in ``.effects``, intervention kinds in ``.interventions``.
"""

from __future__ import annotations

from kiosk.domain.checkout.machine import TRANSITIONS, Checkout
from kiosk.domain.checkout.states import CheckoutSettings, IllegalTransition, Phase

__all__ = ["TRANSITIONS", "Checkout", "CheckoutSettings", "IllegalTransition", "Phase"]
