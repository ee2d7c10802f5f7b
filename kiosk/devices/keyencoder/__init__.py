"""The hotel key card encoder, driven through a Salto lock server (PMS Industry Standard).

``protocol`` (sans-IO framing: STX, 0xB3-separated fields, ETX, LRC; ENQ/ACK/NAK),
``messages`` (commands, answers, error codes), ``results`` (what the journey gets back
and the failure reasons), ``driver`` (:class:`~kiosk.devices.keyencoder.driver.KeyEncoder`,
the device the hotel journey calls), ``drivers`` (registry), ``sim`` (a Salto server that
encodes virtual cards) and ``serve`` (it on TCP, a pty and a control socket, behind
``kiosk sim keyencoder``). See ``docs/key-encoder.md``.
"""
