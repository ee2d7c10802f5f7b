"""Spain's SES.HOSPEDAJES: the parte de viajeros as XML, the web-service driver, its simulator.

:mod:`.solicitud` writes a :class:`~kiosk.domain.hotel.police.ses.TravellerReport` as
the published ``altaParteHospedaje`` XML and validates it against our XSD
(``schema/altaParteHospedaje.xsd``, package data); :mod:`.wire` writes and reads the
SOAP messages; :class:`~.client.SesClient` sends one communication and returns its
lote; :mod:`.sim` is the service's simulator (``kiosk sim ses``). Every failure is a
:class:`~.errors.SesError` saying whether the report should be tried again.
``docs/ses-hospedajes.md`` describes the API as implemented and its sources.
"""

from __future__ import annotations

from kiosk.backoffice.ses.client import SesClient
from kiosk.backoffice.ses.errors import SesError, SesErrorKind
from kiosk.backoffice.ses.solicitud import solicitud_xml, validate

__all__ = ["SesClient", "SesError", "SesErrorKind", "solicitud_xml", "validate"]
