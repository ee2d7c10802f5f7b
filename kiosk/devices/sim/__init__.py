"""Virtual hardware on real pseudo-terminals and files: the logic behind ``kiosk sim``."""
