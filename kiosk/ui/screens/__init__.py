"""Screens: widgets that draw a view-model and emit signals for what the user wants.

A screen never reaches into the store, devices or payment; the composition
root gives it plain data (``kiosk.ui.viewmodels``) and listens to its signals.
"""
