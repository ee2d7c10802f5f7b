"""The parte de viajeros as XML: built from the domain's report, checked against our XSD.

:func:`solicitud_xml` writes a :class:`~kiosk.domain.hotel.police.ses.TravellerReport`
as the ``altaParteHospedaje`` request (root ``peticion`` in the namespace
:data:`NAMESPACE`, its children unqualified, elements in the published order;
optional elements left out when empty) and validates it; :func:`validate` checks
any bytes against ``schema/altaParteHospedaje.xsd`` and, beyond what XSD 1.0 can
say, the cross-field rules of the published description (a NIF or NIE needs its
support number, a NIF both surnames, an address in Spain its INE municipality
code, an adult a document, a minor a relationship). Every failure is a
:class:`SesError` naming the element and what is wrong. The XML holds document
numbers (the law asks for them), never an MRZ.
"""

from __future__ import annotations

import importlib.resources
from datetime import date
from functools import cache

from lxml import etree

from kiosk.backoffice.ses.errors import SesError, SesErrorKind
from kiosk.domain.hotel.police.ses import ADULT_AGE, Person, TravellerReport

NAMESPACE = "http://www.neg.hospedajes.mir.es/altaParteHospedaje"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@cache
def schema() -> etree.XMLSchema:
    """Our XSD of the request (package data, read once)."""
    data = (
        importlib.resources.files("kiosk.backoffice.ses")
        .joinpath("schema/altaParteHospedaje.xsd")
        .read_bytes()
    )
    return etree.XMLSchema(etree.fromstring(data, _PARSER))


def _add(parent: etree._Element, tag: str, text: str) -> None:
    if text:
        etree.SubElement(parent, tag).text = text


def _persona(parent: etree._Element, p: Person) -> None:
    el = etree.SubElement(parent, "persona")
    _add(el, "rol", p.role)
    _add(el, "nombre", p.given_names)
    _add(el, "apellido1", p.surname1)
    _add(el, "apellido2", p.surname2)
    _add(el, "tipoDocumento", p.document_type)
    _add(el, "numeroDocumento", p.document_number)
    _add(el, "soporteDocumento", p.support_number)
    _add(el, "fechaNacimiento", p.birth_date.isoformat())
    _add(el, "nacionalidad", p.nationality)
    _add(el, "sexo", p.sex)
    a = p.address
    address = etree.SubElement(el, "direccion")
    _add(address, "direccion", a.street)
    _add(address, "direccionComplementaria", a.extra)
    _add(address, "codigoMunicipio", a.municipality_code)
    _add(address, "nombreMunicipio", "" if a.municipality_code else a.municipality)
    etree.SubElement(address, "codigoPostal").text = a.postal_code
    _add(address, "pais", a.country)
    _add(el, "telefono", p.phone)
    _add(el, "correo", p.email)
    _add(el, "parentesco", p.relationship)


def solicitud_xml(report: TravellerReport) -> bytes:
    """The request of ``report`` as UTF-8 XML with a declaration, validated.

    Raises:
        SesError: (``INVALID``) the result does not validate (a bug or bad data).
    """
    try:
        root = _tree(report)
    except ValueError as error:  # text lxml cannot put in XML (the domain cleans it first)
        raise SesError(
            SesErrorKind.INVALID, f"the report cannot be written as XML: {error}"
        ) from None
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    validate(data)
    return data


def _tree(report: TravellerReport) -> etree._Element:
    root = etree.Element(f"{{{NAMESPACE}}}peticion", nsmap={"ns2": NAMESPACE})
    solicitud = etree.SubElement(root, "solicitud")
    _add(solicitud, "codigoEstablecimiento", report.establishment)
    comunicacion = etree.SubElement(solicitud, "comunicacion")
    c = report.contract
    contrato = etree.SubElement(comunicacion, "contrato")
    _add(contrato, "referencia", c.reference)
    _add(contrato, "fechaContrato", c.contract_date.isoformat())
    _add(contrato, "fechaEntrada", c.arrival.strftime("%Y-%m-%dT%H:%M:%S"))
    _add(contrato, "fechaSalida", c.departure.strftime("%Y-%m-%dT%H:%M:%S"))
    _add(contrato, "numPersonas", str(c.persons))
    _add(contrato, "numHabitaciones", str(c.rooms))
    pago = etree.SubElement(contrato, "pago")
    _add(pago, "tipoPago", c.payment_type)
    for person in report.persons:
        _persona(comunicacion, person)
    return root


