"""The parte de viajeros built from a finished check-in (kiosk.domain.hotel.police.ses)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from hotel_domain_factories import NOW, SETTINGS, STAY, eur

from kiosk.domain.hotel.events import PaymentPurpose
from kiosk.domain.hotel.pms import Address, DocumentType, IdentityDocument
from kiosk.domain.hotel.police import SES_HOSPEDAJES, duty_of
from kiosk.domain.hotel.police.ses import (
    ReportIncomplete,
    alpha3,
    clean,
    document_type_of,
    owes_report,
    split_surname,
    traveller_report,
)
from kiosk.domain.hotel.register import RegisterData, Relationship
from kiosk.domain.hotel.states import (
    GuestCheck,
    GuestState,
    HotelPayment,
    HotelSettings,
    HotelState,
    Purpose,
)

ES = "ES"
HOME = Address("Rua Augusta 1", "Lisboa", "1100-048", "PT")
PASSPORT = IdentityDocument(DocumentType.PASSPORT, "PAB123456", "ES", date(2031, 4, 15))
DNI = IdentityDocument(
    DocumentType.IDENTITY_CARD, "12345678Z", "ES", date(2031, 4, 15), support_number="BAA000589"
)


def adult(gid: str = "g1", **data: object) -> GuestState:
    base = RegisterData(
        surname="GARCIA LOPEZ",
        given_names="ANA",
        sex="F",
        birth_date=date(1985, 3, 2),
        nationality="ES",
        document_code="P",
        has_document_number=True,
        issuing_state="ESP",
        address=HOME,
        email="ana@example.com",
    )
    return GuestState(
        gid, "García López", "Ana", pms_id=gid, check=GuestCheck.DONE, data=replace(base, **data)
    )  # type: ignore[arg-type]


def child(gid: str = "child-1", **data: object) -> GuestState:
    base = RegisterData(
        surname="GARCIA",
        given_names="PABLO",
        sex="M",
        birth_date=date(2019, 6, 1),
        nationality="ES",
        relationship=Relationship.PARENT,
        guardian_id="g1",
    )
    return GuestState(
        gid, "García", "Pablo", minor=True, needs_document=False, check=GuestCheck.DONE,
        data=replace(base, **data),  # type: ignore[arg-type]
    )  # fmt: skip


def visit(*guests: GuestState, country: str = ES, **changes: object) -> HotelState:
    state = HotelState.start(_settings(country), "v1")
    fields: dict[str, object] = {"stay": STAY, "guests": guests, "checked_in": True, **changes}
    return replace(state, **fields)  # type: ignore[arg-type]


def _settings(country: str) -> HotelSettings:
    return replace(SETTINGS, country=country, utc_offset_minutes=60)


def report(state: HotelState, documents: dict[str, IdentityDocument] | None = None):  # type: ignore[no-untyped-def]
    docs = {"g1": PASSPORT} if documents is None else documents
    return traveller_report(state, docs, at=NOW, establishment="0000000042")


@pytest.mark.parametrize(
    ("country", "duty"),
    [("ES", SES_HOSPEDAJES), ("es", SES_HOSPEDAJES), ("PT", ""), ("IT", ""), ("FR", ""), ("", "")],
)
def test_only_spain_owes_a_report_the_kiosk_sends(country: str, duty: str) -> None:
    assert duty_of(country) == duty


def test_a_country_with_no_duty_reports_nothing() -> None:
    assert report(visit(adult(), country="PT")) is None
    assert report(visit(adult(), country="DE")) is None


def test_a_visit_that_checked_nobody_in_reports_nothing() -> None:
    assert report(visit(adult(), checked_in=False)) is None
    assert report(visit(adult(), purpose=Purpose.CHECK_OUT)) is None
    assert report(visit(replace(adult(), check=GuestCheck.NEEDED))) is None
    assert not owes_report(visit(adult(), stay=None))


def test_the_couples_report_names_both_guests_their_documents_and_the_dates() -> None:
    luis = adult(
        "g2", surname="MARTIN", given_names="LUIS", sex="M", email="", phone="+34600111222",
        birth_date=date(1983, 7, 9),
    )  # fmt: skip
    luis_passport = replace(PASSPORT, number="PXC765432")
    paid = HotelPayment(PaymentPurpose.BALANCE, "r1", eur(25000), "approved", NOW)
    built = report(visit(adult(), luis, payments=(paid,)), {"g1": PASSPORT, "g2": luis_passport})
    assert built is not None
    assert built.establishment == "0000000042"
    contract = built.contract
    assert contract.reference == "4701"
    assert contract.arrival == datetime(2026, 12, 5, 16, 0)  # the hotel's local time (+1 h)
    assert contract.departure == datetime(2026, 12, 8, 12, 0)
    assert contract.contract_date == date(2026, 12, 5)
    assert contract.persons == 2
    assert contract.payment_type == "TARJT"
    ana, luis_p = built.persons
    assert (ana.given_names, ana.surname1, ana.surname2) == ("ANA", "GARCIA LOPEZ", "")
    assert (ana.document_type, ana.document_number, ana.sex) == ("PAS", "PAB123456", "M")
    assert (luis_p.sex, luis_p.phone, luis_p.email) == ("H", "+34600111222", "")
    assert ana.nationality == "ESP"
    assert ana.address.country == "PRT"
    assert ana.address.municipality == "Lisboa"
    assert "PAB123456" not in repr(built)  # numbers stay out of logs


def test_nothing_paid_at_the_kiosk_is_paid_at_the_hotel() -> None:
    built = report(visit(adult()))
    assert built is not None
    assert built.contract.payment_type == "DESTI"


def test_a_dni_sends_nif_with_the_support_number_and_both_surnames() -> None:
    built = report(visit(adult(document_code="ID")), {"g1": DNI})
    assert built is not None
    ana = built.persons[0]
    assert (ana.document_type, ana.support_number) == ("NIF", "BAA000589")
    assert (ana.surname1, ana.surname2) == ("GARCIA", "LOPEZ")


def test_a_child_without_a_document_goes_with_the_adults_address_and_a_relationship() -> None:
    built = report(visit(adult(), child()))
    assert built is not None
    pablo = built.persons[1]
    assert (pablo.document_type, pablo.document_number) == ("", "")
    assert pablo.relationship == "PM"
    assert pablo.address.street == "Rua Augusta 1"
    assert pablo.email == "ana@example.com"


@pytest.mark.parametrize(
    ("guests", "documents", "guest", "field"),
    [
        ((adult(birth_date=None),), None, "g1", "birth_date"),
        ((adult(),), {}, "g1", "document_number"),
        ((adult(nationality=""),), None, "g1", "nationality"),
        ((adult(address=None),), None, "g1", "address"),
        ((adult(email=""),), None, "g1", "contact"),
        ((adult(document_code="ID"),), {"g1": replace(DNI, support_number="")}, "g1",
         "support_number"),
        ((adult(surname="GARCIA", document_code="ID"),), {"g1": DNI}, "g1", "second_surname"),
        ((adult(address=Address("Calle Mayor 1", "Villa Inventada", "41001", "ES")),), None,
         "g1", "address.municipality_code"),
        ((adult(), child(relationship=None)), None, "child-1", "relationship"),
        ((replace(adult(given_names=""), given_names=""),), None, "g1", "given_names"),
    ],
)  # fmt: skip
def test_incomplete_data_is_refused_with_the_guest_and_the_field_named(
    guests: tuple[GuestState, ...],
    documents: dict[str, IdentityDocument] | None,
    guest: str,
    field: str,
) -> None:
    with pytest.raises(ReportIncomplete) as refused:
        report(visit(*guests), documents)
    assert (refused.value.guest, refused.value.field) == (guest, field)
    assert field in str(refused.value)


def test_an_establishment_code_is_required() -> None:
    with pytest.raises(ReportIncomplete, match="establishment"):
        traveller_report(visit(adult()), {"g1": PASSPORT}, at=NOW, establishment="")


@pytest.mark.parametrize(
    ("surname", "parts"),
    [
        ("GARCIA LOPEZ", ("GARCIA", "LOPEZ")),
        ("DE LA FUENTE RUIZ", ("DE LA FUENTE", "RUIZ")),
        ("DEL RIO", ("DEL RIO", "")),
        ("MARTIN", ("MARTIN", "")),
        ("", ("", "")),
    ],
)
def test_a_spanish_surname_splits_at_its_first_word(surname: str, parts: tuple[str, str]) -> None:
    assert split_surname(surname) == parts


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (PASSPORT, "PAS"),
        (DNI, "NIF"),
        (replace(DNI, number="X1234567L"), "NIE"),
        (replace(DNI, issuing_state="FR", number="X4RTBPFW4"), "OTRO"),
    ],
)
def test_document_types(document: IdentityDocument, kind: str) -> None:
    assert document_type_of(document) == kind


def test_alpha3_codes() -> None:
    assert (alpha3("ES"), alpha3("de"), alpha3("GB"), alpha3("??")) == ("ESP", "DEU", "GBR", "")


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  ANA\tMARIA \n", "ANA MARIA"),
        ("RUA\x08 AUGUSTA\x00", "RUA AUGUSTA"),
        ("A\u00a0B\u200bC", "A BC"),
        ("\x01\x02", ""),
    ],
)
def test_text_is_cleaned_for_xml(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


def test_an_unusable_email_is_left_out_and_a_phone_serves() -> None:
    built = report(visit(adult(email="not an address", phone="+34\x07 600 111 222")))
    assert built is not None
    assert (built.persons[0].email, built.persons[0].phone) == ("", "+34 600 111 222")
    with pytest.raises(ReportIncomplete, match="contact"):
        report(visit(adult(email="not an address")))


def test_long_text_is_cut_to_the_schemas_length_without_a_trailing_space() -> None:
    built = report(visit(adult(given_names="A" * 49 + " BEATRIZ")))
    assert built is not None
    assert built.persons[0].given_names == "A" * 49


@pytest.mark.parametrize("number", ["PAB<12345", "P" * 16, "PAB 123"])
def test_a_document_number_that_is_not_letters_and_digits_is_refused(number: str) -> None:
    with pytest.raises(ReportIncomplete, match="document_number"):
        report(visit(adult()), {"g1": replace(PASSPORT, number=number)})
