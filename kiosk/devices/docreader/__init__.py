"""The MRZ document reader (passports, ID cards) on serial / USB-CDC.

``events`` (the ``DocumentRead`` data), ``protocol`` (sans-IO framing),
``driver`` (the device), ``drivers`` (registry), ``samples`` (specimen
documents) and ``sim`` (the simulator behind ``kiosk sim docreader``).
"""
