"""A receipt printer's settings, read from its ``[[devices]]`` entry.

``driver`` picks the link: ``usb`` (port ``"04b8:0202"``, vendor:product in
hex), ``serial`` (port ``/dev/ttyUSB0``), ``network`` (port ``host`` or
``host:9100``) or ``file`` (port ``/dev/usb/lp0``). Options are listed in
:func:`settings_from_config`; a wrong one raises ConfigError naming
``devices.<name>.options.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.options import Options
from kiosk.devices.printer.codepages import DEFAULT_CODE_PAGE
from kiosk.devices.printer.render import EscposRenderer, RenderError
from kiosk.devices.worker import Backoff

TRANSPORTS = ("usb", "serial", "network", "file")


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    transport: str
    port: str
    profile: str = "default"
    code_page: str = DEFAULT_CODE_PAGE
    columns: int | None = None
    qr_module: int = 6
    baudrate: int = 38400
    parity: str = "N"
    rtscts: bool = True
    usb_in_ep: int = 0x82
    usb_out_ep: int = 0x01
    status_timeout: float = 0.5
    status_interval: float = 5.0
    write_timeout: float = 10.0
    drawer_pin: int = 2
    drawer_pulse_ms: int = 100
    backoff: Backoff = field(default_factory=Backoff)

    def renderer(self) -> EscposRenderer:
        """The renderer for this printer. Raises RenderError (checked at config time)."""
        return EscposRenderer(self.profile, self.code_page, self.columns, self.qr_module)

    def usb_ids(self) -> tuple[int, int]:
        """``(vendor, product)`` from a ``"04b8:0202"`` port. Raises ValueError."""
        vendor, _, product = self.port.partition(":")
        return int(vendor, 16), int(product, 16)


def settings_from_config(config: DeviceConfig, transport: str) -> PrinterSettings:
    """Read and check a printer's options.

    Options: ``profile`` (python-escpos profile, "default", "TM-T88V", "TM-T20II"...),
    ``code_page`` ("CP858"), ``columns`` (42 or 48; default from the profile),
    ``qr_module`` (dots, 1-16), ``baudrate``/``parity``/``rtscts`` (serial),
    ``usb_in_ep``/``usb_out_ep`` (USB), ``status_timeout_s``, ``status_interval_s``,
    ``write_timeout_s``, ``drawer_pin`` (2 or 5), ``drawer_pulse_ms``,
    ``reconnect_initial_s``, ``reconnect_max_s``.

    Raises:
        ConfigError: naming the first bad option or the port.
    """
    options = Options(config.name, config.options)
    initial = options.float("reconnect_initial_s", 0.5, 0.01, 60.0)
    settings = PrinterSettings(
        transport=transport,
        port=config.port,
        profile=options.str("profile", "default"),
        code_page=options.str("code_page", DEFAULT_CODE_PAGE).upper(),
        columns=options.int("columns", 0, 0, 64) or None,
        qr_module=options.int("qr_module", 6, 1, 16),
        baudrate=options.int("baudrate", 38400, 1200, 921600),
        parity=options.choice("parity", "N", ["N", "E", "O"]),
        rtscts=options.bool("rtscts", True),
        usb_in_ep=options.int("usb_in_ep", 0x82, 0, 255),
        usb_out_ep=options.int("usb_out_ep", 0x01, 0, 255),
        status_timeout=options.float("status_timeout_s", 0.5, 0.05, 10.0),
        status_interval=options.float("status_interval_s", 5.0, 0.1, 3600.0),
        write_timeout=options.float("write_timeout_s", 10.0, 0.5, 600.0),
        drawer_pin=options.int("drawer_pin", 2, 2, 5),
        drawer_pulse_ms=options.int("drawer_pulse_ms", 100, 2, 510),
        backoff=Backoff(initial, options.float("reconnect_max_s", 10.0, initial, 600.0)),
    )
    options.finish()
    key = f"devices.{config.name}"
    if settings.drawer_pin not in (2, 5):
        raise ConfigError("[[devices]]", f"{key}.options.drawer_pin", settings.drawer_pin, "2 or 5")
    if settings.columns is not None and settings.columns < 24:
        raise ConfigError(
            "[[devices]]",
            f"{key}.options.columns",
            settings.columns,
            "at least 24 (42 for 80 mm paper, 48 for 80 mm on TM-T20)",
        )
    try:
        settings.renderer()
    except RenderError as error:
        raise ConfigError(
            "[[devices]]",
            f"{key}.options",
            config.options,
            f"a usable profile and code page ({error})",
        ) from None
    if not config.port:
        raise ConfigError("[[devices]]", f"{key}.port", config.port, _PORT_HELP[transport])
    if transport == "usb":
        try:
            settings.usb_ids()
        except ValueError:
            raise ConfigError(
                "[[devices]]", f"{key}.port", config.port, _PORT_HELP["usb"]
            ) from None
    return settings


_PORT_HELP = {
    "usb": "vendor:product USB ids in hex, e.g. '04b8:0202'",
    "serial": "a serial port such as '/dev/ttyUSB0'",
    "network": "a host or host:port such as '192.168.1.50:9100'",
    "file": "a device file such as '/dev/usb/lp0'",
}
