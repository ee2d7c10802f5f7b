"""The attendant override screen: staff sign-in, the lane dashboard and their presenter.

``views`` holds the plain data the screens draw, ``signin`` and ``dashboard`` the
screens (they take views and emit signals), ``presenter`` connects them to
:class:`kiosk.app.attendant.AttendantService` through ``Bridge.run_in_background``.
"""
