"""The self-checkout's screens and presenter on the shell's window (imports Qt).

Called through ``SELF_CHECKOUT.open_ui`` by the window code (``kiosk.app.shell``),
never by a headless lane. The screens (``kiosk.ui.lane_screens.LaneScreens``) and
the presenter (``kiosk.ui.presenter.LanePresenter``) stay in ``kiosk.ui``; this
module only builds them with what the shell hands over.
"""

from __future__ import annotations

from typing import Any

from kiosk.app.journeys.spec import JourneyUi, JourneyUiContext
from kiosk.ui.lane_screens import LaneScreens
from kiosk.ui.presenter import LanePresenter


def open_checkout_screens(context: JourneyUiContext) -> JourneyUi:
    """Add the checkout's screens to ``context.window`` and build its presenter.

    ``context.options`` may hold ``ereceipt_base_url`` (default: the receipt port's;
    None hides the QR) and ``thanks_ms`` (how long the thank-you screen stays).
    """
    controller = context.lane.controller
    options = context.options
    ereceipt_base_url = options.get("ereceipt_base_url")
    if ereceipt_base_url is None:
        ereceipt_base_url = getattr(controller.receipts, "ereceipt_base_url", None)
    screens = LaneScreens.build(context.window, context.languages)
    presenter = LanePresenter(
        controller,
        context.window,
        context.bridge,
        screens,
        ereceipt_base_url=ereceipt_base_url,
        thanks_ms=options.get("thanks_ms", 10_000),
        catalog=context.lane.catalog_view,
        **_shopper_prompts(context),
    )
    return JourneyUi(
        presenter, screens, scale_reading=presenter.scale_reading, beeped=presenter.beeped
    )


def _shopper_prompts(context: JourneyUiContext) -> dict[str, Any]:
    """The bag question's bags and the receipt's VAT letters, from the lane's config."""
    config = getattr(context.lane, "config", None)
    if config is None:
        return {}
    lane = config.lane
    return {
        "bag_skus": tuple(lane.bag_skus) if lane.bag_prompt else (),
        "tax_letters": config.tax.tax_letters(),
    }
