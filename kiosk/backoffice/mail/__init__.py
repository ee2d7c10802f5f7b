"""Guests' e-mail: an SMTP client with its own errors (:mod:`.smtp`) and an SMTP sink
that writes each message to a folder (:mod:`.sim`, ``kiosk sim mail``)."""
