"""What an identity document says: reading its MRZ, whose name it is, and what the PMS
and the guest register get from it.

A document is read with the shared travel-document parser
(:func:`kiosk.domain.travel.parse_mrz`). Its name is matched to a booked guest
with the airport's tolerant matching (:mod:`kiosk.domain.travel.names`: ICAO
9303 transliterations, given names in any order or left out, a truncated MRZ
name) plus one of two surnames, as Spanish guests give them. The PMS gets a
:class:`~kiosk.domain.hotel.pms.GuestIdentity` with ISO alpha-2 codes; a
Spanish DNI's MRZ holds the support number in its number field and the DNI
number in its optional data, and both are sent as such. The identity is held in
memory only (invariant 6); the register's :class:`RegisterData` says only
whether the number was read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from kiosk.domain.hotel.countries import alpha2
from kiosk.domain.hotel.pms import DocumentType, GuestIdentity, IdentityDocument
from kiosk.domain.hotel.register import RegisterData
from kiosk.domain.travel import TravelDocumentError, parse_mrz
from kiosk.domain.travel.mrz import MrzDocument
from kiosk.domain.travel.names import loose, names_match

#: MRZ document codes of identity documents (passports, ID cards, ICAO 9303's others).
ID_CODES = ("P", "I", "A", "C")
#: A Spanish DNI (8 digits and a letter) or NIE (X/Y/Z, 7 digits, a letter).
_SPANISH_ID = re.compile(r"^([0-9]{8}|[XYZ][0-9]{7})[A-Z]$")


def read_mrz(lines: tuple[str, ...], today: date) -> MrzDocument | None:
    """The document of ``lines``, or None if they cannot be read."""
    try:
        return parse_mrz(lines, today)
    except (TravelDocumentError, ValueError):
        return None


def same_person(surname: str, given_names: str, mrz: MrzDocument) -> bool:
    """True when ``mrz`` is the booked ``surname`` / ``given_names`` (see the module)."""
    doc_surname, doc_given, cut = mrz.primary_name, mrz.secondary_name, mrz.name_truncated
    if names_match(surname, given_names, doc_surname, doc_given, cut):
        return True
    booked, read = set(loose(surname).split()), set(loose(doc_surname).split())
    if booked and read and (booked <= read or read <= booked):
        return names_match(doc_surname, given_names, doc_surname, doc_given, cut)
    return False


def _spanish_id(mrz: MrzDocument) -> bool:
    return mrz.issuing_state == "ESP" and mrz.document_code.startswith("I")


def identity_of(mrz: MrzDocument, data: RegisterData) -> GuestIdentity:
    """What the PMS gets from the document (memory only: invariant 6). A Spanish DNI's MRZ
    holds the support number in the number field and the DNI number in its optional data."""
    number, support = mrz.document_number, ""
    optional = mrz.optional_data.replace("<", "")[:9]
    if _spanish_id(mrz) and _SPANISH_ID.match(optional):
        number, support = optional, mrz.document_number
    kind = (
        DocumentType.PASSPORT if mrz.document_code.startswith("P") else DocumentType.IDENTITY_CARD
    )
    document = IdentityDocument(
        type=kind,
        number=number,
        issuing_state=alpha2(mrz.issuing_state),
        expiry=mrz.expiry_date,
        support_number=support,
    )
    return GuestIdentity(
        surname=mrz.primary_name,
        given_names=mrz.secondary_name,
        nationality=alpha2(mrz.nationality) or data.nationality,
        birth_date=mrz.birth_date or data.birth_date,
        sex=mrz.sex,
        document=document,
        address=data.address,
        birth_place=data.birth_place,
    )


def register_data(mrz: MrzDocument, data: RegisterData) -> RegisterData:
    support = _spanish_id(mrz) and _SPANISH_ID.match(mrz.optional_data.replace("<", "")[:9])
    return replace(
        data,
        surname=mrz.primary_name,
        given_names=mrz.secondary_name,
        sex=mrz.sex or data.sex,
        birth_date=mrz.birth_date or data.birth_date,
        nationality=alpha2(mrz.nationality) or data.nationality,
        document_code=mrz.document_code,
        has_document_number=bool(mrz.document_number),
        has_support_number=bool(support) or data.has_support_number,
        issuing_state=mrz.issuing_state,
        document_expiry=mrz.expiry_date,
    )
