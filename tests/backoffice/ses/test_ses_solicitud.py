"""The parte de viajeros XML: built from reports, checked against our XSD and the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from ses_factories import ANA, LUIS, PABLO, guests, report, with_contract

from kiosk.backoffice.ses import SesError, SesErrorKind, solicitud_xml, validate
from kiosk.backoffice.ses.solicitud import NAMESPACE
from kiosk.domain.hotel.pms import Address, DocumentType, IdentityDocument, Stay, StayState
from kiosk.domain.hotel.police.ses import ReportIncomplete, SesAddress, clean, traveller_report
from kiosk.domain.hotel.register import RegisterData, Relationship
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelSettings, HotelState
from kiosk.domain.money import Money

UTC_NOW = datetime(2026, 12, 5, 15, 0).astimezone()


def test_the_couples_report_validates_and_follows_the_published_shape() -> None:
    data = solicitud_xml(report())
    root = etree.fromstring(data)
    assert root.tag == f"{{{NAMESPACE}}}peticion"
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    solicitud = root.find("solicitud")
    assert solicitud is not None
    assert solicitud.findtext("codigoEstablecimiento") == "0000000042"
    contrato = solicitud.find("comunicacion/contrato")
    assert [c.tag for c in contrato] == [
        "referencia", "fechaContrato", "fechaEntrada", "fechaSalida", "numPersonas",
        "numHabitaciones", "pago",
    ]  # fmt: skip
    assert contrato.findtext("fechaEntrada") == "2026-12-05T16:00:00"
    assert contrato.findtext("pago/tipoPago") == "TARJT"
    ana = solicitud.findall("comunicacion/persona")[0]
    assert [c.tag for c in ana] == [
        "rol", "nombre", "apellido1", "apellido2", "tipoDocumento", "numeroDocumento",
        "soporteDocumento", "fechaNacimiento", "nacionalidad", "sexo", "direccion", "correo",
    ]  # fmt: skip
    assert [c.tag for c in ana.find("direccion")] == [
        "direccion",
        "nombreMunicipio",
        "codigoPostal",
        "pais",
    ]
    assert ana.findtext("rol") == "VI"


def test_a_family_with_a_child_without_documents_validates() -> None:
    root = etree.fromstring(solicitud_xml(report(ANA, LUIS, PABLO)))
    pablo = root.findall("solicitud/comunicacion/persona")[2]
    assert pablo.find("tipoDocumento") is None
    assert pablo.findtext("parentesco") == "PM"


def test_an_address_in_spain_with_its_ine_code_validates() -> None:
    home = SesAddress("Calle Mayor 1", "41001", "ESP", municipality_code="41091")
    root = etree.fromstring(solicitud_xml(report(replace(ANA, address=home))))
    assert root.findtext("solicitud/comunicacion/persona/direccion/codigoMunicipio") == "41091"
    assert root.find("solicitud/comunicacion/persona/direccion/nombreMunicipio") is None


@pytest.mark.parametrize(
    ("built", "named"),
    [
        (report(replace(ANA, support_number="")), "soporteDocumento"),
        (report(replace(ANA, surname2="")), "apellido2"),
        (report(replace(ANA, document_type="", document_number="")), "tipoDocumento"),
        (report(replace(PABLO, relationship="")), "parentesco"),
        (report(replace(LUIS, phone="")), "telefono or correo"),
        (report(replace(ANA, address=SesAddress("Calle Mayor 1", "41001", "ESP", "Sevilla"))),
         "codigoMunicipio"),
        (report(replace(ANA, sex="F")), "sexo"),
        (report(replace(ANA, nationality="ES")), "nacionalidad"),
        (report(replace(LUIS, document_type="DNI")), "tipoDocumento"),
        (report(replace(LUIS, document_number="pxc-765432")), "numeroDocumento"),
        (with_contract(report(), persons=3), "numPersonas"),
        (with_contract(report(), payment_type="CASH"), "tipoPago"),
        (with_contract(report(), reference="x" * 51), "referencia"),
        (replace(report(), establishment="12345678901"), "codigoEstablecimiento"),
    ],
)  # fmt: skip
def test_a_report_that_breaks_a_rule_is_refused_naming_the_element(built, named: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SesError) as refused:
        solicitud_xml(built)
    assert refused.value.kind is SesErrorKind.INVALID
    assert named in str(refused.value)


@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_garbage_never_validates_and_says_why(data: bytes) -> None:
    with pytest.raises(SesError) as refused:
        validate(data)
    assert refused.value.kind is SesErrorKind.INVALID
    assert str(refused.value)


def test_an_entity_is_not_expanded() -> None:
    data = (
        solicitud_xml(report())
        .replace(
            b"<?xml version='1.0' encoding='UTF-8'?>",
            b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )
        .replace(b"<nombre>ANA</nombre>", b"<nombre>&x;</nombre>")
    )
    with pytest.raises(SesError):
        validate(data)


_SETTINGS = HotelSettings(hotel="H", country="ES", currency="EUR")
_STAY = Stay(
    stay_id="s1",
    confirmation_number="4701",
    state=StayState.EXPECTED,
    arrival=date(2026, 12, 5),
    departure=date(2026, 12, 8),
    arrival_at=datetime(2026, 12, 5, 14, 0).astimezone(),
    departure_at=datetime(2026, 12, 8, 11, 0).astimezone(),
    room_type="Double",
    room=None,
    adults=2,
    children=0,
    guests=(),
    rate="Flex",
    total=Money(0, "EUR"),
    paid=Money(0, "EUR"),
)
_DOCUMENTS = st.dictionaries(
    st.sampled_from(["g1", "g2", "g3"]),
    st.builds(
        IdentityDocument,
        st.sampled_from(DocumentType),
        st.one_of(
            st.sampled_from(["12345678Z", "X1234567L", "PAB123456", ""]), st.text(max_size=20)
        ),
        st.sampled_from(["ES", "FR", ""]),
        st.none(),
        support_number=st.one_of(st.just("BAA000589"), st.text(max_size=12)),
    ),
)


@settings(max_examples=300)
@given(st.lists(guests, min_size=1, max_size=4, unique_by=lambda g: g.guest_id), _DOCUMENTS)
def test_any_guests_either_validate_or_are_refused_with_a_named_field(guests_, documents) -> None:  # type: ignore[no-untyped-def]
    state = replace(HotelState.start(_SETTINGS, "v1"), stay=_STAY, guests=tuple(guests_),
                    checked_in=True)  # fmt: skip
    refusal: ReportIncomplete | None = None
    try:
        built = traveller_report(state, documents, at=UTC_NOW, establishment="0000000042")
    except ReportIncomplete as refused:
        refusal, built = refused, None
    if refusal is not None:
        assert refusal.field
        assert refusal.guest in {g.guest_id for g in guests_}
        return
    assert built is not None
    validate(solicitud_xml(built))  # raises if the domain let something invalid through


_ANY = st.text(min_size=1, max_size=150).filter(lambda s: bool(clean(s)))
_NAME = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÑÇ -'", min_size=1, max_size=80).filter(
    lambda s: s.strip()
)
_PLAUSIBLE = st.builds(
    lambda gid, surname, given_, born, country, street, number, phone: (
        GuestState(
            gid,
            surname,
            given_,
            pms_id=gid,
            check=GuestCheck.DONE,
            data=RegisterData(
                surname=surname,
                given_names=given_,
                sex="F",
                birth_date=born,
                nationality=country,
                relationship=Relationship.PARENT,
                address=Address(street, street, "1100-048", country, street),
                phone=phone,
            ),
        ),
        IdentityDocument(DocumentType.PASSPORT, number, "PT", None),
    ),
    st.sampled_from(["g1", "g2", "g3"]),
    _NAME,
    _NAME,
    st.dates(date(1920, 1, 1), date(2026, 12, 4)),
    st.sampled_from(["PT", "FR", "DE", "US", "GB"]),
    _ANY,
    st.from_regex(r"[A-Z0-9]{1,15}", fullmatch=True),
    _ANY,
)


@settings(max_examples=200)
@given(st.lists(_PLAUSIBLE, min_size=1, max_size=5, unique_by=lambda g: g[0].guest_id))
def test_plausible_guests_always_validate(pairs) -> None:  # type: ignore[no-untyped-def]
    state = replace(HotelState.start(_SETTINGS, "v1"), stay=_STAY,
                    guests=tuple(g for g, _ in pairs), checked_in=True)  # fmt: skip
    documents = {g.guest_id: d for g, d in pairs}
    built = traveller_report(state, documents, at=UTC_NOW, establishment="0000000042")
    assert built is not None
    assert len(built.persons) == len(pairs)
    validate(solicitud_xml(built))