def _text(el: etree._Element, tag: str) -> str:
    found = el.find(tag)
    return "" if found is None or found.text is None else found.text


def _age(born: str, on: str) -> int:
    b, d = date.fromisoformat(born), date.fromisoformat(on[:10])
    return d.year - b.year - int((d.month, d.day) < (b.month, b.day))


def _rules(root: etree._Element) -> None:
    """The published cross-field rules (see the module)."""
    for c, comunicacion in enumerate(root.iter("comunicacion"), 1):
        entrada = _text(comunicacion, "contrato/fechaEntrada")
        personas = comunicacion.findall("persona")
        if _text(comunicacion, "contrato/numPersonas") != str(len(personas)):
            raise SesError(
                SesErrorKind.INVALID, f"comunicacion {c}: numPersonas is not the persons sent"
            )
        for n, p in enumerate(personas, 1):
            where = f"comunicacion {c} persona {n}"
            kind = _text(p, "tipoDocumento")
            if kind in ("NIF", "NIE") and not _text(p, "soporteDocumento"):
                raise SesError(SesErrorKind.INVALID, f"{where}: soporteDocumento is required")
            if kind == "NIF" and not _text(p, "apellido2"):
                raise SesError(SesErrorKind.INVALID, f"{where}: apellido2 is required")
            if bool(kind) != bool(_text(p, "numeroDocumento")):
                raise SesError(
                    SesErrorKind.INVALID, f"{where}: tipoDocumento and numeroDocumento go together"
                )
            if _text(p, "direccion/pais") == "ESP" and not _text(p, "direccion/codigoMunicipio"):
                raise SesError(SesErrorKind.INVALID, f"{where}: codigoMunicipio is required")
            adult = _age(_text(p, "fechaNacimiento"), entrada) >= ADULT_AGE
            if adult and not kind:
                raise SesError(SesErrorKind.INVALID, f"{where}: an adult needs tipoDocumento")
            if not adult and not _text(p, "parentesco"):
                raise SesError(SesErrorKind.INVALID, f"{where}: a minor needs parentesco")
            if not (_text(p, "telefono") or _text(p, "telefono2") or _text(p, "correo")):
                raise SesError(SesErrorKind.INVALID, f"{where}: telefono or correo is required")


def validate(data: bytes) -> etree._Element:
    """Parse and check ``data`` against the XSD and the cross-field rules; the root.

    Raises:
        SesError: (``INVALID``) not XML, or the first rule it breaks, with its line.
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise SesError(SesErrorKind.INVALID, f"the solicitud is not XML: {error}") from None
    if root.getroottree().docinfo.doctype:
        raise SesError(SesErrorKind.INVALID, "the solicitud has a DOCTYPE (not allowed)")
    checker = schema()
    try:
        valid = checker.validate(root)
    except etree.XMLSchemaValidateError as error:
        raise SesError(
            SesErrorKind.INVALID, f"the solicitud cannot be validated: {error}"
        ) from None
    if not valid:
        first = checker.error_log[0]  # type: ignore[index]
        raise SesError(SesErrorKind.INVALID, f"line {first.line}: {first.message}")
    try:
        _rules(root)
    except ValueError as error:  # a date the pattern let through but the calendar does not
        if isinstance(error, SesError):
            raise
        raise SesError(SesErrorKind.INVALID, f"a date is not a date: {error}") from None
    return root
