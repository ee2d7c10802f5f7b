"""The airport check-in's screens (Qt) and their presenter.

``views`` holds what each screen shows (plain values); ``state_views`` makes them from
the machine's ``CheckinState``; the screens are in ``identify``, ``steps``,
``documents``, ``seats`` (with the ``seatmap`` widget), ``bags`` and ``finish``, all
built on ``base.AirportScreen`` and gathered by ``screens.AirportScreens``;
``presenter.AirportPresenter`` connects them to the runner; ``samples`` feeds
``kiosk screenshots --journey airport``. Nothing here imports ``kiosk.app``.
"""
