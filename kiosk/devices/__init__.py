"""Device drivers: sans-IO protocol parsers, thin transports, simulators (no Qt here).

The common model every driver shares (stable API, reuse it):

``kiosk.devices.base``
    ``Device`` - lifecycle open -> claim -> enable -> disable -> release -> close
    (``DeviceState``; illegal calls raise ``DeviceStateError``), ``start()`` /
    ``shutdown()``, ``status``, ``check()`` (health probe), ``add_listener(cb)``;
    subclasses override ``_on_open/_on_claim/_on_enable/_on_disable/_on_release/
    _on_close`` and report with ``_set_status``, ``_emit_data``, ``_emit_error``.
``kiosk.devices.status``
    ``DeviceStatus(health, conditions, detail)``, ``Health`` (READY, BUSY,
    OFFLINE, ERROR), ``Condition`` (PAPER_LOW, PAPER_OUT, COVER_OPEN, IN_MOTION,
    OVERLOAD, UNDER_ZERO, ...), events ``DataEvent``, ``StatusEvent``, ``ErrorEvent``.
``kiosk.devices.errors``
    ``DeviceError`` and subclasses (``DeviceNotFound``, ``DeviceOffline``,
    ``DeviceTimeout``, ``DeviceBusy``, ``DevicePermissionDenied``,
    ``ProtocolError``, ``DeviceStateError``, ``DeviceConfigError``);
    ``map_exceptions(device)`` context manager and ``translate(error)``.
``kiosk.devices.transport``
    ``ByteStream`` (read(max, timeout) / write(data, timeout) / close),
    ``open_serial``, ``connect_tcp``, ``DummyStream`` (replay reads, record writes).
``kiosk.devices.worker``
    ``start_thread`` (the one place that starts device threads), ``Backoff``,
    ``ReconnectingWorker`` (connect -> serve -> reconnect with backoff, status).
``kiosk.devices.protocol`` / ``kiosk.devices.reader``
    ``Parser`` protocol (``feed(bytes) -> list[event]``), ``Rejected`` event;
    ``StreamReaderDevice`` (a byte stream through a parser on a reconnecting worker).
``kiosk.devices.options`` / ``kiosk.devices.registry``
    ``Options`` (typed driver options, ConfigError naming the key);
    ``build_device(DeviceConfig)`` via ``kiosk.devices.<type>.drivers.DRIVERS``.
"""
