"""Unattended self-service kiosk platform: self-checkout, check-in and attendant override."""

__version__ = "0.1.0"
