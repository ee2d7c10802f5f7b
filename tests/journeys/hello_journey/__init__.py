"""A tiny "hello" journey that lives only in the tests: it proves that a journey is
added through the registry's public API alone (``docs/journeys.md``).

``machine`` is its pure machine, ``runner`` the thread that runs it, ``ui`` its
screen and presenter, ``spec`` the :class:`~kiosk.app.journeys.JourneySpec` that
ties them together.
"""
