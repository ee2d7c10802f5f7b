"""The airport check-in journey, pure: bookings, the departure control system's
contract, and (in later modules) the check-in machine.

No I/O, no clock: functions that need today take it as an argument.
"""
