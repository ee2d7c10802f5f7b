"""``run_lane_window``: the self-checkout window over a running lane controller.

The lead's composition root (``kiosk run`` / ``kiosk demo``) builds the
``LaneController`` and calls :func:`run_lane_window`; this module builds the
shell, the journey's screens, the bridge and the :class:`LanePresenter`, and
starts the lane thread. Devices reach the presenter through
:func:`lane_presenter` (e.g. ``lane_presenter(window).scale_reading(g, stable)``).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.ui.bridge import Bridge
from kiosk.ui.i18n import available_languages
from kiosk.ui.lane_screens import LaneScreens
from kiosk.ui.presenter import LanePresenter
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
DEFAULT_LANGUAGES = ("en", "es", "fr")


def run_lane_window(
    controller: Any,
    config: Any,
    *,
    app: QApplication | None = None,
    show: bool = True,
    ereceipt_base_url: str | None = None,
    thanks_ms: int = 10_000,
    catalog: Any = None,
    **window_options: Any,
) -> KioskWindow:
    """Build the lane window for ``controller``, start the lane thread and show it.

    Args:
        controller: a ``kiosk.app.lane.LaneController`` (not started yet, or started).
        config: the ``KioskConfig``; reads ``ui`` (full screen, idle times, cursor)
            and ``lane.languages``.
        app: the QApplication (made if there is none).
        show: show the window (full screen in kiosk mode).
        ereceipt_base_url: e-receipt link base (the QR is ``<base>/<transaction id>``);
            default: the receipt printer port's ``ereceipt_base_url``; None hides the QR.
        thanks_ms: how long the thank-you screen stays before the next customer.
        catalog: a ``CatalogRepository`` on its own connection for the item grid's
            background reads (default: the controller's, shared with the lane thread).
        window_options: override ``KioskWindow`` arguments (tests: short idle times).

    Raises:
        TranslationError: a configured language has no compiled translation.
    """
    if app is None and QApplication.instance() is None:
        app = QApplication(sys.argv[:1])
    ui = getattr(config, "ui", None)
    lane = getattr(config, "lane", None)
    wanted = tuple(getattr(lane, "languages", DEFAULT_LANGUAGES))
    languages = tuple(code for code in wanted if code in available_languages()) or ("en",)
    if languages != wanted:
        log.warning("languages %s have no translation; offering %s", wanted, languages)
    options: dict[str, Any] = {"languages": languages}
    if ui is not None:
        options.update(
            kiosk_mode=ui.fullscreen,
            idle_timeout_ms=ui.idle_timeout_s * 1000,
            idle_countdown_s=ui.idle_countdown_s,
            hide_cursor=ui.hide_cursor,
        )
    options.update(window_options)
    window = KioskWindow(**options)
    screens = LaneScreens.build(window, languages)
    bridge = Bridge(window)
    if ereceipt_base_url is None:
        ereceipt_base_url = getattr(controller.receipts, "ereceipt_base_url", None)
    LanePresenter(controller, window, bridge, screens, ereceipt_base_url=ereceipt_base_url,
                  thanks_ms=thanks_ms, catalog=catalog)  # fmt: skip
    controller.start()
    if show:
        if options.get("kiosk_mode", True):
            window.enter_kiosk_mode()
        else:
            window.resize(1920, 1080)
            window.show()
    return window


def lane_presenter(window: KioskWindow) -> LanePresenter:
    """The presenter of a window made by :func:`run_lane_window` (LookupError if none)."""
    presenter = window.findChild(LanePresenter, "LanePresenter")
    if presenter is None:
        raise LookupError("this window has no lane presenter")
    return presenter
