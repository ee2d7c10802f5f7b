"""Card payments through a semi-integrated terminal (DESIGN.md invariants 3 and 6).

- ``types``: the :class:`PaymentTerminal` interface and its result types;
  ``pan``: :class:`MaskedPan`, the only card-number type; ``errors``: PaymentError.
- ``nexo``: the Adyen Terminal API (local) protocol: sans-IO ``requests`` /
  ``responses`` codecs, ``crypto`` (shared-key message protection) and ``driver``
  (httpx transport); ``factory`` builds it from the [payment] config.
- ``journal`` (table ``payment``, migration 0002), ``flow`` (journaled payments,
  reconciliation, reversal, split tender) and ``inquiry`` (status inquiry with back-off).
- ``sim``: a terminal simulator speaking the same protocol (``kiosk sim terminal``).

Nothing here imports Qt or the HQ service; every call to a terminal blocks, so the
app runs them on a worker thread.
"""
