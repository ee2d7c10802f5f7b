"""Travel documents, pure: IATA bar-coded boarding passes (BCBP) and ICAO 9303 MRZs.

Shared by the airport and hotel journeys. No I/O, no clock: every function that
needs today takes a ``reference`` date. Errors name the field and its position
(:class:`BcbpError`, :class:`MrzError`). Nothing here logs; a full MRZ is never
kept in a result or a message (DESIGN.md invariant 6).
"""

from __future__ import annotations

from kiosk.domain.travel.bcbp import BoardingPass, Leg, Security, julian_day, licence_plates
from kiosk.domain.travel.bcbp_encode import encode_bcbp
from kiosk.domain.travel.bcbp_parse import parse_bcbp
from kiosk.domain.travel.errors import BcbpError, MrzError, TravelDocumentError
from kiosk.domain.travel.mrz import Correction, MrzDocument, parse_mrz, split_lines
from kiosk.domain.travel.mrz_encode import format_mrz
from kiosk.domain.travel.serialize import bcbp_to_dict, mrz_to_dict

__all__ = [
    "BcbpError",
    "BoardingPass",
    "Correction",
    "Leg",
    "MrzDocument",
    "MrzError",
    "Security",
    "TravelDocumentError",
    "bcbp_to_dict",
    "encode_bcbp",
    "format_mrz",
    "julian_day",
    "licence_plates",
    "mrz_to_dict",
    "parse_bcbp",
    "parse_mrz",
    "split_lines",
]
