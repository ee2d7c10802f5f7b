"""The hotel key card encoder, driven through a Salto lock server (PMS Industry Standard).

``protocol`` (sans-IO framing: STX, 0xB3-separated fields, ETX, LRC; ENQ/ACK/NAK),
``messages`` (commands, answers, error codes), ``driver`` (:class:`KeyEncoder`, the
device the hotel journey calls), ``drivers`` (registry), ``sim`` (a Salto server that
encodes virtual cards, behind ``kiosk sim keyencoder``) and ``control`` (its command
socket). See ``docs/key-encoder.md``.
"""
