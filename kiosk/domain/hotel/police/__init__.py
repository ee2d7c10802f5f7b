"""The guest register's report to the police, where the hotel's country asks for one.

Theory of operation. Spain (Real Decreto 933/2021) obliges a hotel to send every
check-in to the Ministry of the Interior's SES.HOSPEDAJES as a *parte de viajeros*
within 24 hours; the other countries the kiosk knows keep their register at the
hotel (or, Italy, send it through a service the kiosk does not drive yet), so they
send nothing. :func:`duty_of` says which report a country owes (``"ses_hospedajes"``
or ``""``), from the register rule's ``report`` (:mod:`kiosk.domain.hotel.register`).

:mod:`.ses` builds the report's content - who stayed, on which document, from when
to when - from the visit's final state and the documents the guests showed (held
in memory by the runner, never an MRZ: invariant 6), and refuses data the report
cannot go without with a :class:`~.ses.ReportIncomplete` naming the guest and the
field. No clock, no I/O: the lane's store queues the report and a driver in
``kiosk.backoffice.ses`` turns it into the published XML and sends it.
"""

from __future__ import annotations

from kiosk.domain.hotel.register import rule_for

#: The register rule's ``report`` value for Spain's SES.HOSPEDAJES.
SES_HOSPEDAJES = "ses_hospedajes"
#: The reports the kiosk can send (a rule naming another one sends nothing yet).
SENDABLE = frozenset({SES_HOSPEDAJES})


def duty_of(country: str) -> str:
    """The report the hotel's ``country`` (alpha-2) owes the police and the kiosk sends:
    ``"ses_hospedajes"`` for Spain, ``""`` for a country with no such duty (or one whose
    service the kiosk does not drive)."""
    report = rule_for(country).report
    return report if report in SENDABLE else ""
