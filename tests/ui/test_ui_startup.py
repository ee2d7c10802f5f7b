"""What the lane's start leaves until the first paint (issue 16): the collector is held
while the window is built and comes back after it painted, the deferred imports are
warmed up then, callbacks run one per turn; the heavy libraries stay out of a start
and come with their first use."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk import warmup
from kiosk.ui.startup import FirstPaint
from kiosk.ui.window import KioskWindow

ROOT = Path(__file__).resolve().parents[2]


def test_a_held_collector_comes_back_after_the_first_paint_then_tasks_run_in_order(
    qtbot,
) -> None:
    gc.enable()
    warmup.hold_collections()  # what `kiosk run` does first
    window = KioskWindow(kiosk_mode=False)
    qtbot.addWidget(window)
    assert not gc.isenabled()
    ran: list[str] = []

    def broken() -> None:
        ran.append("broken")
        raise RuntimeError("a start-up nicety failed")

    window.after_first_paint(lambda: ran.append("first"))
    window.after_first_paint(broken)
    window.after_first_paint(lambda: ran.append("last"))
    assert ran == []
    window.resize(800, 600)
    window.show()
    qtbot.waitUntil(lambda: ran == ["first", "broken", "last"])
    assert window._first_paint.painted()
    assert gc.isenabled()
    window.after_first_paint(lambda: ran.append("late"))  # after the start: next turn
    qtbot.waitUntil(lambda: ran[-1] == "late")


def test_a_window_that_never_paints_gives_the_collector_back(qtbot) -> None:
    gc.enable()
    warmup.hold_collections()
    host = KioskWindow(kiosk_mode=False)  # not shown
    qtbot.addWidget(host)
    watch = FirstPaint(host, fallback_ms=30)
    qtbot.waitUntil(watch.settled)
    assert not watch.painted()
    assert gc.isenabled()


def test_collections_disabled_by_someone_else_stay_disabled() -> None:
    gc.disable()
    try:
        warmup.hold_collections()
        warmup.release_collections()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_settling_warms_the_deferred_imports_up(qtbot, monkeypatch, caplog) -> None:
    assert "tabnanny" not in sys.modules  # a module nothing else here imports
    monkeypatch.setattr(warmup, "_deferred", ["no_such_module_for_the_warm_up", "tabnanny"])
    host = KioskWindow(kiosk_mode=False)
    qtbot.addWidget(host)
    host._first_paint.settle()
    qtbot.waitUntil(lambda: "tabnanny" in sys.modules)  # a failing one does not stop it
    qtbot.waitUntil(lambda: "no_such_module_for_the_warm_up" in caplog.text)


START = textwrap.dedent(
    """
    import json, sys
    from kiosk.config.devices import DeviceConfig
    from kiosk.devices.printer.drivers import build_printer
    from kiosk.devices.printer.layout import TextLine
    from kiosk.payment.nexo.driver import NexoTerminal
    from kiosk import warmup

    HEAVY = ("httpx", "escpos.printer", "PIL.Image")
    terminal = NexoTerminal("http://127.0.0.1:9/nexo", "lane-1", "SIM-1", None)
    printer = build_printer(
        DeviceConfig(name="printer", type="printer", driver="file", port=sys.argv[1]), "file"
    )
    at_start = [m for m in HEAVY if m in sys.modules]
    crypto_at_start = "cryptography.hazmat.primitives.ciphers" in sys.modules
    printer.settings.renderer().render([TextLine("hello")])
    after_render = [m for m in HEAVY if m in sys.modules]
    try:
        terminal.status("nothing")
    except Exception as error:
        refused = type(error).__name__
    print(json.dumps({"start": at_start, "render": after_render, "deferred": warmup.deferred(),
                      "after_request": [m for m in HEAVY if m in sys.modules],
                      "refused": refused, "crypto_at_start": crypto_at_start}))
    """
)


def test_a_start_imports_no_http_client_no_escpos_printer_no_pil(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path / "lp0")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["start"] == []
    assert seen["render"] == ["escpos.printer", "PIL.Image"]
    cipher = ("cryptography.hazmat.primitives.ciphers", "cryptography.hazmat.primitives.padding")
    assert set(seen["deferred"]) == {"httpx", "escpos.printer", "PIL.Image", *cipher}
    assert seen["crypto_at_start"] is False  # the nexo cipher: on first use or the warm-up
    assert seen["after_request"] == ["httpx", "escpos.printer", "PIL.Image"]
    assert seen["refused"] == "TerminalUnreachableError"  # the lazy client still maps errors
