"""The hotel kiosk's screens (Qt) and their presenter: check-in, check-out, key help.

``views`` holds what each screen shows (plain values); ``state_views`` makes them from
the machine's ``HotelState``; the screens are in ``find`` (welcome, find the booking,
find the room), ``stay`` (choose a stay, the stay), ``guests`` (IDs, details),
``registration`` (terms and the ``signature`` pad), ``pay`` (payment and deposit, wait
for staff), ``keys`` (key count and encoding, done) and ``checkout`` (folio, invoice,
drop the keys), all on ``base.HotelScreen`` and gathered by ``screens.HotelScreens``;
``presenter.HotelPresenter`` connects them to the runner; ``samples`` feeds
``kiosk screenshots --journey hotel``. Nothing here imports ``kiosk.app``.
"""
