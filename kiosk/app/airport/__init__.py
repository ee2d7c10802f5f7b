"""The airport check-in journey's runner and ports (the pure machine is
:mod:`kiosk.domain.airport.machine`; its spec is :mod:`kiosk.app.journeys.airport`).

* :mod:`.runner`: :class:`~.runner.AirportRunner`, the machine on its own thread,
  performing its effects through the ports;
* :mod:`.ports`: the printers (ATB, BTP, the receipt printer as a fallback), the
  document reader's events, the card payments;
* :mod:`.records`: the check-in record with the lane's ids, its service events, and
  its commit (record + outbox row + events + closing its payments, one transaction).
"""
