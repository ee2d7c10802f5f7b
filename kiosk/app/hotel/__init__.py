"""The hotel journey's runner and ports (the pure machine is :mod:`kiosk.domain.hotel.machine`;
its spec is :mod:`kiosk.app.journeys.hotel`).

* :mod:`.runner`: :class:`~.runner.HotelRunner`, the machine on its own thread,
  performing its effects through the ports;
* :mod:`.ports`: the key encoder, the document readers' events, the card payments,
  the registration card and invoice on the receipt printer;
* :mod:`.records`: the visit's record with the lane's ids, its service events, and its
  commit (record + outbox row + events + closing its payments, one transaction).
"""
