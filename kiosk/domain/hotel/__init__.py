"""The hotel check-in and check-out journey, pure: stays, guests, folios and the
property management system's contract (:mod:`kiosk.domain.hotel.pms`).

No I/O, no clock: functions that need today take it as an argument.
"""
