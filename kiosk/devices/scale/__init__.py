"""Retail scales: sans-IO protocols (``toledo``, ``nci``, ``cas``) producing
``weight.WeightReading`` in integer grams, ``stable.StableWeight`` (what may be
sold), the ``driver.Scale`` device and ``sim.ScaleSimulator`` for ``kiosk sim scale``.
"""
